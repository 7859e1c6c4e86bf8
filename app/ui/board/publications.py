"""张贴记录: every sheet posted — reviewed by whom, up when, down when — with its objections and answers, a
correction that names the original, a reprint of the exact archived bytes, and a check of the whole archive."""

from __future__ import annotations

import datetime as dt


from app.domain import board as b
from app.domain import values as v
from app.publishing.sheets import RenderedSheet, default_page, render
from app.store import board as store
from app.store import models
from app.store.errors import StorageError
from app.ui.board.preview import BoardPreview
from app.ui.session import Session
from app.ui.widgets import messages
from app.ui.widgets.forms import FieldSpec, RecordForm
from app.ui.widgets.labels import open_transient
from app.ui.widgets.record_panel import RecordKind, RecordPanel
from app.ui.widgets.table import Column
from app.ui.widgets.panel_dialog import PanelDialog


def _objections(publication) -> list[models.PublicationObjection]:
    query = models.PublicationObjection.select().where(models.PublicationObjection.publication == publication.id)
    return list(query)


def _objection_text(publication) -> str:
    found = _objections(publication)
    waiting = [o for o in found if not o.answer]
    if not found:
        return ""
    late = [o for o in waiting if dt.date.today() > b.answer_due(o.received_on)]
    text = f"{len(found)} 条" + (f"，{len(waiting)} 条未答复" if waiting else "，已答复")
    return text + (f"（{len(late)} 条已超过 5 日）" if late else "")


def open_archived(publication: models.Publication, data_dir, parent) -> BoardPreview | None:
    """The exact bytes that were posted, previewed and printable; never a fresh render."""
    try:
        pdf = store.archived(publication.sha256)
    except StorageError as error:
        messages.warn(parent, "不能重印", str(error))
        return None
    sheet = RenderedSheet(publication.kind, publication.record_id, str(publication.village_id), publication.title, pdf)
    note = (
        f"这是 {v.format_date(publication.posted_on)} 张贴的原件（SHA-256 {publication.sha256[:12]}…），"
        "与当时一字不差。"
    )
    preview = BoardPreview(sheet, 1, data_dir, parent, note=note)
    open_transient(preview)
    return preview


def publication_kind() -> RecordKind:
    return RecordKind(
        noun="张贴记录",
        model=models.Publication,
        columns=[
            Column("栏目", lambda r: r.panel),
            Column("公示单", lambda r: r.title + ("（更正）" if r.corrects_id else "")),
            Column("期间", lambda r: r.period),
            Column("审核", lambda r: f"{r.reviewed_by} {v.format_date(r.reviewed_on)}".strip()),
            Column("张贴日期", lambda r: v.format_date(r.posted_on), sort_key=lambda r: r.posted_on or dt.date.min),
            Column("计划撤下", lambda r: v.format_date(r.take_down_on)),
            Column("撤下日期", lambda r: v.format_date(r.taken_down_on)),
            Column("异议", _objection_text, warn=lambda r: "未答复" in _objection_text(r)),
            Column("纸张", lambda r: r.page),
            Column("照片", lambda r: "有" if r.photo else ""),
        ],
        fields=[FieldSpec("note", "备注", lambda t: v.optional_text(t, "备注", v.NOTE_LENGTH))],
        order_by=lambda: models.Publication.posted_on.desc(),
        describe=lambda r: r.title,
    )


