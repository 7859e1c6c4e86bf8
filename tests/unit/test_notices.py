"""The sheets as a villager sees them: text, embedded fonts, page sizes, and rendered pages."""

import datetime as dt
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.notices import fonts, venue_check_sheet, wall_rule_poster
from app.publishing import sheets as catalogue
from app.notices.frame import PageSpec
from app.store import models, records

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils 未安装")
TODAY = dt.date(2026, 11, 22)


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "sheet.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return "".join(text.split())  # table cells wrap; compare without line breaks


def flat(text: str) -> str:
    return "".join(text.split())


def pdf_fonts(pdf: bytes, tmp_path: Path) -> list[list[str]]:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:]]


def poster(body: str, title: str = "村级财务管理制度") -> wall_rule_poster.WallRulePoster:
    return wall_rule_poster.WallRulePoster(
        "芦笙村", title, body, dt.date(2022, 1, 6), "0855-5721234", "芦笙村党支部　芦笙村村民委员会", TODAY
    )


@needs_poppler
def test_a_rule_poster_is_a_poster_not_a_notice(tmp_path):
    text = pdf_text(wall_rule_poster.render(poster("一、收支逐笔记账。\n二、每月公开一次。")).pdf, tmp_path)
    for expected in (
        "村级财务管理制度",
        "一、收支逐笔记账。",
        "二、每月公开一次。",
        "本制度自2022年1月6日起施行。",
        "芦笙村党支部",
        "2026年11月22日",
    ):
        assert flat(expected) in text, expected
    for notice_only in ("公开期限", "公开单位", "村务监督委员会审核", "盖章处", "异议", "监督举报电话"):
        assert flat(notice_only) not in text, notice_only


@needs_poppler
def test_only_the_bundled_fonts_are_used_and_they_are_embedded(demo, tmp_path):
    from .test_posted_privacy import few_of_each_kind

    for entry in few_of_each_kind(catalogue.list_sheets(demo[0])):
        rows = pdf_fonts(catalogue.render(entry.kind, entry.record_id, today=TODAY).pdf, tmp_path)
        assert rows, "no fonts listed"
        for row in rows:
            assert any(name in row[0] for name in ("WenQuanYiMicroHei", "HanaMinA", "HanaMinB")), row
            assert row[-5:-2] == ["yes", "yes", "yes"], row  # embedded, subset, unicode map


def test_poster_uses_large_type_for_short_rules_and_fits_long_ones_on_one_page():
    short = poster("印章由专人保管。")
    long_text = "\n".join(
        f"{n}、" + "村级财务收支须经监委会审核签章后方可入账，严禁白条入账。" * 3 for n in range(1, 11)
    )
    long = poster(long_text)
    page = PageSpec()
    assert wall_rule_poster.render(short, page).body_size >= 20
    rendered = wall_rule_poster.render(long, page)
    assert rendered.body_size < wall_rule_poster.render(short, page).body_size
    assert len(PdfReader(__import__("io").BytesIO(rendered.pdf)).pages) == 1 == rendered.pages


@pytest.mark.parametrize(
    "spec",
    [PageSpec("A4", "portrait"), PageSpec("A4", "landscape"), PageSpec("A3", "portrait"), PageSpec("A3", "landscape")],
)
def test_page_sizes(spec):
    import io

    reader = PdfReader(io.BytesIO(wall_rule_poster.render(poster("正文"), spec).pdf))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == tuple(round(x) for x in spec.pagesize)


@needs_poppler
def test_user_text_prints_exactly_as_typed(tmp_path):
    typed = "第一条 <b>不</b> & 5% ＆ “引号” a<b\n\u3000\u3000第二条：R&D"
    text = pdf_text(wall_rule_poster.render(poster(typed)).pdf, tmp_path)
    assert flat("第一条 <b>不</b> & 5% ＆ “引号” a<b") in text
    assert flat("第二条：R&D") in text


def test_full_width_indent_is_kept():
    report = fonts.GlyphReport()
    assert fonts.markup("\u3000\u3000第二条", report).startswith("\u00a0" * 8)


@needs_poppler
def test_rare_character_missing_from_font_is_marked_not_dropped(tmp_path, monkeypatch):
    monkeypatch.setattr(fonts, "fallback_fonts", lambda: ())
    rare = "\u3400"  # CJK Ext-A, not in WenQuanYi Micro Hei
    report = fonts.GlyphReport()
    pdf = wall_rule_poster.render(poster(f"经办人：王{rare}明", title="印章使用管理制度"), report=report).pdf
    assert rare in report.missing and "制度正文" in report.missing[rare]
    assert "U+3400" in report.message()
    assert "王[缺字U+3400]明" in pdf_text(pdf, tmp_path)


@needs_poppler
def test_rare_characters_of_extensions_a_to_f_print_from_the_bundled_fonts(tmp_path):
    rare = "䶮𠀀𪜀𫝀𫠠𬺰"  # one character each of CJK Extensions A, B, C, D, E, F
    report = fonts.GlyphReport()
    pdf = wall_rule_poster.render(poster(f"经办人：王{rare}明"), report=report).pdf
    assert report.ok, report.message()
    assert f"王{rare}明" in pdf_text(pdf, tmp_path)
    assert any("HanaMin" in row[0] for row in pdf_fonts(pdf, tmp_path))


