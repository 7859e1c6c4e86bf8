"""The Windows installer, built on Debian: PyInstaller run by the embeddable CPython under Wine on the
project's spec, then makensis for a 64-bit NSIS installer, then the smoke test of the installed program.

    python build/build.py windows                # build, then smoke-test the installer
    python build/windows/win64.py --smoke-only   # only the smoke test of the installer already built
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import smoke
import toolchain
from toolchain import ROOT, WORK, step, windows_path

NAME = "sanqiang-workbench"
DIST = ROOT / "build" / "out" / "windows"
BUNDLE = DIST / NAME


def installer_path(version: str) -> Path:
    return ROOT / "build" / "out" / f"{NAME}-{version}-win64.exe"


def size_mib(path: Path) -> float:
    files = [path] if path.is_file() else [f for f in path.rglob("*") if f.is_file()]
    return sum(f.stat().st_size for f in files) / 2**20


def bundle(python_exe: Path) -> Path:
    step(f"PyInstaller（在 Wine 里用 Windows 版 Python）→ {BUNDLE}")
    toolchain.ensure_prefix()
    # Not --clean: PyInstaller's analysis cache under build/work/windows makes a second build faster.
    code, _ = toolchain.wine(
        [
            windows_path(python_exe),
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            windows_path(DIST),
            "--workpath",
            windows_path(WORK / "pyinstaller"),
            windows_path(ROOT / "build" / "sanqiang.spec"),
        ]
    )
    for exe in (f"{NAME}.exe", f"{NAME}-cli.exe"):
        if code or not (BUNDLE / exe).exists():
            raise SystemExit(f"PyInstaller 没有生成 {BUNDLE / exe}（退出码 {code}）")
    print(f"bundle: {BUNDLE} ({size_mib(BUNDLE):.0f} MiB)", flush=True)
    return BUNDLE


def build(compile_installer: Callable[[str, Path, Path, str], None], version: str, with_smoke: bool = True) -> Path:
    started = time.monotonic()
    toolchain.ensure_apt_packages()
    toolchain.ensure_locale()
    python_exe = toolchain.ensure_python()
    bundled = bundle(python_exe)
    target = installer_path(version)
    step(f"makensis（64 位、简体中文）→ {target}")
    compile_installer("makensis", bundled, target, version)
    built = time.monotonic() - started
    print(f"installer: {target} ({size_mib(target):.1f} MiB), bundle {size_mib(bundled):.0f} MiB, {built:.0f} s")
    if with_smoke:
        smoke.check(target)
    return target


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="在 Debian 上构建 Windows 安装程序")
    parser.add_argument("--smoke-only", action="store_true", help="只对已构建的安装程序做冒烟测试")
    parser.add_argument("--no-smoke", action="store_true", help="构建后不做冒烟测试")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from app import __version__

    if args.smoke_only:
        toolchain.ensure_apt_packages()
        toolchain.ensure_locale()
        smoke.check(installer_path(__version__))
        return
    sys.path.insert(0, str(ROOT / "build"))
    from build import compile_installer

    build(compile_installer, __version__, with_smoke=not args.no_smoke)


if __name__ == "__main__":
    main()
