#!/usr/bin/env bash
# The installed Windows program with Qt's real `windows` platform plugin, which Wine 8 (Debian 12) lacks an API
# for: Wine 10 from Debian trixie in a chroot (build/work/trixie), under Xvfb, with a zh_CN locale. Installs the
# installer silently, runs the window's every-page self-test, starts the program on the demo and takes a
# screenshot (build/out/windows-wine10.png). Run as root after `python build/build.py windows`.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=build/work/trixie
installer=$(ls build/out/sanqiang-workbench-*-win64.exe | tail -1)

if [ ! -x "$root/usr/bin/wine" ]; then
  command -v debootstrap >/dev/null || apt-get install -y -q debootstrap
  [ -d "$root/usr" ] || debootstrap --variant=minbase trixie "$root" http://deb.debian.org/debian
  chroot "$root" apt-get update -q
  chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    wine wine64 xvfb xauth x11-apps locales netpbm
  chroot "$root" localedef -i zh_CN -f UTF-8 zh_CN.UTF-8 || true
fi

mkdir -p "$root/tmp/sq"
cp "$installer" "$root/tmp/sq/setup.exe"
printf '@echo off\r\n"C:\\Program Files\\sanqiang-workbench\\sanqiang-workbench-cli.exe" %%*\r\nexit /b %%errorlevel%%\r\n' \
  > "$root/tmp/sq/run.bat"
mount --bind /proc "$root/proc" 2>/dev/null || true
trap 'umount "$root/proc" 2>/dev/null || true' EXIT

chroot "$root" env -i HOME=/root PATH=/usr/bin:/bin LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 \
  WINEPREFIX=/tmp/sq/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" bash -s <<'EOF'
set -euo pipefail
cd /tmp/sq
rm -rf prefix
Xvfb :7 -screen 0 1280x800x24 -fbdir /tmp/sq & xvfb=$!
export DISPLAY=:7
sleep 2
wine --version
wineboot --init >/dev/null 2>&1 </dev/null || true
wine setup.exe /S </dev/null | cat; wineserver -w
echo "== every page with Qt's windows platform plugin"
wine cmd /c 'Z:\tmp\sq\run.bat' --demo --self-test-pages </dev/null | cat
wineserver -w
echo "== the window on the demo, for a screenshot"
wine 'C:\Program Files\sanqiang-workbench\sanqiang-workbench.exe' </dev/null | cat &
sleep 25
xwdtopnm /tmp/sq/Xvfb_screen0 2>/dev/null | pnmtopng > /tmp/sq/shot.png
wineserver -k || true
kill "$xvfb" || true
if grep -h "unhandled error" prefix/drive_c/users/*/AppData/Local/sanqiang-workbench/logs/sanqiang.log; then
  echo "程序在 Wine 10 下出错（见上面的日志）" >&2
  exit 1
fi
EOF
cp "$root/tmp/sq/shot.png" build/out/windows-wine10.png
echo "截图：build/out/windows-wine10.png"
