"""村“两委”和村务监督委员会: posts, the 五大员's duties, and the composition rules the law sets.

Sources: 《村民委员会组织法》第六条 (村委会 3–7 members, women among them, no close relatives among its
members), 第三十二条 (监委会 members: not 村委会 members or their close relatives, not the 报账员 or the
文书); 监委会 3–5 members (山东省村务公开条例 14, DOMAIN.md). 五大员 duties: 黔东南 practice (DOMAIN.md).
"""

from __future__ import annotations

from dataclasses import dataclass

SECRETARY, DEPUTY_SECRETARY, BRANCH_MEMBER = "党组织书记", "党组织副书记", "党组织委员"
DIRECTOR, DEPUTY_DIRECTOR, COMMITTEE_MEMBER = "村委会主任", "村委会副主任", "村委会委员"
SUPERVISION_HEAD, SUPERVISION_MEMBER = "监委会主任", "监委会委员"
CLERK, ACCOUNTANT, PUBLICIST, DISCIPLINE, WOMEN = "文书", "报账员", "宣传员", "纪检员", "妇女主任"
POSTS = (
    SECRETARY,
    DEPUTY_SECRETARY,
    BRANCH_MEMBER,
    DIRECTOR,
    DEPUTY_DIRECTOR,
    COMMITTEE_MEMBER,
    SUPERVISION_HEAD,
    SUPERVISION_MEMBER,
    CLERK,
    ACCOUNTANT,
    PUBLICIST,
    DISCIPLINE,
    WOMEN,
    "民兵营长",
    "治保主任",
)
BRANCH_POSTS = (SECRETARY, DEPUTY_SECRETARY, BRANCH_MEMBER)
COMMITTEE_POSTS = (DIRECTOR, DEPUTY_DIRECTOR, COMMITTEE_MEMBER)
SUPERVISION_POSTS = (SUPERVISION_HEAD, SUPERVISION_MEMBER)

COMMITTEE_SIZE = (3, 7)
SUPERVISION_SIZE = (3, 5)
CLOSE_RELATIONS = ("配偶", "父母子女", "兄弟姐妹", "祖孙", "外祖孙", "其他近亲属")

FIVE_OFFICERS_DUTIES = {  # 五大员: editable defaults, filled in when a post is saved without duties
    SECRETARY: "主持村党组织全面工作，抓党建、抓班子、带队伍，落实“四议两公开”",
    DIRECTOR: "主持村委会日常工作，组织实施村民会议、村民代表会议决定，负责村务公开",
    CLERK: "负责会议记录、档案管理、党员信息维护、便民服务代办和公开栏更新",
    SUPERVISION_HEAD: "主持村务监督委员会工作，监督村务公开、财务收支和重大事项决策",
    PUBLICIST: "负责政策宣传、思想阵地活动和村内信息发布，兼任纪检员",
}


@dataclass(frozen=True)
class Holding:
    """A current post held by a person."""

    person: str  # an id
    name: str
    post: str
    woman: bool


def one_person_both(holdings: list[Holding]) -> list[str]:
    """一肩挑: the names of those who are both 党组织书记 and 村委会主任."""
    secretaries = {h.person for h in holdings if h.post == SECRETARY}
    return sorted({h.name for h in holdings if h.post == DIRECTOR and h.person in secretaries})


def composition_warnings(holdings: list[Holding], relatives: set[frozenset[str]]) -> list[str]:
    """What breaks the composition rules, each with its reason; relatives are pairs of person ids."""
    names = {h.person: h.name for h in holdings}
    committee = {h.person for h in holdings if h.post in COMMITTEE_POSTS}
    supervision = {h.person for h in holdings if h.post in SUPERVISION_POSTS}
    warnings = []
    low, high = COMMITTEE_SIZE
    if not low <= len(committee) <= high:
        warnings.append(f"村委会现有 {len(committee)} 人：由主任、副主任和委员共 {low}—{high} 人组成（组织法第六条）")
    if committee and not any(h.woman for h in holdings if h.person in committee):
        warnings.append("村委会中没有女性成员：村委会成员中应当有妇女成员（组织法第六条）")
    for pair in relatives:
        if pair <= committee:
            a, b = sorted(names[p] for p in pair)
            warnings.append(f"{a}和{b}是近亲属，都在村委会：村委会成员之间不应有近亲属关系（组织法第六条）")
    low, high = SUPERVISION_SIZE
    if supervision and not low <= len(supervision) <= high:
        warnings.append(f"村务监督委员会现有 {len(supervision)} 人：一般由 {low}—{high} 人组成")
    barred = {h.person: h.post for h in holdings if h.post in (*COMMITTEE_POSTS, ACCOUNTANT, CLERK)}
    for person in sorted(supervision, key=lambda p: names[p]):
        if person in barred:
            warnings.append(
                f"{names[person]}是监委会成员，又任{barred[person]}：村委会成员、报账员、文书不得担任监委会成员（组织法第三十二条）"
            )
        for pair in relatives:
            if person in pair:
                other = next(iter(pair - {person}))
                if other in committee:
                    warnings.append(
                        f"{names[person]}（监委会）是村委会成员{names[other]}的近亲属：不得担任监委会成员（组织法第三十二条）"
                    )
    return warnings
