"""低保评议: applications from the household register, the 评议会 with its panel (composition and size checked),
each applicant's secret-ballot counts and result by the rules set, the amount once approved, objections with
their answers, and the 公示 that shows nothing private."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable


from app.domain.board import check_answer
from app.domain import dibao as d
from app.domain import values as v
from app.store import dibao as store
from app.store import models
from app.ui.session import Session
from app.ui.widgets import messages
from app.ui.widgets.forms import FieldSpec, RecordForm
from app.ui.widgets.labels import open_transient
from app.ui.widgets.record_panel import RecordKind, RecordPanel
from app.ui.widgets.table import Column
from app.ui.widgets.panel_dialog import PanelDialog


def _households(village) -> dict[str, models.Household]:
    query = models.Household.select().where(models.Household.village == village)
    rows = query.order_by(models.Household.group_order, models.Household.head_name)
    return {f"{h.head_name}（{h.group_name or '未分组'}）": h for h in rows}


def _reviews(village) -> dict[str, models.DibaoReview]:
    query = models.DibaoReview.select().where(models.DibaoReview.village == village)
    return {store.review_label(r): r for r in query.order_by(models.DibaoReview.held_on.desc())}


def _choice(options: Callable[[], dict], label: str):
    def parse(text: str):
        chosen = options().get(text)
        if chosen is None:
            raise v.InputError(f"请从列表中选择{label}")
        return chosen

    return parse


def application_kind(session: Session) -> RecordKind:
    def votes(r) -> str:
        return "" if r.votes_for is None else f"{r.votes_for}/{r.votes_against}/{r.votes_abstain}"

    return RecordKind(
        noun="低保申请",
        model=models.DibaoApplication,
        columns=[
            Column("户主", lambda r: r.household.head_name),
            Column("村民小组", lambda r: r.household.group_name),
            Column("保障人数", lambda r: str(r.covered)),
            Column("类别", lambda r: r.category),
            Column("申请日期", lambda r: v.format_date(r.applied_on), sort_key=lambda r: r.applied_on),
            Column("申请理由", lambda r: r.reason),
            Column("评议会", lambda r: v.format_date(r.review.held_on) if r.review_id else ""),
            Column("同意/不同意/弃权", votes),
            Column("评议结果", lambda r: store.result(r), warn=lambda r: store.result(r) in (d.FAILED, "评议无效")),
            Column("月保障金额(元)", lambda r: v.format_money(r.monthly_amount)),
            Column("异议", lambda r: _objection_text(r), warn=lambda r: "未答复" in _objection_text(r)),
        ],
        fields=[
            FieldSpec(
                "household",
                "申请户",
                _choice(lambda: _households(session.village), "农户（先在“农户”里登记）"),
                kind="editable_choice",
                choices=lambda: list(_households(session.village)),
                show=lambda h: f"{h.head_name}（{h.group_name or '未分组'}）" if h else "",
            ),
            FieldSpec("covered", "保障人数", lambda t: v.whole_number(t, "保障人数", minimum=1, maximum=30)),
            FieldSpec("category", "类别", kind="choice", choices=d.CATEGORIES),
            FieldSpec(
                "applied_on",
                "申请日期",
                lambda t: v.date_value(t, "申请日期", not_after_today=True),
                show=v.format_date,
            ),
            FieldSpec(
                "reason", "申请理由", lambda t: v.optional_text(t, "申请理由", v.NOTE_LENGTH), hint="不会出现在公示上"
            ),
        ],
        order_by=lambda: models.DibaoApplication.applied_on.desc(),
        describe=lambda r: r.household.head_name,
        defaults=lambda: {"covered": 1, "category": d.CATEGORIES[0], "applied_on": dt.date.today()},
    )


def _objection_text(application) -> str:
    found = store.objections_of(application)
    if not found:
        return ""
    open_ones = sum(1 for o in found if not o.answer)
    return f"{len(found)} 条" + (f"，{open_ones} 条未答复" if open_ones else "，已答复")


class DibaoPanel(RecordPanel):
    def __init__(self, session: Session, open_sheet: Callable[..., object], parent=None):
        super().__init__(application_kind(session), session, parent)
        self.open_sheet = open_sheet
        for text, handler, tip in (
            ("评议会…", self.edit_reviews, "民主评议会：评议小组成员和身份、到会人数、公示开始日期"),
            ("记票…", self.ballot, "记录选中申请户的无记名投票结果"),
            ("审批金额…", self.amount, "县级审批后，填写月保障金额（公示上改列金额）"),
            ("异议…", self.objection, "记录公示期间收到的异议和答复"),
            ("评议公示", self.notice, "打印评议结果公示：只列户主姓名、保障人数、类别、结果或金额"),
            ("评议规则…", self.edit_rules, "评议小组人数、到会比例、通过比例、公示天数"),
        ):
            self.add_action(text, handler, tip)

    def _reload_if_affected(self, tables: frozenset) -> None:
        if tables & {models.DibaoReview, models.DibaoObjection, models.Household, models.Setting}:
            self.reload()
        else:
            super()._reload_if_affected(tables)

    def _chosen(self, verb: str) -> models.DibaoApplication | None:
        application = self.selected()
        if application is None:
            messages.inform(self, verb, "请先在列表中选中一户申请。")
        return application

    def ballot(self) -> None:
        application = self._chosen("记票")
        if application is None:
            return
        reviews = _reviews(self.session.village)
        if not reviews:
            messages.inform(self, "记票", "还没有评议会，请先在“评议会…”里新增。")
            return
        count = lambda key, label: FieldSpec(key, label, lambda t: v.whole_number(t or "0", label, maximum=999))  # noqa: E731
        fields = [
            FieldSpec("review", "评议会", _choice(lambda: reviews, "评议会"), kind="choice", choices=list(reviews)),
            count("votes_for", "同意"),
            count("votes_against", "不同意"),
            count("votes_abstain", "弃权"),
        ]

        def save(values: dict) -> None:
            review = values.pop("review")
            change = store.record_ballot(application, review, values)
            self.session.record([change], f"记票：{application.household.head_name}")

        form = RecordForm(f"记票：{application.household.head_name}", fields, {}, save, self)
        self.ballot_form = form
        open_transient(form)

    def amount(self) -> None:
        application = self._chosen("审批金额")
        if application is None:
            return
        if store.result(application) != d.PASSED:
            messages.inform(self, "审批金额", "评议通过后，才能填写审批的月保障金额。")
            return
        from app.store import records

        fields = [
            FieldSpec(
                "monthly_amount",
                "月保障金额（元）",
                lambda t: v.decimal_amount(t, "月保障金额", allow_zero=False),
                show=v.format_money,
            )
        ]
        opened = records.snapshot(application)

        def save(values: dict) -> None:
            current = models.DibaoApplication.get_by_id(application.id)
            current.monthly_amount = values["monthly_amount"]
            self.session.save(current, f"审批金额：{application.household.head_name}", expected=opened)

        form = RecordForm("审批金额", fields, {"monthly_amount": application.monthly_amount}, save, self)
        self.amount_form = form
        open_transient(form)

    def objection(self) -> None:
        application = self._chosen("异议")
        if application is None:
            return
        dialog = ObjectionsDialog(self.session, application, self)
        self.objections_dialog = dialog
        open_transient(dialog)

    def notice(self) -> None:
        reviews = _reviews(self.session.village)
        if not reviews:
            messages.inform(self, "评议公示", "还没有评议会。")
            return
        application = self.selected()
        review = application.review if application and application.review_id else next(iter(reviews.values()))
        self.open_sheet("dibao_notice", str(review.id))

    def edit_reviews(self) -> None:
        dialog = ReviewsDialog(self.session, self)
        self.reviews_dialog = dialog
        open_transient(dialog)

    def edit_rules(self) -> None:
        from app.store import settings

        current = store.rules()
        share = lambda key, label: FieldSpec(key, label, kind="choice", choices=("2/3", "1/2", "3/4"))  # noqa: E731
        fields = [
            FieldSpec("panel_minimum", "评议小组至少（人）", lambda t: v.whole_number(t, "评议小组人数", 3, 99)),
            share("attendance", "到会至少占评议小组"),
            share("pass", "通过至少占到会人数"),
            FieldSpec("publicity_days", "公示天数", lambda t: v.whole_number(t, "公示天数", 1, 60)),
            FieldSpec("working_days", "按工作日", kind="check", hint="公示天数按工作日计算（不勾：按自然日）"),
        ]
        values = {
            "panel_minimum": current.panel_minimum,
            "attendance": f"{current.attendance.numerator}/{current.attendance.denominator}",
            "pass": f"{current.passing.numerator}/{current.passing.denominator}",
            "publicity_days": current.publicity_days,
            "working_days": current.working_days,
        }

        def save(parsed: dict) -> None:
            self.session.record([settings.put(store.RULES, parsed)], "修改低保评议规则")

        form = RecordForm("低保评议规则", fields, values, save, self)
        self.rules_form = form
        open_transient(form)


def _panel_text(panel) -> str:
    return "\n".join(f"{name} {role}" for name, role in panel or [])


def _parse_panel(text: str) -> list[list[str]]:
    members = []
    for line in (text or "").splitlines():
        parts = line.split()
        if not parts:
            continue
        if len(parts) < 2 or parts[-1] not in d.ROLES:
            raise v.InputError(f"“{line.strip()}”应写成“姓名 身份”，身份为：{'、'.join(d.ROLES)}")
        members.append([" ".join(parts[:-1]), parts[-1]])
    if not members:
        raise v.InputError("请填写评议小组成员，每行一人")
    return members


def review_kind() -> RecordKind:
    def problems(r) -> str:
        return "；".join(d.panel_problems(store.panel_of(r), store.rules()))

    def check(row, values: dict) -> None:
        if values["present"] > len(values["panel"]):
            raise v.InputError(f"到会人数不能多于评议小组的 {len(values['panel'])} 人", "present")
        if values["published_on"] and values["published_on"] < values["held_on"]:
            raise v.InputError("公示不能早于评议会", "published_on")

    return RecordKind(
        noun="评议会",
        model=models.DibaoReview,
        columns=[
            Column("日期", lambda r: v.format_date(r.held_on), sort_key=lambda r: r.held_on),
            Column("评议小组", lambda r: f"{len(r.panel or [])} 人：{d.composition(store.panel_of(r))}"),
            Column("到会", lambda r: str(r.present)),
            Column("是否有效", lambda r: store.validity(r)[1], warn=lambda r: not store.validity(r)[0]),
            Column("提醒", problems, warn=lambda r: True),
            Column("公示开始", lambda r: v.format_date(r.published_on)),
        ],
        fields=[
            FieldSpec("held_on", "日期", lambda t: v.date_value(t, "日期", not_after_today=True), show=v.format_date),
            FieldSpec(
                "panel",
                "评议小组成员",
                _parse_panel,
                kind="text",
                show=_panel_text,
                hint=f"每行一人：姓名 身份（{'、'.join(d.ROLES)}）",
            ),
            FieldSpec("present", "到会人数", lambda t: v.whole_number(t, "到会人数", maximum=999)),
            FieldSpec("township_staff", "乡镇参会人员", lambda t: v.optional_text(t, "乡镇参会人员")),
            FieldSpec(
                "published_on",
                "公示开始日期",
                lambda t: v.date_value(t, "公示开始日期", required=False),
                show=v.format_date,
                hint="张贴公示的第一天；结束日期按评议规则算出",
            ),
        ],
        order_by=lambda: models.DibaoReview.held_on.desc(),
        describe=lambda r: store.review_label(r),
        defaults=lambda: {"held_on": dt.date.today()},
        check=check,
    )


class ReviewsDialog(PanelDialog):
    def __init__(self, session: Session, parent=None):
        super().__init__("低保评议会", RecordPanel(review_kind(), session), parent)


class ObjectionsPanel(RecordPanel):
    def __init__(self, session: Session, application: models.DibaoApplication):
        self.application = application
        kind = RecordKind(
            noun="异议",
            model=models.DibaoObjection,
            columns=[
                Column("收到日期", lambda r: v.format_date(r.received_on), sort_key=lambda r: r.received_on),
                Column("反映人", lambda r: r.from_whom),
                Column("异议内容", lambda r: r.content),
                Column("答复", lambda r: r.answer or "未答复", warn=lambda r: not r.answer),
                Column("答复日期", lambda r: v.format_date(r.answered_on)),
            ],
            fields=[
                FieldSpec(
                    "received_on",
                    "收到日期",
                    lambda t: v.date_value(t, "收到日期", not_after_today=True),
                    show=v.format_date,
                ),
                FieldSpec("from_whom", "反映人", lambda t: v.optional_text(t, "反映人", 30), hint="公示上只显示姓氏"),
                FieldSpec("content", "异议内容", lambda t: v.required_text(t, "异议内容", v.NOTE_LENGTH)),
                FieldSpec("answer", "答复", lambda t: v.optional_text(t, "答复", v.NOTE_LENGTH)),
                FieldSpec(
                    "answered_on",
                    "答复日期",
                    lambda t: v.date_value(t, "答复日期", required=False, not_after_today=True),
                    show=v.format_date,
                ),
            ],
            order_by=lambda: models.DibaoObjection.received_on,
            describe=lambda r: r.content[:20],
            defaults=lambda: {"received_on": dt.date.today()},
            check=lambda _row, values: check_answer(values),
            on_new=lambda record: setattr(record, "application", application),
        )
        super().__init__(kind, session)

    def rows_query(self):
        return super().rows_query().where(models.DibaoObjection.application == self.application)


class ObjectionsDialog(PanelDialog):
    def __init__(self, session: Session, application: models.DibaoApplication, parent=None):
        super().__init__(f"异议：{application.household.head_name}", ObjectionsPanel(session, application), parent)
