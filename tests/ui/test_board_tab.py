"""公开栏, as a clerk takes the demo village through a quarter: the due list, the whole board printed in a few
actions, the 监委会's review and the posting, an objection answered, a correction, the take-down, a reprint."""

import datetime as dt

from PySide6.QtWidgets import QDialog

from app.domain import periods
from app.store import board as store
from app.store import models

from .helpers import click, find, table_texts, type_into

TODAY = dt.date.today()


def board_page(window, title):
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.board_tab))
    return window.board_tab.tabs.page(title)


def test_a_quarter_on_the_board(qtbot, demo_window, answer, monkeypatch):
    from app.ui import printing
    from app.ui.board import preview as board_preview

    printed = []
    monkeypatch.setattr(board_preview.QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(
        printing,
        "print_document",
        lambda document, printer, each_on_its_paper=False: printed.append((document.pageCount(), each_on_its_paper)),
    )
    window = demo_window
    page = board_page(window, "本期公开")  # action 1: the tab (the suggested period is this quarter)
    assert find(page, "期间").currentText() == periods.quarter_of(TODAY)
    rows = table_texts(find(page, "本期公开清单"))
    assert rows and {row[0] for row in rows} >= {"长期公开", "财务公开"}
    unposted = [row for row in rows if not row[3].startswith("已张贴")]
    assert unposted, "the demo village's board is not all up yet this quarter"
    before = models.Publication.select().count()
    assert "本期" in find(page, "本期公开统计").text()

    click(qtbot, page, "整版预览")  # action 2
    preview = page.preview
    pages = preview.document.pageCount()
    assert pages >= len(rows)
    click(qtbot, preview, "打印")  # action 3, and 4: OK in the print dialog
    assert printed == [(pages, True)]  # one job, each sheet on its own paper
    preview.close()

    printed_parts = {(part.kind, part.record_id): part.pdf for part in preview.parts}
    click(qtbot, page, "登记张贴")
    form = page.post_form
    assert f"{len(unposted)} 张按打印出的原样存档" in find(form, "张贴日期说明").text()
    type_into(qtbot, form, "监委会审核人", "")
    type_into(qtbot, form, "审核日期", "")
    click(qtbot, form, "保存")
    assert "审核后才能张贴" in find(form, "监委会审核人提示").text()
    assert models.Publication.select().count() == before  # nothing half-posted
    type_into(qtbot, form, "监委会审核人", "赵监委")
    type_into(qtbot, form, "审核日期", TODAY.isoformat())
    click(qtbot, form, "保存")
    assert not form.isVisible()
    assert {row[3][:3] for row in table_texts(find(page, "本期公开清单"))} == {"已张贴"}
    posted = models.Publication.select().count()
    assert posted == before + len(unposted)
    for publication in models.Publication.select().where(models.Publication.posted_on == TODAY):
        # what went up is what was printed, byte for byte
        assert store.archived(publication.sha256) == printed_parts[(publication.kind, publication.record_id)]

    records = board_page(window, "张贴记录")
    records.table.selectRow(0)  # the newest: one just posted
    chosen = records.selected()
    assert chosen.posted_on == TODAY
    click(qtbot, records, "重印原件")
    assert records.preview.sheet.pdf == store.archived(chosen.sha256)  # the archived bytes, not a new render
    records.preview.close()

    click(qtbot, records, "异议")
    objections = records.objections_dialog.panel
    click(qtbot, objections, "新增异议")
    type_into(qtbot, objections.form, "反映人", "张三")
    type_into(qtbot, objections.form, "异议内容", "表上的数字不对")
    type_into(qtbot, objections.form, "答复", "已核对，是印错了，已更正")
    click(qtbot, objections.form, "保存")
    assert "请填写答复日期" in find(objections.form, "答复日期提示").text()
    type_into(qtbot, objections.form, "答复日期", TODAY.isoformat())
    click(qtbot, objections.form, "保存")
    records.objections_dialog.close()

    records.select_id(chosen.id)
    click(qtbot, records, "更正")
    assert "原来张贴的那份原样保留" in answer["asked"][-1]
    type_into(qtbot, records.correct_form, "更正说明", "更正数字")
    click(qtbot, records.correct_form, "保存")
    correction = models.Publication.get(models.Publication.corrects == chosen.id)
    assert models.Publication.get_by_id(chosen.id).sha256 == chosen.sha256
    assert any("（更正）" in row[1] for row in table_texts(records.table))

    records.select_id(correction.id)
    click(qtbot, records, "撤下")
    click(qtbot, records.take_down_form, "保存")
    assert "至少要公开 5 天" in find(records.take_down_form, "撤下日期提示").text()
    records.take_down_form.close()

    click(qtbot, records, "核对存档")
    assert f"核对了 {posted + 1} 份张贴原件，全部" in answer["asked"][-1]


def card_texts(listing):
    return [listing.item(row).text() for row in range(listing.count())]


def test_the_board_as_it_hangs_its_photo_and_the_year(qtbot, demo_window, answer, monkeypatch, tmp_path):
    from PySide6.QtCore import QDate
    from PySide6.QtGui import QColor, QImage
    from PySide6.QtWidgets import QFileDialog

    from app.domain import board as b
    from app.publishing import sheets as catalogue

    window = demo_window
    village = window.session.village
    picture = board_page(window, "公开栏现状")
    up = [p for p in models.Publication.select() if p.taken_down_on is None or p.taken_down_on > TODAY]
    cards = {panel: card_texts(find(picture, f"{panel}张贴")) for panel in b.PANELS}
    assert any("班子成员分工" in text for text in cards[b.LONG_TERM])
    assert sum(len([t for t in texts if t != "（空）"]) for texts in cards.values()) == len(up)
    assert f"公开栏上共 {len(up)} 张" in find(picture, "公开栏现状统计").text()
    find(picture, "查看日期").setDate(QDate(TODAY.year - 1, 1, 1))  # before the demo's board history
    assert "公开栏上共 0 张" in find(picture, "公开栏现状统计").text()
    assert card_texts(find(picture, "长期公开张贴")) == ["（空）"]
    click(qtbot, picture, "今天")
    duties = find(picture, "长期公开张贴")
    duties.setCurrentRow(next(n for n, t in enumerate(card_texts(duties)) if "班子成员分工" in t))
    click(qtbot, picture, "看原件")
    chosen = picture.selected()
    assert picture.preview.sheet.pdf == store.archived(chosen.sha256)
    picture.preview.close()

    # a photo of the board, from the clerk's camera: made smaller, archived, shown, undone
    records = board_page(window, "张贴记录")
    records.select_id(chosen.id)
    not_a_photo = tmp_path / "看板.jpg"
    not_a_photo.write_text("不是照片")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(not_a_photo), ""))
    click(qtbot, records, "附照片")
    assert "打不开“看板.jpg”" in answer["asked"][-1]
    assert models.Publication.get_by_id(chosen.id).photo == ""
    photo = tmp_path / "公开栏.png"
    image = QImage(3000, 2000, QImage.Format.Format_RGB32)
    image.fill(QColor("#b22222"))
    image.save(str(photo))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(photo), ""))
    click(qtbot, records, "附照片")
    kept = QImage.fromData(store.archived(models.Publication.get_by_id(chosen.id).photo))
    assert (kept.width(), kept.height()) == (2000, 1333)
    records.select_id(chosen.id)
    click(qtbot, records, "看照片")
    assert not records.photo_dialog.picture.pixmap().isNull()
    records.photo_dialog.close()
    click(qtbot, records, "核对存档")
    assert f"核对了 {models.Publication.select().count() + 1} 份" in answer["asked"][-1]
    assert picture.photo_button.isEnabled()
    assert window.session.undo()
    assert models.Publication.get_by_id(chosen.id).photo == ""

    year = board_page(window, "全年公开")
    opened = []
    year.open_sheet = lambda kind, record_id, **_: opened.append((kind, record_id))
    table = find(year, "全年公开表")
    assert "本月" in table.horizontalHeaderItem(TODAY.month + 1).text()
    rows = {row[1]: row for row in table_texts(table)}
    this_year = [p for p in models.Publication.select() if p.posted_on.year == TODAY.year]
    for publication in this_year:
        month_cell = rows[catalogue.KINDS[publication.kind].label][publication.posted_on.month + 1]
        assert f"{publication.posted_on.day}日" in month_cell
    assert f"全年张贴 {len(this_year)} 份" in find(year, "全年公开统计").text()
    click(qtbot, year, "打印全年表")
    assert opened == [("board_year", f"{village.id}:{TODAY.year}")]
