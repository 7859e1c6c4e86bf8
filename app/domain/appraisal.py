"""民主评议党员 (yearly): 个人自评 → 党员互评 → 民主测评 → 支部定等次.

Source (RESEARCH.md §4.2): 《中国共产党支部工作条例（试行）》— grades 优秀/合格/基本合格/不合格; 优秀 "一般不超过
党员总数的1/3" (a warning, not a block: some places "不定比例"); 预备党员 take part but "不宜评为优秀" (warn);
不合格 is followed by 限期改正, 劝其退党 or 除名 as the branch decides (党章第九条).
"""

from __future__ import annotations

from fractions import Fraction

EXCELLENT, QUALIFIED, BASIC, UNQUALIFIED = "优秀", "合格", "基本合格", "不合格"
GRADES = (EXCELLENT, QUALIFIED, BASIC, UNQUALIFIED)
FOLLOW_UPS = ("限期改正", "劝其退党", "除名", "不予登记")
EXCELLENT_SHARE = Fraction(1, 3)


def year_warnings(grades: list[str], probationary_excellent: list[str]) -> list[str]:
    """Warnings on a year's grades (the branch may still decide so): too many 优秀, a 预备党员 graded 优秀."""
    warnings = []
    graded = [grade for grade in grades if grade]
    excellent = graded.count(EXCELLENT)
    if grades and Fraction(excellent, len(grades)) > EXCELLENT_SHARE:
        warnings.append(
            f"评为优秀的 {excellent} 人，超过参评党员 {len(grades)} 人的三分之一（支部工作条例：一般不超过1/3）"
        )
    for name in probationary_excellent:
        warnings.append(f"{name}是预备党员，一般不评为优秀")
    return warnings


def follow_up_needed(grade: str, follow_up: str) -> str:
    """What the list says when a 不合格 member has no decided follow-up."""
    return "不合格，请写明处置（如限期改正）" if grade == UNQUALIFIED and not follow_up else ""
