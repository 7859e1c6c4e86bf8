"""文件 → 村庄管理…: add a village, change it, remove the demo ones (asked, backed up, undoable)."""

from PySide6.QtWidgets import QComboBox, QTableWidget

from app import paths
from app.store import models

from .helpers import click, find, type_into


def rows(dialog) -> list[list[str]]:
    table = find(dialog, "村庄列表", QTableWidget)
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_add_a_village_then_remove_a_demo_one_and_undo_it(qtbot, demo_window, answer):
    dialog = demo_window.manage_villages()
    names = [row[2] for row in rows(dialog)]
    assert names == sorted(
        names, key=lambda name: ["塘头村", "铁山村", "芽溪村", "涌溪村"].index(name)
    )  # pinyin: tang tie ya yong

    click(qtbot, dialog, "新增村")
    form = demo_window.village_form
    for label, text in (
        ("村名", "芦笙村"),
        ("所属乡镇", "涌溪乡"),
        ("县", "镇远县"),
        ("户数", "300"),
        ("18岁以上人口", "900"),
        ("村民代表人数", "28"),
        ("监督电话", "0855-5721234"),
    ):
        type_into(qtbot, form, label, text)
    click(qtbot, form, "保存")
    assert demo_window.session.village.name == "芦笙村"
    assert "芦笙村" in [row[2] for row in rows(dialog)]
    assert find(demo_window, "当前村", QComboBox).count() == 5

    table = find(dialog, "村庄列表", QTableWidget)
    table.selectRow([row[2] for row in rows(dialog)].index("塘头村"))
    tangtou = models.Village.get(models.Village.name == "塘头村")
    records_before = sum(m.select().where(m.village == tangtou).count() for m in models.VILLAGE_TABLES)
    click(qtbot, dialog, "删除村")
    assert "塘头村" in answer["asked"][-1] and f"{records_before} 条记录" in answer["asked"][-1]
    assert not models.Village.select().where(models.Village.name == "塘头村").exists()
    assert list(paths.backup_dir(demo_window.data_dir).glob("sanqiang-before-remove-*.db"))
    deleted = (
        models.AuditEntry.select()
        .where((models.AuditEntry.village_id == str(tangtou.id)) & (models.AuditEntry.action == "delete"))
        .count()
    )
    assert deleted == records_before + 1  # every record's deletion is audited, and the village's

    demo_window.undo_action.trigger()
    back = models.Village.get(models.Village.name == "塘头村")
    assert sum(m.select().where(m.village == back).count() for m in models.VILLAGE_TABLES) == records_before


def test_the_only_village_cannot_be_removed(qtbot, window, answer):
    dialog = window.manage_villages()
    find(dialog, "村庄列表", QTableWidget).selectRow(0)
    click(qtbot, dialog, "删除村")
    assert "唯一的村" in answer["asked"][-1] and models.Village.select().count() == 1
