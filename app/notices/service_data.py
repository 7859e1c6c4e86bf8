"""The data of the 服务 tab's training and collective-economy sheets, read from the database."""

from __future__ import annotations

import datetime as dt

from app.domain import economy as e
from app.domain import money as mo
from app.domain.values import format_area, format_date, format_money
from app.notices.frame import chinese_date
from app.notices.management_data import village_unit
from app.store import models


def training_session_data(session: models.TrainingSession, today: dt.date):
    from app.notices.training_sheets import SessionRecord
    from app.store import training

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
    return SessionRecord(
        village.name,
        f"{village.name}党支部",
        [(label, value) for label, value in facts if value],
        [[t.name, t.unit, t.specialty] for t in trainers],
        rows,
        today,
    )


def training_year_data(village: models.Village, year: int, today: dt.date):
    from app.notices.training_sheets import YearSummary
    from app.store import training

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
    return YearSummary(
        village.name,
        f"{village.name}党支部",
        year,
        f"{format_area(target)} 学时",
        sessions,
        rows,
        [bool(p.short_of(target)) for p in people],
        today,
    )


def economy_data(village: models.Village, today: dt.date):
    from app.notices.economy_sheets import EconomyReport
    from app.store import economy

    rules = economy.rules()
    figures = economy.years(village, today)
    rows = [economy_row(f, rules) for f in figures]
    flagged = [e.standing(f, rules) == e.SHELL for f in figures]
    past = [f for f in figures if not f.future]
    projects = [
        [
            p.name,
            p.model,
            p.partners,
            str(p.started_year or ""),
            format_money(p.investment),
            format_money(p.expected_income),
            format_money(p.actual_income),
            p.state,
        ]
        for p in economy.projects(village)
    ]
    rules_text = (
        f"说明：{rules.shell_basis}低于 {rules.shell_below:,.0f} 元的为空壳村（底色标出）；集体经济收入超过 "
        f"{rules.double_income:,.0f} 元且农民人均纯收入超过 {rules.double_per_capita:,.0f} 元的为双超村。"
        "经营性收入＝经营收入＋发包及上交收入＋投资收益。"
    )
    return EconomyReport(
        village.name,
        village_unit(village),
        [f.year for f in past],
        [f.operating for f in past],
        [f.total - f.operating for f in past],
        rows,
        flagged,
        projects,
        rules_text,
        today,
    )


def economy_row(f: e.YearFigures, rules: e.Rules) -> list[str]:
    """A year as the screen and the sheet show it: a year to come shows its plan only."""
    share = f.target_share()
    income = [
        "" if f.future else format_money(amount)
        for amount in (*(f.lines[n] for n in mo.INCOME_LINES), f.total, f.operating)
    ]
    return [
        f"{f.year}",
        *income,
        format_money(f.target),
        "" if share is None else f"{share}%",
        format_money(f.per_capita),
        "计划" if f.future else e.standing(f, rules),
    ]
