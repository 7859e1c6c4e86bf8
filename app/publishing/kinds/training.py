"""教育培训 sheets: each session's 培训记录 and the year's 教育培训汇总 (phones never printed)."""

from __future__ import annotations

import datetime as dt

from app.domain import periods
from app.domain.values import format_area, format_date
from app.notices import training_sheets
from app.notices.fonts import GlyphReport
from app.notices.frame import PageSpec, chinese_date
from app.publishing import sources
from app.publishing.catalogue import RenderedSheet, SheetEntry, SheetKind, entry, register
from app.store import models, training


def _session_title(session: models.TrainingSession) -> str:
    return f"{session.held_on.isoformat()} {session.topic} 培训记录"


def session_entries(village: models.Village) -> list[SheetEntry]:
    query = models.TrainingSession.select().where(models.TrainingSession.village == village)
    return [
        entry("training_session", s.id, village, _session_title(s))
        for s in query.order_by(models.TrainingSession.held_on)
    ]


def training_session_data(session: models.TrainingSession, today: dt.date) -> training_sheets.SessionRecord:
    village = session.village
    trainers = training.trainers_of(session)
    facts = [
        ("培训时间", chinese_date(session.held_on)),
        ("培训地点", session.place),
        ("培训主题", session.topic),
        ("主办单位", session.organiser),
        ("培训方式", session.method),
        ("学时", f"{format_area(session.hours)} 学时"),
    ]
    roles = {c.key: c.role for c in training.session_candidates(session)}
    trainees = sorted(training.trainees_of(session), key=lambda row: training.trainee_name(row))
    rows = [
        [training.trainee_name(row), roles.get(training.trainee_key(row), ""), format_area(row.score)]
        for row in trainees
    ]
    return training_sheets.SessionRecord(
        village.name,
        f"{village.name}党支部",
        [(label, value) for label, value in facts if value],
        [[t.name, t.unit, t.specialty] for t in trainers],
        rows,
        today,
    )


def session_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    session = sources.record(models.TrainingSession, record_id, "培训")
    sheet = training_session_data(session, today)
    report = GlyphReport()
    rendered = training_sheets.render(sheet, page, report)
    return sources.sheet("training_session", record_id, session.village, _session_title(session), rendered, report)


def year_entries(village: models.Village) -> list[SheetEntry]:
    days = models.TrainingSession.select(models.TrainingSession.held_on).where(
        models.TrainingSession.village == village
    )
    years = sorted({day.year for (day,) in days.tuples()})
    return [
        entry("training_year", f"{village.id}:{y}", village, f"{y}年教育培训汇总", periods.year_period(y))
        for y in years
    ]


def training_year_data(village: models.Village, year: int, today: dt.date) -> training_sheets.YearSummary:
    counts = training.trainee_counts(village)
    sessions = [
        [
            format_date(s.held_on),
            s.topic,
            s.method,
            "、".join(t.name for t in training.trainers_of(s)),
            format_area(s.hours),
            str(counts.get(s.id, 0)),
        ]
        for s in training.sessions_in(village, year)
    ]
    target = training.year_hours_target()
    people = training.year_people(village, year)
    rows = [
        [
            p.name,
            p.role,
            str(p.sessions),
            format_area(p.hours),
            format_area(p.average_score),
            "达标" if not p.short_of(target) else f"差 {format_area(p.short_of(target))} 学时",
        ]
        for p in people
    ]
    return training_sheets.YearSummary(
        village.name,
        f"{village.name}党支部",
        year,
        f"{format_area(target)} 学时",
        sessions,
        rows,
        [bool(p.short_of(target)) for p in people],
        today,
    )


def year_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    village, year = sources.village_year(record_id)
    sheet = training_year_data(village, year, today)
    report = GlyphReport()
    rendered = training_sheets.render(sheet, page, report)
    return sources.sheet("training_year", record_id, village, f"{year}年教育培训汇总", rendered, report)


register(SheetKind("training_session", "培训记录", session_entries, session_render))
register(SheetKind("training_year", "年度教育培训汇总", year_entries, year_render, period_key=(periods.YEAR,)))
