"""The Windows installer built on Debian (`python build/build.py windows`): its recipe compiles to a 64-bit
installer, its wheel unpacking does what pip does, and when it has been built, the .exe is a PE32+ amd64 NSIS
installer of a sensible size whose smoke test under Wine (build/out/windows-smoke.json) passed."""

import importlib.util
import json
import shutil
import struct
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "build" / "out"
INSTALLERS = sorted(OUT.glob("sanqiang-workbench-*-win64.exe")) if OUT.exists() else []
AMD64, PE32_PLUS = 0x8664, 0x20B


def load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pe_header(path: Path) -> tuple[int, int]:
    """(machine, optional-header magic) of a Windows executable."""
    data = path.read_bytes()[:4096]
    assert data[:2] == b"MZ"
    offset = struct.unpack_from("<I", data, 0x3C)[0]
    assert data[offset : offset + 4] == b"PE\0\0"
    return struct.unpack_from("<H", data, offset + 4)[0], struct.unpack_from("<H", data, offset + 24)[0]


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis 未安装（Debian 软件包 nsis）")
def test_the_installer_recipe_makes_a_64_bit_installer(tmp_path):
    payload = tmp_path / "sanqiang-workbench"
    (payload / "_internal").mkdir(parents=True)
    (payload / "sanqiang-workbench.exe").write_bytes(b"MZ stand-in")
    (payload / "_internal" / "LICENSE").write_text("a file without a dot in its name is packed too")
    target = tmp_path / "setup.exe"
    load("build_script", ROOT / "build" / "build.py").compile_installer("makensis", payload, target, "0.1.0")
    assert pe_header(target) == (AMD64, PE32_PLUS)  # without -XTarget amd64-unicode it is a 32-bit i386 one


def test_the_installer_refuses_windows_older_than_10_1809():
    script = (ROOT / "build" / "windows" / "installer.nsi").read_text(encoding="utf-8")
    on_init = script[script.index("Function .onInit") : script.index("FunctionEnd")]
    assert "${AtLeastBuild} 17763" in on_init and "Abort" in on_init
    assert "Windows 7" in on_init and "/SD IDOK" in on_init  # said in Chinese, and also in a silent install


def test_wheels_are_unpacked_as_pip_installs_them(tmp_path):
    sys.path.insert(0, str(ROOT / "build" / "windows"))
    try:
        toolchain = load("toolchain", ROOT / "build" / "windows" / "toolchain.py")
    finally:
        sys.path.remove(str(ROOT / "build" / "windows"))
    wheel = tmp_path / "demo-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("demo/__init__.py", "VALUE = 1\n")
        archive.writestr("demo-1.0.dist-info/METADATA", "Name: demo\n")
        archive.writestr("demo-1.0.data/platlib/demo_native.pyd", b"native")
        archive.writestr("demo-1.0.data/scripts/demo-tool", "#!python\n")
    site = tmp_path / "site-packages"
    toolchain.unpack_wheel(wheel, site)
    assert (site / "demo" / "__init__.py").read_text() == "VALUE = 1\n"
    assert (site / "demo-1.0.dist-info" / "METADATA").exists()
    assert (site / "demo_native.pyd").read_bytes() == b"native"
    assert not (site / "demo-tool").exists() and not (site / "demo-1.0.data").exists()


@pytest.mark.skipif(not INSTALLERS, reason="未构建 Windows 安装程序：python build/build.py windows")
def test_the_built_installer_is_a_64_bit_nsis_installer_under_60_mib():
    installer = INSTALLERS[-1]
    assert pe_header(installer) == (AMD64, PE32_PLUS)
    assert b"Nullsoft" in installer.read_bytes()
    assert 20 * 2**20 < installer.stat().st_size < 60 * 2**20


@pytest.mark.skipif(not INSTALLERS, reason="未构建 Windows 安装程序：python build/build.py windows")
def test_the_built_installer_passed_its_smoke_test_under_wine():
    report_file = OUT / "windows-smoke.json"
    if not report_file.exists():
        pytest.skip("安装程序还没有做冒烟测试：python build/windows/win64.py --smoke-only")
    report = json.loads(report_file.read_text(encoding="utf-8"))
    installer = INSTALLERS[-1]
    if report["installer"] != installer.name or report["installer_bytes"] != installer.stat().st_size:
        pytest.skip("冒烟测试报告是另一次构建的")
    assert report["passed"], report
    assert report["refused_on_windows_7"] and report["data_kept_after_uninstall"]
    assert set(report["rendered"].values()) == {"ok"}
    assert "集体经济" in report["self_test_pages"]