class PublicationsPanel(RecordPanel):
    def __init__(self, session: Session, parent=None):
        super().__init__(publication_kind(), session, parent)
        self.add_button.setVisible(False)  # a publication is made by posting, on 本期公开
        for text, handler, tip in (
            ("重印原件", self.reprint, "打印当时张贴的那份原件（存档的原样字节，不按今天的数据重新生成）"),
            ("撤下…", self.take_down, "记录从公开栏撤下的日期（至少公开满规定天数）"),
            ("异议…", self.objections, "登记群众对这份公开的异议和答复（5 日内答复）"),
            ("更正…", self.correct, "内容有误时按现在的记录重新生成一份更正张贴，原来那份保留"),
            ("附照片…", self.attach_photo, "选一张张贴时拍的公开栏照片，和原件一起存档"),
            ("看照片", self.show_photo, "看这份张贴时拍的公开栏照片"),
            ("核对存档", self.verify, "逐份核对张贴原件、照片和它们的 SHA-256，发现改动或丢失"),
        ):
            self.add_action(text, handler, tip)

    def _reload_if_affected(self, tables: frozenset) -> None:
        if models.PublicationObjection in tables:
            self.reload()
        else:
            super()._reload_if_affected(tables)

    def _chosen(self, verb: str) -> models.Publication | None:
        chosen = self.selected()
        if chosen is None:
            messages.inform(self, verb, "请先在列表中选中一份张贴记录。")
        return chosen

    def reprint(self):
        chosen = self._chosen("重印原件")
        if chosen is None:
            return None
        self.preview = open_archived(chosen, self.session.data_dir, self)
        return self.preview

    def attach_photo(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from app.ui.board.photos import PHOTO_FILES, photo_from_file

        chosen = self._chosen("附照片")
        if chosen is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, f"附照片：{chosen.title}", "", PHOTO_FILES)
        if not path:
            return
        try:
            image = photo_from_file(path)
            change = store.attach_photo(chosen, image)
        except (v.InputError, StorageError) as error:
            messages.warn(self, "附照片", str(error))
            return
        self.session.record([change], f"附照片：{chosen.title}")

    def show_photo(self):
        from app.ui.board.photos import PhotoDialog

        chosen = self._chosen("看照片")
        if chosen is None:
            return None
        if not chosen.photo:
            messages.inform(self, "看照片", "这份还没有附照片；可用“附照片…”选一张公开栏的照片。")
            return None
        try:
            self.photo_dialog = PhotoDialog(chosen, self)
        except StorageError as error:
            messages.warn(self, "看照片", str(error))
            return None
        open_transient(self.photo_dialog)
        return self.photo_dialog

    def take_down(self) -> None:
        chosen = self._chosen("撤下")
        if chosen is None:
            return
        fields = [
            FieldSpec(
                "taken_down_on",
                "撤下日期",
                lambda t: v.date_value(t, "撤下日期", not_after_today=True),
                show=v.format_date,
            )
        ]

        def save(values: dict) -> None:
            self.session.record([store.take_down(chosen, values["taken_down_on"])], f"撤下：{chosen.title}")

        form = RecordForm(f"撤下：{chosen.title}", fields, {"taken_down_on": dt.date.today()}, save, self)
        self.take_down_form = form
        open_transient(form)

    def correct(self) -> None:
        chosen = self._chosen("更正")
        if chosen is None:
            return
        if not messages.confirm(
            self,
            "更正",
            f"按现在的记录重新生成“{chosen.title}”，作为更正张贴？\n原来张贴的那份原样保留在存档里。",
        ):
            return
        fields = [
            FieldSpec("reviewed_by", "监委会审核人", lambda t: v.optional_text(t, "审核人", 30)),
            FieldSpec(
                "reviewed_on",
                "审核日期",
                lambda t: v.date_value(t, "审核日期", required=False, not_after_today=True),
                show=v.format_date,
            ),
            FieldSpec(
                "posted_on", "张贴日期", lambda t: v.date_value(t, "张贴日期", not_after_today=True), show=v.format_date
            ),
            FieldSpec("note", "更正说明", lambda t: v.required_text(t, "更正说明", v.NOTE_LENGTH)),
        ]
        values = {"reviewed_by": chosen.reviewed_by, "reviewed_on": dt.date.today(), "posted_on": dt.date.today()}

        def save(parsed: dict) -> None:
            sheet = render(chosen.kind, chosen.record_id, default_page(chosen.kind))
            try:
                change = store.publish(
                    self.session.village, sheet, chosen.panel, chosen.period, chosen.page, corrects=chosen, **parsed
                )
            except StorageError as error:
                raise v.InputError(str(error), "reviewed_by") from None
            self.session.record([change], f"更正：{chosen.title}")

        form = RecordForm(f"更正：{chosen.title}", fields, values, save, self)
        self.correct_form = form
        open_transient(form)

    def objections(self) -> None:
        chosen = self._chosen("异议")
        if chosen is None:
            return
        dialog = ObjectionsDialog(self.session, chosen, self)
        self.objections_dialog = dialog
        open_transient(dialog)

    def verify(self) -> None:
        checked, problems = store.verify()
        if problems:
            listed = "\n".join(f"{p.village} {p.title}：{p.problem}" for p in problems)
            messages.warn(
                self, "核对存档", f"核对了 {checked} 份，{len(problems)} 份有问题：\n{listed}\n请从备份恢复。"
            )
        else:
            messages.inform(self, "核对存档", f"核对了 {checked} 份张贴原件，全部与存档的 SHA-256 一致。")


class ObjectionsDialog(PanelDialog):
    def __init__(self, session: Session, publication: models.Publication, parent=None):
        kind = RecordKind(
            noun="异议",
            model=models.PublicationObjection,
            columns=[
                Column("收到日期", lambda r: v.format_date(r.received_on), sort_key=lambda r: r.received_on),
                Column("反映人", lambda r: r.from_whom),
                Column("异议内容", lambda r: r.content),
                Column(
                    "答复期限",
                    lambda r: v.format_date(b.answer_due(r.received_on)),
                    warn=lambda r: not r.answer and dt.date.today() > b.answer_due(r.received_on),
                ),
                Column("答复", lambda r: r.answer or "未答复", warn=lambda r: not r.answer),
                Column("答复人", lambda r: r.answered_by),
                Column("答复日期", lambda r: v.format_date(r.answered_on)),
            ],
            fields=[
                FieldSpec(
                    "received_on",
                    "收到日期",
                    lambda t: v.date_value(t, "收到日期", not_after_today=True),
                    show=v.format_date,
                ),
                FieldSpec(
                    "from_whom", "反映人", lambda t: v.optional_text(t, "反映人", 30), hint="只在本机保存，不上公开栏"
                ),
                FieldSpec("content", "异议内容", lambda t: v.required_text(t, "异议内容", v.NOTE_LENGTH)),
                FieldSpec("answer", "答复", lambda t: v.optional_text(t, "答复", v.NOTE_LENGTH)),
                FieldSpec("answered_by", "答复人", lambda t: v.optional_text(t, "答复人", 30)),
                FieldSpec(
                    "answered_on",
                    "答复日期",
                    lambda t: v.date_value(t, "答复日期", required=False, not_after_today=True),
                    show=v.format_date,
                ),
            ],
            order_by=lambda: models.PublicationObjection.received_on,
            describe=lambda r: r.content[:20],
            defaults=lambda: {"received_on": dt.date.today()},
            check=lambda _row, values: b.check_answer(values),
            on_new=lambda record: setattr(record, "publication", publication),
        )

        class Panel(RecordPanel):
            def rows_query(inner):
                return super().rows_query().where(models.PublicationObjection.publication == publication.id)

        super().__init__(f"异议：{publication.title}", Panel(kind, session), parent, name="异议")
