"""No posted sheet shows a whole ID number or a mobile number: every kind, from the demo township's data."""

import re

from app.publishing import sheets as catalogue

from .test_notices import needs_poppler, pdf_text

WHOLE_ID = re.compile(r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])")
MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")


def few_of_each_kind(entries, how_many=3):
    """Every kind, but not every one of the year's meetings: three of each kind a village has."""
    seen: dict[str, int] = {}
    for entry in entries:
        seen[entry.kind] = seen.get(entry.kind, 0) + 1
        if seen[entry.kind] <= how_many:
            yield entry


@needs_poppler
def test_no_sheet_kind_shows_a_whole_id_number_or_phone(demo, tmp_path):
    from app.store import models

    assert models.PartyMember.select().where(models.PartyMember.id_number != "").count() > 0
    kinds_seen = set()
    for village in demo:
        for entry in few_of_each_kind(catalogue.list_sheets(village)):
            text = pdf_text(catalogue.render(entry.kind, entry.record_id).pdf, tmp_path).replace(" ", "")
            assert not WHOLE_ID.search(text), (entry.title, WHOLE_ID.search(text).group())
            assert not MOBILE.search(text), (entry.title, MOBILE.search(text).group())
            kinds_seen.add(entry.kind)
    assert kinds_seen == set(catalogue.KINDS)
