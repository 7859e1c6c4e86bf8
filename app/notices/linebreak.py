"""Chinese line breaking for the sheets (标点禁则).

reportlab's CJK wrapping cuts between any two characters and lets one closing mark hang past the
right margin; it never keeps an opening mark off a line's end. Here a line may not start with
closing punctuation (、，。；：！？）》」』 …) nor end with opening punctuation (（《「『 …), and nothing
passes the margin: when the natural break is forbidden, characters move down to the next line
(推入) until the break is allowed. A run of Latin letters or digits (a phone number, "2026") is not
cut either, unless it alone is longer than half a line.
"""

from __future__ import annotations

from reportlab.platypus.paragraph import (
    Paragraph,
    ParaLines,
    _handleBulletWidth,
    cjkU,
    makeCJKParaLine,
)
from reportlab.rl_config import _FUZZ

CANNOT_START = set("、，。．；：！？）》」』】〕〉｝］”’…—～·％‰℃°!),.:;?]}%")
CANNOT_END = set("（《「『【〔〈｛［“‘([{￥$#")


def _is_word_char(char: str) -> bool:
    return char.isascii() and char.isalnum() or char in "+-_.,@/:%*"  # * and , : 138****1234, 52,000.00 stay whole


def is_allowed_break(before: str, after: str) -> bool:
    """May a line end with `before` and the next one start with `after`?"""
    if after in CANNOT_START or before in CANNOT_END:
        return False
    return not (_is_word_char(before) and _is_word_char(after))


def _break_point(chars: list[str], start: int, overflow: int) -> int:
    """Where the line that began at `start` ends, given that chars[overflow] does not fit on it.

    The line is pushed back to the nearest allowed break; at most half of it moves down, after
    which the line is cut where it overflows (a very long number or an unbroken run of marks).
    """
    earliest = max(start + 1, (start + overflow) // 2)
    for end in range(overflow, earliest - 1, -1):
        if is_allowed_break(chars[end - 1], chars[end]):
            return end
    return max(overflow, start + 1)


def _width(char: cjkU, max_width: float) -> float:
    width = char.width
    if hasattr(width, "normalizedValue"):
        width._normalizer = max_width
        width = width.normalizedValue(max_width)
    return width


def split_lines(frags, max_widths: list[float], calc_bounds: bool) -> ParaLines:
    """The paragraph's fragments broken into lines by the rules above."""
    chars: list[cjkU] = []
    for frag in frags:
        text = frag.text.decode("utf8") if isinstance(frag.text, bytes) else frag.text
        if text:
            chars.extend(cjkU(char, frag, "utf8") for char in text)
        else:  # an empty fragment still counts: it may carry a line break or an image
            chars.append(cjkU(text, frag, "utf8"))
    lines = []
    start = index = 0
    used = 0.0
    max_width = max_widths[0]
    while index < len(chars):
        char = chars[index]
        used += _width(char, max_width)
        index += 1
        forced = hasattr(char.frag, "lineBreak")
        if not forced and used <= max_width + _FUZZ:
            continue
        end = index if forced else _break_point(chars, start, index - 1)
        width = sum(_width(c, max_width) for c in chars[start:end])
        lines.append(makeCJKParaLine(chars[start:end], max_width, width, max_width - width, forced, calc_bounds))
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        start = index = end
        used = 0.0
    if used > 0:
        lines.append(makeCJKParaLine(chars[start:], max_width, used, max_width - used, False, calc_bounds))
    return ParaLines(kind=1, lines=lines)


class ChineseParagraph(Paragraph):
    """A Paragraph that wraps Chinese text by split_lines (set with wordWrap="CJK")."""

    def breakLinesCJK(self, maxWidths):  # noqa: N802 - reportlab's name
        if not isinstance(maxWidths, list | tuple):
            maxWidths = [maxWidths]  # noqa: N806
        self.height = 0
        _handleBulletWidth(self.bulletText, self.style, maxWidths)
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        auto_leading = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        return split_lines(self.frags, maxWidths, auto_leading not in ("", "off"))


def line_texts(paragraph: ChineseParagraph, width: float) -> list[str]:
    """The text of each line the paragraph is set in at this width (for checking a layout)."""
    paragraph.wrap(width, 1_000_000)
    return ["".join(word.text for word in line.words) for line in paragraph.blPara.lines]
