"""The data of the 管理 tab's sheets, read from the records (each sheet module only lays it out)."""

from __future__ import annotations

import datetime as dt

from app.domain import cadres, members
from app.domain.dates import chinese_date
from app.domain import meetings as mt
from app.notices import (
    appraisal_sheets,
    cadre_duties,
    candidate_notice,
    dues_ledger,
    four_two_sheets,
    meeting_sheets,
    party_affairs,
)
from app.store import models, settings
from app.store.cadres import current_posts_by_person, holdings


def village_unit(village: models.Village) -> str:
    return f"{village.name}党支部　{village.name}村民委员会"


def candidate_notice_data(village: models.Village, today: dt.date) -> candidate_notice.CandidateNotice:
    people = (
        models.PartyMember.select()
        .where(
            (models.PartyMember.village == village)
            & (models.PartyMember.stage == members.CANDIDATE)
            & models.PartyMember.status.in_(members.ACTIVE_STATUSES)
        )
        .order_by(models.PartyMember.candidate_on, models.PartyMember.name)
    )
    return candidate_notice.CandidateNotice(
        village_name=village.name,
        unit=village_unit(village),
        supervision_phone=village.supervision_phone,
        candidates=[
            candidate_notice.Candidate(
                p.name, p.gender, p.birth_date, p.ethnicity, p.education, p.applied_on, p.activist_on, p.occupation
            )
            for p in people
        ],
        published_on=today,
    )


def cadre_duties_data(village: models.Village, today: dt.date) -> cadre_duties.CadreDuties:
    """One row a person, posts in the order of the law's bodies, people in the order of their first post."""
    rows = [
        cadre_duties.DutyRow(
            person.name, "、".join(p.post for p in posts), "；".join(p.duties for p in posts if p.duties), person.phone
        )
        for person, posts in current_posts_by_person(village, today)
    ]
    notes = [
        f"{name}同志任党组织书记、村委会主任（一肩挑）" for name in cadres.one_person_both(holdings(village, today))
    ]
    return cadre_duties.CadreDuties(
        village_name=village.name,
        unit=village_unit(village),
        supervision_phone=village.supervision_phone,
        rows=rows,
        notes=notes,
        printed_on=today,
    )


def meeting_sheet_data(meeting: models.Meeting, today: dt.date) -> meeting_sheets.MeetingSheet:
    from app.store import meetings as meeting_store

    village = meeting.village
    rows = meeting_store.attendance_of(meeting)
    if rows:
        attendees = [
            meeting_sheets.Attendee(
                row.member.name,
                "正式党员" if meeting_store.has_a_vote(row.member, meeting.kind, meeting.held_on) else "预备党员",
                row.status == mt.PRESENT,
                row.reason,
            )
            for row in rows
        ]
        outcome = meeting_store.outcome(meeting, rows)
    else:  # a sign-in sheet before the meeting: the people it expects
        people = meeting_store.expected_people(village, meeting.kind, meeting.party_group, meeting.held_on)
        attendees = [
            meeting_sheets.Attendee(
                p.name, "正式党员" if meeting_store.has_a_vote(p, meeting.kind, meeting.held_on) else "预备党员"
            )
            for p in people
        ]
        outcome = None
    votes = ""
    if meeting.votes_for is not None:
        votes = (
            f"赞成 {meeting.votes_for} 票，反对 {meeting.votes_against or 0} 票，弃权 {meeting.votes_abstain or 0} 票"
        )
    return meeting_sheets.MeetingSheet(
        branch=f"中共{village.name}支部委员会",
        kind=meeting.kind if meeting.kind != mt.GROUP else f"{meeting.party_group}{meeting.kind}",
        held_on=meeting.held_on,
        place=meeting.place,
        host=meeting.host,
        recorder=meeting.recorder,
        topics=meeting.topics,
        attendees=attendees,
        minutes=meeting.minutes,
        decisions=meeting.decisions,
        observers=meeting.observers,
        validity=outcome.validity if outcome and outcome.valid is not None else "",
        result=outcome.result if outcome else "",
        late=mt.late_mark(meeting.held_on, meeting.entered_on, settings.late_entry_days()),
        votes=votes,
        printed_on=today,
    )


def appraisal_data(village: models.Village, year: int, today: dt.date) -> appraisal_sheets.AppraisalSheet:
    from app.store.appraisal import is_probationary, year_rows

    rows = [
        appraisal_sheets.AppraisalRow(
            row.member.name,
            is_probationary(row),
            (row.excellent, row.qualified, row.basic, row.unqualified),
            row.grade,
            row.follow_up,
        )
        for row in year_rows(village, year)
    ]
    return appraisal_sheets.AppraisalSheet(f"中共{village.name}支部委员会", year, rows, today)


