"""集体经济: the village's income over the years read from the journal (never typed again) — a chart, each
year's income by category with the plan's target, the per-capita income and the standing (空壳村, 双超村) —
the year's figures the journal does not hold, the rules, and the 一村一策 projects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QStackedBarSeries, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QTableWidgetItem, QVBoxLayout, QWidget

from app.domain import economy as e
from app.domain import money as mo
from app.domain import values as v
from app.publishing.kinds.economy import economy_row
from app.store import economy as store
from app.store import models
from app.ui.session import Session
from app.ui.widgets import messages
from app.ui.widgets.forms import FieldSpec, RecordForm
from app.ui.widgets.labels import button, choice_table, named, open_transient
from app.ui.widgets.record_panel import RecordKind, RecordPanel
from app.ui.widgets.table import Column

SHELL_COLOUR, DOUBLE_COLOUR = QColor("#fff1cc"), QColor("#dff0d8")
YEAR_COLUMNS = ["年度", *mo.INCOME_LINES, "合计", "其中经营性收入", "经营性收入目标", "完成目标"]
YEAR_COLUMNS += ["农民人均纯收入", "状况"]
TEN_THOUSAND = Decimal("10000")
# the tables the figures are read from: a change to any of them redraws the page
SOURCES = {models.JournalEntry, models.Account, models.MonthClose, models.EconomyYear, models.Setting}


def _money_or_empty(text: str, label: str) -> Decimal | None:
    return v.decimal_amount(text, label) if (text or "").strip() else None


def year_fields() -> list[FieldSpec]:
    return [
        FieldSpec("year", "年度", lambda x: v.year(x), show=str),
        FieldSpec(
            "target",
            "经营性收入目标（元）",
            lambda x: _money_or_empty(x, "经营性收入目标"),
            show=v.format_money,
            hint="一村一策计划定的当年目标；不定目标的年份留空",
        ),
        FieldSpec(
            "per_capita",
            "农民人均纯收入（元）",
            lambda x: _money_or_empty(x, "农民人均纯收入"),
            show=v.format_money,
            hint="统计部门公布的当年数字；评定双超村要用",
        ),
        FieldSpec(
            "measures",
            "当年主要措施",
            lambda x: v.optional_text(x, "当年主要措施", v.NOTE_LENGTH),
            kind="text",
            extra={"height": 60},
        ),
    ]


def project_kind() -> RecordKind:
    money = lambda key, label: FieldSpec(  # noqa: E731
        key, label, lambda x: v.decimal_amount(x or "0", label), show=v.format_money
    )
    return RecordKind(
        noun="发展项目",
        model=models.EconomyProject,
        columns=[
            Column("项目", lambda r: r.name),
            Column("合作模式", lambda r: r.model),
            Column("合作方", lambda r: r.partners),
            Column("起始年度", lambda r: str(r.started_year or ""), sort_key=lambda r: r.started_year or 0),
            Column("投资(元)", lambda r: v.format_money(r.investment), sort_key=lambda r: r.investment),
            Column("预期年收益(元)", lambda r: v.format_money(r.expected_income), sort_key=lambda r: r.expected_income),
            Column("实际收益(元)", lambda r: v.format_money(r.actual_income), sort_key=lambda r: r.actual_income),
            Column("状态", lambda r: r.state, warn=lambda r: r.state == "已停止"),
        ],
        fields=[
            FieldSpec("name", "项目名称", lambda x: v.required_text(x, "项目名称")),
            FieldSpec(
                "model",
                "合作模式",
                lambda x: v.optional_text(x, "合作模式"),
                kind="editable_choice",
                choices=e.PROJECT_MODELS,
            ),
            FieldSpec(
                "partners",
                "合作方",
                lambda x: v.optional_text(x, "合作方", v.NOTE_LENGTH),
                hint="写明各方名称，如：某某公司、某某合作社、300亩基地、52户农户",
            ),
            FieldSpec(
                "started_year", "起始年度", lambda x: v.year(x, "起始年度") if (x or "").strip() else None, show=str
            ),
            money("investment", "投资（元）"),
            money("expected_income", "预期年收益（元）"),
            money("actual_income", "实际收益（累计，元）"),
            FieldSpec("state", "状态", kind="choice", choices=e.PROJECT_STATES),
            FieldSpec("note", "备注", lambda x: v.optional_text(x, "备注", v.NOTE_LENGTH)),
        ],
        order_by=lambda: (models.EconomyProject.started_year, models.EconomyProject.name),
        describe=lambda r: r.name,
        defaults=lambda: {"state": e.PROJECT_STATES[0], "started_year": dt.date.today().year},
    )


class IncomeChart(QChartView):
    """The income of each year in 万元: the 经营性 part and the 补助及其他 part stacked (QtCharts)."""

    def __init__(self, parent=None):
        chart = QChart()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        chart.setTitle("集体经济收入走势（万元）")
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        named(self, "集体经济收入走势图")
        self.setMinimumHeight(200)

    def show_years(self, figures: list[e.YearFigures]) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        operating, other = QBarSet("经营性收入"), QBarSet("补助及其他收入")
        operating.setColor(QColor("#b03a2e"))
        other.setColor(QColor("#e6b0aa"))
        for f in figures:
            operating.append(float(f.operating / TEN_THOUSAND))
            other.append(float((f.total - f.operating) / TEN_THOUSAND))
        series = QStackedBarSeries()
        series.append(operating)
        series.append(other)
        chart.addSeries(series)
        years = QBarCategoryAxis()
        years.append([f"{f.year}年" for f in figures])
        amounts = QValueAxis()
        amounts.setLabelFormat("%.0f")
        top = max((float(f.total / TEN_THOUSAND) for f in figures), default=0.0)
        amounts.setRange(0, max(1.0, top * 1.15))
        amounts.applyNiceNumbers()
        chart.addAxis(years, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(amounts, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(years)
        series.attachAxis(amounts)
        self.shown = figures  # tests read what the chart was given


class EconomyPanel(QWidget):
    def __init__(self, session: Session, open_sheet: Callable[..., object], parent=None):
        super().__init__(parent)
        self.session, self.open_sheet = session, open_sheet
        self.chart = IncomeChart()
        self.table = choice_table("各年收入", YEAR_COLUMNS)
        self.table.doubleClicked.connect(lambda _: self.edit_year())
        self.standing = named(QLabel(), "集体经济状况")
        self.standing.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.standing, 1)
        self.extra_actions = []
        for text, handler, tip in (
            ("填写年度数据…", self.edit_year, "一村一策的经营性收入目标、农民人均纯收入、当年主要措施"),
            ("评定标准…", self.edit_rules, "空壳村、双超村的收入标准"),
            ("发展情况表", self.print_report, "打印：收入走势图、各年收入、一村一策项目"),
        ):
            widget = button(text, tip)
            widget.clicked.connect(handler)
            actions.addWidget(widget)
            self.extra_actions.append((text, handler))
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.chart, 3)
        upper_layout.addLayout(actions)
        upper_layout.addWidget(self.table, 2)
        self.projects = RecordPanel(project_kind(), session)
        self.projects.share_the_page()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(self.projects)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        QVBoxLayout(self).addWidget(splitter)
        session.changed.connect(self._reload_if_affected)
        session.village_changed.connect(lambda _: self.reload())
        self.reload()

    def menu_actions(self):
        return [*self.extra_actions, *self.projects.menu_actions()]

    def _reload_if_affected(self, tables: frozenset) -> None:
        if tables & SOURCES:
            self.reload()

    def reload(self) -> None:
        rules = store.rules()
        self.figures = store.years(self.session.village)
        self.chart.show_years([f for f in self.figures if not f.future])
        self.table.setRowCount(len(self.figures))
        for row, f in enumerate(reversed(self.figures)):  # the newest year on top
            standing = e.standing(f, rules)
            for column, text in enumerate(economy_row(f, rules)):
                item = QTableWidgetItem(text)
                if 0 < column < len(YEAR_COLUMNS) - 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if standing:
                    item.setBackground(SHELL_COLOUR if standing == e.SHELL else DOUBLE_COLOUR)
                item.setToolTip(e.standing_reason(f, rules))
                self.table.setItem(row, column, item)
        self.standing.setText(self._standing_text(rules))

    def _standing_text(self, rules: e.Rules) -> str:
        if not self.figures:
            return "收支明细账里还没有收入。记账后，各年收入会自动出现在这里。"
        latest = [f for f in self.figures if not f.future][-1]
        standing = e.standing(latest, rules) or "不是空壳村"
        reason = e.standing_reason(latest, rules)
        return f"{latest.year}年（截至目前）：{standing}" + (f"——{reason}" if reason else "")

    def selected_year(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            return int(self.table.item(rows[0].row(), 0).text())
        return dt.date.today().year

    def edit_year(self) -> None:
        year = self.selected_year()
        row = store.entered_years(self.session.village).get(year)
        values = {"year": year}
        if row:
            values |= {"target": row.target, "per_capita": row.per_capita, "measures": row.measures}

        def save(parsed: dict) -> None:
            chosen = parsed.pop("year")
            change = store.save_year(self.session.village, chosen, parsed)
            self.session.record([change], f"填写{chosen}年集体经济数据")

        form = RecordForm("集体经济年度数据", year_fields(), values, save, self)
        self.year_form = form  # tests reach the open form here
        open_transient(form)

    def edit_rules(self) -> None:
        from app.store import settings

        current = store.rules()
        amount = lambda key, label: FieldSpec(  # noqa: E731
            key, label, lambda x: str(v.decimal_amount(x, label, allow_zero=False)), show=lambda d: f"{d:f}"
        )
        fields = [
            amount("shell_below", "空壳村：收入低于（元）"),
            FieldSpec("shell_basis", "空壳村按", kind="choice", choices=(e.OPERATING_BASIS, e.TOTAL_BASIS)),
            amount("double_income", "双超村：集体经济收入超过（元）"),
            amount("double_per_capita", "双超村：农民人均纯收入超过（元）"),
        ]
        values = {
            "shell_below": current.shell_below,
            "shell_basis": current.shell_basis,
            "double_income": current.double_income,
            "double_per_capita": current.double_per_capita,
        }

        def save(parsed: dict) -> None:
            self.session.record([settings.put(store.RULES, parsed)], "修改集体经济评定标准")

        form = RecordForm("集体经济评定标准", fields, values, save, self)
        self.rules_form = form
        open_transient(form)

    def print_report(self) -> None:
        if not self.figures:
            messages.inform(self, "发展情况表", "收支明细账里还没有收入，一村一策也还没有填写年度数据。")
            return
        self.open_sheet("economy_report", str(self.session.village.id))
