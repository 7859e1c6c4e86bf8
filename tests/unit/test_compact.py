"""村规民约: the structure recovered from pasted text, the wording flagged, the adoption procedure at its
thresholds, versions in force, and the booklet's saddle-stitch page order."""

import datetime as dt
import io
import subprocess

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import compact as cp
from app.domain import four_two as f
from app.publishing import sheets as catalogue
from app.publishing.kinds.compacts import compact_data
from app.notices.compact_sheets import booklet_pages, saddle_order
from app.notices.fonts import GlyphReport
from app.store import compacts, models
from app.demo.compacts import CHAPTERS, GROUPS
from app.domain.values import InputError
from pypdf import PdfReader
from reportlab.lib.pagesizes import A5

WORD_CHAPTERS = """芽溪村村规民约

为推进移风易俗，经村民会议讨论通过，制定本村规民约。

第一章　总则
第一条　本村规民约适用于本村全体村民。
第二条　村民应当遵守国家法律法规，
爱护集体财产。
第二章　社会治安
第三条　严禁下列行为：
①赌博；
②私设路障。
第四条　违反本约的，由村委会罚款200元，并取消当年分红待遇。
芽溪村村民委员会
二〇二六年三月一日
"""


def test_chapters_with_articles_and_sub_items():
    text = cp.parse(WORD_CHAPTERS)
    assert text.shape == cp.CHAPTERS and text.title == "芽溪村村规民约"
    assert text.preamble == ["为推进移风易俗，经村民会议讨论通过，制定本村规民约。"]
    assert [s.title for s in text.sections] == ["第一章 总则", "第二章 社会治安"]
    assert [a.label for a in text.articles] == ["第一条", "第二条", "第三条", "第四条"]
    assert text.articles[1].text == "村民应当遵守国家法律法规，\n爱护集体财产。"  # a line Word wrapped stays
    assert text.articles[2].items == ["①赌博；", "②私设路障。"]
    assert text.closing == ["芽溪村村民委员会", "二〇二六年三月一日"]
    assert text.notes == []


def test_headed_groups_with_numbered_items_restart_their_numbers():
    text = cp.parse(GROUPS.format(village="涌溪村"))
    assert text.shape == cp.GROUPS
    assert [s.title for s in text.sections] == ["一、社会治安", "二、村风民俗", "三、环境卫生", "四、附则"]
    assert [len(s.articles) for s in text.sections] == [3, 2, 2, 1]
    assert text.sections[1].articles[0].items == [
        "（1）婚事宴请不超过二十桌；",
        "（2）丧事不超过三天；",
        "（3）不收受高额彩礼。",
    ]
    assert text.notes == []


def test_a_plain_list_and_a_gap_in_its_numbers():
    text = cp.parse("铁山村村规民约\n1．爱党爱国。\n2．尊老爱幼。\n4．保护耕地。\n")
    assert text.shape == cp.LIST and [a.label for a in text.articles] == ["1．", "2．", "4．"]
    assert text.notes == ["条款编号不连续：“4．”前面应是第 3 项"]
    assert cp.parse("一、爱党爱国。\n二、尊老爱幼。").shape == cp.LIST


def test_articles_numbered_in_chinese_up_to_the_hundreds():
    assert [cp.chinese_number(t) for t in ("一", "十", "十二", "二十", "二十一", "一百零五", "两")] == [
        1,
        10,
        12,
        20,
        21,
        105,
        2,
    ]
    body = "\n".join(f"第{n}条 内容。" for n in ("一", "二", "三", "五"))
    assert cp.parse(body).notes == ["条款编号不连续：“第五条”前面应是第 4 项"]
    assert [a.label for a in cp.parse("第1条 内容。\n第2条 内容。").articles] == ["第1条", "第2条"]


def test_text_without_numbered_articles_is_not_a_compact():
    assert cp.parse("大家要团结友爱。\n互相帮助。").articles == []


