"""Text search that also matches pinyin initials: typing "dj" finds 党建."""

from __future__ import annotations

from functools import cache


@cache
def _initial(char: str) -> str:
    if char.isascii():
        return char.lower()
    from pypinyin import Style, lazy_pinyin  # the dictionary is loaded on first search, not at start

    return lazy_pinyin(char, style=Style.FIRST_LETTER, errors=lambda chars: list(chars))[0].lower()


def pinyin_initials(text: str) -> str:
    """'党建活动' -> 'djhd'. Letters and digits are kept as they are, lower-cased.

    Character by character (the common reading of each), so that a 20,000-row list is keyed in
    a fraction of a second: Chinese text repeats few distinct characters.
    """
    return "".join(_initial(char) for char in text)


def search_key(*texts: str) -> tuple[str, str]:
    """What a row is searched by: its text lower-cased, and the pinyin initials of that text."""
    joined = "\n".join(text for text in texts if text).lower()
    return joined, pinyin_initials(joined)


def key_matches(query: str, key: tuple[str, str]) -> bool:
    needle = query.strip().lower()
    if not needle:
        return True
    text, initials = key
    return needle in text or (needle.isascii() and needle.replace(" ", "") in initials)


def matches(query: str, *texts: str) -> bool:
    needle = query.strip().lower()
    if not needle:
        return True
    for text in texts:
        if not text:
            continue
        if needle in text.lower():
            return True
        if needle.isascii() and needle.replace(" ", "") in pinyin_initials(text):
            return True
    return False
