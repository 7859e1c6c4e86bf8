"""四议两公开 sheets: the resolution and the result made public (each due within days of its step), and the
year's register of matters."""

from __future__ import annotations

import datetime as dt

from app.domain import board as b
from app.domain import periods
from app.domain.dates import chinese_date
from app.domain.values import format_money
from app.notices import four_two_sheets
from app.notices.fonts import GlyphReport
from app.notices.frame import PageSpec
from app.publishing import sources
from app.publishing.catalogue import RenderedSheet, SheetEntry, SheetKind, UnknownSheetError, entry, register
from app.store import models
from app.store.four_two import outcome, progress, steps_of

DECIDED, DONE = 4, 6  # step ④ the resolution, step ⑥ the result


def _matters(village: models.Village, number: int):
    steps = models.MatterStep.select(models.MatterStep.matter).where(
        (models.MatterStep.village == village) & (models.MatterStep.number == number)
    )
    return models.Matter.select().where(models.Matter.id.in_(steps)).order_by(models.Matter.title)


def resolution_entries(village: models.Village) -> list[SheetEntry]:
    return [entry("resolution_notice", m.id, village, f"{m.title}决议公开") for m in _matters(village, DECIDED)]


def result_entries(village: models.Village) -> list[SheetEntry]:
    return [entry("result_notice", m.id, village, f"{m.title}实施结果公开") for m in _matters(village, DONE)]


def _step_day(number: int):
    """A notice is called for by its matter's newest step of that number."""

    def record_day(record_id: str) -> dt.date | None:
        step = (
            models.MatterStep.select()
            .where((models.MatterStep.matter == sources.uuid_of(record_id)) & (models.MatterStep.number == number))
            .order_by(models.MatterStep.held_on.desc())
            .first()
        )
        return step.held_on if step else None

    return record_day


def _step(matter: models.Matter, number: int) -> models.MatterStep | None:
    return next((s for s in steps_of(matter) if s.number == number), None)


def resolution_notice_data(matter: models.Matter, today: dt.date) -> four_two_sheets.MatterNotice:
    """⑤ 决议公开, from step ④ (and the matter)."""
    village, decided = matter.village, _step(matter, DECIDED)
    if decided is None or not outcome(decided).passed:
        raise ValueError(f"事项“{matter.title}”的村民会议或村民代表会议决议还没有通过，不能公开决议")
    result = outcome(decided)
    share = f"{decided.present * 100 / decided.expected:.0f}%" if decided.expected else "—"
    facts = [
        ("事项", matter.title),
        ("类别", matter.category),
        ("决议会议", f"{decided.body}（{chinese_date(decided.held_on)}）"),
        ("应到、实到", f"应到 {decided.expected} 人，实到 {decided.present} 人，到会 {share}"),
        ("表决情况", f"赞成 {decided.votes_for} 票，反对 {decided.votes_against} 票，弃权 {decided.votes_abstain} 票"),
        ("结果", f"{result.validity}；{result.result}"),
        ("决议内容", decided.content or "（见会议记录）"),
    ]
    if matter.planned_amount:
        facts.insert(2, ("计划金额", f"{format_money(matter.planned_amount)} 元"))
    return four_two_sheets.MatterNotice(
        village.name,
        sources.village_unit(village),
        village.supervision_phone,
        f"{village.name}关于“{matter.title}”的决议公开",
        facts,
        "以上决议经“四议”程序产生，现予公开。",
        today,
    )


def result_notice_data(matter: models.Matter, today: dt.date) -> four_two_sheets.MatterNotice:
    """⑥ 实施结果公开, from step ⑥ and the money planned."""
    village, done = matter.village, _step(matter, DONE)
    if done is None:
        raise ValueError(f"事项“{matter.title}”还没有记录实施结果")
    decided = _step(matter, DECIDED)
    facts = [
        ("事项", matter.title),
        ("决议时间", chinese_date(decided.held_on) if decided else "—"),
        ("实施情况", done.content or "—"),
        ("计划金额", f"{format_money(matter.planned_amount)} 元"),
        ("实际支出", f"{format_money(done.spent)} 元"),
        ("验收情况", done.acceptance or "—"),
        ("监督意见", done.supervision or "—"),
    ]
    return four_two_sheets.MatterNotice(
        village.name,
        sources.village_unit(village),
        village.supervision_phone,
        f"{village.name}关于“{matter.title}”的实施结果公开",
        facts,
        "欢迎村民监督。",
        today,
    )


def _notice_render(kind: str, data):
    def rendered(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
        matter = sources.record(models.Matter, record_id, "事项")
        try:
            sheet = data(matter, today)
        except ValueError as error:
            raise UnknownSheetError(str(error)) from None
        report = GlyphReport()
        result = four_two_sheets.render_notice(sheet, page, report)
        return sources.sheet(kind, record_id, matter.village, sheet.title, result, report)

    return rendered


def register_entries(village: models.Village) -> list[SheetEntry]:
    if not models.Matter.select().where(models.Matter.village == village).exists():
        return []
    year = dt.date.today().year
    return [
        entry("matter_register", f"{village.id}:{year}", village, f"{year}年四议两公开台账", periods.year_period(year))
    ]


def matter_register_data(village: models.Village, year: int, today: dt.date) -> four_two_sheets.MatterRegister:
    rows = []
    for matter in models.Matter.select().where(models.Matter.village == village).order_by(models.Matter.title):
        steps = steps_of(matter, this_round=False)
        if steps and steps[0].held_on.year != year and steps[-1].held_on.year != year:
            continue
        published = "、".join(n for n, number in (("决议", 5), ("结果", 6)) if any(s.number == number for s in steps))
        rows.append(
            [
                matter.title,
                matter.category,
                matter.origin,
                format_money(matter.planned_amount),
                progress(matter),
                f"已公开{published}" if published else "未公开",
            ]
        )
    return four_two_sheets.MatterRegister(village.name, sources.village_unit(village), year, rows, today)


def register_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    village, year = sources.village_year(record_id)
    sheet = matter_register_data(village, year, today)
    report = GlyphReport()
    rendered = four_two_sheets.render_register(sheet, page, report)
    return sources.sheet("matter_register", record_id, village, f"{year}年四议两公开台账", rendered, report)


register(
    SheetKind(
        "resolution_notice",
        "四议两公开决议公开",
        resolution_entries,
        _notice_render("resolution_notice", resolution_notice_data),
        panel=b.VILLAGE,
        rhythm=b.AS_CALLED,
        record_day=_step_day(DECIDED),
    )
)
register(
    SheetKind(
        "result_notice",
        "四议两公开实施结果公开",
        result_entries,
        _notice_render("result_notice", result_notice_data),
        panel=b.VILLAGE,
        rhythm=b.AS_CALLED,
        record_day=_step_day(DONE),
    )
)
register(SheetKind("matter_register", "四议两公开台账", register_entries, register_render, period_key=(periods.YEAR,)))