@pytest.mark.parametrize(
    ("wording", "words"),
    [
        ("违者罚款100元。", "罚款"),
        ("处以五十元罚金。", "处以五十元罚"),
        ("没收其工具。", "没收"),
        ("拒不改正的，停水停电。", "停水"),
        ("取消其当年集体分红待遇。", "取消其当年集体分红待遇"),
        ("扣发其土地补贴。", "扣发其土地补贴"),
        ("游街示众。", "游街"),
        ("村委会不予办理任何证明。", "不予办理"),
    ],
)
def test_coercive_wording_is_flagged_with_the_reason(wording, words):
    found = cp.flags(cp.parse(f"第一条 {wording}"))
    assert [(flag.where, flag.words) for flag in found][:1] == [("第一条", words)]
    assert "第二十七条" in found[0].reason


def test_lawful_sanctions_are_not_flagged():
    text = "第一条 违反的，批评教育，责令改正，取消当年评先评优资格；造成损失的，依法赔偿。"
    assert cp.flags(cp.parse(text)) == []


# --- the procedure ---
@pytest.fixture
def draft(village):
    changes = compacts.add_compact(village, "芦笙村村规民约", CHAPTERS.format(village="芦笙村"))
    return models.CompactVersion.get_by_id(changes[1].record_id)


def take(version, step_values):
    for values in step_values:
        compacts.record_step(models.CompactVersion.get_by_id(version.id), values)
    return models.CompactVersion.get_by_id(version.id)


def before_vote(start=dt.date(2025, 1, 5)):
    return [
        {"on": start, "opinions": 40},
        {"on": start + dt.timedelta(days=5)},
        {"on": start + dt.timedelta(days=10), "verdict": cp.APPROVED},
    ]


def vote(present, votes_for, basis=f.HOUSEHOLDS):
    return {"on": dt.date(2025, 2, 1), "basis": basis, "present": present, "votes_for": votes_for}


def test_steps_go_in_order_and_dates_do_not_go_back(draft):
    draft = take(draft, before_vote()[:1])
    with pytest.raises(InputError, match="不能早于上一步的日期 2025-01-05"):
        take(draft, [{"on": dt.date(2025, 1, 4)}])
    assert compacts.progress(draft) == "征集民意" and compacts.status(draft) == cp.DRAFT


def test_a_township_refusal_stops_the_version(draft):
    steps = before_vote()
    steps[2]["verdict"] = cp.REJECTED
    draft = take(draft, steps)
    assert cp.next_procedure_step(compacts.done_steps(draft))[1].startswith("乡镇审核未同意")


@pytest.mark.parametrize(
    ("basis", "present", "votes_for", "valid", "passed"),
    [
        (f.HOUSEHOLDS, 200, 101, True, True),  # 300 households: two thirds present, more than half of them for
        (f.HOUSEHOLDS, 199, 199, False, False),  # short of two thirds
        (f.HOUSEHOLDS, 200, 100, True, False),  # exactly half is not more than half
        (f.ADULTS, 451, 226, True, True),  # 900 villagers aged 18+: more than half present
        (f.ADULTS, 450, 450, False, False),  # exactly half present is not enough
    ],
)
def test_the_villagers_meeting_vote_at_its_thresholds(draft, basis, present, votes_for, valid, passed):
    draft = take(draft, [*before_vote(), vote(present, votes_for, basis)])
    outcome = compacts.vote_outcome(draft)
    assert (outcome.valid, outcome.passed) == (valid, passed)
    assert draft.expected == (300 if basis == f.HOUSEHOLDS else 900)  # from the village profile, not typed


def test_votes_cannot_exceed_those_present(draft):
    with pytest.raises(InputError, match="实到不能多于应到的 300 人"):
        take(draft, [*before_vote(), vote(301, 200)])


def test_a_new_adopted_version_supersedes_the_old(draft):
    steps = [*before_vote(), vote(250, 240), {"on": dt.date(2025, 2, 3)}, {"on": dt.date(2025, 2, 8)}]
    first = take(draft, steps)
    assert compacts.status(first) == cp.IN_FORCE
    change = compacts.add_version(first.compact, first.body.replace("三天", "两天"))
    second = models.CompactVersion.get_by_id(change.record_id)
    assert second.number == 2 and compacts.status(second) == cp.DRAFT
    take(second, steps)
    assert compacts.status(models.CompactVersion.get_by_id(first.id)) == cp.SUPERSEDED
    assert [v.id for v in compacts.in_force(first.village)] == [second.id]


