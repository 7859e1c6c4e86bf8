"""The installer recipes stay valid: the NSIS script compiles (against a stand-in payload, since a
Windows bundle cannot be built here), and the .deb recipe's metadata is right when one has been built."""

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_build_module():
    spec = importlib.util.spec_from_file_location("build_script", ROOT / "build" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis 未安装（Debian 软件包 nsis）")
def test_nsis_script_compiles_into_a_windows_installer(tmp_path):
    payload = tmp_path / "sanqiang-workbench"
    (payload / "_internal" / "resources").mkdir(parents=True)
    (payload / "sanqiang-workbench.exe").write_bytes(b"MZ stand-in for the bundled program")
    (payload / "_internal" / "resources" / "说明.txt").write_text("中文文件名也要能打包", encoding="utf-8")
    target = tmp_path / "installer.exe"
    load_build_module().compile_installer("makensis", payload, target, version="0.1.0")
    data = target.read_bytes()
    assert data[:2] == b"MZ" and b"Nullsoft" in data and len(data) > 50_000


def test_nsis_script_installs_per_machine_in_chinese_and_keeps_user_data():
    script = (ROOT / "build" / "windows" / "installer.nsi").read_text(encoding="utf-8")
    assert "Unicode true" in script and 'MUI_LANGUAGE "SimpChinese"' in script
    assert "RequestExecutionLevel admin" in script and "SetShellVarContext all" in script
    assert "$SMPROGRAMS" in script and "$DESKTOP" in script
    uninstall = script[script.index('Section "Uninstall"') :]
    commands = [line.strip() for line in uninstall.splitlines() if not line.strip().startswith(";")]
    assert not any("APPDATA" in line for line in commands)  # the user's data folder is never touched
    assert 'RMDir /r "$INSTDIR"' not in commands  # never a recursive delete of the chosen folder


DEB = sorted((ROOT / "build" / "out").glob("sanqiang-workbench_*.deb")) if (ROOT / "build" / "out").exists() else []


@pytest.mark.skipif(not DEB or shutil.which("dpkg-deb") is None, reason="未构建 .deb：python build/build.py deb")
def test_deb_installs_under_opt_with_menu_entry_and_depends():
    deb = DEB[-1]
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    assert "./opt/sanqiang-workbench/sanqiang-workbench" in listing
    assert "./usr/bin/sanqiang-workbench" in listing
    assert "./usr/share/applications/sanqiang-workbench.desktop" in listing
    assert "./usr/share/icons/hicolor/256x256/apps/sanqiang-workbench.png" in listing
    assert not any("home/" in line or ".local/share" in line for line in listing.splitlines())
    depends = subprocess.run(["dpkg-deb", "-f", str(deb), "Depends"], capture_output=True, text=True).stdout
    assert "libc6 (>= 2." in depends and "libxcb-cursor0" in depends and "libfontconfig1" in depends
    workdir = Path(subprocess.run(["mktemp", "-d"], capture_output=True, text=True).stdout.strip())
    subprocess.run(["dpkg-deb", "-x", str(deb), str(workdir)], check=True)
    desktop = (workdir / "usr/share/applications/sanqiang-workbench.desktop").read_text(encoding="utf-8")
    assert "Name[zh_CN]=村级三强工作台" in desktop and "Exec=sanqiang-workbench" in desktop
    shutil.rmtree(workdir)
