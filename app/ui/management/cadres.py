"""班子成员: the people of the 村“两委” and the 监委会, their posts, and their close relations — with the
composition rules checked and explained above the lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from app.domain import cadres as c
from app.domain import members as m
from app.domain import values as v
from app.store import models
from app.store.cadres import current_posts_by_person, holdings, is_current, post_order, relative_pairs
from app.ui.session import Session
from app.ui.widgets.forms import FieldSpec
from app.ui.widgets.id_reveal import IdReveal
from app.ui.widgets.labels import named
from app.ui.widgets.record_panel import RecordKind, RecordPanel
from app.ui.widgets.table import Column

NOT_A_MEMBER = "（不是党员）"


def composition_text(village) -> str:
    held = holdings(village)
    lines = [f"一肩挑：{name}同时任党组织书记和村委会主任" for name in c.one_person_both(held)]
    lines += [f"⚠ {warning}" for warning in c.composition_warnings(held, relative_pairs(village))]
    return "\n".join(lines) or "班子结构符合组织法的人数、妇女成员和回避规定。"


def _labels(village) -> dict[str, models.Cadre]:
    """The cadres by the label a choice list shows: the name, with the birth year when names repeat."""
    people = list(models.Cadre.select().where(models.Cadre.village == village).order_by(models.Cadre.name))
    names = [p.name for p in people]
    return {
        (p.name if names.count(p.name) == 1 else f"{p.name}（{p.birth_date.year if p.birth_date else '?'}）"): p
        for p in people
    }


def _cadre_field(key: str, label: str, session: Session) -> FieldSpec:
    def parse(text: str) -> models.Cadre:
        chosen = _labels(session.village).get(text)
        if chosen is None:
            raise v.InputError(f"请选择{label}（先在上面的列表里新增班子成员）")
        return chosen

    def show(cadre) -> str:
        return next((text for text, person in _labels(session.village).items() if person.id == cadre.id), "")

    return FieldSpec(key, label, parse, kind="choice", choices=lambda: list(_labels(session.village)), show=show)


def _member_choices(village) -> dict[str, models.PartyMember]:
    query = models.PartyMember.select().where(
        (models.PartyMember.village == village)
        & models.PartyMember.stage.in_(m.MEMBER_STAGES)
        & models.PartyMember.status.in_(m.ACTIVE_STATUSES)
    )
    return {f"{p.name}（{p.party_group or p.stage}）": p for p in query.order_by(models.PartyMember.name)}


def people_kind(session: Session, ids: IdReveal, posts_now: Callable[[], dict]) -> RecordKind:
    """`posts_now` gives each person's current posts, read once a refresh (not once a cell)."""

    def parse_member(text: str):
        return None if text in ("", NOT_A_MEMBER) else _member_choices(session.village).get(text)

    def show_member(member) -> str:
        if member is None:
            return NOT_A_MEMBER
        return next((t for t, p in _member_choices(session.village).items() if p.id == member.id), NOT_A_MEMBER)

    def posts_of(person) -> str:
        return "、".join(posts_now().get(person.id, []))

    return RecordKind(
        noun="班子成员",
        model=models.Cadre,
        columns=[
            Column("姓名", lambda r: r.name),
            Column("性别", lambda r: r.gender),
            Column("年龄", lambda r: str(v.years_between(r.birth_date, dt.date.today()) or "")),
            Column("学历", lambda r: r.education),
            Column("党员", lambda r: "是" if r.member_id else "否"),
            Column("现任职务", posts_of, warn=lambda r: not posts_of(r)),
            Column("联系电话", lambda r: r.phone),
            Column("身份证号", lambda r: ids.text(r.id_number)),
        ],
        fields=[
            FieldSpec("name", "姓名", lambda t: v.required_text(t, "姓名", 30)),
            FieldSpec("id_number", "身份证号", lambda t: v.id_number(t)),
            FieldSpec("gender", "性别", kind="choice", choices=("", *m.GENDERS)),
            FieldSpec(
                "birth_date",
                "出生日期",
                lambda t: v.date_value(t, "出生日期", required=False, not_after_today=True),
                show=v.format_date,
            ),
            FieldSpec(
                "ethnicity",
                "民族",
                lambda t: v.optional_text(t, "民族", 10),
                kind="editable_choice",
                choices=m.COMMON_ETHNICITIES,
            ),
            FieldSpec("education", "学历", kind="choice", choices=("", *m.EDUCATIONS)),
            FieldSpec("phone", "联系电话", lambda t: v.optional_phone(t)),
            FieldSpec(
                "member",
                "对应党员",
                parse_member,
                kind="choice",
                choices=lambda: [NOT_A_MEMBER, *_member_choices(session.village)],
                show=show_member,
                hint="是党员的，选花名册里的本人",
            ),
            FieldSpec("note", "备注", lambda t: v.optional_text(t, "备注", v.NOTE_LENGTH)),
        ],
        order_by=lambda: models.Cadre.name,
        describe=lambda r: r.name,
        defaults=lambda: {"ethnicity": "汉族", "member": None},
        check=_check_person,
    )


def _check_person(row, values: dict) -> None:
    v.agree_with_id(values)


