"""Smoke test of the built PyInstaller bundle (`python build/build.py bundle`); skipped when not built."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# On Windows the headless commands run through the console twin of the windowed program.
EXECUTABLE = (
    ROOT
    / "build"
    / "out"
    / "sanqiang-workbench"
    / ("sanqiang-workbench-cli.exe" if sys.platform == "win32" else "sanqiang-workbench")
)

pytestmark = pytest.mark.skipif(not EXECUTABLE.exists(), reason="安装包未构建：先运行 python build/build.py bundle")


def run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([str(EXECUTABLE), *args], capture_output=True, text=True, timeout=180, env=env)


def test_bundled_program_runs_every_command_and_shows_its_window(tmp_path):
    data = str(tmp_path / "data")
    assert run("--data-dir", data, "demo").returncode == 0
    lines = run("--data-dir", data, "notices").stdout.splitlines()
    assert len(lines) > 4
    kind, record_id, _ = lines[0].split("\t")
    out = tmp_path / "poster.pdf"
    rendered = run("--data-dir", data, "render", kind, record_id, "--out", str(out))
    assert rendered.returncode == 0, rendered.stderr
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
        assert "WenQuanYiMicroHei" in fonts and " yes yes yes " in fonts
    for wanted in ("finance_disclosure", "compact_booklet", "economy_report"):  # libraries loaded only to render
        kind, record_id, _ = next(line for line in lines if line.startswith(wanted)).split("\t")
        rendered = run("--data-dir", data, "render", kind, record_id, "--out", str(tmp_path / f"{kind}.pdf"))
        assert rendered.returncode == 0, rendered.stderr
    township_xls = ROOT / "tests" / "fixtures" / "township-members.xls"
    imported = run("--data-dir", data, "import", "members", str(township_xls), "--village", "涌溪村")
    assert imported.returncode == 0 and "已导入 4 名" in imported.stdout, imported.stderr
    exported = run("--data-dir", data, "export", "members", "--village", "涌溪村", "--out", str(tmp_path / "名册.xlsx"))
    assert exported.returncode == 0, exported.stderr
    check = run("--data-dir", data, "check")
    assert check.returncode == 0 and "数据库完好" in check.stdout
    shown = run("--data-dir", data, "--self-test")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("窗口已显示：镇远县涌溪乡")
    every_page = run("--data-dir", data, "--self-test-pages")  # each page's Qt modules (QtCharts …) are bundled
    assert every_page.returncode == 0, every_page.stderr
    assert "已打开的分页：" in every_page.stdout and "集体经济" in every_page.stdout


def test_bundle_carries_only_chinese_qt_translations_and_no_unused_qt_modules():
    internal = EXECUTABLE.parent / "_internal"
    translations = sorted(p.name for p in internal.rglob("*.qm"))
    assert translations and all(name.endswith("zh_CN.qm") for name in translations)
    names = {p.name for p in internal.rglob("*")}
    assert not any(n.startswith(("libQt6Qml", "libQt6Quick", "Qt6Qml", "Qt6Quick")) for n in names)
    assert not any("wayland" in n.lower() for n in names)
    assert (internal / "resources" / "fonts" / "wqy-microhei.ttc").exists()
    bundled_fonts = {p.name for p in (internal / "resources" / "fonts").rglob("*.ttf")}
    assert {"HanaMinA-ext.ttf", "HanaMinB-ext.ttf"} <= bundled_fonts


def test_the_debian_package_stays_under_60_mb():
    packages = list((ROOT / "build" / "out").glob("*.deb"))
    if not packages:
        pytest.skip("没有构建 .deb：python build/build.py deb")
    assert max(p.stat().st_size for p in packages) < 60 * 1024 * 1024
