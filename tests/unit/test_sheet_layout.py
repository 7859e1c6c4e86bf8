"""The sheet frame under content a clerk really types: nothing crashes, the closing block never stands
alone, one-page sheets shrink before they flow, and pages say "第 n 页 共 N 页"."""

import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.notices import venue_check_sheet, wall_rule_poster
from app.publishing import sheets as catalogue
from app.notices.frame import ALL_PAGE_SPECS, PageSpec

TODAY = dt.date(2026, 11, 22)


def page_texts(pdf: bytes) -> list[str]:
    return ["".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def self_check(village_name="芦笙村", notes=("",), items=5) -> venue_check_sheet.VenueCheckSheet:
    return venue_check_sheet.VenueCheckSheet(
        village_name=village_name,
        unit=f"{village_name}党支部　{village_name}村民委员会",
        supervision_phone="0855-5721234",
        area_standard=Decimal("400"),
        venues=[venue_check_sheet.VenueRow("活动室", Decimal("352"), "改建", 2016, Decimal("268000"), {})],
        checklist_name="五有",
        items=[
            venue_check_sheet.CheckRow(f"第{number}项", number % 2 == 0, notes[number % len(notes)])
            for number in range(1, items + 1)
        ],
        published_on=TODAY,
    )


def rule(body: str) -> wall_rule_poster.WallRulePoster:
    return wall_rule_poster.WallRulePoster("芦笙村", "村级财务管理制度", body, None, "", "芦笙村党支部", TODAY)


@pytest.mark.parametrize("page", ALL_PAGE_SPECS, ids=lambda spec: spec.label)
def test_very_long_text_splits_across_pages_instead_of_failing(page):
    note = "本项说明很长，" * 400  # ~2,800 characters in one table cell: taller than any page
    rendered = venue_check_sheet.render(self_check(notes=(note,), items=3), page)
    texts = page_texts(rendered.pdf)
    assert rendered.pages == len(texts) > 1
    body = "".join(re.sub(r"第\d+页共\d+页$", "", text) for text in texts)
    assert body.count("很") == 1200  # every character printed, none lost (phrases break across pages)
    assert all(f"共{rendered.pages}页" in text for text in texts)


def test_a_village_name_of_hundreds_of_characters_does_not_fail_the_sheet():
    rendered = venue_check_sheet.render(self_check(village_name="长" * 400))
    assert rendered.pages >= 1 and "监督举报电话" in "".join(page_texts(rendered.pdf))


@pytest.mark.parametrize("page", ALL_PAGE_SPECS, ids=lambda spec: spec.label)
@pytest.mark.parametrize("items", [6, 10, 14, 18, 22, 26, 30, 34])
def test_the_closing_block_always_shares_its_page_with_content(page, items):
    rendered = venue_check_sheet.render(self_check(notes=("说明文字" * 12,), items=items), page)
    last = page_texts(rendered.pdf)[-1]
    above_closing = last[: last.index("监督举报电话")]
    assert "说明文字" in above_closing  # the end of the table travels with the closing block


@pytest.mark.parametrize("lines", range(20, 140, 7))
def test_a_long_rule_ends_on_a_page_with_its_last_lines(lines):
    body = "\n".join(f"第{n}条 村级财务收支须经监委会审核签章后方可入账，严禁白条入账。" for n in range(1, lines + 1))
    rendered = wall_rule_poster.render(rule(body))
    texts = page_texts(rendered.pdf)
    assert f"第{lines}条" in texts[-1] and "芦笙村党支部" in texts[-1]


def test_a_one_page_sheet_shrinks_to_the_floor_then_suggests_a3():
    body = "\n".join(f"第{n}条 村级财务收支须经监委会审核签章后方可入账，严禁白条入账。" for n in range(1, 31))
    a4 = wall_rule_poster.render(rule(body), PageSpec("A4", "portrait"))
    assert a4.pages == 1 and a4.body_size >= 10.5 and not a4.advice
    longer = "\n".join([body] * 4)
    a4 = wall_rule_poster.render(rule(longer), PageSpec("A4", "portrait"))
    assert a4.pages > 1 and a4.body_size == 10.5 and "A3" in a4.advice
    assert f"第1页共{a4.pages}页" in page_texts(a4.pdf)[0]
    a3 = wall_rule_poster.render(rule(longer), PageSpec("A3", "portrait"))
    assert not a3.advice and a3.pages <= a4.pages
    assert len(page_texts(a3.pdf)[0]) > 1.3 * len(page_texts(a4.pdf)[0])  # the same print size, more per page


def test_a_one_page_notice_has_no_page_number():
    rendered = venue_check_sheet.render(self_check())
    assert rendered.pages == 1 and "第1页" not in page_texts(rendered.pdf)[0]


def test_the_suggested_file_name_names_the_village(demo):
    names = set()
    for village in demo:
        for entry in catalogue.list_sheets(village):
            if entry.kind == "wall_rule":
                sheet = catalogue.render(entry.kind, entry.record_id, today=TODAY)
                assert sheet.file_name.startswith(village.name) and sheet.file_name.endswith(".pdf")
                names.add(sheet.file_name)
                break
    assert len(names) == len(demo)


@pytest.mark.parametrize("body_size", [12, 11, 10.5])
@pytest.mark.parametrize("page", ALL_PAGE_SPECS, ids=lambda spec: spec.label)
def test_no_table_header_leaves_one_character_alone(page, body_size):
    from app.notices.frame import Typesetter
    from app.notices.linebreak import line_texts

    sheet = self_check()
    typesetter = Typesetter(page, body_size)
    tables = [flowable for flowable in sheet.body_flowables(typesetter) if hasattr(flowable, "_cellvalues")]
    assert tables
    for table in tables:
        for header, width in zip(table._cellvalues[0], table._colWidths, strict=True):
            lines = line_texts(header, width - 12)
            assert all(len(line) >= 2 for line in lines) or len(lines) == 1, (header.text, lines)


def test_self_check_photos_appear_as_thumbnails(demo, tmp_path):
    from PySide6.QtGui import QImage

    from app import paths
    from app.store import models, records

    village = demo[0]
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(0x2E7D32)
    folder = paths.photo_dir(Path(models.database.obj.database).parent)
    image.save(str(folder / "牌子.png"))
    items = list(models.ChecklistItem.select().where(models.ChecklistItem.village == village))
    items[0].photo = "photos/牌子.png"
    records.save(items[0])
    items[1].photo = "photos/不见了.png"  # the file was lost
    records.save(items[1])

    sheet = catalogue.render("venue_check", str(village.id), today=TODAY)
    reader = PdfReader(io.BytesIO(sheet.pdf))
    assert sum(len(page.images) for page in reader.pages) == 1
    text = "".join(page_texts(sheet.pdf))
    assert "照片" in text and "（照片缺失）" in text


def test_a_sheet_without_photos_has_no_photo_column():
    assert "照片" not in "".join(page_texts(venue_check_sheet.render(self_check()).pdf))


@pytest.mark.parametrize("members", range(18, 46, 3))
def test_a_table_ending_in_a_gap_still_takes_its_last_rows_to_the_closing(members):
    from decimal import Decimal

    from app.notices import dues_ledger

    rows = [
        dues_ledger.LedgerRow(f"党员{n:02d}", "—", "支部确定", Decimal("0.50"), Decimal("6.00"), Decimal("6.00"), "")
        for n in range(members)
    ]
    rendered = dues_ledger.render(dues_ledger.DuesLedger("芦笙村", "中共芦笙村支部委员会", 2026, rows, TODAY))
    last = page_texts(rendered.pdf)[-1]
    assert "合计" in last[: last.index("监督举报电话")]
