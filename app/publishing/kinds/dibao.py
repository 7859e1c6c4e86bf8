"""低保评议 sheets: the 评议公示 (names, numbers, category and result only), due within days of its 评议."""

from __future__ import annotations

import datetime as dt

from app.domain import board as b
from app.domain import dibao as d
from app.domain.values import format_date, format_money
from app.notices import dibao_sheets
from app.notices.fonts import GlyphReport
from app.notices.frame import PageSpec, chinese_date
from app.publishing import sources
from app.publishing.catalogue import RenderedSheet, SheetEntry, SheetKind, entry, register
from app.store import dibao, models


def dibao_entries(village: models.Village) -> list[SheetEntry]:
    query = models.DibaoReview.select().where(models.DibaoReview.village == village)
    return [
        entry("dibao_notice", r.id, village, f"低保{dibao.review_label(r)}公示")
        for r in query.order_by(models.DibaoReview.held_on)
    ]


def review_day(record_id: str) -> dt.date | None:
    """The 公示 is called for by its 评议 (from the day its publicity starts, when that is set)."""
    review = models.DibaoReview.get_or_none(models.DibaoReview.id == sources.uuid_of(record_id))
    return (review.published_on or review.held_on) if review else None


def dibao_notice_data(review: models.DibaoReview, today: dt.date) -> dibao_sheets.DibaoNotice:
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
        [
            format_date(o.received_on),
            dibao_sheets.surname_only(o.from_whom),
            o.content,
            o.answer or "（正在核实，5日内答复）",
        ]
        for a in applications
        for o in dibao.objections_of(a)
    ]
    days = f"{rules.publicity_days}个{'工作日' if rules.working_days else '自然日'}"
    return dibao_sheets.DibaoNotice(
        village.name,
        sources.village_unit(village),
        village.supervision_phone,
        meeting,
        rows,
        approved,
        span[0],
        span[1],
        days,
        objections,
    )


def dibao_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    review = sources.record(models.DibaoReview, record_id, "低保评议会")
    sheet = dibao_notice_data(review, today)
    report = GlyphReport()
    rendered = dibao_sheets.render(sheet, page, report)
    return sources.sheet("dibao_notice", record_id, review.village, sheet.header().title, rendered, report)


register(
    SheetKind(
        "dibao_notice",
        "低保评议公示",
        dibao_entries,
        dibao_render,
        panel=b.VILLAGE,
        rhythm=b.AS_CALLED,
        record_day=review_day,
    )
)