def ledger_note(line) -> str:
    """The 备注 of a ledger row, kept short: the months owed, a lapse, late payments."""
    from app.domain import dues

    months = lambda keys: "、".join(f"{int(key[5:])}月" for key in keys)  # noqa: E731
    notes = [f"未交：{months(line.unpaid)}"] if line.unpaid else []
    if (
        line.standard.category != dues.EXEMPT
        and dues.longest_unpaid_run(line.due_months, set(line.paid)) >= dues.LAPSE_MONTHS
    ):
        notes.append(f"连续{dues.LAPSE_MONTHS}个月以上未交")
    late = [m for m, (_amount, day) in line.paid.items() if dues.late_by_months(m, day) > dues.LATE_PAYMENT_MONTHS]
    if late:
        notes.append(f"{months(sorted(late))}补交超{dues.LATE_PAYMENT_MONTHS}个月")
    return "；".join(notes)


def dues_ledger_data(village: models.Village, year: int, today: dt.date) -> dues_ledger.DuesLedger:
    from app.domain import dues
    from app.domain.values import format_money
    from app.store.dues import year_lines

    whole_year = {line.standard.id: line for line in year_lines(village, year, dt.date(year, 12, 31))}
    rows = []
    for line in year_lines(village, year, today):
        standard = line.standard
        note = ledger_note(line)
        income = (
            "—" if standard.category in (dues.FARMER, dues.LOW_INCOME, dues.EXEMPT) else format_money(standard.base)
        )
        rows.append(
            dues_ledger.LedgerRow(
                standard.member.name,
                income,
                dues.rate_label(standard.category, standard.base),
                standard.monthly,
                whole_year[standard.id].due_total,
                line.paid_total,
                note,
            )
        )
    branch = f"中共{village.name}支部委员会"
    return dues_ledger.DuesLedger(village.name, branch, year, rows, today, village.supervision_phone)


def half_year(key: str) -> tuple[int, int, dt.date, dt.date]:
    """'2026H2' -> (2026, 2, first day, last day)."""
    year, half = int(key[:4]), int(key[-1])
    first = dt.date(year, 1 if half == 1 else 7, 1)
    last = dt.date(year, 6, 30) if half == 1 else dt.date(year, 12, 31)
    return year, half, first, last


def half_year_of(day: dt.date) -> str:
    return f"{day.year}H{1 if day.month <= 6 else 2}"


def _branch_posts(village: models.Village, on: dt.date) -> list[tuple[str, str]]:
    current = [p for _person, held in current_posts_by_person(village, on) for p in held]
    return [
        (post, "、".join(sorted(p.cadre.name for p in current if p.post == post)))
        for post in cadres.BRANCH_POSTS
        if any(p.post == post for p in current)
    ]


def _membership(village: models.Village, first: dt.date, until: dt.date) -> list[tuple[str, str]]:
    from app.domain.values import years_between

    roster = list(models.PartyMember.select().where(models.PartyMember.village == village))
    on_roll = [
        p
        for p in roster
        if p.stage in members.MEMBER_STAGES
        and p.joined_on
        and p.joined_on <= until
        and (p.status in members.ACTIVE_STATUSES or (p.status_since and p.status_since > until))
    ]
    full = [p for p in on_roll if p.converted_on and p.converted_on <= until]
    ages = [years_between(p.birth_date, until) for p in on_roll if p.birth_date]
    within = lambda day: day is not None and first <= day <= until  # noqa: E731
    figures = [
        ("党员总数", len(on_roll)),
        ("其中：正式党员", len(full)),
        ("其中：预备党员", len(on_roll) - len(full)),
        ("其中：女党员", sum(p.gender == "女" for p in on_roll)),
        ("35岁及以下", sum(age <= 35 for age in ages)),
        ("36至60岁", sum(36 <= age <= 60 for age in ages)),
        ("61岁及以上", sum(age >= 61 for age in ages)),
        ("本期发展预备党员", sum(within(p.joined_on) for p in roster)),
        ("本期转正", sum(within(p.converted_on) for p in roster)),
        (
            "本期减少（转出、出党、去世）",
            sum(p.status not in members.ACTIVE_STATUSES and within(p.status_since) for p in roster),
        ),
    ]
    return [(what, str(count)) for what, count in figures]