# --- the booklet ---
def test_saddle_order_for_a_sixteen_page_booklet():
    sides = saddle_order(16)
    assert sides[:4] == [(16, 1), (2, 15), (14, 3), (4, 13)]
    assert len(sides) == 8
    assert saddle_order(5)[:2] == [(None, 1), (2, None)]  # blanks inside the back cover


@given(pages=st.integers(1, 120))
def test_every_page_once_and_facing_pages_add_up(pages):
    sides = saddle_order(pages)
    total = len(sides) * 2
    assert total % 4 == 0 and total - pages < 4
    numbers = [n for side in sides for n in side if n is not None]
    assert sorted(numbers) == list(range(1, pages + 1))
    for left, right in sides:  # the two pages of a side always add up to the page count plus one
        if left and right:
            assert left + right == total + 1


def half_text(pdf_path, page: int, right: bool, width: float, height: float) -> str:
    x = int(width / 2) if right else 0
    command = ["pdftotext", "-f", str(page), "-l", str(page), "-x", str(x), "-y", "0"]
    command += ["-W", str(int(width / 2)), "-H", str(int(height)), "-r", "72", str(pdf_path), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def test_the_printed_booklet_folds_into_reading_order(draft, tmp_path):
    long_text = CHAPTERS.format(village="芦笙村") + "\n".join(
        f"第{cp_number}条 本条为测试加长的条款，内容用于把小册子撑到更多页，检查对折后的页序。" * 6
        for cp_number in ("十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十", "二十一", "二十二")
    )
    change = compacts.add_version(draft.compact, long_text)
    version = models.CompactVersion.get_by_id(change.record_id)
    in_reading_order = booklet_pages(compact_data(version, dt.date.today()), A5, GlyphReport())
    pages = len(PdfReader(io.BytesIO(in_reading_order)).pages)
    sheet = catalogue.render("compact_booklet", change.record_id, catalogue.default_page("compact_booklet"))
    path = tmp_path / "booklet.pdf"
    path.write_bytes(sheet.pdf)
    reader = PdfReader(str(path))
    box = reader.pages[0].mediabox
    width, height = float(box.width), float(box.height)
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (297, 210)  # A4 landscape: two A5 pages
    assert pages >= 6 and len(reader.pages) == len(saddle_order(pages))
    for index, (left, right) in enumerate(saddle_order(pages)):
        for number, on_right in ((left, False), (right, True)):
            text = half_text(path, index + 1, on_right, width, height)
            if number is None:
                assert text.strip() == ""  # a blank made up to a multiple of four
            elif number == 1:
                assert "芦笙村村规民约" in text and "—" not in text  # the cover has no number
            else:
                assert f"—{number}—" in "".join(text.split()), (index, number, text)
    assert "目" in half_text(path, 2, False, width, height)  # page 2 (back of the first sheet, left): contents


def test_a_long_wall_version_continues_over_sheets_with_the_closing_on_the_last(draft, tmp_path):
    body = CHAPTERS.format(village="芦笙村").strip().rsplit("\n", 1)[0]  # without its closing line
    more = [f"第{n}条 " + "村民应当爱护公共设施，保持村容整洁，邻里和睦。" * 12 for n in range(13, 40)]
    long_text = "\n".join([body, *more, "芦笙村村民委员会"])
    change = compacts.add_version(draft.compact, long_text)
    sheet = catalogue.render("compact_wall", change.record_id, catalogue.default_page("compact_wall"))
    assert sheet.pages >= 2
    reader = PdfReader(io.BytesIO(sheet.pdf))
    assert round(float(reader.pages[0].mediabox.height) / 72 * 25.4) == 420  # A3
    texts = ["".join(page.extract_text().split()) for page in reader.pages]
    assert all("芦笙村村民委员会" not in text for text in texts[:-1]) and "芦笙村村民委员会" in texts[-1]
    assert f"第{len(texts)}页共{len(texts)}页" in texts[-1]
