"""便民服务: requests from 受理 to 办结 (or 退回 / 中止), overdue ones in red, the month's and year's figures; the
catalogue (extendable, imported from Excel), the holidays that working days skip, the 代办记录簿 and the
catalogue for the wall."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout

from app.domain import services as sv
from app.domain import values as v
from app.store import models
from app.store import services as store
from app.store.errors import StorageError
from app.ui.session import Session
from app.ui.widgets import messages
from app.ui.widgets.forms import FieldSpec, RecordForm
from app.ui.widgets.labels import button, fit_to_screen, named, open_transient
from app.ui.widgets.record_panel import RecordKind, RecordPanel
from app.ui.widgets.table import Column


def _households(village) -> dict[str, models.Household]:
    query = models.Household.select().where(models.Household.village == village)
    rows = query.order_by(models.Household.group_order, models.Household.head_name)
    return {f"{h.head_name}（{h.group_name or '未分组'}）": h for h in rows}


def _items(village) -> dict[str, models.ServiceItem]:
    return {item.name: item for item in store.catalogue(village)}


def request_kind(panel: RequestsPanel, session: Session) -> RecordKind:
    def item(text: str):
        chosen = _items(session.village).get(text)
        if chosen is None:
            raise v.InputError("请从目录中选择事项（目录可在“事项目录…”里增改）")
        return chosen

    def check(row, values: dict) -> None:
        applicant = values["applicant"]
        household = _households(session.village).get(applicant)
        values["household"] = household
        values["applicant"] = household.head_name if household else v.required_text(applicant, "办事人", 30)
        if row is None:
            values["status"] = sv.RECEIVED

    def overdue(row) -> bool:
        return store.overdue(row, dt.date.today(), panel.free)

    def due(row) -> str:
        last = sv.due_date(row.received_on, row.item.limit_days, panel.free)
        return v.format_date(last) + ("（已超期）" if overdue(row) else "")

    return RecordKind(
        noun="代办事项",
        model=models.ServiceRequest,
        columns=[
            Column("受理日期", lambda r: v.format_date(r.received_on), sort_key=lambda r: r.received_on),
            Column("办事人", lambda r: r.applicant),
            Column("事项", lambda r: r.item.name),
            Column("方式", lambda r: r.item.mode),
            Column("代办人", lambda r: r.handler),
            Column("状态", lambda r: r.status, warn=overdue),
            Column("办结期限", due, warn=overdue),
            Column("办结日期", lambda r: v.format_date(r.finished_on)),
            Column("用时(工作日)", lambda r: _days(store.working_days(r, panel.free))),
            Column("满意度", lambda r: r.satisfaction, warn=lambda r: r.satisfaction == "不满意"),
            Column("结果或原因", lambda r: r.result or r.reason),
        ],
        fields=[
            FieldSpec(
                "received_on",
                "受理日期",
                lambda t: v.date_value(t, "受理日期", not_after_today=True),
                show=v.format_date,
            ),
            FieldSpec(
                "applicant",
                "办事人",
                kind="editable_choice",
                choices=lambda: list(_households(session.village)),
                show=lambda name: name or "",
                hint="从农户名册中选，或直接填写姓名",
            ),
            FieldSpec(
                "item",
                "事项",
                item,
                kind="choice",
                choices=lambda: list(_items(session.village)),
                show=lambda i: i.name if i else "",
            ),
            FieldSpec("handler", "代办人", lambda t: v.required_text(t, "代办人", 30)),
            FieldSpec("note", "备注", lambda t: v.optional_text(t, "备注", v.NOTE_LENGTH)),
        ],
        order_by=lambda: models.ServiceRequest.received_on.desc(),
        describe=lambda r: f"{r.applicant}：{r.item.name}",
        defaults=lambda: {"received_on": dt.date.today()},
        check=check,
    )


def _days(days: int | None) -> str:
    return "" if days is None else str(days)


class RequestsPanel(RecordPanel):
    def __init__(self, session: Session, open_sheet: Callable[..., object], parent=None):
        self.free = store.holidays()
        store.ensure_catalogue(session.village)
        self.figures = named(QLabel(), "办理情况")
        self.figures.setWordWrap(True)
        super().__init__(request_kind(self, session), session, parent)
        self.open_sheet = open_sheet
        self.top.addWidget(self.figures)
        for text, handler, tip in (
            ("开始办理", self.start, "受理后开始办理（上报乡镇、代为跑办）"),
            ("办结…", self.finish, "记录办理结果和办事人是否满意"),
            ("退回…", self.send_back, "材料不全等原因退回，写明原因；补齐后可“重新受理”"),
            ("中止…", self.stop, "因故不能继续办理，写明原因"),
            ("重新受理", self.receive_again, "退回的事项补齐材料后重新受理（不再算一次办结）"),
        ):
            self.add_action(text, handler, tip)
        row = QHBoxLayout()
        for text, handler, tip in (
            ("事项目录…", self.edit_catalogue, "便民服务事项：领域、方式、材料、时限、去向；可导入乡镇的目录"),
            ("节假日…", self.edit_holidays, "计算工作日时跳过的法定节假日"),
            (
                "代办记录簿",
                lambda: open_sheet("service_register", f"{session.village.id}:{dt.date.today().year}"),
                "本年度的代办记录簿",
            ),
            (
                "目录公示",
                lambda: open_sheet("service_catalogue", str(session.village.id)),
                "上墙公开的便民服务事项目录",
            ),
        ):
            widget = button(text, tip)
            widget.clicked.connect(handler)
            row.addWidget(widget)
            self.extra_actions.append((text, handler))
        row.addStretch(1)
        self.top.addLayout(row)

    def reload(self) -> None:
        self.free = store.holidays()
        super().reload()
        if hasattr(self, "figures"):
            today = dt.date.today()
            month = store.figures(self.session.village, today.replace(day=1), today)
            year = store.figures(self.session.village, dt.date(today.year, 1, 1), today)
            late = sum(store.overdue(r, today, self.free) for r in self.model.rows)
            text = f"本月：{month.text}。本年：{year.text}。"
            self.figures.setText(text + (f" ⚠ 超期未办结 {late} 件" if late else ""))

    def _reload_if_affected(self, tables: frozenset) -> None:
        if tables & {models.ServiceItem, models.Setting, models.Household}:
            self.reload()
        else:
            super()._reload_if_affected(tables)

    def _chosen(self, verb: str) -> models.ServiceRequest | None:
        request = self.selected()
        if request is None:
            messages.inform(self, verb, "请先在列表中选中一件代办事项。")
        return request

    def _course(self, verb: str, fields: list[FieldSpec], move, values: dict | None = None) -> None:
        request = self._chosen(verb)
        if request is None:
            return
        date = FieldSpec("on", "日期", lambda t: v.date_value(t, "日期", not_after_today=True), show=v.format_date)

        def save(parsed: dict) -> None:
            change = move(request, **parsed)
            self.session.record([change], f"{verb}：{request.applicant} {request.item.name}")

        form = RecordForm(
            f"{verb}：{request.applicant} {request.item.name}",
            [date, *fields],
            {"on": dt.date.today(), **(values or {})},
            save,
            self,
        )
        self.course_form = form  # tests reach the open form here
        open_transient(form)

    def start(self) -> None:
        self._course("开始办理", [], store.start)

    def finish(self) -> None:
        fields = [
            FieldSpec("result", "办理结果", lambda t: v.required_text(t, "办理结果", v.NOTE_LENGTH)),
            FieldSpec("satisfaction", "是否满意", kind="choice", choices=sv.SATISFACTION),
        ]
        self._course("办结", fields, store.finish, {"satisfaction": sv.SATISFACTION[0]})

    def send_back(self) -> None:
        reason = FieldSpec("reason", "退回原因", lambda t: v.optional_text(t, "退回原因", v.NOTE_LENGTH))
        self._course("退回", [reason], store.send_back)

    def stop(self) -> None:
        reason = FieldSpec("reason", "中止原因", lambda t: v.optional_text(t, "中止原因", v.NOTE_LENGTH))
        self._course("中止", [reason], store.stop)

    def receive_again(self) -> None:
        self._course("重新受理", [], store.receive_again)

    def edit_holidays(self) -> None:
        def parse(text: str) -> set[dt.date]:
            days = set()
            for line in (text or "").replace("，", "\n").replace(",", "\n").split():
                days.add(v.date_value(line, "节假日"))
            return days

        fields = [
            FieldSpec(
                "days",
                "节假日",
                parse,
                kind="text",
                show=lambda days: "\n".join(sorted(day.isoformat() for day in days)),
                hint="每行一个日期，如 2026-10-01；周六、周日不用填",
            )
        ]

        def save(values: dict) -> None:
            self.session.record([store.put_holidays(values["days"])], "修改节假日")

        form = RecordForm("节假日", fields, {"days": self.free}, save, self)
        self.holidays_form = form
        open_transient(form)

    def edit_catalogue(self) -> None:
        dialog = CatalogueDialog(self.session, self)
        self.catalogue_dialog = dialog
        open_transient(dialog)


def item_kind() -> RecordKind:
    return RecordKind(
        noun="服务事项",
        model=models.ServiceItem,
        columns=[
            Column("事项", lambda r: r.name),
            Column("服务领域", lambda r: r.area),
            Column("方式", lambda r: r.mode),
            Column("所需材料", lambda r: r.materials),
            Column("时限(工作日)", lambda r: str(r.limit_days), sort_key=lambda r: r.limit_days),
            Column("办理去向", lambda r: r.office),
        ],
        fields=[
            FieldSpec("name", "事项", lambda t: v.required_text(t, "事项", 60)),
            FieldSpec("area", "服务领域", kind="choice", choices=sv.AREAS),
            FieldSpec("mode", "方式", kind="choice", choices=sv.MODES),
            FieldSpec("materials", "所需材料", lambda t: v.optional_text(t, "所需材料", v.NOTE_LENGTH)),
            FieldSpec(
                "limit_days",
                "时限（工作日）",
                lambda t: v.whole_number(t, "时限", minimum=1, maximum=60),
            ),
            FieldSpec("office", "办理去向", lambda t: v.optional_text(t, "办理去向", 60)),
        ],
        order_by=lambda: (models.ServiceItem.area, models.ServiceItem.name),
        describe=lambda r: r.name,
        defaults=lambda: {"area": sv.AREAS[0], "mode": "代办", "limit_days": sv.DEFAULT_LIMIT_DAYS},
    )


class CatalogueDialog(QDialog):
    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("便民服务事项目录")
        named(self, "便民服务事项目录")
        self.panel = RecordPanel(item_kind(), session, self)
        common = button("加入常用事项", "加入程序自带的常用事项（已有的不重复）")
        common.clicked.connect(self.add_common)
        importing = button("导入Excel…", "导入乡镇下发的事项目录（.xlsx 或 .xls）")
        importing.clicked.connect(self.import_excel)
        close = button("关闭")
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        for widget in (common, importing):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addLayout(row)
        fit_to_screen(self, 900, 600)

    def add_common(self) -> None:
        changes = store.add_common_items(self.session.village)
        if not changes:
            messages.inform(self, "常用事项", "常用事项都已在目录里。")
            return
        self.session.record(changes, f"加入常用事项 {len(changes)} 项")

    def import_excel(self) -> None:
        from app.exchange.catalogue import read_catalogue, save_catalogue
        from app.exchange.workbook import ExchangeError
        from app.ui import file_dialogs
        from app.ui.widgets.import_dialog import ImportDialog

        chosen = file_dialogs.open_file(self, "选择事项目录", Path.home(), "Excel 表格 (*.xlsx *.xls *.ods)")
        if not chosen:
            return
        try:
            result = read_catalogue(Path(chosen), {item.name for item in store.catalogue(self.session.village)})
        except (ExchangeError, StorageError) as error:
            messages.warn(self, "不能导入", str(error))
            return
        preview = [
            ("行号", lambda row, x: str(row)),
            ("事项", lambda row, x: x["name"]),
            ("服务领域", lambda row, x: x["area"]),
            ("方式", lambda row, x: x["mode"]),
            ("时限", lambda row, x: str(x["limit_days"])),
        ]
        dialog = ImportDialog(
            self.session, "便民服务事项", "事项", "项", Path(chosen), result, preview, save_catalogue, self
        )
        self.import_dialog = dialog
        open_transient(dialog)
