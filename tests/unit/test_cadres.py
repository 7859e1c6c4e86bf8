"""The 班子's composition rules (组织法 6, 32) at their thresholds."""

from app.domain import cadres as c
from app.domain.cadres import Holding


def committee(size: int, women: int = 1) -> list[Holding]:
    posts = [c.DIRECTOR, c.DEPUTY_DIRECTOR] + [c.COMMITTEE_MEMBER] * max(0, size - 2)
    return [Holding(f"p{n}", f"成员{n}", post, n < women) for n, post in enumerate(posts[:size])]


def supervision(size: int, start: int = 20) -> list[Holding]:
    posts = [c.SUPERVISION_HEAD] + [c.SUPERVISION_MEMBER] * (size - 1)
    return [Holding(f"s{n}", f"监委{n}", post, False) for n, post in enumerate(posts, start=start)]


def test_committee_of_three_to_seven_with_a_woman_and_supervision_of_three_to_five_passes():
    for size in (3, 7):
        for watchers in (3, 5):
            assert c.composition_warnings(committee(size) + supervision(watchers), set()) == []


def test_committee_of_two_or_eight_is_warned():
    assert "现有 2 人" in c.composition_warnings(committee(2) + supervision(3), set())[0]
    assert "现有 8 人" in c.composition_warnings(committee(8) + supervision(3), set())[0]


def test_supervision_of_two_or_six_is_warned():
    assert "监督委员会现有 2 人" in c.composition_warnings(committee(3) + supervision(2), set())[0]
    assert "监督委员会现有 6 人" in c.composition_warnings(committee(3) + supervision(6), set())[0]


def test_a_committee_without_a_woman_is_warned():
    assert "没有女性成员" in c.composition_warnings(committee(5, women=0) + supervision(3), set())[0]


def test_the_clerk_the_accountant_or_a_committee_member_on_the_supervision_is_warned():
    for post in (c.CLERK, c.ACCOUNTANT, c.COMMITTEE_MEMBER):
        held = committee(3) + supervision(3) + [Holding("s20", "监委20", post, False)]
        warnings = c.composition_warnings(held, set())
        assert any(f"又任{post}" in w and "第三十二条" in w for w in warnings), (post, warnings)


def test_a_close_relative_of_a_committee_member_on_the_supervision_is_warned_and_among_the_committee_too():
    held = committee(4) + supervision(3)
    assert any("近亲属" in w for w in c.composition_warnings(held, {frozenset({"s20", "p1"})}))
    assert any("都在村委会" in w for w in c.composition_warnings(held, {frozenset({"p0", "p1"})}))
    assert c.composition_warnings(held, {frozenset({"s20", "s21"})}) == []  # relatives within the 监委会: no rule


def test_one_person_secretary_and_director_is_recognised():
    held = [Holding("a", "吴书记", c.SECRETARY, False), Holding("a", "吴书记", c.DIRECTOR, False)]
    assert c.one_person_both(held) == ["吴书记"]
    assert c.one_person_both([Holding("a", "吴", c.SECRETARY, False), Holding("b", "杨", c.DIRECTOR, False)]) == []