def _meetings_held(village: models.Village, year: int, half: int, first: dt.date, until: dt.date) -> list:
    """(kind, required so far this half-year, held) for each kind the rules require in it."""
    from app.store.meetings import held_dates

    held = held_dates(village, year)
    months = until.month - first.month + 1
    rows = []
    for kind, (period, required) in settings.meeting_requirements().items():
        per_half = {mt.MONTH: months, mt.QUARTER: (months + 2) // 3, mt.YEAR: 1 if half == 2 else 0}[period]
        if per_half:
            rows.append((kind, per_half * required, sum(1 for day in held.get(kind, []) if first <= day <= until)))
    return rows


def _appraisal_line(village: models.Village, year: int) -> str:
    """The latest year whose grades are decided (this year's, else last year's), in counts."""
    from app.domain import appraisal as appraisal_rules
    from app.store.appraisal import year_rows

    for candidate in (year, year - 1):
        grades = [row.grade for row in year_rows(village, candidate) if row.grade]
        if grades:
            return f"{candidate}年度，" + "，".join(f"{g} {grades.count(g)} 人" for g in appraisal_rules.GRADES) + "。"
    return f"{year - 1}年度尚未确定等次。"


def party_affairs_data(village: models.Village, key: str, today: dt.date) -> party_affairs.PartyAffairs:
    """The half-year's 党务公开 (key: 2026H2), from the records alone; up to today in the current half."""
    from decimal import Decimal

    year, half, first, last = half_year(key)
    if first > today:
        raise ValueError(f"{key} 还没有开始")
    until = min(last, today)
    payments = models.DuesPayment.select().where(
        (models.DuesPayment.village == village)
        & (models.DuesPayment.paid_on >= first)
        & (models.DuesPayment.paid_on <= until)
    )
    return party_affairs.PartyAffairs(
        village_name=village.name,
        branch=f"中共{village.name}支部委员会",
        supervision_phone=village.supervision_phone,
        period_label=f"{year}年{'上' if half == 1 else '下'}半年",
        posts=_branch_posts(village, until),
        membership=_membership(village, first, until),
        meetings=_meetings_held(village, year, half, first, until),
        appraisal=_appraisal_line(village, year),
        dues=(sum((p.amount for p in payments), Decimal("0")), len({p.member_id for p in payments})),
        published_on=today,
    )


def _step(matter: models.Matter, number: int) -> models.MatterStep | None:
    from app.store.four_two import steps_of

    return next((s for s in steps_of(matter) if s.number == number), None)


def resolution_notice_data(matter: models.Matter, today: dt.date) -> four_two_sheets.MatterNotice:
    """⑤ 决议公开, from step ④ (and the matter)."""
    from app.store.four_two import outcome

    village, decided = matter.village, _step(matter, 4)
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
        from app.domain.values import format_money

        facts.insert(2, ("计划金额", f"{format_money(matter.planned_amount)} 元"))
    return four_two_sheets.MatterNotice(
        village.name,
        village_unit(village),
        village.supervision_phone,
        f"{village.name}关于“{matter.title}”的决议公开",
        facts,
        "以上决议经“四议”程序产生，现予公开。",
        today,
    )


def result_notice_data(matter: models.Matter, today: dt.date) -> four_two_sheets.MatterNotice:
    """⑥ 实施结果公开, from step ⑥ and the money planned."""
    from app.domain.values import format_money

    village, done = matter.village, _step(matter, 6)
    if done is None:
        raise ValueError(f"事项“{matter.title}”还没有记录实施结果")
    decided = _step(matter, 4)
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
        village_unit(village),
        village.supervision_phone,
        f"{village.name}关于“{matter.title}”的实施结果公开",
        facts,
        "欢迎村民监督。",
        today,
    )


def matter_register_data(village: models.Village, year: int, today: dt.date) -> four_two_sheets.MatterRegister:
    from app.domain.values import format_money
    from app.store.four_two import progress, steps_of

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
    return four_two_sheets.MatterRegister(village.name, village_unit(village), year, rows, today)


def finance_disclosure_data(village: models.Village, period, today: dt.date):
    from app.notices.money_sheets import FinanceDisclosure
    from app.store import money

    return FinanceDisclosure(
        village_name=village.name,
        unit=village_unit(village),
        supervision_phone=village.supervision_phone,
        period=period,
        figures=money.disclosure(village, period),
        published_on=today,
    )


def income_distribution_data(village: models.Village, year: int, today: dt.date):
    from app.notices.money_sheets import IncomeDistribution
    from app.store import money

    return IncomeDistribution(
        village_name=village.name,
        unit=village_unit(village),
        supervision_phone=village.supervision_phone,
        year=year,
        statement=money.income_statement(village, year),
        printed_on=today,
    )


