"""四议两公开 rules at their thresholds, and the order of the steps."""

from app.domain import four_two as f


def test_proposal_and_consultation_need_more_than_half_present_and_in_favour_of_those_expected():
    assert f.step_outcome(1, 5, 3, (3, 0, 0)).passed
    assert not f.step_outcome(1, 4, 2, (2, 0, 0)).valid  # half present is not more than half
    assert not f.step_outcome(2, 7, 6, (3, 2, 1)).passed  # 3 of 7 entitled: not more than half


def test_a_villagers_meeting_needs_more_than_half_of_the_adults_or_two_thirds_of_the_households():
    assert f.step_outcome(4, 900, 451, (300, 0, 0), f.VILLAGERS, f.ADULTS).valid
    assert not f.step_outcome(4, 900, 450, (300, 0, 0), f.VILLAGERS, f.ADULTS).valid
    assert f.step_outcome(4, 300, 200, (101, 0, 0), f.VILLAGERS, f.HOUSEHOLDS).valid  # exactly two thirds
    assert not f.step_outcome(4, 300, 199, (150, 0, 0), f.VILLAGERS, f.HOUSEHOLDS).valid


def test_the_decision_passes_with_more_than_half_of_those_present():
    assert f.step_outcome(4, 30, 20, (11, 9, 0), f.REPRESENTATIVES).passed
    assert not f.step_outcome(4, 30, 20, (10, 10, 0), f.REPRESENTATIVES).passed
    assert not f.step_outcome(4, 30, 19, (19, 0, 0), f.REPRESENTATIVES).valid  # under two thirds
    assert "多于实到" in f.step_outcome(4, 30, 20, (15, 6, 0), f.REPRESENTATIVES).result


def test_steps_go_in_order_and_a_failed_one_stops_the_matter():
    assert f.next_step([]) == (1, "")
    assert f.next_step([(1, True), (2, True)]) == (3, "")
    number, why = f.next_step([(1, True), (2, False)])
    assert number is None and "终止" in why and "重新提议" in why
    assert f.next_step([(1, True), (2, True), (3, True), (4, True), (5, None)]) == (6, "")
    assert f.next_step([(n, True) for n in range(1, 7)])[0] is None


def test_a_law_24_matter_needs_the_assemblys_authorisation_to_be_decided_by_representatives():
    assert "组织法第二十四条" in f.body_refused("集体经济收益使用", f.REPRESENTATIVES, authorised=False)
    assert f.body_refused("集体经济收益使用", f.REPRESENTATIVES, authorised=True) == ""
    assert f.body_refused("集体经济收益使用", f.VILLAGERS, authorised=False) == ""
    assert f.body_refused("重要项目建设", f.REPRESENTATIVES, authorised=False) == ""
