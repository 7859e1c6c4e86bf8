"""党费: each member's standard for the year (核定), payments month by month, the unpaid and the flags."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal


from app.domain import dues as d
from app.domain import periods
from app.domain import values as v
from app.store import dues as store
from app.store import models
from app.ui.session import Session
from app.ui.widgets import messages
from app.ui.widgets.forms import FieldSpec, RecordForm
from app.ui.widgets.labels import named, open_transient
from app.ui.widgets.record_panel import RecordKind
from app.ui.widgets.year_panel import YearPanel
from app.ui.widgets.table import Column

MONTH_PATTERN = "如：2026-03"


def _month(text: str, label: str) -> str:
    """2026-03, 2026.3 or 2026年3月 -> '2026-03'."""
    typed = unicodedata.normalize("NFKC", text or "").strip()
    if not typed:
        raise v.InputError(f"请填写{label}")
    match = re.fullmatch(r"([0-9]{4})\s*[-./年]\s*([0-9]{1,2})\s*月?", typed)
    if not match:
        raise v.InputError(f"{label}请写成 2026-03 这样的年月")
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12 or not v.EARLIEST_YEAR <= year <= v.LATEST_YEAR:
        raise v.InputError(f"{label}“{typed}”不存在，请核对")
    return periods.month_period(year, month).key


def _check_standard(row, values: dict) -> None:
    values["monthly"] = d.monthly_dues(values["category"], values["base"])


def dues_kind(panel: DuesPanel) -> RecordKind:
    def line(row) -> store.YearLine | None:
        return panel.lines.get(row.id)

    return RecordKind(
        noun="党费核定",
        model=models.DuesStandard,
        columns=[
            Column("姓名", lambda r: r.member.name),
            Column("类别", lambda r: r.category),
            Column("月收入或基数(元)", lambda r: v.format_money(r.base), sort_key=lambda r: r.base),
            Column("执行标准", lambda r: d.rate_label(r.category, r.base)),
            Column("月应缴(元)", lambda r: v.format_money(r.monthly), sort_key=lambda r: r.monthly),
            Column("应缴(元)", lambda r: v.format_money(line(r).due_total) if line(r) else ""),
            Column("实缴(元)", lambda r: v.format_money(line(r).paid_total) if line(r) else ""),
            Column(
                "未缴月份",
                lambda r: "、".join(f"{periods.parse(m).start.month}月" for m in line(r).unpaid) if line(r) else "",
                warn=lambda r: bool(line(r) and line(r).unpaid),
            ),
            Column("提醒", lambda r: "；".join(line(r).flags) if line(r) else "", warn=lambda r: True),
        ],
        fields=[
            FieldSpec("category", "类别", kind="choice", choices=d.CATEGORIES),
            FieldSpec(
                "base",
                "月收入或基数（元）",
                lambda t: v.decimal_amount(t, "月收入或基数"),
                show=v.format_money,
                hint="工资收入、离退休、个体经营填每月收入（个体经营按上季度月平均纯收入）；农民党员填支部确定的每月金额",
            ),
        ],
        order_by=lambda: models.DuesStandard.id,
        describe=lambda r: f"{r.year}年 {r.member.name}",
        check=_check_standard,
    )


class DuesPanel(YearPanel):
    def __init__(self, session: Session, open_sheet: Callable[[str, str], None], parent=None):
        self.lines: dict = {}
        super().__init__(
            dues_kind(self),
            session,
            store.generate_year,
            "生成本年核定",
            "为在册党员各建一条本年度党费核定（每年第一季度核定）",
            parent,
        )
        named(self.note, "党费合计")
        self.add_action("登记缴费", self.record_payment, "登记某位党员交了哪几个月的党费")
        self.add_action("党费台账", lambda: self.year_sheet(open_sheet, "dues_ledger"), "打印党费收缴台账")

    def reload(self) -> None:
        lines = store.year_lines(self.session.village, self.year.value(), dt.date.today())
        self.lines = {line.standard.id: line for line in lines}
        super().reload()
        due = sum((line.due_total for line in lines), Decimal("0"))
        paid = sum((line.paid_total for line in lines), Decimal("0"))
        owing = [line.standard.member.name for line in lines if line.unpaid]
        flagged = [f"{line.standard.member.name}：{'；'.join(line.flags)}" for line in lines if line.flags]
        text = f"本年应缴 {v.format_money(due)} 元，已缴 {v.format_money(paid)} 元。"
        text += f"\n未交清的 {len(owing)} 人：{'、'.join(owing)}" if owing else "\n都已交清。"
        if flagged:
            text += "\n⚠ " + "\n⚠ ".join(flagged)
        self.note.setText(text)

    def _reload_if_affected(self, tables: frozenset) -> None:
        if models.DuesPayment in tables:
            self.reload()
        else:
            super()._reload_if_affected(tables)

    def record_payment(self) -> None:
        lines = {
            f"{line.standard.member.name}（月应缴 {line.standard.monthly} 元）": line for line in self.lines.values()
        }
        if not lines:
            messages.inform(self, "登记缴费", "请先“生成本年核定”。")
            return
        chosen = self.selected()
        this_month = periods.month_key(dt.date.today())
        fields = [
            FieldSpec("who", "党员", lambda t: lines[t], kind="choice", choices=list(lines)),
            FieldSpec("first", "从哪个月", lambda t: _month(t, "从哪个月"), placeholder=MONTH_PATTERN),
            FieldSpec("last", "到哪个月", lambda t: _month(t, "到哪个月"), placeholder=MONTH_PATTERN),
            FieldSpec(
                "paid_on",
                "交纳日期",
                lambda t: v.date_value(t, "交纳日期", not_after_today=True),
                show=v.format_date,
            ),
        ]
        values = {"first": this_month, "last": this_month, "paid_on": dt.date.today()}
        if chosen is not None:
            values["who"] = next(text for text, line in lines.items() if line.standard.id == chosen.id)

        def save(parsed: dict) -> None:
            line = parsed["who"]
            if parsed["last"] < parsed["first"]:
                raise v.InputError("“到哪个月”不能早于“从哪个月”", "last")
            months = periods.months_between(parsed["first"], parsed["last"])
            if any(not month.startswith(f"{line.standard.year}-") for month in months):
                raise v.InputError(f"请登记 {line.standard.year} 年内的月份", "first")
            changes = store.record_payment(line.standard.member, months, line.standard.monthly, parsed["paid_on"])
            self.session.record(changes, f"登记党费：{line.standard.member.name} {parsed['first']}至{parsed['last']}")

        form = RecordForm("登记缴费", fields, values, save, self)
        self.payment_form = form  # tests reach the open form here
        open_transient(form)
