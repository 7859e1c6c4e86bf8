"""The demo village's 公开栏 history: last quarter's board reviewed and posted on its disclosure day (one sheet
three days late), taken down after fifteen days with the standing sheets left up, an objection answered; this
quarter's board half posted once its day has come, so the due list shows work to do."""

from __future__ import annotations

import datetime as dt

from app.domain import board as b
from app.domain import periods
from app.publishing import board as publishing
from app.publishing.sheets import default_page
from app.store import board, models, records
from app.store.money import signers

SHOWN_DAYS = 15


def add_demo_board(village: models.Village, today: dt.date) -> None:
    this_year, this_quarter = periods.parse_quarter(periods.quarter_of(today))
    last_year, last_quarter = b.previous_quarter(this_year, this_quarter)
    posted = _post_quarter(village, f"{last_year}Q{last_quarter}", today, share=1.0, take_down=True)
    finance = next((p for p in posted if p.kind == "finance_disclosure"), None)
    if finance is not None:
        _objection_answered(village, finance, today)
    this_day = b.disclosure_date(this_year, this_quarter)
    if today >= this_day:
        _post_quarter(village, f"{this_year}Q{this_quarter}", today, share=0.5, take_down=False)


def _post_quarter(village, period: str, today: dt.date, share: float, take_down: bool) -> list[models.Publication]:
    year, quarter = periods.parse_quarter(period)
    day = b.disclosure_date(year, quarter)
    waiting = [item for item in publishing.due(village, period, day) if item.state != publishing.POSTED]
    chosen = waiting[: int(len(waiting) * share)]
    reviewer = signers(village, day)["reviewer"] or "监委会"
    late = next((item for item in chosen if item.rhythm not in (b.STANDING, b.AS_CALLED)), None)
    posted = []
    for item in chosen:
        on_time = item.deadline - dt.timedelta(days=3) if item.rhythm == b.AS_CALLED and item.deadline else day
        posted_on = on_time + dt.timedelta(days=3 if item is late else 0)
        if posted_on > today:
            continue
        sheet = publishing.render_due([item], posted_on)[0]
        change = board.publish(
            village,
            sheet,
            item.panel,
            period,
            default_page(item.kind).label,
            reviewer,
            posted_on - dt.timedelta(days=1),
            posted_on,
        )
        publication = models.Publication.get_by_id(change.record_id)
        taken_down = posted_on + dt.timedelta(days=SHOWN_DAYS)
        if take_down and item.rhythm != b.STANDING and taken_down <= today:
            board.take_down(publication, taken_down)
            publication = models.Publication.get_by_id(publication.id)
        posted.append(publication)
    return posted


def _objection_answered(village, publication: models.Publication, today: dt.date) -> None:
    received = publication.posted_on + dt.timedelta(days=2)
    answered = received + dt.timedelta(days=3)
    if answered > today:
        return
    records.save(
        models.PublicationObjection(
            village=village,
            publication=publication,
            received_on=received,
            from_whom="三组村民",
            content="办公费一笔未写明用途",
            answer="已核对凭证，系购买打印纸和墨盒，更正张贴时补写用途",
            answered_by="村务监督委员会",
            answered_on=answered,
        )
    )