@needs_poppler
def test_a_character_no_font_has_is_marked_and_the_clerk_is_told_what_to_do(tmp_path):
    unknown = "\U00031350"  # CJK Extension H: in none of the bundled fonts
    report = fonts.GlyphReport()
    pdf = wall_rule_poster.render(poster(f"王{unknown}明"), report=report).pdf
    assert "王[缺字U+31350]明" in pdf_text(pdf, tmp_path)
    assert "用笔写上" in report.message() and "resources" not in report.message()


@needs_poppler
def test_fallback_font_prints_a_character_the_bundled_font_lacks(tmp_path, monkeypatch):
    candidates = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")]
    if not candidates[0].exists():
        pytest.skip("DejaVuSans 未安装")
    monkeypatch.setenv("SANQIANG_FALLBACK_FONTS", str(candidates[0]))
    fonts._load_fallback.cache_clear()
    try:
        char = "\u2603"  # SNOWMAN: in DejaVu Sans, not in WenQuanYi Micro Hei
        assert ord(char) not in fonts._main_coverage()
        report = fonts.GlyphReport()
        pdf = wall_rule_poster.render(poster(f"标记{char}说明"), report=report).pdf
        assert report.ok
        assert char in pdf_text(pdf, tmp_path)
        assert any("DejaVuSans" in row[0] for row in pdf_fonts(pdf, tmp_path))
    finally:
        fonts._load_fallback.cache_clear()


@needs_poppler
def test_self_check_sheet_shows_the_area_against_the_standard_and_results(tmp_path):
    sheet = venue_check_sheet.VenueCheckSheet(
        village_name="芦笙村",
        unit="芦笙村党支部　芦笙村村民委员会",
        supervision_phone="0855-5721234",
        area_standard=Decimal("400"),
        venues=[
            venue_check_sheet.VenueRow(
                "芦笙村活动室", Decimal("352"), "改建", 2016, Decimal("268000"), {"党员活动中心": "二楼"}
            )
        ],
        checklist_name="五有",
        items=[
            venue_check_sheet.CheckRow("有场地", False, "面积不足，正在扩建"),
            venue_check_sheet.CheckRow("有标识", True, ""),
        ],
        published_on=TODAY,
    )
    text = pdf_text(venue_check_sheet.render(sheet).pdf, tmp_path)
    for expected in (
        "芦笙村活动场所“五有”标准自查公示",
        "面积标准 400 ㎡",
        "352",
        "未达标（差 48 ㎡）",
        "268,000.00",
        "党员活动中心（二楼）",
        "已达标 1/2 项（50%）",
        "× 未达到",
        "√ 已达到",
        "面积不足，正在扩建",
        "10天（11月22日至2026年12月2日）",
        "尚未设置的中心",
    ):
        assert flat(expected) in text, expected


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils 未安装")
def test_pages_render_to_images_with_ink(demo, tmp_path):
    from PySide6.QtGui import QImage

    for entry in catalogue.list_sheets(demo[1])[:2] + [catalogue.list_sheets(demo[1])[-1]]:
        pdf = tmp_path / f"{entry.kind}.pdf"
        pdf.write_bytes(catalogue.render(entry.kind, entry.record_id, today=TODAY).pdf)
        subprocess.run(
            ["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / entry.kind)], check=True
        )
        image = QImage(str(next(tmp_path.glob(f"{entry.kind}-*1.png"))))
        dark = sum(
            1
            for y in range(0, image.height(), 3)
            for x in range(0, image.width(), 3)
            if image.pixelColor(x, y).lightness() < 128
        )
        assert dark > 300, f"{entry.kind} page looks blank"


def test_registry_lists_current_rules_and_one_self_check_per_village(demo):
    entries = catalogue.list_sheets()
    assert sum(1 for e in entries if e.kind == "venue_check") == len(demo)
    retired = models.WallRule.get(models.WallRule.status == "已废止")
    assert str(retired.id) not in {e.record_id for e in entries}
    with pytest.raises(catalogue.UnknownSheetError, match="没有“nothing”"):
        catalogue.render("nothing", "x")


def test_issued_sheet_is_recorded_with_its_hash(demo, tmp_path):
    from app.publishing.issued import save_pdf

    entry = catalogue.list_sheets(demo[0])[0]
    sheet = catalogue.render(entry.kind, entry.record_id, today=TODAY)
    out = tmp_path / "poster.pdf"
    save_pdf(sheet, out)
    import hashlib

    issued = models.IssuedSheet.get()
    assert issued.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert issued.village.id == demo[0].id and issued.kind == entry.kind and issued.action == "保存PDF"
    assert models.AuditEntry.select().where(models.AuditEntry.table == "issued_sheet").count() == 1
    assert records  # the save path is the one used
