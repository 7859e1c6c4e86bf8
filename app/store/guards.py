"""Rules that forbid a delete or a change, in one place: the lists, the imports, undo and redo all ask here.

DELETE_RULES says, for every link between two kinds of record (a foreign key of the schema), what deleting
the record pointed at does to the records pointing at it: REFUSE (it stays while they exist), TAKEN_ALONG
(deletion.delete_with_children deletes them first, each audited, as one step) or UNLINK (that function
clears their link first, audited). Each link also states the schema's ON DELETE, and a test walks the real
schema's foreign keys against this table. A plain records.delete never lets the database cascade or clear
a link behind the audit: it is refused while anything points at the record (a whole village's removal
deletes in models.VILLAGE_TABLES order, pointing records first).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from peewee import Model

from app.domain.money import month_key
from app.store import models


def _closed(village_id, day) -> bool:
    return (
        models.MonthClose.select()
        .where((models.MonthClose.village == village_id) & (models.MonthClose.month == month_key(day)))
        .exists()
    )


def _in_closed_month(entry: models.JournalEntry) -> str | None:
    day = entry.entry_date
    if day and _closed(entry.village_id, day):
        return (
            f"{day.year}年{day.month}月已结账，这个月的账目不能再增加、修改或删除。\n"
            "请在未结账的月份做一笔冲销或更正的账目。"
        )
    return None


# What a 冲销 entry books; a voucher scan or a note may still be added to it.
_REVERSAL_BOOKED = ("village", "entry_date", "voucher_no", "summary", "account", "income", "expense", "handler")
_REVERSAL_BOOKED += ("reverses",)


def _reversal_changed(record: models.JournalEntry, before: models.JournalEntry) -> str | None:
    def differs(name: str) -> bool:
        now, then = record.__data__.get(name), before.__data__.get(name)
        return now != then and str(now) != str(then)  # an id may come back as a UUID or as its text

    if before.reverses_id and any(differs(name) for name in _REVERSAL_BOOKED):
        return "冲销的账目不能修改；如有错，请删除它再重新冲销。"
    return None


def why_not_save(record: Model, before: Model | None) -> str | None:
    """The reason this record may not be written (created, or changed from `before`); None when it may be."""
    if isinstance(record, models.JournalEntry):
        return (
            (_in_closed_month(before) if before else None)
            or _in_closed_month(record)
            or (_reversal_changed(record, before) if before else None)
        )
    if isinstance(record, models.Publication) and before is not None:
        fixed = ("kind", "record_id", "title", "sha256", "posted_on", "reviewed_by", "reviewed_on", "corrects_id")
        if any(getattr(record, name) != getattr(before, name) for name in fixed):
            return "已张贴的公开内容不能修改；内容有误，请张贴一份更正（原来的那份保留）。"
    return None


REFUSE, TAKEN_ALONG, UNLINK = "refuse", "taken along", "unlink"
CASCADE, RESTRICT, SET_NULL = "CASCADE", "RESTRICT", "SET NULL"
# What each schema action allows a rule to do: RESTRICT only refuses; a cascade may be done by hand, each
# child deleted and audited; a cleared link may be cleared by hand, audited.
ALLOWED = {RESTRICT: {REFUSE}, CASCADE: {REFUSE, TAKEN_ALONG}, SET_NULL: {REFUSE, UNLINK}}


@dataclass(frozen=True)
class Link:
    """A foreign key: `field` of `child` points at the record being deleted; `on_delete` as the schema says."""

    child: type[Model]
    field: str
    on_delete: str

    @property
    def parent(self) -> type[Model]:
        return self.child._meta.fields[self.field].rel_model

    def pointing_at(self, record: Model):
        return self.child.select().where(getattr(self.child, self.field) == record.id)


@dataclass(frozen=True)
class DeleteRule:
    links: tuple[Link, ...]  # all pointing at the same kind of record
    does: str  # REFUSE, TAKEN_ALONG or UNLINK
    message: Callable[..., str]  # (the record, one query per link) → why a plain delete is refused
    when_removing_village: bool = True  # False: a whole village's removal does not ask

    @property
    def parent(self) -> type[Model]:
        return self.links[0].parent


def _rule(does: str, message: Callable[..., str], *links: tuple, when_removing_village: bool = True) -> DeleteRule:
    return DeleteRule(tuple(Link(*link) for link in links), does, message, when_removing_village)


m = models
# In the order they are asked, for each kind of record pointed at.
DELETE_RULES: tuple[DeleteRule, ...] = (
    _rule(REFUSE, lambda r, q: f"这笔账目已被凭证号“{q.first().voucher_no}”冲销，不能删除。",
          (m.JournalEntry, "reverses", RESTRICT)),
    _rule(REFUSE, lambda r, q, c: "这份公开已有异议或更正记录，不能删除。",
          (m.PublicationObjection, "publication", RESTRICT), (m.Publication, "corrects", RESTRICT),
          when_removing_village=False),
    _rule(REFUSE, lambda r, q: f"“{r.name}”已在 {q.count()} 次培训中授课，不能从师资库删除；可以修改其信息。",
          (m.SessionTrainer, "trainer", RESTRICT)),
    _rule(TAKEN_ALONG, lambda r, q: f"这次培训记有 {q.count()} 名参训人员，请在培训列表里删除（参训记录一并删除）。",
          (m.Trainee, "session", CASCADE)),
    _rule(TAKEN_ALONG, lambda r, q: f"这次培训记有 {q.count()} 位授课人，请在培训列表里删除（授课人记录一并删除）。",
          (m.SessionTrainer, "session", CASCADE)),
    _rule(REFUSE, lambda r, q: f"这次评议会评议了 {q.count()} 户，不能删除。",
          (m.DibaoApplication, "review", SET_NULL)),
    _rule(REFUSE, lambda r, q: f"这户的公示有 {q.count()} 条异议记录，不能删除。",
          (m.DibaoObjection, "application", RESTRICT)),
    _rule(REFUSE, lambda r, q: f"“{r.head_name}”户有 {q.count()} 条低保申请记录，不能删除。",
          (m.DibaoApplication, "household", RESTRICT)),
    _rule(REFUSE, lambda r, q: f"事项“{r.name}”已有 {q.count()} 条代办记录，不能删除；可以修改它。",
          (m.ServiceRequest, "item", RESTRICT)),
    _rule(REFUSE, lambda r, q: f"“{r.head_name}”户有 {q.count()} 条代办记录，不能删除。",
          (m.ServiceRequest, "household", SET_NULL)),
    _rule(REFUSE, lambda r, q: f"“{r.name}”还联系着 {q.count()} 户，请先把这些户改由别的联系人联系，再删除。",
          (m.Household, "contact", SET_NULL)),
    _rule(REFUSE, lambda r, q: f"“{r.head_name}”户有 {q.count()} 条走访记录，不能删除。",
          (m.HouseholdVisit, "household", RESTRICT)),
    _rule(REFUSE, lambda r, q: f"“{r.title}”还有 {q.count()} 个版本，请先删除各版本。",
          (m.CompactVersion, "compact", RESTRICT)),
    _rule(REFUSE, lambda r, q: f"这一版已印制 {q.count()} 次（印制记录要保留），不能删除；不再使用时另立新版本即可。",
          (m.CompactPrint, "version", RESTRICT)),
    _rule(REFUSE, lambda r, q: f"科目“{r.code} {r.name}”已记有 {q.count()} 笔账目，不能删除；可以修改它的名称。",
          (m.JournalEntry, "account", RESTRICT)),
    _rule(REFUSE, lambda r, q: f"有 {q.count()} 项制度已并入“{r.title}”，不能删除。\n"
                               "不再使用时，可把它的状态改为“已废止”。",
          (m.WallRule, "merged_into", SET_NULL)),
    _rule(REFUSE, lambda r, q: f"“{r.name}”有 {q.count()} 条参训记录，不能删除；离任的请填写任职止日期。",
          (m.Trainee, "cadre", RESTRICT)),
    _rule(REFUSE, lambda r, posts, mine, theirs: (
              f"“{r.name}”还有 {posts.count()} 项职务、{mine.count() + theirs.count()} 条近亲属关系记录，"
              "请先删除这些记录。\n离任的职务请填写任职止日期，不必删除。"),
          (m.CadrePost, "cadre", CASCADE), (m.CadreRelation, "cadre", CASCADE),
          (m.CadreRelation, "relative", CASCADE)),
    _rule(UNLINK, lambda r, q: f"“{r.name}”是 {q.count()} 位联系人的联系干部（网格长），请先在“联系人”里改换。",
          (m.HouseholdContact, "cadre", SET_NULL)),
    _rule(TAKEN_ALONG, lambda r, q: f"事项“{r.title}”已记录 {q.count()} 个步骤，"
                                    "请在四议两公开列表里删除（步骤一并删除）。",
          (m.MatterStep, "matter", CASCADE)),
    _rule(REFUSE, lambda r, q: f"这次会议是事项“{q.first().matter.title}”的党员大会审议，不能删除。",
          (m.MatterStep, "meeting", SET_NULL)),
    _rule(TAKEN_ALONG, lambda r, q: f"这次会议记有 {q.count()} 人的出席情况，请先在“出席情况”中清空，再删除会议。",
          (m.Attendance, "meeting", CASCADE)),
    _rule(REFUSE, lambda r, *found: (
              f"“{r.name}”有 {sum(q.count() for q in found)} 条会议、评议、党费或培训记录，不能删除。\n"
              "离开本支部的，请把状态改为“转出”“出党”或“去世”，历史记录会保留。"),
          (m.Attendance, "member", CASCADE), (m.Appraisal, "member", CASCADE), (m.DuesStandard, "member", CASCADE),
          (m.DuesPayment, "member", CASCADE), (m.Trainee, "member", RESTRICT)),
    _rule(REFUSE, lambda r, q: f"“{r.name}”是班子成员“{q.first().name}”对应的党员，请先在班子成员中取消对应。",
          (m.Cadre, "member", SET_NULL)),
    _rule(UNLINK, lambda r, q: f"“{r.name}”是联系人“{q.first().name}”对应的党员，请先在“联系人”里取消对应。",
          (m.HouseholdContact, "member", SET_NULL)),
)  # fmt: skip
del m


def rules_for(model: type[Model]) -> list[DeleteRule]:
    return [rule for rule in DELETE_RULES if rule.parent is model]


def why_not_delete(record: Model, removing_village: bool = False, with_children: bool = False) -> str | None:
    """The reason this record may not be deleted, for the clerk; None when it may be. Removing a whole village
    (confirmed, backed up, undoable) takes its closed months with it. `with_children`: asked for
    deletion.delete_with_children, which takes the TAKEN_ALONG records along and clears UNLINK links."""
    if isinstance(record, models.MonthClose) and not removing_village:
        return f"{record.month} 已结账，结账不能撤回。更正请在未结账的月份做冲销账目。"
    for rule in rules_for(type(record)):
        if (removing_village and not rule.when_removing_village) or (with_children and rule.does != REFUSE):
            continue
        found = [link.pointing_at(record) for link in rule.links]
        if any(query.exists() for query in found):
            return rule.message(record, *found)
    if isinstance(record, models.JournalEntry):
        return _in_closed_month(record)
    return None
