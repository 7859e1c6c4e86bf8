"""四议两公开: a major matter goes through six steps in order, each meeting step valid and passed by its rule.

Sources (DOMAIN.md, RESEARCH.md §2, 《村民委员会组织法》第二十一、二十二、二十四至二十六条):
① 村党组织提议 (支委会: more than half of the 委员 present, a proposal needs more than half of them)
② 两委会商议 (the 两委 members, the same majorities) — in a 一肩挑 village ① and ② may be one meeting
③ 党员大会审议 (more than half of the members with a vote present; passes with more than half of those entitled)
④ 村民会议 (more than half of the villagers aged 18+, or at least two thirds of the household representatives,
   present) or 村民代表会议 (at least two thirds of the representatives present); either passes with more than
   half of those present. The matters of 组织法第二十四条 belong to the 村民会议; a 代表会议 decides them only
   with the 村民会议's authorisation.
⑤ 决议公开 ⑥ 实施结果公开.
"""

from __future__ import annotations

from fractions import Fraction

from app.domain.meetings import Outcome, more_than

STEP_TITLES = {
    1: "村党组织提议",
    2: "两委会商议",
    3: "党员大会审议",
    4: "村民会议或村民代表会议决议",
    5: "决议公开",
    6: "实施结果公开",
}
MEETING_STEPS = (1, 2, 3, 4)
VILLAGERS, REPRESENTATIVES = "村民会议", "村民代表会议"
ADULTS, HOUSEHOLDS = "18周岁以上村民", "户代表"
LAW_24 = (
    "误工补贴人员及标准",
    "集体经济收益使用",
    "公益事业兴办与筹资筹劳",
    "土地承包经营方案",
    "集体经济项目立项承包",
    "宅基地使用方案",
    "征地补偿费使用分配",
    "以借贷租赁等方式处分集体财产",
)
MAJOR = ("重要事务决定", "重要项目建设", "重要资金使用", "重要救助和补贴发放")
CATEGORIES = (*LAW_24, *MAJOR, "其他")
ORIGINS = ("党员群众建议", "村干部提议", "上级党委政府安排")
IN_PROGRESS, DONE, ENDED = "进行中", "已完成", "已终止"
DEFAULT_FORMS = {1: "支委会", 2: "两委联席会议", 3: "党员大会", 4: VILLAGERS, 5: "公开栏公示", 6: "公开栏公示"}


def step_outcome(
    number: int, expected: int, present: int, votes: tuple[int, int, int], body: str = "", basis: str = ""
) -> Outcome:
    """Validity and result of a meeting step; votes are (赞成, 反对, 弃权)."""
    votes_for = votes[0]
    if number == 4 and (body == REPRESENTATIVES or basis == HOUSEHOLDS):
        valid = 3 * present >= 2 * expected and expected > 0
        rule = "达到三分之二"
    else:
        valid = more_than(present, expected, Fraction(1, 2))
        rule = "超过半数"
    validity = (
        f"应到 {expected} 人、实到 {present} 人，{rule if valid else '未' + rule}，会议{'有效' if valid else '无效'}"
    )
    if not valid:
        return Outcome(False, validity, False, "会议无效，表决不作数")
    if sum(votes) > present:
        return Outcome(True, validity, False, f"共 {sum(votes)} 票，多于实到的 {present} 人，请核对票数")
    base, of_whom = (present, "实到") if number == 4 else (expected, "应到")
    passed = more_than(votes_for, base, Fraction(1, 2))
    verdict = "通过" if passed else "未通过"
    result = f"赞成 {votes_for} 票，{'超过' if passed else '未超过'}{of_whom} {base} 人的半数，{verdict}"
    return Outcome(True, validity, passed, result)


def next_step(recorded: list[tuple[int, bool | None]]) -> tuple[int | None, str]:
    """The step that may be recorded now, given this round's steps as (number, passed); or None and why not."""
    if not recorded:
        return 1, ""
    number, passed = recorded[-1]
    if number in MEETING_STEPS and not passed:
        return None, f"第{number}步“{STEP_TITLES[number]}”没有通过：可以终止这个事项，或退回重新提议"
    if number == 6:
        return None, "六个步骤都已完成"
    return number + 1, ""


def body_refused(category: str, body: str, authorised: bool) -> str:
    """Why this body may not decide the matter ('' when it may)."""
    if category in LAW_24 and body == REPRESENTATIVES and not authorised:
        return f"“{category}”应由村民会议决定；由村民代表会议决定，须有村民会议的授权（组织法第二十四条）"
    return ""
