"""党务公开 is made from the records alone: its figures are the roster's, the meetings', the dues'."""

import datetime as dt
from decimal import Decimal

from app.domain import members as m
from app.publishing import sheets as catalogue
from app.domain import periods
from app.publishing.kinds.party_affairs import party_affairs_data
from app.store import models

from .test_notices import needs_poppler, pdf_text

TODAY = dt.date.today()  # the demo's records are dated from today
KEY = periods.half_year_of(TODAY)
HALF_YEAR = periods.parse(KEY, (periods.HALF_YEAR,))
YEAR, HALF, FIRST, LAST = HALF_YEAR.year, int(KEY[-1]), HALF_YEAR.start, HALF_YEAR.end


def test_the_figures_come_from_the_records(demo):
    village = demo[0]
    sheet = party_affairs_data(village, KEY, TODAY)
    facts = dict(sheet.membership)
    on_roll = [
        p
        for p in models.PartyMember.select().where(models.PartyMember.village == village)
        if p.stage in m.MEMBER_STAGES and p.status in m.ACTIVE_STATUSES
    ]
    assert facts["党员总数"] == str(len(on_roll))
    assert facts["其中：预备党员"] == str(sum(p.stage == m.PROBATIONARY for p in on_roll))
    committee = next(row for row in sheet.meetings if row[0] == "支委会")
    held = (
        models.Meeting.select()
        .where(
            (models.Meeting.village == village)
            & (models.Meeting.kind == "支委会")
            & (models.Meeting.held_on >= FIRST)
            & (models.Meeting.held_on <= TODAY)
        )
        .count()
    )
    assert committee[1:] == (TODAY.month - FIRST.month + 1, held)  # one a month so far this half-year
    paid = sum(
        (
            p.amount
            for p in models.DuesPayment.select().where(
                (models.DuesPayment.village == village) & (models.DuesPayment.paid_on >= FIRST)
            )
        ),
        Decimal("0"),
    )
    assert sheet.dues[0] == paid
    assert sheet.appraisal.startswith(f"{TODAY.year - 1}年度，优秀")


@needs_poppler
def test_the_notice_fits_one_a4_page(demo, tmp_path):
    sheet = catalogue.render("party_affairs", f"{demo[0].id}:{KEY}", today=TODAY)
    assert sheet.pages == 1
    assert f"党务公开（{YEAR}年{'上' if HALF == 1 else '下'}半年）" in pdf_text(sheet.pdf, tmp_path)
