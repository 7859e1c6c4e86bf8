"""The smoke test of the Windows installer, in a fresh Wine prefix under a zh_CN locale (code page 936):
refused on Windows 7; installed silently; the demo, the sheets (their Chinese text read back from the PDF
with pdftotext) and every page of the window (offscreen: Wine 8 lacks what Qt's windows platform plugin
needs); uninstalled, keeping the data. The results go to build/out/windows-smoke.json."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path

import toolchain
from toolchain import ROOT, WORK, step, windows_path

PREFIX = WORK / "wine-smoke"
REPORT = ROOT / "build" / "out" / "windows-smoke.json"
APP_NAME = "村级三强工作台"
APP_ID = "sanqiang-workbench"
# Wine passes no QT_* variable on to a Windows program: a batch file sets them inside.
RUN_BAT = "@echo off\r\nset QT_QPA_PLATFORM=offscreen\r\n%*\r\nexit /b %errorlevel%\r\n"
SHEETS = ("result_notice", "venue_check", "finance_disclosure", "compact_booklet", "economy_report")


def check(installer: Path) -> dict:
    if not installer.exists():
        raise SystemExit(f"没有安装程序：{installer}（先运行 python build/build.py windows）")
    started = time.monotonic()
    step(f"冒烟测试：新的 Wine 前缀 {PREFIX}，区域设置 {toolchain.LOCALE}")
    shutil.rmtree(PREFIX, ignore_errors=True)
    toolchain.ensure_prefix(PREFIX)
    drive = PREFIX / "drive_c"
    install_dir = drive / "Program Files" / APP_ID
    results: dict = {"installer": installer.name, "installer_bytes": installer.stat().st_size}

    step("Windows 7 上应拒绝安装")
    wine(["winecfg", "-v", "win7"])
    code, _ = wine([windows_path(installer), "/S"])
    results["refused_on_windows_7"] = code != 0 and not install_dir.exists()
    results["windows_7_exit_code"] = code
    wine(["winecfg", "-v", "win10"])

    step("静默安装（/S）")
    code, _ = wine([windows_path(installer), "/S"])
    shortcuts = [
        drive / "ProgramData" / "Microsoft" / "Windows" / "Start Menu" / "Programs" / APP_NAME / f"{APP_NAME}.lnk",
        drive / "users" / "Public" / "Desktop" / f"{APP_NAME}.lnk",
    ]
    results["installed"] = code == 0 and (install_dir / f"{APP_ID}.exe").exists()
    results["shortcuts"] = all(path.exists() for path in shortcuts)
    _, registry = wine(["reg", "query", rf"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\{APP_ID}"])
    results["uninstall_entry"] = APP_NAME in registry

    bat = WORK / "smoke" / "run.bat"
    bat.parent.mkdir(parents=True, exist_ok=True)
    bat.write_bytes(RUN_BAT.encode("ascii"))
    cli = str(install_dir / f"{APP_ID}-cli.exe")

    def program(*args: str) -> tuple[int, str]:
        return wine(["cmd", "/c", windows_path(bat), windows_path(Path(cli)), *args])

    step("演示数据（默认数据文件夹：用户的 AppData）")
    code, out = program("demo")
    data_dirs = list(drive.glob(f"users/*/AppData/Local/{APP_ID}"))
    results["demo"] = code == 0 and "已放入演示数据" in out
    results["data_in_appdata"] = bool(data_dirs) and (data_dirs[0] / "sanqiang.db").exists()
    results["nothing_written_under_program_files"] = not any(install_dir.glob("*.db"))

    step("生成公示单，用 pdftotext 读回中文")
    code, listing = program("notices")
    rows = [line.split("\t") for line in listing.splitlines() if line.count("\t") == 2]
    results["sheets_listed"] = len(rows)
    rendered = {}
    for kind in SHEETS:
        row = next((row for row in rows if row[0] == kind), None)
        if row is None:
            rendered[kind] = "未列出"
            continue
        pdf = WORK / "smoke" / f"{kind}.pdf"
        pdf.unlink(missing_ok=True)
        code, _ = program("render", kind, row[1], "--out", windows_path(pdf))
        text = pdf_text(pdf) if pdf.exists() else ""
        village = row[2].split("：")[0]
        rendered[kind] = "ok" if code == 0 and village in text else f"退出码 {code}，PDF 里没有“{village}”"
        if kind == "result_notice" and "决议时间" not in text:
            rendered[kind] = "PDF 里没有“决议时间”"
    results["rendered"] = rendered

    step("窗口自检：打开每个分页（offscreen）")
    code, out = program("--self-test-pages")
    pages = next((line for line in out.splitlines() if "已打开的分页：" in line), "")
    results["self_test_pages"] = pages.strip() if code == 0 and pages else f"退出码 {code}"
    code, out = program("--data-dir", windows_path(WORK / "smoke" / "empty"), "--self-test")
    results["self_test_on_empty_folder_exit_code"] = code

    step("静默卸载，数据应保留")
    wine([windows_path(install_dir / "uninstall.exe"), "/S"])
    results["uninstalled"] = not (install_dir / f"{APP_ID}.exe").exists() and not any(p.exists() for p in shortcuts)
    results["data_kept_after_uninstall"] = bool(data_dirs) and (data_dirs[0] / "sanqiang.db").exists()
    results["seconds"] = round(time.monotonic() - started)

    passed = (
        all(results[key] is True for key in results if isinstance(results[key], bool))
        and all(value == "ok" for value in rendered.values())
        and results["self_test_pages"].startswith("已打开的分页：")
        and results["self_test_on_empty_folder_exit_code"] == 2
    )
    results["passed"] = passed
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    print(json.dumps(results, ensure_ascii=False, indent=2), flush=True)
    if not passed:
        raise SystemExit(f"Windows 安装程序冒烟测试没有通过（见 {REPORT}）")
    print(f"冒烟测试通过（{results['seconds']} 秒）", flush=True)
    return results


def wine(command: list[str]) -> tuple[int, str]:
    return toolchain.wine(command, prefix=PREFIX, timeout=900)


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
