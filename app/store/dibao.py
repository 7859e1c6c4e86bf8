"""低保 民主评议: the rules as a setting, a review's panel and validity, each applicant's ballot and result,
the 公示's dates, and the objections with their answers."""

from __future__ import annotations

import datetime as dt

from app.domain import dibao as d
from app.domain.values import InputError
from app.store import models, records, settings

RULES = settings.DIBAO_RULES.key


def rules() -> d.Rules:
    return d.Rules.from_setting(settings.get(RULES))


def panel_of(review: models.DibaoReview) -> list[tuple[str, str]]:
    return [(name, role) for name, role in review.panel or []]


def validity(review: models.DibaoReview, current: d.Rules | None = None) -> tuple[bool, str]:
    return d.meeting_valid(len(panel_of(review)), review.present, current or rules())


def result(application: models.DibaoApplication, current: d.Rules | None = None) -> str:
    """通过 / 未通过, 无效 when the meeting was, or "" before the ballot."""
    if application.review_id is None or application.votes_for is None:
        return ""
    review = application.review
    active = current or rules()
    if not validity(review, active)[0]:
        return "评议无效"
    return d.ballot_result(
        review.present, application.votes_for, application.votes_against, application.votes_abstain, active
    )


def record_ballot(application: models.DibaoApplication, review: models.DibaoReview, counts: dict) -> records.Change:
    """The secret ballot's counts for one applicant at a review; raises InputError(message, field)."""
    application = models.DibaoApplication.get_by_id(application.id)
    if review.held_on < application.applied_on:
        raise InputError("评议会不能早于申请日期", "review")
    try:
        d.ballot_result(review.present, counts["votes_for"], counts["votes_against"], counts["votes_abstain"], rules())
    except ValueError as error:
        raise InputError(str(error), "votes_for") from None
    before = records.snapshot(application)
    application.review = review
    application.votes_for = counts["votes_for"]
    application.votes_against = counts["votes_against"]
    application.votes_abstain = counts["votes_abstain"]
    return records.save(application, expected=before)


def applications_at(review: models.DibaoReview) -> list[models.DibaoApplication]:
    query = models.DibaoApplication.select().where(models.DibaoApplication.review == review)
    return sorted(query, key=lambda a: (a.household.group_order, a.household.head_name))


def publicity(review: models.DibaoReview) -> tuple[dt.date, dt.date] | None:
    if review.published_on is None:
        return None
    from app.store.services import holidays

    return review.published_on, d.publicity_end(review.published_on, rules(), holidays())


def objections_of(application: models.DibaoApplication) -> list[models.DibaoObjection]:
    query = models.DibaoObjection.select().where(models.DibaoObjection.application == application)
    return list(query.order_by(models.DibaoObjection.received_on))


def review_label(review: models.DibaoReview) -> str:
    return f"{review.held_on:%Y-%m-%d} 评议会（到会 {review.present} 人）"
