"""发展对象公示: the village's 发展对象 and nobody else, posted 7 days, objections to the party branch."""

import datetime as dt

from app.domain import members as m
from app.publishing import sheets as catalogue
from app.store import models

from .test_notices import flat, needs_poppler, pdf_text


@needs_poppler
def test_the_notice_lists_the_candidates_for_seven_days(demo, tmp_path):
    village = demo[0]
    on_roll = models.PartyMember.select().where(models.PartyMember.village == village)
    candidates = [p.name for p in on_roll if p.stage == m.CANDIDATE]
    others = [p.name for p in on_roll if p.stage != m.CANDIDATE]
    assert candidates
    sheet = catalogue.render("candidate_notice", str(village.id), today=dt.date(2026, 11, 25))
    text = pdf_text(sheet.pdf, tmp_path)
    assert all(name in text for name in candidates)
    assert not any(name in text for name in others)
    assert flat("7天（11月25日至2026年12月2日）") in flat(text)
    assert "向党支部或乡镇党委反映" in text and "村务监督委员会" not in text
