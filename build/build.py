"""Builds the installable artefacts. Run from the repository root:

python build/build.py bundle   # PyInstaller onedir bundle -> build/out/sanqiang-workbench/
python build/build.py deb      # the bundle wrapped as a .deb -> build/out/sanqiang-workbench_<version>_<arch>.deb
python build/build.py nsis     # Windows: the NSIS installer from the bundle (needs makensis)
python build/build.py windows  # Debian: the Windows installer built under Wine, then smoke-tested (build/windows/)
"""

from __future__ import annotations

import argparse
import platform
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"
OUT = BUILD / "out"
WORK = BUILD / "work"
NAME = "sanqiang-workbench"
BUNDLE = OUT / NAME
sys.path.insert(0, str(ROOT))
from app import APP_NAME, __version__  # noqa: E402

# Loaded at run time without being linked, so PyInstaller cannot see them.
DLOPENED_DEPENDS = ["libegl1", "libgl1", "libxkbcommon-x11-0", "libxcb-cursor0"]


def run(*command: str, **kwargs) -> None:
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True, **kwargs)


def bundle() -> Path:
    run(
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--distpath",
        str(OUT),
        "--workpath",
        str(WORK),
        str(BUILD / "sanqiang.spec"),
        cwd=ROOT,
    )
    print(f"bundle: {BUNDLE} ({size_mb(BUNDLE):.1f} MB)")
    return BUNDLE


def size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) / 1e6


def oldest_glibc(folder: Path) -> str:
    """The newest GLIBC_x.y symbol version any binary in the bundle asks for: the oldest glibc it runs on."""
    newest = (0, 0)
    for path in elf_files(folder):
        symbols = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
        for major, minor in re.findall(r"GLIBC_(\d+)\.(\d+)", symbols):
            newest = max(newest, (int(major), int(minor)))
    return f"{newest[0]}.{newest[1]}"


def elf_files(folder: Path):
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with open(path, "rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    yield path


def system_packages(folder: Path) -> list[str]:
    """The Debian packages providing the libraries the bundle's binaries link to but do not carry."""
    carried = {path.name for path in folder.rglob("*")}
    needed = set()
    for path in elf_files(folder):
        dynamic = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True).stdout
        needed.update(re.findall(r"^\s*NEEDED\s+(\S+)", dynamic, re.MULTILINE))
    known = {}
    for line in subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout.splitlines():
        if "=>" in line:
            name = line.split()[0]
            known.setdefault(name, line.split("=>")[1].strip())
    packages = set()
    for library in sorted(needed - carried):
        path = known.get(library)
        found = (
            subprocess.run(["dpkg", "-S", str(Path(path).resolve())], capture_output=True, text=True) if path else None
        )
        if found is None or found.returncode:
            found = subprocess.run(["dpkg", "-S", f"*/{library}"], capture_output=True, text=True)
        if found.returncode == 0:
            packages.add(found.stdout.split(":")[0].strip())
        else:
            print(f"warning: no package provides {library}", file=sys.stderr)
    packages.discard("libc6")
    return sorted(packages)


def deb_arch() -> str:
    return {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())


DESKTOP_ENTRY = f"""[Desktop Entry]
Type=Application
Name={APP_NAME}
Name[zh_CN]={APP_NAME}
GenericName=Village Three Strengths Workbench
Comment=村级“强阵地、强管理、强服务”工作台
Comment[zh_CN]=村级“强阵地、强管理、强服务”工作台
Exec={NAME}
Icon={NAME}
Terminal=false
Categories=Office;
StartupWMClass={NAME}
"""

LAUNCHER = f"""#!/bin/sh
exec /opt/{NAME}/{NAME} "$@"
"""


def deb() -> Path:
    if not BUNDLE.exists():
        bundle()
    glibc = oldest_glibc(BUNDLE)
    root = WORK / "deb"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(BUNDLE, root / "opt" / NAME, symlinks=True)
    launcher = root / "usr" / "bin" / NAME
    launcher.parent.mkdir(parents=True)
    launcher.write_text(LAUNCHER)
    launcher.chmod(0o755)
    applications = root / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    (applications / f"{NAME}.desktop").write_text(DESKTOP_ENTRY, encoding="utf-8")
    icons = root / "usr" / "share" / "icons" / "hicolor" / "256x256" / "apps"
    icons.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "icons" / "app.png", icons / f"{NAME}.png")
    depends = [f"libc6 (>= {glibc})", *sorted(set(system_packages(BUNDLE)) | set(DLOPENED_DEPENDS))]
    control = root / "DEBIAN" / "control"
    control.parent.mkdir()
    installed_kb = int(size_mb(root) * 1000)
    control.write_text(
        f"Package: {NAME}\nVersion: {__version__}\nSection: misc\nPriority: optional\nArchitecture: {deb_arch()}\n"
        f"Maintainer: 村级三强工作台开发组 <noreply@localhost>\nInstalled-Size: {installed_kb}\n"
        f"Depends: {', '.join(depends)}\n"
        f"Description: {APP_NAME} (village three-strengths workbench)\n"
        " Offline desktop program for village offices: venue records, self-checks, rules on the wall\n"
        " and notice-board sheets printed as PDF. The user's data folder is never touched by removal.\n",
        encoding="utf-8",
    )
    refresh_menu = (
        "command -v update-desktop-database >/dev/null && update-desktop-database -q || true\n"
        "command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q /usr/share/icons/hicolor || true\n"
    )
    for script in ("postinst", "postrm"):  # neither touches the user's data folder
        path = root / "DEBIAN" / script
        path.write_text("#!/bin/sh\nset -e\n" + refresh_menu)
        path.chmod(0o755)
    target = OUT / f"{NAME}_{__version__}_{deb_arch()}.deb"
    run("dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(target))
    print(f"deb: {target} ({size_mb(target):.1f} MB), needs glibc >= {glibc}")
    return target


def nsis() -> Path:
    if not BUNDLE.exists():
        bundle()
    makensis = shutil.which("makensis") or r"C:\Program Files (x86)\NSIS\makensis.exe"
    target = OUT / f"{NAME}-{__version__}-win64.exe"
    compile_installer(makensis, BUNDLE, target)
    print(f"installer: {target} ({size_mb(target):.1f} MB)")
    return target


def compile_installer(makensis: str, payload: Path, target: Path, version: str = __version__) -> None:
    """Runs makensis from the script's folder: the script finds the icon relative to itself."""
    run(
        makensis,
        "-V2",
        "-XTarget amd64-unicode",  # without it the installer is 32-bit
        f"-DVERSION={version}",
        f"-DPAYLOAD={payload.resolve()}",
        f"-DOUTFILE={target.resolve()}",
        "installer.nsi",
        cwd=BUILD / "windows",
    )


def windows() -> Path:
    sys.path.insert(0, str(BUILD / "windows"))
    import win64  # build/windows/ holds its own modules, loaded only for this command

    return win64.build(compile_installer, __version__)


def main() -> None:
    parser = argparse.ArgumentParser(description="构建安装包")
    parser.add_argument("artefact", choices=["bundle", "deb", "nsis", "glibc", "windows"])
    args = parser.parse_args()
    if args.artefact == "glibc":
        print(oldest_glibc(BUNDLE))
        return
    {"bundle": bundle, "deb": deb, "nsis": nsis, "windows": windows}[args.artefact]()


if __name__ == "__main__":
    main()
