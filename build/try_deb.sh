#!/usr/bin/env bash
# Installs the built .deb on this (Debian/Ubuntu) machine, starts the installed program under Xvfb as a
# user would (demo township, one sheet printed to PDF, the window shown and screenshotted), then removes
# the package and checks that the user's data folder is still there.   Run as root:  bash build/try_deb.sh
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(ls -t build/out/sanqiang-workbench_*.deb | head -1)
shots=${SHOTS:-build/out/screens}
mkdir -p "$shots"
export HOME=$(mktemp -d)   # a fresh user
echo "== installing $deb"
apt-get install -y -qq "./$deb" xvfb >/dev/null
command -v sanqiang-workbench
grep -q "Name\[zh_CN\]=村级三强工作台" /usr/share/applications/sanqiang-workbench.desktop
echo "== demo township and a sheet"
sanqiang-workbench demo
line=$(sanqiang-workbench notices | grep venue_check | head -1)
sanqiang-workbench render "$(echo "$line" | cut -f1)" "$(echo "$line" | cut -f2)" --out "$HOME/自查表.pdf"
echo "== the window under Xvfb"
Xvfb :97 -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
DISPLAY=:97 sanqiang-workbench --self-test
DISPLAY=:97 sanqiang-workbench &
app=$!
sleep 4
if [ -x .venv/bin/python ]; then  # a picture of the screen, to look at
  DISPLAY=:97 .venv/bin/python -c "import sys; from PySide6.QtWidgets import QApplication; \
app = QApplication(sys.argv); app.primaryScreen().grabWindow(0).save(sys.argv[1])" "$shots/installed.png"
  echo "screenshot: $shots/installed.png"
fi
kill $app 2>/dev/null || true
data="$HOME/.local/share/sanqiang-workbench"
test -f "$data/sanqiang.db"
echo "== removing"
apt-get remove -y -qq sanqiang-workbench >/dev/null
test ! -e /opt/sanqiang-workbench && test ! -e /usr/bin/sanqiang-workbench
test -f "$data/sanqiang.db" && echo "user data kept: $data"
echo "OK"
