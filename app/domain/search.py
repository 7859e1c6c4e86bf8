"""Text search that also matches pinyin initials: typing "dj" finds 党建."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=20000)
def pinyin_initials(text: str) -> str:
    """'党建活动' -> 'djhd'. Letters and digits are kept as they are, lower-cased."""
    from pypinyin import Style, lazy_pinyin  # the dictionary is loaded on first search, not at start

    parts = lazy_pinyin(text, style=Style.FIRST_LETTER, errors=lambda chars: list(chars))
    return "".join(parts).lower()


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
