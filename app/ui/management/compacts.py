"""村规民约: a compact pasted from Word with its structure shown as the program understood it before saving,
wording it may not contain flagged with the reason, the adoption procedure recorded step by step, new
versions, the wall version and the household booklet (copies: one per household; every print recorded)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import compact as cp
from app.domain import four_two as f
from app.domain import values as v
from app.store import compacts as store
from app.store import models, records
from app.store.errors import StorageError
from app.ui.session import Session
from app.ui.widgets import messages
from app.ui.widgets.forms import ERROR_STYLE, FieldSpec, RecordForm
from app.ui.widgets.labels import dialog_buttons, fit_to_screen, named, open_transient
from app.ui.widgets.record_panel import RecordKind, RecordPanel
from app.ui.widgets.table import Column


@dataclass
class VersionFacts:
    """What the list shows of a version, worked out once a reload."""

    shape: str
    flags: list[cp.Flag]
    status: str
    progress: str
    copies: int


def version_kind(facts_of: Callable[[], dict]) -> RecordKind:
    facts = lambda r: facts_of().get(r.id)  # noqa: E731
    return RecordKind(
        noun="村规民约",
        model=models.CompactVersion,
        columns=[
            Column("名称", lambda r: r.compact.title),
            Column("版本", lambda r: f"第{r.number}版", sort_key=lambda r: r.number),
            Column("结构", lambda r: facts(r).shape if facts(r) else ""),
            Column("程序进度", lambda r: facts(r).progress if facts(r) else ""),
            Column("状态", lambda r: facts(r).status if facts(r) else ""),
            Column(
                "措辞提醒",
                lambda r: f"{len(facts(r).flags)} 处" if facts(r) and facts(r).flags else "",
                warn=lambda r: bool(facts(r) and facts(r).flags),
            ),
            Column("已印制", lambda r: f"{facts(r).copies} 份" if facts(r) and facts(r).copies else ""),
        ],
        fields=[],
        order_by=lambda: (models.CompactVersion.compact, models.CompactVersion.number),
        describe=lambda r: f"{r.compact.title}（第{r.number}版）",
    )


class CompactEditor(QDialog):
    """The text, and beside it the structure as the program understood it, its notes and flagged wording."""

    def __init__(
        self, title: str, heading: str, body: str, on_save: Callable[[str, str], None], fallback: str = "", parent=None
    ):
        super().__init__(parent)
        self.fallback = fallback  # the name when neither the clerk nor the text gives one
        self.setWindowTitle(heading)
        named(self, heading)
        self.on_save = on_save
        self.title = named(QLineEdit(title), "名称")
        self.title.setPlaceholderText(fallback or "如：某某村村规民约")
        self.title_error = self._error("名称提示")
        self.text = named(QPlainTextEdit(body), "村规民约正文")
        self.text.setPlaceholderText(
            "把 Word 里的村规民约全文复制、粘贴到这里（“第一章”“第一条”“一、”“1.”“①”都能识别）"
        )
        self.text.setTabChangesFocus(True)
        self.text_error = self._error("正文提示")
        self.understood = named(QLabel(), "识别说明")
        self.understood.setWordWrap(True)
        self.tree = named(QTreeWidget(), "识别结果")
        self.tree.setHeaderLabels(["识别出的结构"])
        self.flag_list = named(QPlainTextEdit(), "措辞提醒")
        self.flag_list.setReadOnly(True)
        self.flag_list.setMaximumHeight(110)

        left = QWidget()
        form = QFormLayout(left)
        form.addRow(self._label("名称：", self.title), self.title)
        form.addRow("", self.title_error)
        form.addRow(self._label("正文：", self.text), self.text)
        form.addRow("", self.text_error)
        right = QWidget()
        column = QVBoxLayout(right)
        column.addWidget(self._label("程序识别的结构（保存前请核对）：", self.tree))
        column.addWidget(self.understood)
        column.addWidget(self.tree, 1)
        column.addWidget(self._label("措辞提醒：", self.flag_list))
        column.addWidget(self.flag_list)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([520, 420])
        buttons = dialog_buttons(
            (QDialogButtonBox.StandardButton.Save, "保存"), (QDialogButtonBox.StandardButton.Cancel, "取消")
        )
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.timer = QTimer(self, singleShot=True, interval=250)
        self.timer.timeout.connect(self.refresh)
        self.text.textChanged.connect(self.timer.start)
        fit_to_screen(self, 980, 680)
        self.refresh()

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    @staticmethod
    def _error(name: str) -> QLabel:
        label = named(QLabel(), name)
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.setVisible(False)
        return label

    def refresh(self) -> cp.Compact:
        compact = cp.parse(self.text.toPlainText())
        self.tree.clear()
        for section in compact.sections:
            parent = QTreeWidgetItem([section.title.split("\n")[0]]) if section.title else None
            if parent:
                self.tree.addTopLevelItem(parent)
            for article in section.articles:
                item = QTreeWidgetItem([f"{article.label} {article.text}".replace("\n", " ")[:80]])
                (parent.addChild(item) if parent else self.tree.addTopLevelItem(item))
                for sub in article.items:
                    item.addChild(QTreeWidgetItem([sub[:80]]))
        self.tree.expandAll()
        lines = [f"标题：{compact.title or '（未识别）'}；{compact.summary()}"]
        if compact.preamble:
            lines.append(f"前言 {len(compact.preamble)} 段")
        if compact.closing:
            lines.append(f"结尾：{' '.join(compact.closing)}")
        lines += [f"⚠ {note}" for note in compact.notes]
        self.understood.setText("\n".join(lines))
        found = cp.flags(compact)
        self.flag_list.setPlainText(
            "\n".join(f"{flag.where}“{flag.words}”：{flag.reason}" for flag in found) or "没有发现不宜写入的措辞。"
        )
        if not self.title.text().strip() and compact.title:
            self.title.setText(compact.title)
        return compact

    def try_save(self) -> None:
        self.timer.stop()
        compact = self.refresh()
        try:
            title = v.required_text(self.title.text() or self.fallback, "名称", 60)
            self.title_error.setVisible(False)
        except v.InputError as error:
            self.title_error.setText(str(error.args[0]))
            self.title_error.setVisible(True)
            return
        if not compact.articles:
            self.text_error.setText("没有找到编号的条款（如“第一条”“一、”“1.”），请检查粘贴的内容")
            self.text_error.setVisible(True)
            return
        try:
            self.on_save(title, self.text.toPlainText().strip())
        except StorageError as error:
            messages.warn(self, "没有保存", str(error))
            return
        self.accept()


def step_fields(step: str, village: models.Village) -> list[FieldSpec]:
    date = FieldSpec("on", "日期", lambda t: v.date_value(t, "日期", not_after_today=True), show=v.format_date)
    count = lambda key, label: FieldSpec(key, label, lambda t: v.whole_number(t or "0", label, maximum=99999))  # noqa: E731
    if step == "征集民意":
        return [date, count("opinions", "收到意见（条）")]
    if step == "乡镇审核":
        return [
            date,
            FieldSpec("verdict", "审核意见", kind="choice", choices=cp.VERDICTS),
            FieldSpec("review_note", "审核说明", lambda t: v.optional_text(t, "审核说明", v.NOTE_LENGTH)),
        ]
    if step == "村民会议表决":
        expected = f"18周岁以上村民 {village.adult_population} 人，户代表 {village.households} 户（按村庄信息）"
        return [
            date,
            FieldSpec("basis", "应到按", kind="choice", choices=(f.ADULTS, f.HOUSEHOLDS), hint=expected),
            count("present", "实到"),
            count("votes_for", "赞成"),
            count("votes_against", "反对"),
            count("votes_abstain", "弃权"),
        ]
    return [date]


class CompactsPanel(RecordPanel):
    def __init__(self, session: Session, open_sheet: Callable[..., object], parent=None):
        self.facts: dict = {}
        super().__init__(version_kind(lambda: self.facts), session, parent)
        self.open_sheet = open_sheet
        self.add_action(
            "记录下一步", self.record_next, "按顺序记录：征集民意、拟定草案、乡镇审核、村民会议表决、公布、报乡镇备案"
        )
        self.add_action("新版本", self.new_version, "在选中版本的基础上修订，另立新版本（原版本保留）")
        self.add_action("措辞检查", self.show_flags, "列出不宜写入村规民约的措辞和理由")
        self.add_action("上墙版", lambda: self._print("compact_wall", "上墙版", 1), "打印上墙的村规民约（默认 A3）")
        self.add_action(
            "户册", lambda: self._print("compact_booklet", "户册", session.village.households), "印制发给各户的小册子"
        )
        self.add_action("印制记录", self.show_prints, "这一版每次印制的时间、种类和份数")

    def reload(self) -> None:
        village = self.session.village
        self.facts = {}
        for version in models.CompactVersion.select().where(models.CompactVersion.village == village):
            text = store.parsed(version)
            copies = sum(p.copies for p in store.prints_of(version))
            self.facts[version.id] = VersionFacts(
                text.summary(), cp.flags(text), store.status(version), store.progress(version), copies
            )
        super().reload()

    def _reload_if_affected(self, tables: frozenset) -> None:
        if tables & {models.Compact, models.CompactPrint}:
            self.reload()
        else:
            super()._reload_if_affected(tables)

    def _chosen(self, verb: str) -> models.CompactVersion | None:
        version = self.selected()
        if version is None:
            messages.inform(self, verb, "请先在列表中选中一个村规民约版本。")
            return None
        return models.CompactVersion.get_or_none(models.CompactVersion.id == version.id)

    def add(self) -> None:
        def save(title: str, body: str) -> None:
            changes = store.add_compact(self.session.village, title, body)
            self.session.record(changes, f"新增村规民约“{title}”")
            self.select_id(models.CompactVersion.get_by_id(changes[1].record_id).id)

        self._editor("新增村规民约", "", "", save, fallback=f"{self.session.village.name}村规民约")

    def edit_selected(self) -> None:
        version = self._chosen("修改")
        if version is None:
            return
        if version.voted_on is not None:
            messages.inform(self, "修改", store.VOTED_TEXT_FIXED)
            return
        opened = records.snapshot(version)
        compact = version.compact

        def save(title: str, body: str) -> None:
            changes = store.edit_text(version, title, body, opened)
            self.session.record(changes, f"修改村规民约“{title}”（第{version.number}版）")

        self._editor(f"修改：{compact.title}（第{version.number}版）", compact.title, version.body, save)

    def new_version(self) -> None:
        version = self._chosen("新版本")
        if version is None:
            return
        compact = version.compact

        def save(title: str, body: str) -> None:
            change = store.add_version(compact, body)
            self.session.record([change], f"“{compact.title}”新版本")
            self.select_id(models.CompactVersion.get_by_id(change.record_id).id)

        self._editor(f"新版本：{compact.title}", compact.title, version.body, save)

    def _editor(
        self, heading: str, title: str, body: str, save: Callable[[str, str], None], fallback: str = ""
    ) -> None:
        editor = CompactEditor(title, heading, body, save, fallback, self)
        self.editor = editor  # tests reach the open editor here
        open_transient(editor)

    def delete_selected(self) -> None:
        version = self._chosen("删除")
        if version is None:
            return
        name = f"{version.compact.title}（第{version.number}版）"
        if not messages.confirm(self, "确认删除", f"确定删除“{name}”吗？\n可用“编辑 → 撤销”恢复。"):
            return
        try:
            changes = store.delete_version(version)
        except StorageError as error:
            messages.inform(self, "不能删除", str(error))
            return
        self.session.record(changes, f"删除“{name}”")

    def record_next(self) -> None:
        version = self._chosen("记录下一步")
        if version is None:
            return
        step, why_not = cp.next_procedure_step(store.done_steps(version))
        if step is None:
            messages.inform(self, "记录下一步", why_not)
            return
        if step == "村民会议表决" and cp.flags(store.parsed(version)):
            messages.inform(self, "措辞提醒", "这一版还有不宜写入的措辞（见“措辞检查”），表决前请先修改。")
        values = {"on": dt.date.today(), "basis": f.HOUSEHOLDS, "verdict": cp.APPROVED}

        def save(parsed: dict) -> None:
            change = store.record_step(version, parsed)
            self.session.record([change], f"{version.compact.title}：{step}")

        form = RecordForm(
            f"{version.compact.title}（第{version.number}版）：{step}",
            step_fields(step, version.village),
            values,
            save,
            self,
        )
        self.step_form = form
        open_transient(form)

    def show_flags(self) -> None:
        version = self._chosen("措辞检查")
        if version is None:
            return
        found = cp.flags(store.parsed(version))
        text = "\n\n".join(f"{flag.where}“{flag.words}”：{flag.reason}" for flag in found)
        messages.inform(self, "措辞检查", text or "没有发现不宜写入的措辞。")

    def _print(self, kind: str, label: str, copies: int) -> None:
        version = self._chosen(label)
        if version is None:
            return

        def printed(sheet, count: int) -> None:
            change = store.record_print(models.CompactVersion.get_by_id(version.id), label, count, sheet.sha256)
            self.session.record([change], f"印制村规民约{label} {count} 份")

        self.open_sheet(kind, str(version.id), copies=max(1, copies), on_printed=printed)

    def show_prints(self) -> None:
        version = self._chosen("印制记录")
        if version is None:
            return
        rows = [f"{p.printed_at:%Y-%m-%d %H:%M}　{p.kind}　{p.copies} 份" for p in store.prints_of(version)]
        messages.inform(self, "印制记录", "\n".join(rows) or "这一版还没有印制过。")
