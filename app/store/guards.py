"""Rules that forbid a delete or a change, in one place: the lists, the imports, undo and redo all ask here."""

from __future__ import annotations

from peewee import Model

from app.store import models


def _closed(village_id, day) -> bool:
    from app.domain.money import month_key

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


def why_not_delete(record: Model, removing_village: bool = False) -> str | None:
    """The reason this record may not be deleted, for the clerk; None when it may be. Removing a whole village
    (confirmed, backed up, undoable) takes its closed months with it."""
    if isinstance(record, models.MonthClose) and not removing_village:
        return f"{record.month} 已结账，结账不能撤回。更正请在未结账的月份做冲销账目。"
    if isinstance(record, models.JournalEntry):
        reversal = models.JournalEntry.select().where(models.JournalEntry.reverses == record.id).first()
        if reversal:
            return f"这笔账目已被凭证号“{reversal.voucher_no}”冲销，不能删除。"
        return _in_closed_month(record)
    if isinstance(record, models.Publication) and not removing_village:
        answered = models.PublicationObjection.select().where(models.PublicationObjection.publication == record.id)
        corrected = models.Publication.select().where(models.Publication.corrects == record.id)
        if answered.exists() or corrected.exists():
            return "这份公开已有异议或更正记录，不能删除。"
    if isinstance(record, models.Trainer):
        from app.store.training import sessions_of_trainer

        taught = sessions_of_trainer(record)
        if taught:
            return f"“{record.name}”已在 {taught} 次培训中授课，不能从师资库删除；可以修改其信息。"
    if isinstance(record, models.TrainingSession):
        trained = models.Trainee.select().where(models.Trainee.session == record.id).count()
        if trained:
            return f"这次培训记有 {trained} 名参训人员，请在培训列表里删除（参训记录一并删除）。"
    if isinstance(record, models.DibaoReview):
        applications = models.DibaoApplication.select().where(models.DibaoApplication.review == record.id).count()
        if applications:
            return f"这次评议会评议了 {applications} 户，不能删除。"
    if isinstance(record, models.DibaoApplication):
        objections = models.DibaoObjection.select().where(models.DibaoObjection.application == record.id).count()
        if objections:
            return f"这户的公示有 {objections} 条异议记录，不能删除。"
    if isinstance(record, models.Household):
        applied = models.DibaoApplication.select().where(models.DibaoApplication.household == record.id).count()
        if applied:
            return f"“{record.head_name}”户有 {applied} 条低保申请记录，不能删除。"
    if isinstance(record, models.ServiceItem):
        used = models.ServiceRequest.select().where(models.ServiceRequest.item == record.id).count()
        if used:
            return f"事项“{record.name}”已有 {used} 条代办记录，不能删除；可以修改它。"
    if isinstance(record, models.Household):
        requests = models.ServiceRequest.select().where(models.ServiceRequest.household == record.id).count()
        if requests:
            return f"“{record.head_name}”户有 {requests} 条代办记录，不能删除。"
    if isinstance(record, models.HouseholdContact):
        held = models.Household.select().where(models.Household.contact == record.id).count()
        if held:
            return f"“{record.name}”还联系着 {held} 户，请先把这些户改由别的联系人联系，再删除。"
    if isinstance(record, models.Household):
        visits = models.HouseholdVisit.select().where(models.HouseholdVisit.household == record.id).count()
        if visits:
            return f"“{record.head_name}”户有 {visits} 条走访记录，不能删除。"
    if isinstance(record, models.Compact):
        versions = models.CompactVersion.select().where(models.CompactVersion.compact == record.id).count()
        if versions:
            return f"“{record.title}”还有 {versions} 个版本，请先删除各版本。"
    if isinstance(record, models.CompactVersion):
        printed = models.CompactPrint.select().where(models.CompactPrint.version == record.id).count()
        if printed:
            return f"这一版已印制 {printed} 次（印制记录要保留），不能删除；不再使用时另立新版本即可。"
    if isinstance(record, models.Account):
        used = models.JournalEntry.select().where(models.JournalEntry.account == record.id).count()
        if used:
            return f"科目“{record.code} {record.name}”已记有 {used} 笔账目，不能删除；可以修改它的名称。"
    if isinstance(record, models.WallRule):
        merged = models.WallRule.select().where(models.WallRule.merged_into == record.id).count()
        if merged:
            return f"有 {merged} 项制度已并入“{record.title}”，不能删除。\n不再使用时，可把它的状态改为“已废止”。"
    if isinstance(record, models.Cadre):
        posts = models.CadrePost.select().where(models.CadrePost.cadre == record.id).count()
        relations = (
            models.CadreRelation.select()
            .where((models.CadreRelation.cadre == record.id) | (models.CadreRelation.relative == record.id))
            .count()
        )
        trained = models.Trainee.select().where(models.Trainee.cadre == record.id).count()
        if trained:
            return f"“{record.name}”有 {trained} 条参训记录，不能删除；离任的请填写任职止日期。"
        if posts or relations:
            return (
                f"“{record.name}”还有 {posts} 项职务、{relations} 条近亲属关系记录，请先删除这些记录。\n"
                "离任的职务请填写任职止日期，不必删除。"
            )
    if isinstance(record, models.Matter):
        steps = models.MatterStep.select().where(models.MatterStep.matter == record.id).count()
        if steps:
            return f"事项“{record.title}”已记录 {steps} 个步骤，请在四议两公开列表里删除（步骤一并删除）。"
    if isinstance(record, models.Meeting):
        step = models.MatterStep.select().where(models.MatterStep.meeting == record.id).first()
        if step:
            return f"这次会议是事项“{step.matter.title}”的党员大会审议，不能删除。"
        attended = models.Attendance.select().where(models.Attendance.meeting == record.id).count()
        if attended:
            return f"这次会议记有 {attended} 人的出席情况，请先在“出席情况”中清空，再删除会议。"
    if isinstance(record, models.PartyMember):
        meetings = sum(
            model.select().where(model.member == record.id).count()
            for model in (models.Attendance, models.Appraisal, models.DuesStandard, models.DuesPayment, models.Trainee)
        )
        if meetings:
            return (
                f"“{record.name}”有 {meetings} 条会议、评议、党费或培训记录，不能删除。\n"
                "离开本支部的，请把状态改为“转出”“出党”或“去世”，历史记录会保留。"
            )
        linked = models.Cadre.select().where(models.Cadre.member == record.id).first()
        if linked:
            return f"“{record.name}”是班子成员“{linked.name}”对应的党员，请先在班子成员中取消对应。"
    return None
