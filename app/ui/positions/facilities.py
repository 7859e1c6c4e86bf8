"""设备台账: 名称、数量、型号、金额、购置日期、状态."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QLabel

from app.domain import values as v
from app.domain.venue import FACILITY_STATUSES
from app.store import models
from app.ui.session import Session
from app.ui.widgets.forms import FieldSpec
from app.ui.widgets.labels import named
from app.ui.widgets.record_panel import RecordKind, RecordPanel
from app.ui.widgets.table import Column

facility_kind = RecordKind(
    noun="设备",
    model=models.Facility,
    columns=[
        Column("名称", lambda r: r.name),
        Column("数量", lambda r: str(r.quantity), sort_key=lambda r: r.quantity),
        Column("型号", lambda r: r.model_number),
        Column("金额(元)", lambda r: v.format_money(r.amount), sort_key=lambda r: r.amount),
        Column("购置日期", lambda r: v.format_date(r.purchased_on), sort_key=lambda r: v.format_date(r.purchased_on)),
        Column("状态", lambda r: r.status, warn=lambda r: r.status in ("维修中", "已报废")),
    ],
    fields=[
        FieldSpec("name", "名称", lambda t: v.required_text(t, "名称"), placeholder="如：办公电脑"),
        FieldSpec("quantity", "数量", lambda t: v.whole_number(t, "数量", minimum=1), placeholder="如：3"),
        FieldSpec("model_number", "型号", lambda t: v.optional_text(t, "型号")),
        FieldSpec(
            "amount",
            "金额（元）",
            lambda t: v.decimal_amount(t, "金额"),
            show=v.format_money,
            placeholder="如：11400.00",
        ),
        FieldSpec(
            "purchased_on",
            "购置日期",
            lambda t: v.date_value(t, "购置日期", required=False, not_after_today=True),
            show=v.format_date,
            placeholder="如：2024-05-01",
        ),
        FieldSpec("status", "状态", kind="choice", choices=FACILITY_STATUSES),
    ],
    order_by=lambda: models.Facility.name,
    describe=lambda r: r.name,
    defaults=lambda: {"quantity": 1, "amount": Decimal("0")},
)


class FacilitiesPanel(RecordPanel):
    def __init__(self, session: Session, parent=None):
        self.total_label = named(QLabel(), "设备合计")
        super().__init__(facility_kind, session, parent)
        self.top.addWidget(self.total_label)

    def reload(self) -> None:
        super().reload()
        rows = self.model.rows
        total = sum((r.amount for r in rows), Decimal("0"))
        count = sum(r.quantity for r in rows)
        self.total_label.setText(f"合计：{len(rows)} 种 {count} 件，金额 {v.format_money(total)} 元")
