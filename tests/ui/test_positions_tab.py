import hashlib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QTableView, QWidget

from app.store import models

from .helpers import click, find, table_texts, type_into, type_text


def open_page(window, title: str):
    return window.positions_tab.tabs.page(title)


def test_a_venue_below_the_standard_is_marked(qtbot, window):
    panel = open_page(window, "活动场所")
    click(qtbot, panel, "新增活动场所")
    form = panel.form
    type_into(qtbot, form, "场所名称", "芦笙村活动室")
    type_into(qtbot, form, "面积（㎡）", "三百")
    click(qtbot, form, "保存")
    assert find(form, "面积（㎡）提示", QLabel).text() == "面积应为数字，例如 1200.50"
    assert not models.Venue.select().exists()

    type_into(qtbot, form, "面积（㎡）", "300")
    type_into(qtbot, form, "建设年度", "2016")
    type_into(qtbot, form, "投资（元）", "268000.5")
    find(form, "党员活动中心").setChecked(True)
    rooms = find(form, "党员活动中心所在房间", QLineEdit)
    assert rooms.isEnabled()
    type_text(rooms, "二楼201室")
    click(qtbot, form, "保存")

    rows = table_texts(find(panel, "活动场所列表", QTableView))
    assert rows == [
        ["芦笙村活动室", "300", "未达标（差 100 ㎡）", "新建", "2016", "268,000.50", "党员活动中心（二楼201室）"]
    ]
    red = find(panel, "活动场所列表", QTableView).model().index(0, 2).data(Qt.ItemDataRole.ForegroundRole)
    assert red is not None
    assert "1 处未达标" in find(panel, "面积标准", QLabel).text()
    venue = models.Venue.get()
    assert str(venue.investment) == "268000.50" and venue.centres == {"党员活动中心": "二楼201室"}