def _check_post(row, values: dict) -> None:
    if values.get("started_on") and values.get("ended_on") and values["ended_on"] < values["started_on"]:
        raise v.InputError("任职止日期不能早于任职起日期", "ended_on")
    if not values.get("duties") and values.get("post") in c.FIVE_OFFICERS_DUTIES:
        values["duties"] = c.FIVE_OFFICERS_DUTIES[values["post"]]


def posts_kind(session: Session) -> RecordKind:
    today = dt.date.today
    return RecordKind(
        noun="职务",
        model=models.CadrePost,
        columns=[
            Column("姓名", lambda r: r.cadre.name),
            Column("职务", lambda r: r.post, sort_key=lambda r: post_order(r.post)),
            Column("届次", lambda r: r.term),
            Column("任职起", lambda r: v.format_date(r.started_on)),
            Column("任职止", lambda r: v.format_date(r.ended_on) or "现任", warn=lambda r: not is_current(r, today())),
            Column("月补贴(元)", lambda r: v.format_money(r.allowance), sort_key=lambda r: r.allowance),
            Column("职责", lambda r: r.duties),
        ],
        fields=[
            _cadre_field("cadre", "姓名", session),
            FieldSpec(
                "post", "职务", lambda t: v.required_text(t, "职务", 20), kind="editable_choice", choices=c.POSTS
            ),
            FieldSpec("term", "届次", lambda t: v.optional_text(t, "届次", 20), placeholder="如：第十一届"),
            FieldSpec(
                "started_on",
                "任职起",
                lambda t: v.date_value(t, "任职起", required=False),
                show=v.format_date,
                placeholder="如：2021-04-20",
            ),
            FieldSpec(
                "ended_on",
                "任职止",
                lambda t: v.date_value(t, "任职止", required=False),
                show=v.format_date,
                hint="现任的不填",
            ),
            FieldSpec(
                "allowance",
                "月补贴（元）",
                lambda t: v.decimal_amount(t or "0", "月补贴"),
                show=v.format_money,
                placeholder="如：2800.00",
            ),
            FieldSpec(
                "duties",
                "职责",
                lambda t: v.optional_text(t, "职责", v.NOTE_LENGTH),
                kind="text",
                hint="五大员（书记、主任、文书、监委会主任、宣传员）不填时用常见的职责，可改",
                extra={"height": 70},
            ),
        ],
        order_by=lambda: models.CadrePost.started_on,
        describe=lambda r: f"{r.cadre.name} {r.post}",
        defaults=lambda: {"allowance": Decimal("0")},
        check=_check_post,
    )


def _check_relation(row, values: dict) -> None:
    if values["cadre"].id == values["relative"].id:
        raise v.InputError("请选择两个不同的人", "relative")


def relations_kind(session: Session) -> RecordKind:
    return RecordKind(
        noun="近亲属关系",
        model=models.CadreRelation,
        columns=[
            Column("成员", lambda r: r.cadre.name),
            Column("近亲属", lambda r: r.relative.name),
            Column("关系", lambda r: r.relation),
        ],
        fields=[
            _cadre_field("cadre", "成员", session),
            _cadre_field("relative", "近亲属", session),
            FieldSpec("relation", "关系", kind="choice", choices=c.CLOSE_RELATIONS),
        ],
        order_by=lambda: models.CadreRelation.relation,
        describe=lambda r: f"{r.cadre.name}与{r.relative.name}",
        check=_check_relation,
    )


class CadresPage(QWidget):
    """班子成员 above; their posts and close relations below; the composition rules at the top."""

    def __init__(self, session: Session, open_sheet: Callable[[str, str], None], parent=None):
        super().__init__(parent)
        self.session = session
        self.composition = named(QLabel(), "班子结构")
        self.composition.setWordWrap(True)
        self.composition.setTextFormat(Qt.TextFormat.PlainText)
        self.ids = IdReveal("cadre")
        self.posts_now: dict = {}
        self.people = RecordPanel(people_kind(session, self.ids, lambda: self.posts_now), session)
        self.ids.attach(self.people)
        self.posts = RecordPanel(posts_kind(session), session)
        self.relations = RecordPanel(relations_kind(session), session)
        for panel in (self.posts, self.relations):
            panel.share_the_page()
        self.people.add_action(
            "班子分工公示",
            lambda: open_sheet("cadre_duties", str(session.village.id)),
            "班子成员的职务和分工，上墙长期公开",
        )
        details = named(QTabWidget(), "职务和近亲属")
        details.addTab(self.posts, "职务")
        details.addTab(self.relations, "近亲属关系")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.people)
        splitter.addWidget(details)
        layout = QVBoxLayout(self)
        layout.addWidget(self.composition)
        layout.addWidget(splitter, 1)
        session.changed.connect(lambda _: self.refresh())
        session.village_changed.connect(lambda _: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.posts_now = {
            person.id: [post.post for post in held]
            for person, held in current_posts_by_person(self.session.village, dt.date.today())
        }
        text = composition_text(self.session.village)
        self.composition.setText(text)
        self.composition.setStyleSheet("color: #b00020;" if "⚠" in text else "")
        self.people.reload()  # its 现任职务 column follows the posts

    def menu_actions(self):
        return [*self.people.menu_actions(), *self.posts.menu_actions(), *self.relations.menu_actions()]
