"""文件 → 备份数据库… and 从备份恢复…, as a clerk uses them."""

import sqlite3

from PySide6.QtWidgets import QTableWidget

from app.ui import file_dialogs

from app import paths
from app.store import backups, models, records

from .helpers import click, find
from .test_history_and_conflicts import add_facility


def test_backup_to_a_folder_the_clerk_picks(qtbot, window, answer, tmp_path, monkeypatch):
    usb = tmp_path / "U盘"
    usb.mkdir()
    monkeypatch.setattr(file_dialogs, "choose_folder", lambda *a, **k: str(usb))
    window.backup_now()
    made = backups.backups_in(usb)
    assert len(made) == 1 and "核对无误" in answer["asked"][-1] and str(made[0]) in answer["asked"][-1]
    assert backups.verify(made[0])["village"] == 1


def test_restore_lists_backups_and_brings_one_back(qtbot, window, answer):
    add_facility(qtbot, window, "投影仪")
    taken = backups.take_backup(paths.database_file(window.data_dir), paths.backup_dir(window.data_dir), "manual")
    add_facility(qtbot, window, "打印机")
    assert models.Facility.select().count() == 2

    dialog = window.restore_backup()
    table = find(dialog, "备份列表", QTableWidget)
    assert table.rowCount() == 1
    cells = [table.item(0, column).text() for column in range(table.columnCount())]
    assert cells[1] == "手动" and cells[2].endswith("KB") and "芦笙村" in cells[3]
    assert cells[0] == f"{backups.taken_at(taken):%Y-%m-%d %H:%M}"

    answer["reply"] = answer["reply"].No
    click(qtbot, dialog, "恢复所选备份")
    assert models.Facility.select().count() == 2  # 否: nothing changed

    answer["reply"] = answer["reply"].Yes
    click(qtbot, dialog, "恢复所选备份")
    assert [f.name for f in models.Facility.select()] == ["投影仪"]
    assert "被替换的数据库保留在" in answer["asked"][-1]
    kept = next(paths.backup_dir(window.data_dir).glob("sanqiang-replaced-*.db"))
    connection = sqlite3.connect(kept)
    assert connection.execute("select count(*) from facility").fetchone()[0] == 2
    connection.close()
    assert not window.undo_action.isEnabled()  # the history spoke of records the backup does not have
    records.save(models.Facility(village=window.session.village, name="音响", status="在用"))  # still writable