def test_ticking_checklist_items_changes_the_figure_and_undo_takes_it_back(qtbot, window):
    panel = open_page(window, "标准自查")
    figure = find(panel, "自查完成情况", QLabel)
    assert figure.text() == "“五有”标准自查：已达标 0/5 项（0%）"
    table = find(panel, "自查项目列表", QTableView)
    model = table.model()
    met_column = next(
        c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == "是否达到"
    )
    model.setData(model.index(0, met_column), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    model.setData(model.index(3, met_column), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert figure.text() == "“五有”标准自查：已达标 2/5 项（40%）"
    assert models.ChecklistItem.select().where(models.ChecklistItem.met == True).count() == 2  # noqa: E712

    window.undo_action.trigger()
    assert figure.text() == "“五有”标准自查：已达标 1/5 项（20%）"
    window.redo_action.trigger()
    assert figure.text() == "“五有”标准自查：已达标 2/5 项（40%）"


def test_switching_to_the_six_item_list(qtbot, window, answer, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("六有", True))
    panel = open_page(window, "标准自查")
    click(qtbot, panel, "切换清单")
    assert "将被替换" in answer["asked"][0]
    assert find(panel, "自查完成情况", QLabel).text() == "“六有”标准自查：已达标 0/6 项（0%）"
    window.undo_action.trigger()
    assert find(panel, "自查完成情况", QLabel).text() == "“五有”标准自查：已达标 0/5 项（0%）"


def test_deleting_asks_first_and_can_be_undone(qtbot, window, answer):
    panel = open_page(window, "设备台账")
    click(qtbot, panel, "新增设备")
    form = panel.form
    type_into(qtbot, form, "名称", "激光打印机")
    type_into(qtbot, form, "数量", "1")
    type_into(qtbot, form, "金额（元）", "2380")
    type_into(qtbot, form, "购置日期", "2019年4月12日")
    click(qtbot, form, "保存")
    table = find(panel, "设备列表", QTableView)
    assert table_texts(table)[0][:5] == ["激光打印机", "1", "", "2,380.00", "2019-04-12"]
    assert find(panel, "设备合计", QLabel).text() == "合计：1 种 1 件，金额 2,380.00 元"

    table.selectRow(0)
    answer["reply"] = answer["reply"].No
    click(qtbot, panel, "删除")
    assert "确定删除设备“激光打印机”吗" in answer["asked"][-1]
    assert models.Facility.select().count() == 1

    answer["reply"] = answer["reply"].Yes
    click(qtbot, panel, "删除")
    assert models.Facility.select().count() == 0 and table.model().rowCount() == 0
    window.undo_action.trigger()
    assert table_texts(table)[0][0] == "激光打印机"


def test_search_matches_pinyin_initials(qtbot, demo_window):
    panel = open_page(demo_window, "上墙制度")
    table = find(panel, "制度列表", QTableView)
    total = table.model().rowCount()
    qtbot.keyClicks(find(panel, "搜索制度", QLineEdit), "cwgl")
    titles = [row[0] for row in table_texts(table)]
    assert titles == ["村级财务管理制度"]
    assert len(titles) < total
    assert find(panel, "制度条数", QLabel).text() == f"找到 {len(titles)} 条（共 {total} 条）"


def test_lists_sort_by_clicking_a_column(qtbot, demo_window):
    panel = open_page(demo_window, "设备台账")
    table = find(panel, "设备列表", QTableView)
    table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    amounts = [float(row[3].replace(",", "")) for row in table_texts(table)]
    assert amounts == sorted(amounts, reverse=True)


def test_a_rule_is_edited_and_its_poster_rendered(qtbot, demo_window, tmp_path, monkeypatch):
    from app.ui import file_dialogs

    from app.ui.widgets import messages

    panel = open_page(demo_window, "上墙制度")
    table = find(panel, "制度列表", QTableView)
    row = next(i for i, r in enumerate(table_texts(table)) if r[0] == "印章使用管理制度")
    table.selectRow(row)
    click(qtbot, panel, "修改")
    form = panel.form
    body = form.editor("正文")
    body.setPlainText("一、公章由支部书记指定专人保管。\n二、用印逐项登记。")
    click(qtbot, form, "保存")
    village = demo_window.session.village
    rule = models.WallRule.get((models.WallRule.title == "印章使用管理制度") & (models.WallRule.village == village))
    assert rule.body == "一、公章由支部书记指定专人保管。\n二、用印逐项登记。"

    click(qtbot, panel, "预览上墙海报")
    preview = demo_window.preview
    assert preview.windowTitle() == "预览：印章使用管理制度"
    assert preview.document.pageCount() == 1
    target = tmp_path / "海报.pdf"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: str(target))
    monkeypatch.setattr(messages, "inform", lambda *a, **k: None)
    click(qtbot, preview, "另存为PDF")
    assert target.read_bytes().startswith(b"%PDF")
    from pypdf import PdfReader

    text = "".join(PdfReader(str(target)).pages[0].extract_text().split())
    assert "一、公章由支部书记指定专人保管。" in text
    issued = models.IssuedSheet.get()
    import hashlib

    assert issued.sha256 == hashlib.sha256(target.read_bytes()).hexdigest() and issued.kind == "wall_rule"

    combo = find(preview, "纸张", QComboBox)
    combo.setCurrentIndex(combo.findText("A3 横向"))
    size = preview.document.pagePointSize(0)
    assert (round(size.width()), round(size.height())) == (1191, 842)


def test_a_merged_rule_must_name_its_target(qtbot, window):
    panel = open_page(window, "上墙制度")
    click(qtbot, panel, "新增制度")
    form = panel.form
    type_into(qtbot, form, "制度名称", "村务公开制度")
    form.editor("正文").setPlainText("并入四议两公开制度。")
    status = form.editor("状态")
    status.setCurrentIndex(status.findText("已合并"))
    click(qtbot, form, "保存")
    assert find(form, "并入制度提示", QLabel).text() == "状态为“已合并”时，请选择并入哪项制度"
    assert not models.WallRule.select().exists()


def test_typical_rules_are_offered_as_starting_texts(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from app.ui.positions.wall_rules import TypicalRulesDialog

    def choose_two(dialog):
        for row in (0, 6):
            dialog.list.item(row).setCheckState(Qt.CheckState.Checked)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TypicalRulesDialog, "exec", choose_two)
    panel = open_page(window, "上墙制度")
    click(qtbot, panel, "从常用制度添加")
    titles = sorted(r[0] for r in table_texts(find(panel, "制度列表", QTableView)))
    assert titles == sorted(["村民自治章程和村规民约", "村级财务管理制度"])
    assert "村务监督委员会集体审核签章" in models.WallRule.get(models.WallRule.title == "村级财务管理制度").body


def test_activity_log(qtbot, window):
    panel = open_page(window, "思想阵地")
    click(qtbot, panel, "新增活动")
    form = panel.form
    type_into(qtbot, form, "日期", "2026-05-20")
    type_into(qtbot, form, "类型", "道德讲堂")
    type_into(qtbot, form, "主题", "孝老爱亲好家风")
    type_into(qtbot, form, "主讲人", "吴秀英")
    type_into(qtbot, form, "参加人数", "七十")
    click(qtbot, form, "保存")
    assert find(form, "参加人数提示", QLabel).text() == "参加人数应为整数，例如 12"
    type_into(qtbot, form, "参加人数", "73")
    click(qtbot, form, "保存")
    assert table_texts(find(panel, "活动列表", QTableView))[0][:5] == [
        "2026-05-20",
        "道德讲堂",
        "孝老爱亲好家风",
        "吴秀英",
        "73",
    ]


def test_every_control_has_its_label_as_accessible_name(window):
    for title in ("活动场所", "标准自查", "设备台账", "上墙制度", "思想阵地"):
        open_page(window, title)
    for kind in (QPushButton, QLineEdit, QTableView, QComboBox):
        for widget in window.findChildren(kind):
            if isinstance(widget.parent(), (QComboBox,)) or not widget.isVisibleTo(window) and kind is QLineEdit:
                continue
            assert widget.accessibleName(), f"{kind.__name__} {widget.objectName()} 没有可访问名称"
    for button in window.findChildren(QPushButton):
        if button.text():
            assert button.accessibleName() == button.text().replace("&", "").replace("…", "")
    assert isinstance(window.findChild(QWidget, "阵地分页"), QWidget)


def test_a_rule_that_others_were_merged_into_cannot_be_deleted(qtbot, demo_window, answer):
    panel = open_page(demo_window, "上墙制度")
    table = find(panel, "制度列表", QTableView)
    table.selectRow(next(i for i, r in enumerate(table_texts(table)) if r[0] == "四议两公开工作制度"))
    click(qtbot, panel, "删除")
    assert "有 1 项制度已并入“四议两公开工作制度”，不能删除" in answer["asked"][-1]
    village = demo_window.session.village
    assert (
        models.WallRule.select()
        .where((models.WallRule.village == village) & (models.WallRule.title == "四议两公开工作制度"))
        .exists()
    )


def test_printing_sends_the_pages_and_records_it(qtbot, demo_window, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog
    from pypdf import PdfReader

    out = tmp_path / "printed.pdf"

    def accept(dialog):
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    open_page(demo_window, "标准自查")
    preview = demo_window.open_sheet("venue_check", str(demo_window.session.village.id))
    landscape_a3 = next(i for i in range(preview.page_choice.count()) if preview.page_choice.itemText(i) == "A3 横向")
    preview.page_choice.setCurrentIndex(landscape_a3)
    click(qtbot, preview, "打印")
    printed = PdfReader(str(out))
    assert len(printed.pages) == preview.document.pageCount() >= 1
    box = printed.pages[0].mediabox  # the printer took the sheet's paper and orientation, not its defaults
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (420, 297)
    issued = models.IssuedSheet.get()
    assert issued.action == "打印" and issued.kind == "venue_check" and len(issued.sha256) == 64
    kept = Path(issued.path)  # the exact PDF that went to the printer, findable by its hash
    assert kept.name == f"{issued.sha256}.pdf" and hashlib.sha256(kept.read_bytes()).hexdigest() == issued.sha256


def test_a_photo_is_copied_into_the_data_folder(qtbot, window, data_dir, tmp_path, monkeypatch, answer):
    from PySide6.QtGui import QImage
    from app.ui import file_dialogs

    photo = tmp_path / "U盘" / "牌子.png"
    photo.parent.mkdir()
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(0xC8161D)
    image.save(str(photo))
    monkeypatch.setattr(file_dialogs, "open_file", lambda *a, **k: str(photo))
    panel = open_page(window, "标准自查")
    find(panel, "自查项目列表", QTableView).selectRow(1)
    click(qtbot, panel, "选择照片")
    item = models.ChecklistItem.get(models.ChecklistItem.text == "有标识")
    assert item.photo.startswith("photos/") and item.photo.endswith(".png")
    photo.unlink()  # the stick is gone; the copy stays
    assert (data_dir / item.photo).read_bytes()[:4] == b"\x89PNG"
    assert table_texts(find(panel, "自查项目列表", QTableView))[1][4] == "牌子.png"  # the name the clerk knows

    panel.show_photo()  # shown inside the program
    viewer = panel.photo_viewer
    assert viewer.windowTitle() == "有标识：牌子.png" and not viewer.original.isNull()
    viewer.close()

    answer["reply"] = answer["reply"].Yes
    click(qtbot, panel, "移除照片")
    assert models.ChecklistItem.get_by_id(item.id).photo == ""
    assert (data_dir / item.photo).exists()  # the file stays, so the removal can be undone
    window.undo_action.trigger()
    assert models.ChecklistItem.get_by_id(item.id).photo == item.photo
