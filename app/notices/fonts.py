"""Fonts for the sheets: the bundled WenQuanYi Micro Hei, embedded as a subset, with fallbacks.

Every character of the content is checked against the font before rendering. A character the
main font lacks (a 生僻字 in a name) is set, character by character, in the bundled fallback fonts
(resources/fonts/fallback: HanaMinA/B, CJK Extensions A–F, made by build/make_fallback_fonts.py),
then in a font of the PC (SimSun-ExtB on Windows, WenQuanYi Zen Hei on Linux). If none has it, a
red marker with its code point is printed in its place and the caller is told, so it never vanishes.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import fallback_font_files, resource

logger = logging.getLogger(__name__)

MAIN_FONT = "WQYMicroHei"
MAIN_FONT_FILE = "wqy-microhei.ttc"
MISSING_COLOR = "#c00000"

_SYSTEM_FALLBACKS = [
    "C:/Windows/Fonts/simsun.ttc",
    "C:/Windows/Fonts/simsunb.ttf",
    "C:/Windows/Fonts/SimsunExtG.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
]
# Characters that are layout, not glyphs: never reported as missing.
_LAYOUT_CHARS = set("\n\r\t ")
FULL_WIDTH_SPACE = "\u3000"
# reportlab treats U+3000 as a word break and collapses it; four no-break spaces are ~1 em in this font.
_FULL_WIDTH_SPACE_MARKUP = "\u00a0" * 4


def _to_unicode_cmap(font_name: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map, with characters beyond U+FFFF written as UTF-16 (surrogate pairs).

    reportlab 5.1 writes such a code point as five hex digits, which PDF readers misread, so a
    sheet's 𠀀 (U+20000) would be copied or searched as another character. The PDF specification
    wants the UTF-16BE code units; for every other character the output is unchanged.
    """
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({font_name})",
        f"/Ordering ({font_name})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{font_name} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{code:02X}> <{chr(char).encode('utf-16-be').hex().upper()}>" for code, char in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


@cache
def main_font() -> str:
    path = resource("fonts", MAIN_FONT_FILE)
    pdfmetrics.registerFont(TTFont(MAIN_FONT, str(path), subfontIndex=0))
    return MAIN_FONT


def _covers(font_name: str) -> set[int]:
    return set(pdfmetrics.getFont(font_name).face.charToGlyph)


@cache
def _main_coverage() -> frozenset[int]:
    return frozenset(_covers(main_font()))


def _fallback_candidates() -> list[Path]:
    local = fallback_font_files()
    extra = [Path(p) for p in os.environ.get("SANQIANG_FALLBACK_FONTS", "").split(os.pathsep) if p]
    return [*extra, *local, *(Path(p) for p in _SYSTEM_FALLBACKS)]


@cache
def _load_fallback(path: Path) -> tuple[str, frozenset[int]] | None:
    """(font name, covered code points) of one fallback font, or None when it cannot be used."""
    if not path.is_file():
        return None
    name = f"Fallback-{path.stem}"
    try:
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))
    except Exception as error:  # noqa: BLE001 - CFF outlines and broken files are skipped
        logger.info("fallback font %s not usable: %s", path, error)
        return None
    return name, frozenset(_covers(name))


def fallback_fonts():
    """The usable fallback fonts in the order they are tried, each loaded only when the one before lacks a
    character (the Extension B–F font, 30 MB, is read only for a sheet that needs it)."""
    for path in _fallback_candidates():
        loaded = _load_fallback(path)
        if loaded is not None:
            yield loaded


def font_for(char: str) -> str | None:
    """The font that prints this character, or None when no font here has it."""
    code = ord(char)
    if code in _main_coverage() or char in _LAYOUT_CHARS:
        return main_font()
    for name, covered in fallback_fonts():
        if code in covered:
            return name
    return None


@dataclass
class GlyphReport:
    """Characters that no available font can print; they appear as red markers on the sheet."""

    missing: dict[str, list[str]] = field(default_factory=dict)  # char -> where it occurs

    def add(self, char: str, where: str) -> None:
        places = self.missing.setdefault(char, [])
        if where and where not in places:
            places.append(where)

    @property
    def ok(self) -> bool:
        return not self.missing

    def message(self) -> str:
        lines = [
            f"“{char}”（U+{ord(char):04X}）：{'、'.join(places) or '正文'}" for char, places in self.missing.items()
        ]
        return (
            "以下字符本程序和这台电脑的字体里都没有，纸面上已在原处用红色“[缺字 U+编码]”标出。"
            "打印后请在标记处用笔写上这个字：\n" + "\n".join(lines)
        )


def missing_marker(char: str) -> str:
    return f"[缺字 U+{ord(char):04X}]"


def markup(text: str, report: GlyphReport | None = None, where: str = "") -> str:
    """User text as reportlab Paragraph markup: escaped, line breaks kept, every glyph accounted for."""
    pieces: list[str] = []
    run_font, run = main_font(), []

    def flush() -> None:
        if not run:
            return
        chunk = "".join(run)
        pieces.append(chunk if run_font == main_font() else f'<font name="{run_font}">{chunk}</font>')
        run.clear()

    for char in text or "":
        if char == "\r":
            continue
        if char == "\n":
            flush()
            pieces.append("<br/>")
            continue
        if char == FULL_WIDTH_SPACE:
            run.append(_FULL_WIDTH_SPACE_MARKUP)
            continue
        font = font_for(char)
        if font is None:
            flush()
            if report is not None:
                report.add(char, where)
            pieces.append(f'<font color="{MISSING_COLOR}">{escape(missing_marker(char))}</font>')
            continue
        if font != run_font:
            flush()
            run_font = font
        run.append(escape(char))
    flush()
    return "".join(pieces)
