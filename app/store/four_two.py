"""四议两公开 matters and their steps: who is expected at each step (from the records), recording a step in
order, ending a matter or sending it back to ①."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app.domain import cadres as c
from app.domain import four_two as f
from app.domain.meetings import Outcome
from app.domain.values import InputError
from app.store import members, models, records
from app.store import meetings as meeting_store
from app.store.cadres import current_posts, holdings
from app.store.transactions import write_transaction


def steps_of(matter: models.Matter, this_round: bool = True) -> list[models.MatterStep]:
    query = models.MatterStep.select().where(models.MatterStep.matter == matter)
    if this_round:
        query = query.where(models.MatterStep.round == matter.round)
    return list(query.order_by(models.MatterStep.round, models.MatterStep.number))


def outcome(step: models.MatterStep) -> Outcome | None:
    if step.number not in f.MEETING_STEPS:
        return None
    votes = (step.votes_for, step.votes_against, step.votes_abstain)
    return f.step_outcome(step.number, step.expected, step.present, votes, step.body, step.basis)


def next_step(matter: models.Matter) -> tuple[int | None, str]:
    if matter.status != f.IN_PROGRESS:
        return None, f"这个事项{matter.status}"
    recorded = [(s.number, outcome(s).passed if outcome(s) else True) for s in steps_of(matter)]
    return f.next_step(recorded)


def expected_at(village: models.Village, number: int, on: dt.date, body: str = "", basis: str = "") -> int:
    """应到 for a meeting step, from the records: the 支委, the 两委, the members with a vote, the village."""
    posts = current_posts(village, on)
    if number == 1:
        return len({p.cadre_id for p in posts if p.post in c.BRANCH_POSTS})
    if number == 2:
        return len({p.cadre_id for p in posts if p.post in (*c.BRANCH_POSTS, *c.COMMITTEE_POSTS)})
    if number == 3:
        return sum(meeting_store.has_a_vote(p, "", on) for p in members.on_roll(village))
    if body == f.REPRESENTATIVES:
        return village.representatives
    return village.households if basis == f.HOUSEHOLDS else village.adult_population


def one_person_both(village: models.Village, on: dt.date) -> bool:
    return bool(c.one_person_both(holdings(village, on)))


def record_step(matter: models.Matter, values: dict) -> list[records.Change]:
    """Adds the next step with what the form gave; 应到 (and for a linked 党员大会, the counts) come from
    the records. The last step completes the matter. Raises InputError(message, field) when refused."""
    number, why_not = next_step(matter)
    if number is None:
        raise InputError(why_not, "held_on")
    earlier = steps_of(matter)
    step = models.MatterStep(village=matter.village_id, matter=matter, round=matter.round, number=number)
    for key, value in values.items():
        setattr(step, key, value)
    if number == 3 and step.meeting_id:
        _take_counts_from(step, models.Meeting.get_by_id(step.meeting_id))
    if earlier and step.held_on < earlier[-1].held_on:
        raise InputError(f"不能早于上一步的日期 {earlier[-1].held_on:%Y-%m-%d}", "held_on")
    village = matter.village
    if number == 2 and step.merged:
        if not one_person_both(village, step.held_on):
            raise InputError("只有书记、主任“一肩挑”的村，提议和商议才可合并召开", "merged")
        if step.held_on != earlier[-1].held_on:
            raise InputError("合并召开的，日期应与提议的日期相同", "held_on")
    if number in f.MEETING_STEPS and not (number == 3 and step.meeting_id):
        step.expected = expected_at(village, number, step.held_on, step.body, step.basis)
        if step.present > step.expected:
            raise InputError(f"实到不能多于应到的 {step.expected} 人", "present")
    if number == 4:
        refused = f.body_refused(matter.category, step.body, step.authorised)
        if refused:
            raise InputError(refused, "authorised")
    with write_transaction():
        changes = [records.save(step, expected=records.ABSENT)]
        if number == 6:
            before = records.snapshot(matter)
            matter.status = f.DONE
            changes.append(records.save(matter, expected=before))
    return changes


def _take_counts_from(step: models.MatterStep, meeting: models.Meeting) -> None:
    """③ linked to a 党员大会 already recorded in 三会一课: its date, counts and votes, not typed twice."""
    from app.domain import meetings as mt

    if meeting.kind != mt.GENERAL:
        raise InputError("只能关联支部党员大会", "meeting")
    if not meeting_store.attendance_of(meeting):
        raise InputError("这次党员大会还没有登记出席情况", "meeting")
    counts = meeting_store.counts(meeting)
    step.held_on = meeting.held_on
    step.expected, step.present = counts.voters_expected, counts.voters_present
    step.votes_for = meeting.votes_for or 0
    step.votes_against, step.votes_abstain = meeting.votes_against or 0, meeting.votes_abstain or 0
    step.content = step.content or meeting.decisions or meeting.topics


def end_matter(matter: models.Matter) -> list[records.Change]:
    before = records.snapshot(matter)
    matter.status = f.ENDED
    return [records.save(matter, expected=before)]


def back_to_proposal(matter: models.Matter) -> list[records.Change]:
    """A new round from ①; the failed round's steps stay on record."""
    before = records.snapshot(matter)
    matter.round += 1
    return [records.save(matter, expected=before)]


def delete_matter(matter: models.Matter) -> list[records.Change]:
    with write_transaction():
        changes = [records.delete(step, expected=records.snapshot(step)) for step in steps_of(matter, False)]
        changes.append(records.delete(matter, expected=records.snapshot(matter)))
    return changes


def progress(matter: models.Matter) -> str:
    """Where the matter stands, in the list and on the register."""
    if matter.status == f.ENDED:
        return "已终止"
    steps = steps_of(matter)
    if not steps:
        return "待提议" if matter.round == 1 else f"退回重新提议（第 {matter.round} 轮）"
    last = steps[-1]
    result = outcome(last)
    verdict = "" if result is None else ("通过" if result.passed else "未通过")
    return f"{'①②③④⑤⑥'[last.number - 1]} {f.STEP_TITLES[last.number]}{verdict}"


def spent_total(matter: models.Matter) -> Decimal:
    return sum((s.spent for s in steps_of(matter) if s.number == 6), Decimal("0"))