def compact_data(version: models.CompactVersion, today: dt.date):
    from app.notices.compact_sheets import CompactSheet
    from app.store import compacts

    village = version.village
    text = compacts.parsed(version)
    return CompactSheet(
        village_name=village.name,
        unit=f"{village.name}村民委员会",
        text=text,
        title=version.compact.title,  # the name the clerk gave it (the text's own first line by default)
        adopted_on=version.voted_on if compacts.adopted(version) else None,
        printed_on=today,
    )


def contact_card_data(contact: models.HouseholdContact, today: dt.date):
    from app.notices.household_sheets import ContactCard, HeldHousehold
    from app.store.households import households_of

    village = contact.village
    return ContactCard(
        village_name=village.name,
        unit=village_unit(village),
        name=contact.name,
        kind=contact.kind,
        area=contact.area,
        cadre=contact.cadre.name if contact.cadre_id else "",
        households=[
            HeldHousehold(h.head_name, h.group_name, h.members, h.phone, h.marks) for h in households_of(contact)
        ],
        printed_on=today,
    )


def household_sign_data(village: models.Village, today: dt.date):
    from app.notices.household_sheets import Grid, HouseholdSign
    from app.store.households import households_of

    contacts = models.HouseholdContact.select().where(models.HouseholdContact.village == village)
    by_cadre: dict = {}
    for contact in contacts.order_by(models.HouseholdContact.area, models.HouseholdContact.name):
        by_cadre.setdefault(contact.cadre_id, []).append(contact)
    grids = []
    for cadre_id, held in by_cadre.items():
        cadre = models.Cadre.get_or_none(models.Cadre.id == cadre_id) if cadre_id else None
        grids.append(
            Grid(
                cadre.name if cadre else "（未定）",
                cadre.phone if cadre else "",
                [(c.name, c.kind, [h.head_name for h in households_of(c)]) for c in held],
            )
        )
    return HouseholdSign(village.name, village_unit(village), grids, today)


def service_register_data(village: models.Village, year: int, today: dt.date):
    from app.domain.values import format_date
    from app.notices.service_sheets import ServiceRegister
    from app.store import services

    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    requests = list(services.requests_between(village, start, end))[::-1]  # oldest first, as a book is kept
    rows = [
        [r.applicant, r.item.name, format_date(r.received_on), r.handler, format_date(r.finished_on), r.satisfaction]
        for r in requests
    ]
    summary = f"{year}年：{services.figures(village, start, min(end, today)).text}。"
    return ServiceRegister(village.name, village_unit(village), year, rows, summary, today)


def service_catalogue_data(village: models.Village, today: dt.date):
    from app.notices.service_sheets import ServiceCatalogue
    from app.store import services

    rows = [[i.area, i.name, i.mode, i.materials, str(i.limit_days), i.office] for i in services.catalogue(village)]
    return ServiceCatalogue(village.name, f"{village.name}村民委员会", rows, today)


def dibao_notice_data(review: models.DibaoReview, today: dt.date):
    from app.domain import dibao as d
    from app.domain.values import format_date, format_money
    from app.notices.dibao_sheets import DibaoNotice, surname_only
    from app.store import dibao

    village = review.village
    rules = dibao.rules()
    applications = dibao.applications_at(review)
    approved = bool(applications) and all(
        a.monthly_amount is not None for a in applications if dibao.result(a) == d.PASSED
    )
    rows = [
        [
            a.household.head_name,
            str(a.covered),
            a.category,
            format_money(a.monthly_amount) if approved and a.monthly_amount is not None else dibao.result(a),
        ]
        for a in applications
    ]
    panel = dibao.panel_of(review)
    meeting = (
        f"{chinese_date(review.held_on)}召开低保民主评议会，评议小组 {len(panel)} 人（{d.composition(panel)}），"
        f"{dibao.validity(review, rules)[1]}；无记名投票，获到会人数{d.share_text(rules.passing)}以上同意的为通过。"
    )
    span = dibao.publicity(review) or (today, d.publicity_end(today, rules, set()))
    objections = [
        [format_date(o.received_on), surname_only(o.from_whom), o.content, o.answer or "（正在核实，5日内答复）"]
        for a in applications
        for o in dibao.objections_of(a)
    ]
    days = f"{rules.publicity_days}个{'工作日' if rules.working_days else '自然日'}"
    return DibaoNotice(
        village.name,
        village_unit(village),
        village.supervision_phone,
        meeting,
        rows,
        approved,
        span[0],
        span[1],
        days,
        objections,
    )
