"""村级财务: the village's 收支明细账 for a month or a year, each entry taken through 经手人 → 审核 → 联签, a month
closed once its entries are booked (corrections then by 冲销), the chart of accounts, the year's figures,
Excel in and out, and the 财务公开 and 收益及收益分配表 sheets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout

from app.domain import money as mo
from app.domain import values as v
from app.store import models, records
from app.store import money as store
from app.store.errors import StorageError
from app.ui.session import Session
from app.ui.widgets import messages
from app.ui.widgets.forms import FieldSpec, RecordForm
from app.ui.widgets.labels import button, fit_to_screen, named, open_transient
from app.ui.widgets.record_panel import RecordKind, RecordPanel
from app.ui.widgets.table import Column

WHOLE_YEAR = "全年"
KINDS = ("收入", "支出")


def _account_field(session: Session) -> FieldSpec:
    def labels() -> dict[str, models.Account]:
        return {store.account_label(a): a for a in store.accounts(session.village)}

    def parse(text: str) -> models.Account:
        chosen = labels().get(text)
        if chosen is None:
            raise v.InputError("请从列表中选择科目（科目表可在“科目表…”里增改）")
        return chosen

    return FieldSpec(
        "account",
        "科目",
        parse,
        kind="choice",
        choices=lambda: list(labels()),
        show=lambda account: store.account_label(account) if account else "",
    )


def entry_kind(panel: MoneyPanel, session: Session) -> RecordKind:
    def state(row) -> str:
        if row.reverses_id:
            return "冲销"
        if row.id in panel.reversed_ids:
            return "已冲销"
        return store.state(row, panel.threshold)

    def check(row, values: dict) -> None:
        values["income"], values["expense"] = mo.entry_amounts(values.pop("money_kind"), values.pop("amount"))

    return RecordKind(
        noun="账目",
        model=models.JournalEntry,
        columns=[
            Column("日期", lambda r: v.format_date(r.entry_date), sort_key=lambda r: r.entry_date),
            Column("凭证号", lambda r: r.voucher_no),
            Column("摘要", lambda r: r.summary),
            Column("科目", lambda r: store.account_label(r.account)),
            Column("收入(元)", lambda r: v.format_money(r.income) if r.income else "", sort_key=lambda r: r.income),
            Column("支出(元)", lambda r: v.format_money(r.expense) if r.expense else "", sort_key=lambda r: r.expense),
            Column("经手人", lambda r: r.handler),
            Column("审核", lambda r: r.reviewer),
            Column("联签", lambda r: r.cosigned_by),
            Column("状态", state, warn=lambda r: state(r) in (mo.PENDING_REVIEW, mo.PENDING_COSIGN)),
            Column("凭证", lambda r: "有扫描件" if r.voucher_scan else ""),
            Column("结账", lambda r: "已结账" if mo.month_key(r.entry_date) in panel.closed else ""),
        ],
        fields=[
            FieldSpec(
                "entry_date", "日期", lambda t: v.date_value(t, "日期", not_after_today=True), show=v.format_date
            ),
            FieldSpec(
                "voucher_no", "凭证号", lambda t: v.optional_text(t, "凭证号", 30), hint="不填：按账目所在月份自动编号"
            ),
            FieldSpec("summary", "摘要", lambda t: v.required_text(t, "摘要", 200), placeholder="如：付村庄保洁费"),
            _account_field(session),
            FieldSpec("money_kind", "收支", kind="choice", choices=KINDS),
            FieldSpec(
                "amount",
                "金额（元）",
                lambda t: v.decimal_amount(t, "金额", allow_zero=False),
                show=v.format_money,
            ),
            FieldSpec(
                "handler",
                "经手人",
                lambda t: v.required_text(t, "经手人", 40),
                kind="editable_choice",
                choices=lambda: [n for n in [store.signers(session.village, dt.date.today())["handler"]] if n],
            ),
            FieldSpec("note", "备注", lambda t: v.optional_text(t, "备注", v.NOTE_LENGTH)),
        ],
        order_by=lambda: (models.JournalEntry.entry_date, models.JournalEntry.voucher_no),
        describe=lambda r: f"{r.voucher_no or v.format_date(r.entry_date)} {r.summary}",
        defaults=lambda: panel.new_entry_values(),
        check=check,
        save=lambda record, _values, expected: [store.save_entry(record, expected)],
    )


class MoneyPanel(RecordPanel):
    def __init__(self, session: Session, open_sheet: Callable[[str, str], None], parent=None):
        self.open_sheet = open_sheet
        self.threshold = store.approval_threshold()
        self.closed: set[str] = set()
        self.reversed_ids: set = set()
        today = dt.date.today()
        self.year = named(QSpinBox(), "账目年度")
        self.year.setRange(2000, today.year + 1)
        self.year.setValue(today.year)
        self.year.setSuffix(" 年")
        self.month = named(QComboBox(), "账目月份")
        self.month.addItems([WHOLE_YEAR, *(f"{n}月" for n in range(1, 13))])
        self.month.setCurrentIndex(today.month)
        self.summary = named(QLabel(), "本期收支")
        self.summary.setWordWrap(True)
        store.ensure_chart(session.village)
        super().__init__(entry_kind(self, session), session, parent)
        self.year.valueChanged.connect(lambda _: self.reload())
        self.month.currentIndexChanged.connect(lambda _: self.reload())

        period_row = QHBoxLayout()
        for text, widget in (("年度：", self.year), ("月份：", self.month)):
            label = QLabel(text)
            label.setBuddy(widget)
            period_row.addWidget(label)
            period_row.addWidget(widget)
        period_row.addWidget(self.summary, 1)
        self.top.addLayout(period_row)
        self.book_row = QHBoxLayout()
        self.top.addLayout(self.book_row)

        self.add_action("审核…", self.review, "民主理财小组或监委会审核选中的账目")
        self.add_action("联签…", self.cosign, "书记、主任联签（超过联签限额的账目必须联签）")
        self.add_action("冲销…", self.reverse, "已结账月份的账目有错时，在未结账的月份记一笔冲销")
        self.add_action("附凭证…", self.attach_scan, "把凭证的扫描件或照片复制到资料文件夹，随备份保存")
        self.add_action("查看凭证", self.show_scan, "打开选中账目的凭证扫描件")
        for text, handler, tip in (
            ("结账…", self.close_month, "按月结账；结账后这个月的账目不能再改，更正用冲销"),
            ("财务公开…", self.disclosure, "按月或按季度生成财务收支公开"),
            ("收益分配表", self.distribution, "本年度的收益及收益分配表"),
            ("年度数据…", self.edit_year, "年初余额、年初未分配收益和本年的收益分配"),
            ("科目表…", self.edit_chart, "会计科目：2004年制度的编号和名称，或2023年制度的名称"),
            ("联签限额…", self.edit_threshold, "超过这个金额的账目需要书记、主任联签"),
            ("导入Excel…", self.import_excel, "从 Excel 收支明细账导入（先逐行检查）"),
            ("导出Excel…", self.export_excel, "把本期账目导出为 Excel"),
        ):
            widget = button(text, tip)
            widget.clicked.connect(handler)
            self.book_row.addWidget(widget)
            self.extra_actions.append((text, handler))
        self.book_row.addStretch(1)

    # --- the period shown ---
    def period(self) -> mo.Period:
        year, month = self.year.value(), self.month.currentIndex()
        if month == 0:
            return mo.Period(dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year}年", str(year))
        return mo.month_period(year, month)

    def rows_query(self):
        period = self.period()
        return store.entries_between(self.session.village, period.start, period.end)

    def reload(self) -> None:
        village = self.session.village
        self.threshold = store.approval_threshold()
        self.closed = store.closed_months(village)
        reversals = models.JournalEntry.select(models.JournalEntry.reverses).where(
            (models.JournalEntry.village == village) & models.JournalEntry.reverses.is_null(False)
        )
        self.reversed_ids = {row.reverses_id for row in reversals}
        super().reload()
        self._show_summary()

    def _reload_if_affected(self, tables: frozenset) -> None:
        if tables & {models.JournalEntry, models.MonthClose, models.MoneyYear, models.Account, models.Setting}:
            self.reload()
        else:
            super()._reload_if_affected(tables)

    def _show_summary(self) -> None:
        period = self.period()
        figures = store.disclosure(self.session.village, period)
        pending = store.pending_count(self.session.village, period.start, period.end)
        text = (
            f"{period.label}：期初 {v.format_money(figures.opening)} 元，收入 {v.format_money(figures.income_total)}，"
            f"支出 {v.format_money(figures.expense_total)}，期末 {v.format_money(figures.closing)} 元"
        )
        if pending:
            text += f"；⚠ {pending} 笔未审批完（未计入）"
        self.summary.setText(text)

    def new_entry_values(self) -> dict:
        today = dt.date.today()
        return {
            "entry_date": today,
            "money_kind": "支出",
            "handler": store.signers(self.session.village, today)["handler"],
        }

    # --- approval ---
    def _chosen(self, verb: str) -> models.JournalEntry | None:
        entry = self.selected()
        if entry is None:
            messages.inform(self, verb, "请先在列表中选中一笔账目。")
            return None
        return models.JournalEntry.get_or_none(models.JournalEntry.id == entry.id)

    def _sign(self, verb: str, key: str, label: str, sign: Callable) -> None:
        entry = self._chosen(verb)
        if entry is None:
            return
        if entry.reverses_id:
            messages.inform(self, verb, "冲销的账目随原账目的审批，不需再签。")
            return
        default = store.signers(self.session.village, dt.date.today())[key]
        fields = [
            FieldSpec("who", label, lambda t: v.required_text(t, label, 40), kind="editable_choice", choices=[default]),
            FieldSpec("on", "日期", lambda t: v.date_value(t, "日期", not_after_today=True), show=v.format_date),
        ]

        def save(values: dict) -> None:
            try:
                change = sign(entry, values["who"], values["on"])
            except v.InputError as error:
                field = "on" if error.args[1:] == ("on",) else "who"
                raise v.InputError(error.args[0], field) from None
            self.session.record([change], f"{verb}“{entry.summary}”")

        form = RecordForm(f"{verb}：{entry.summary}", fields, {"who": default, "on": dt.date.today()}, save, self)
        self.sign_form = form  # tests reach the open form here
        open_transient(form)

    def review(self) -> None:
        self._sign("审核", "reviewer", "审核人（民主理财小组/监委会）", store.review)

    def cosign(self) -> None:
        self._sign("联签", "cosigned_by", "联签人（书记、主任）", store.cosign)

    def reverse(self) -> None:
        entry = self._chosen("冲销")
        if entry is None:
            return
        today = dt.date.today()
        fields = [
            FieldSpec(
                "on", "冲销日期", lambda t: v.date_value(t, "冲销日期", not_after_today=True), show=v.format_date
            ),
            FieldSpec("voucher_no", "凭证号", lambda t: v.required_text(t, "凭证号", 30)),
        ]
        values = {"on": today, "voucher_no": store.next_voucher_no(self.session.village, today)}

        def save(parsed: dict) -> None:
            change = store.reverse(entry, parsed["on"], parsed["voucher_no"])
            self.session.record([change], f"冲销“{entry.summary}”")

        form = RecordForm(f"冲销：{entry.summary}（{v.format_money(entry.amount)} 元）", fields, values, save, self)
        self.reverse_form = form
        open_transient(form)

    def attach_scan(self) -> None:
        from app.ui import file_dialogs

        entry = self._chosen("附凭证")
        if entry is None:
            return
        chosen = file_dialogs.open_file(
            self, "选择凭证扫描件或照片", Path.home(), "图片或 PDF (*.jpg *.jpeg *.png *.pdf *.tif *.tiff)"
        )
        if not chosen:
            return
        try:
            change = store.attach_scan(entry, Path(chosen), self.session.data_dir)
        except (StorageError, OSError) as error:
            messages.warn(self, "没有附上", str(error))
            return
        self.session.record([change], f"附凭证“{entry.summary}”")

    def show_scan(self) -> None:
        entry = self._chosen("查看凭证")
        if entry is None:
            return
        if not entry.voucher_scan:
            messages.inform(self, "查看凭证", "这笔账目还没有附凭证扫描件。")
            return
        path = self.session.data_dir / entry.voucher_scan
        if not path.exists():
            messages.warn(self, "查看凭证", f"找不到凭证文件：\n{path}")
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # --- the books ---
    def close_month(self) -> None:
        village = self.session.village
        months = sorted(
            {
                mo.month_key(e.entry_date)
                for e in models.JournalEntry.select().where(models.JournalEntry.village == village)
            }
            - self.closed
        )
        ready = [m for m in months if mo.month_period(int(m[:4]), int(m[5:])).end < dt.date.today()]
        if not ready:
            messages.inform(self, "结账", "没有可以结账的月份（本月要到月末以后才能结账）。")
            return
        month = ready[0]  # months are closed in order
        reason = store.why_not_close(village, month)
        if reason:
            messages.inform(self, "结账", reason)
            return
        label = mo.month_period(int(month[:4]), int(month[5:])).label
        if not messages.confirm(
            self,
            "结账",
            f"确定结账 {label} 吗？\n结账后这个月的账目不能再增加、修改或删除，更正要用冲销。结账不能撤回。",
        ):
            return
        try:
            change = store.close_month(village, month, records.current_actor(), dt.date.today())
        except StorageError as error:
            messages.warn(self, "没有结账", str(error))
            return
        self.session.record([change], f"结账 {label}")

    def disclosure(self) -> None:
        year = self.year.value()
        keys = [f"{year}-{m:02d}" for m in range(1, 13)] + [f"{year}Q{q}" for q in range(1, 5)]
        labels = {mo.parse_period(key).label: key for key in keys}
        current = self.month.currentIndex()
        default = mo.month_period(year, current).label if current else mo.quarter_period(year, 1).label

        def save(values: dict) -> None:
            key = labels[values["period"]]
            period = mo.parse_period(key)
            pending = store.pending_count(self.session.village, period.start, period.end)
            if pending and not messages.confirm(
                self, "财务公开", f"{period.label}有 {pending} 笔账目还没有审批完，不会列入公开。继续吗？"
            ):
                return
            self.open_sheet("finance_disclosure", f"{self.session.village.id}:{key}")

        fields = [FieldSpec("period", "公开期间", kind="choice", choices=list(labels))]
        form = RecordForm("财务公开", fields, {"period": default}, save, self)
        self.period_form = form
        open_transient(form)

    def distribution(self) -> None:
        self.open_sheet("income_distribution", f"{self.session.village.id}:{self.year.value()}")

    def edit_year(self) -> None:
        village, year = self.session.village, self.year.value()
        row = store.money_year(village, year)

        def amount(key: str, label: str, hint: str = "") -> FieldSpec:
            return FieldSpec(key, label, lambda t: v.decimal_amount(t or "0", label), show=v.format_money, hint=hint)

        fields = [
            FieldSpec(
                "opening_balance",
                "年初余额（元）",
                lambda t: v.decimal_amount(t, "年初余额") if (t or "").strip() else None,
                show=v.format_money,
                hint="年初现金和银行存款合计。不填：按上年的账接转",
            ),
            amount("opening_undistributed", "年初未分配收益（元）"),
            amount("reserve", "提取公积公益金（元）", "按村民会议或代表会议决定的分配方案填写"),
            amount("welfare", "应付福利费（元）"),
            amount("households", "农户分配（元）"),
        ]
        values = {spec.key: getattr(row, spec.key) for spec in fields} if row else {}

        def save(parsed: dict) -> None:
            change = store.save_money_year(village, year, parsed)
            self.session.record([change], f"{year}年度财务数据")

        form = RecordForm(f"{year}年度财务数据", fields, values, save, self)
        self.year_form = form
        open_transient(form)

    def edit_threshold(self) -> None:
        from app.store import settings

        fields = [
            FieldSpec(
                "threshold",
                "联签限额（元）",
                lambda t: v.decimal_amount(t, "联签限额", allow_zero=False),
                show=v.format_money,
                hint="超过这个金额的账目，审核后还要书记、主任联签才能入账",
            )
        ]

        def save(parsed: dict) -> None:
            change = settings.put(store.APPROVAL_THRESHOLD, str(parsed["threshold"]))
            self.session.record([change], "修改联签限额")

        form = RecordForm("联签限额", fields, {"threshold": self.threshold}, save, self)
        self.threshold_form = form
        open_transient(form)

    def edit_chart(self) -> None:
        dialog = ChartDialog(self.session, self)
        self.chart_dialog = dialog
        open_transient(dialog)

    def import_excel(self) -> None:
        from app.exchange.ledger import read_ledger, save_ledger
        from app.exchange.workbook import ExchangeError
        from app.ui import file_dialogs
        from app.ui.widgets.import_dialog import ImportDialog, read_with_progress

        chosen = file_dialogs.open_file(self, "选择收支明细账", Path.home(), "Excel 表格 (*.xlsx *.xls *.ods)")
        if not chosen:
            return
        village = self.session.village
        try:
            result = read_with_progress(
                self, lambda _advance: read_ledger(Path(chosen), store.accounts(village), store.closed_months(village))
            )
        except ExchangeError as error:
            messages.warn(self, "不能导入", str(error))
            return
        dialog = ImportDialog(
            self.session, "收支明细账", "账目", "笔", Path(chosen), result, LEDGER_PREVIEW, save_ledger, self
        )
        self.import_dialog = dialog
        open_transient(dialog)

    def export_excel(self) -> None:
        from app.exchange.ledger import write_ledger
        from app.ui import file_dialogs

        period = self.period()
        name = f"{self.session.village.name}{period.label}收支明细账"
        chosen = file_dialogs.save_file(self, "导出Excel", Path.home() / f"{name}.xlsx", "Excel 表格 (*.xlsx)", "xlsx")
        if not chosen:
            return
        path = Path(chosen if chosen.lower().endswith(".xlsx") else chosen + ".xlsx")
        entries = list(self.rows_query())
        try:
            write_ledger(path, entries, name)
        except OSError as error:
            messages.warn(self, "导出失败", f"无法写入文件：\n{path}\n\n{error.strerror or error}")
            return
        messages.inform(self, "已导出", f"已导出 {len(entries)} 笔：\n{path}")


LEDGER_PREVIEW = [
    ("行号", lambda row, e: str(row)),
    ("日期", lambda row, e: v.format_date(e["entry_date"])),
    ("凭证号", lambda row, e: e["voucher_no"]),
    ("摘要", lambda row, e: e["summary"]),
    ("科目", lambda row, e: store.account_label(e["account"])),
    ("收入", lambda row, e: v.format_money(e["income"]) if e["income"] else ""),
    ("支出", lambda row, e: v.format_money(e["expense"]) if e["expense"] else ""),
    ("经手人", lambda row, e: e["handler"]),
]


def account_kind() -> RecordKind:
    return RecordKind(
        noun="科目",
        model=models.Account,
        columns=[
            Column("编号", lambda r: r.code),
            Column("名称", lambda r: r.name),
            Column("类别", lambda r: r.category),
            Column("余额方向", lambda r: r.direction),
            Column("收益表项目", lambda r: r.statement_line),
        ],
        fields=[
            FieldSpec("code", "编号", lambda t: v.optional_text(t, "编号", 12), placeholder="如：501"),
            FieldSpec("name", "名称", lambda t: v.required_text(t, "名称", 30)),
            FieldSpec("category", "类别", kind="choice", choices=mo.CATEGORIES),
            FieldSpec("direction", "余额方向", kind="choice", choices=(mo.DEBIT, mo.CREDIT)),
            FieldSpec(
                "statement_line",
                "收益表项目",
                kind="choice",
                choices=("（不列入收益表）", *mo.STATEMENT_LINES[1:]),
                show=lambda line: line or "（不列入收益表）",
            ),
        ],
        order_by=lambda: (models.Account.code, models.Account.name),
        describe=lambda r: store.account_label(r),
        defaults=lambda: {"category": mo.PROFIT_AND_LOSS, "direction": mo.DEBIT},
        check=_check_account,
    )


def _check_account(row, values: dict) -> None:
    if values["statement_line"] not in mo.STATEMENT_LINES:
        values["statement_line"] = ""


class ChartDialog(QDialog):
    """The village's chart of accounts, editable; the 2023 system's names can be added beside the 2004 ones."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("科目表")
        named(self, "科目表")
        self.panel = RecordPanel(account_kind(), session, self)
        add_2023 = button("加入2023年制度科目", "加入财会〔2023〕14号的科目名称（编号由本县填写）")
        add_2023.clicked.connect(self.add_2023)
        close = button("关闭")
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(add_2023)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addLayout(row)
        fit_to_screen(self, 760, 600)

    def add_2023(self) -> None:
        changes = store.add_chart(self.session.village, list(mo.CHARTS)[1])
        if not changes:
            messages.inform(self, "科目表", "2023年制度的科目名称都已在科目表里。")
            return
        self.session.record(changes, f"加入2023年制度科目 {len(changes)} 个")
