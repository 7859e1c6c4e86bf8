"""管理 → 村规民约, as a clerk pastes the compact from Word, checks what the program understood, takes it through
the adoption procedure and prints the wall version and the household booklet."""

import datetime as dt

from PySide6.QtWidgets import QApplication

from app.domain import compact as cp
from app.store import compacts, models

from .helpers import click, find, type_into
from tests.unit.test_compact import WORD_CHAPTERS


def compacts_page(window):
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.management_tab))
    return window.management_tab.tabs.page("村规民约")


def paste(qtbot, editor, text: str) -> None:
    body = find(editor, "村规民约正文")
    body.setFocus()
    QApplication.clipboard().setText(text)
    body.paste()
    editor.refresh()


def step(qtbot, page, on: dt.date, **typed):
    click(qtbot, page, "记录下一步")
    form = page.step_form
    type_into(qtbot, form, "日期", on.isoformat())
    for label, text in typed.items():
        type_into(qtbot, form, label, text)
    click(qtbot, form, "保存")
    return form


def test_a_compact_is_pasted_checked_adopted_and_printed(qtbot, window, answer, monkeypatch, tmp_path):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog

    page = compacts_page(window)
    click(qtbot, page, "新增村规民约")
    editor = page.editor
    click(qtbot, editor, "保存")
    assert "没有找到编号的条款" in find(editor, "正文提示").text()
    paste(qtbot, editor, WORD_CHAPTERS)
    assert "结构：分章分条，2 章，4 条，2 个分项" in find(editor, "识别说明").text()
    tree = find(editor, "识别结果")
    assert [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())] == ["第一章 总则", "第二章 社会治安"]
    assert "第四条“罚款”：罚款是行政处罚" in find(editor, "措辞提醒").toPlainText()
    click(qtbot, editor, "保存")
    version = models.CompactVersion.get()
    assert version.compact.title == "芽溪村村规民约" and "第二条" in version.body

    page.select_id(version.id)
    click(qtbot, page, "措辞检查")
    assert "取消当年分红待遇" in answer["asked"][-1]
    start = dt.date.today() - dt.timedelta(days=60)
    step(qtbot, page, start, **{"收到意见（条）": "86"})
    step(qtbot, page, start + dt.timedelta(days=5))
    step(qtbot, page, start + dt.timedelta(days=10), 审核意见="同意")
    form = step(qtbot, page, start + dt.timedelta(days=20), 应到按="户代表", 实到="301", 赞成="250")
    assert "实到不能多于应到的 300 人" in find(form, "实到提示").text()
    type_into(qtbot, form, "实到", "250")
    click(qtbot, form, "保存")
    assert not form.isVisible()
    click(qtbot, page, "修改")
    assert "已经村民会议表决" in answer["asked"][-1]
    step(qtbot, page, start + dt.timedelta(days=22))
    step(qtbot, page, start + dt.timedelta(days=25))
    version = models.CompactVersion.get_by_id(version.id)
    assert compacts.status(version) == cp.IN_FORCE and version.expected == 300

    printed_to = tmp_path / "户册.pdf"
    seen = {}

    def accept(dialog):
        printer = dialog.printer()
        seen["copies"] = printer.copyCount()
        printer.setCopyCount(2)  # the clerk prints two to try the fold first
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed_to))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    asked_duplex = []  # a PDF printer (no real one here) forgets the duplex mode, so watch it being asked
    real_set_duplex = QPrinter.setDuplex
    monkeypatch.setattr(
        QPrinter, "setDuplex", lambda self, mode: (asked_duplex.append(mode), real_set_duplex(self, mode))
    )
    click(qtbot, page, "户册")
    preview = window.preview
    assert preview.page.label == "A4 横向" and "双面打印（短边翻转）" in find(preview, "打印提示").text()
    click(qtbot, preview, "打印")
    assert seen == {"copies": 300}  # one for each household
    assert asked_duplex == [QPrinter.DuplexMode.DuplexShortSide]
    record = models.CompactPrint.get()
    assert (record.kind, record.copies, record.version_id) == ("户册", 2, version.id)
    preview.close()
    click(qtbot, page, "上墙版")
    assert window.preview.page.label == "A3 纵向"


def test_a_new_version_keeps_the_old_one_and_takes_over_once_adopted(qtbot, demo_window, answer):
    page = compacts_page(demo_window)
    village = demo_window.session.village
    first = next(v for v in models.CompactVersion.select() if v.village_id == village.id and v.number == 1)
    before = len(compacts.versions_of(first.compact))
    page.select_id(first.id)
    click(qtbot, page, "新版本")
    assert find(page.editor, "村规民约正文").toPlainText() == first.body
    click(qtbot, page.editor, "保存")
    numbers = [v.number for v in compacts.versions_of(first.compact)]
    assert numbers == list(range(1, before + 2))
    page.select_id(first.id)
    click(qtbot, page, "删除")
    assert models.CompactVersion.get_or_none(models.CompactVersion.id == first.id) is None
    assert demo_window.session.undo()
    assert models.CompactVersion.get_or_none(models.CompactVersion.id == first.id) is not None
