"""联系人: the party members and 村民代表 who each hold some households, and the cadre each answers to for a 片区
or 村民小组 — with each one's load (a warning above the set number) and their 联系卡 and the public 联户 sign."""

from __future__ import annotations

from collections.abc import Callable

from app.domain import households as h
from app.domain import members as m
from app.domain import values as v
from app.store import households as store
from app.store import models
from app.ui.session import Session
from app.ui.widgets.forms import FieldSpec, RecordForm
from app.ui.widgets.labels import open_transient
from app.ui.widgets.record_panel import RecordKind, RecordPanel
from app.ui.widgets.table import Column

NONE = "（无）"


def _members(village) -> dict[str, models.PartyMember]:
    query = models.PartyMember.select().where(
        (models.PartyMember.village == village) & models.PartyMember.status.in_(m.ACTIVE_STATUSES)
    )
    return {p.name: p for p in query.order_by(models.PartyMember.name)}


def _cadres(village) -> dict[str, models.Cadre]:
    return {c.name: c for c in models.Cadre.select().where(models.Cadre.village == village).order_by(models.Cadre.name)}


def _pick(options: Callable[[], dict], label: str):
    def parse(text: str):
        if text in ("", NONE):
            return None
        chosen = options().get(text)
        if chosen is None:
            raise v.InputError(f"请从列表中选择{label}")
        return chosen

    return parse


def contact_kind(panel: ContactsPanel, session: Session) -> RecordKind:
    def load(row) -> int:
        return panel.loads.get(row.id, 0)

    def check(row, values: dict) -> None:
        if values["kind"] == h.PARTY_MEMBER and values["member"] is None:
            raise v.InputError("联户党员请从花名册中选择", "member")
        if values["member"] is not None and not values["name"]:
            values["name"] = values["member"].name

    return RecordKind(
        noun="联系人",
        model=models.HouseholdContact,
        columns=[
            Column("姓名", lambda r: r.name),
            Column("身份", lambda r: r.kind),
            Column("片区或村民小组", lambda r: r.area),
            Column("联系干部", lambda r: r.cadre.name if r.cadre_id else "", warn=lambda r: not r.cadre_id),
            Column("联系电话", lambda r: r.phone),
            Column(
                "联系户数",
                lambda r: str(load(r)),
                sort_key=load,
                warn=lambda r: load(r) > panel.limit or load(r) == 0,
            ),
        ],
        fields=[
            FieldSpec("kind", "身份", kind="choice", choices=h.CONTACT_KINDS),
            FieldSpec(
                "member",
                "对应党员",
                _pick(lambda: _members(session.village), "党员"),
                kind="choice",
                choices=lambda: [NONE, *_members(session.village)],
                show=lambda p: p.name if p else NONE,
                hint="联户党员从花名册中选；村民代表不用选",
            ),
            FieldSpec("name", "姓名", lambda t: v.optional_text(t, "姓名", 30), hint="选了党员可不填"),
            FieldSpec("area", "片区或村民小组", lambda t: v.optional_text(t, "片区或村民小组", 20)),
            FieldSpec(
                "cadre",
                "联系干部",
                _pick(lambda: _cadres(session.village), "班子成员"),
                kind="choice",
                choices=lambda: [NONE, *_cadres(session.village)],
                show=lambda c: c.name if c else NONE,
                hint="这个片区的网格长（村干部）",
            ),
            FieldSpec("phone", "联系电话", lambda t: v.optional_phone(t)),
            FieldSpec("note", "备注", lambda t: v.optional_text(t, "备注", v.NOTE_LENGTH)),
        ],
        order_by=lambda: (models.HouseholdContact.area, models.HouseholdContact.name),
        describe=lambda r: r.name,
        defaults=lambda: {"kind": h.PARTY_MEMBER},
        check=check,
    )


class ContactsPanel(RecordPanel):
    def __init__(self, session: Session, open_sheet: Callable[..., object], parent=None):
        self.loads: dict = {}
        self.limit = store.contact_load_limit()
        super().__init__(contact_kind(self, session), session, parent)
        self.open_sheet = open_sheet
        self.add_action("联系卡", self.card, "选中联系人的联系卡：他联系的各户（电话、证件号隐去）")
        self.add_action("联户公示牌", self.sign, "全村的联户公示：网格长、联户党员、联系的户，只公开干部的电话")
        self.add_action("联系户上限…", self.edit_limit, "每个联系人联系的户数超过这个数时提醒")

    def reload(self) -> None:
        from peewee import fn

        self.limit = store.contact_load_limit()
        counts = (
            models.Household.select(models.Household.contact, fn.COUNT(models.Household.id))
            .where((models.Household.village == self.session.village) & models.Household.contact.is_null(False))
            .group_by(models.Household.contact)
            .tuples()
        )
        self.loads = dict(counts)
        super().reload()

    def _reload_if_affected(self, tables: frozenset) -> None:
        if tables & {models.Household, models.Setting, models.Cadre}:
            self.reload()
        else:
            super()._reload_if_affected(tables)

    def card(self) -> None:
        from app.ui.widgets import messages

        contact = self.selected()
        if contact is None:
            messages.inform(self, "联系卡", "请先在列表中选中一个联系人。")
            return
        self.open_sheet("contact_card", str(contact.id))

    def sign(self) -> None:
        self.open_sheet("household_sign", str(self.session.village.id))

    def edit_limit(self) -> None:
        from app.store import settings

        fields = [FieldSpec("limit", "联系户上限", lambda t: v.whole_number(t, "联系户上限", minimum=1, maximum=200))]

        def save(values: dict) -> None:
            self.session.record([settings.put(store.CONTACT_LOAD, values["limit"])], "修改联系户上限")

        form = RecordForm("联系户上限", fields, {"limit": self.limit}, save, self)
        self.limit_form = form
        open_transient(form)
