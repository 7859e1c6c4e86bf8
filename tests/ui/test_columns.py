"""Columns: a very long name does not push the others away; the clerk's widths are kept and remembered."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from app.store import models, records
from app.ui.widgets.record_panel import MAX_AUTO_WIDTH

from .helpers import find, table_texts
from .test_positions_tab import open_page


def test_a_very_long_name_is_capped_and_elided(qtbot, window):
    records.save(models.Facility(village=window.session.village, name="长" * 500, status="在用"))
    panel = open_page(window, "设备台账")
    table = find(panel, "设备列表", QTableView)
    assert table.columnWidth(0) <= MAX_AUTO_WIDTH
    assert table.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "长" * 500  # the whole name


def test_the_clerks_widths_survive_saves_and_restarts(qtbot, window):
    panel = open_page(window, "设备台账")
    table = find(panel, "设备列表", QTableView)
    table.horizontalHeader().resizeSection(1, 211)
    records.save(models.Facility(village=window.session.village, name="投影仪", status="在用"))
    panel.reload()
    assert table.columnWidth(1) == 211
    panel.settings.sync()

    again = type(panel)(window.session)
    assert again.table.columnWidth(1) == 211


def test_row_numbers_follow_the_order_shown(qtbot, window):
    for name in ("乙", "甲", "丙"):
        records.save(models.Facility(village=window.session.village, name=name, status="在用"))
    panel = open_page(window, "设备台账")
    table = find(panel, "设备列表", QTableView)
    panel.reload()
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    model = table.model()
    assert [model.headerData(row, Qt.Orientation.Vertical) for row in range(3)] == ["1", "2", "3"]
    assert [row[0] for row in table_texts(table)] == sorted(["乙", "甲", "丙"], reverse=True)
