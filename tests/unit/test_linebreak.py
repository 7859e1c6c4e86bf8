"""Chinese line breaking: no line starts with closing or ends with opening punctuation, none passes the margin."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle

from app.notices.fonts import main_font
from app.notices.linebreak import CANNOT_END, CANNOT_START, ChineseParagraph, is_allowed_break, line_texts

SIZE = 12


def wrap(text: str, width: float) -> list[tuple[str, float]]:
    """(text, width) of each line the paragraph is broken into at this width."""
    style = ParagraphStyle("t", fontName=main_font(), fontSize=SIZE, leading=SIZE * 1.5, wordWrap="CJK")
    paragraph = ChineseParagraph(text, style)
    texts = line_texts(paragraph, width)
    return list(zip(texts, (line.currentWidth for line in paragraph.blPara.lines), strict=True))


def test_a_comma_that_would_start_a_line_takes_the_character_before_it_down():
    width = SIZE * 10  # ten characters a line
    lines = wrap("一二三四五六七八九十、十一", width)
    assert [text for text, _ in lines] == ["一二三四五六七八九", "十、十一"]
    assert all(used <= width for _, used in lines)


def test_an_opening_bracket_never_ends_a_line():
    lines = wrap("一二三四五六七八九《十》", SIZE * 10)
    assert [text for text, _ in lines] == ["一二三四五六七八九", "《十》"]


def test_a_number_is_not_cut_in_two():
    lines = wrap("一二三四五六七电话13800001234", SIZE * 10)
    assert [text for text, _ in lines][1].startswith("13800001234")


def test_a_run_of_forbidden_marks_longer_than_half_a_line_is_cut_rather_than_looping():
    lines = wrap("一" + "。" * 30, SIZE * 10)
    assert "".join(text for text, _ in lines) == "一" + "。" * 30
    assert all(used <= SIZE * 10 + 0.01 for _, used in lines)


HAN = "村民委员会党支部监督公开栏阵地管理服务"
MARKS = "、，。；：！？）》」』"
OPENING = "（《「『"


@st.composite
def chinese_text(draw):
    """Text as clerks write it: words of Han characters, single marks between them, a bracketed phrase."""
    pieces = []
    for _ in range(draw(st.integers(1, 40))):
        word = draw(st.text(alphabet=HAN, min_size=1, max_size=6))
        kind = draw(st.sampled_from(["plain", "mark", "bracket", "number"]))
        if kind == "mark":
            word += draw(st.sampled_from(MARKS))
        elif kind == "bracket":
            word = draw(st.sampled_from(OPENING)) + word + "）"
        elif kind == "number":
            word += str(draw(st.integers(0, 10**4)))  # shorter than half the narrowest line
        pieces.append(word)
    return "".join(pieces)


@pytest.mark.slow
@settings(max_examples=2000, deadline=None)
@given(text=chinese_text(), characters_a_line=st.integers(6, 40))
def test_every_break_obeys_the_rules_and_no_line_passes_the_margin(text, characters_a_line):
    width = SIZE * characters_a_line
    lines = wrap(text, width)
    assert "".join(line for line, _ in lines) == text
    for (before, used), (after, _) in zip(lines, lines[1:], strict=False):
        assert used <= width + 0.01
        assert after[0] not in CANNOT_START and before[-1] not in CANNOT_END, (before, after)
        assert is_allowed_break(before[-1], after[0])
