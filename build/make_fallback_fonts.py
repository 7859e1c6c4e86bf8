"""Makes resources/fonts/fallback/: the rare-character fonts bundled for sheets and input fields.

The main font (WenQuanYi Micro Hei) covers the common characters. Names in villages also use
characters of CJK Extensions A–F (䶮, 𠀀 …), which it lacks. Debian's fonts-hanazono (HanaMinA and
HanaMinB, TrueType, Hanazono Font License: free to use, modify and redistribute) covers them. This
script keeps only the CJK ideographs the main font lacks and drops hinting and vertical metrics, so
the bundle carries nothing it does not use. Run it again only to change that selection:

    apt-get download fonts-hanazono && dpkg -x fonts-hanazono_*.deb hanazono
    .venv/bin/pip install fonttools==4.68.0
    .venv/bin/python build/make_fallback_fonts.py hanazono/usr/share/fonts/truetype/hanazono
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from reportlab.pdfbase.ttfonts import TTFontFile

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "resources" / "fonts" / "fallback"
MAIN_FONT = ROOT / "resources" / "fonts" / "wqy-microhei.ttc"
CJK_IDEOGRAPH_RANGES = [
    (0x2E80, 0x2FDF),  # radicals
    (0x31C0, 0x31EF),  # strokes
    (0x3400, 0x4DBF),  # Extension A
    (0x4E00, 0x9FFF),  # unified ideographs (the few the main font lacks)
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0x20000, 0x2FA1F),  # Extensions B–F and the compatibility supplement
]


def is_cjk(code: int) -> bool:
    return any(low <= code <= high for low, high in CJK_IDEOGRAPH_RANGES)


def make_subset(source: Path, target: Path, already_covered: set[int]) -> int:
    font = TTFont(source)
    wanted = [code for code in font.getBestCmap() if is_cjk(code) and code not in already_covered]
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.drop_tables += ["vhea", "vmtx", "BASE", "FFTM", "prop", "GSUB", "GDEF"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)
    font.save(target)
    return len(wanted)


def main(source_folder: str) -> None:
    covered = set(TTFontFile(str(MAIN_FONT), subfontIndex=0).charToGlyph)
    TARGET.mkdir(parents=True, exist_ok=True)
    for name in ("HanaMinA", "HanaMinB"):
        target = TARGET / f"{name}-ext.ttf"
        count = make_subset(Path(source_folder) / f"{name}.ttf", target, covered)
        covered |= set(TTFont(target).getBestCmap())
        print(f"{target.name}: {count} 字, {target.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main(sys.argv[1])
