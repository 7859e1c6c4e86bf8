"""党员花名册 rules: the ID number, the order of the pipeline's dates, 转正 and 党龄, at their edges."""

import datetime as dt

import pytest

from app.domain import members as m
from app.domain import values as v
from app.domain.values import InputError

VALID_ID = "11010519491231002X"  # the GB 11643 example number


def test_a_correct_id_number_is_accepted_and_normalised():
    assert v.id_number(VALID_ID.lower()) == VALID_ID
    assert v.id_number("１１０１０５１９４９１２３１００２Ｘ") == VALID_ID  # typed full-width with an input method
    assert v.birth_date_from_id(VALID_ID) == dt.date(1949, 12, 31)
    assert v.gender_from_id(VALID_ID) == "女"


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("110105194912310021", "校验位不对（最后一位应为 X）"),
        ("11010519491231002", "应为 18 位"),
        ("110105194902300028", "出生日期 19490230 不存在"),
        ("11010519491231002Y", "应为 18 位"),
    ],
)
def test_a_wrong_id_number_says_what_is_wrong(typed, says):
    with pytest.raises(InputError, match=says.replace("(", r"\(").replace(")", r"\)")):
        v.id_number(typed)


def dates(stage=m.FULL, born=dt.date(1980, 1, 1), **changes):
    base = {
        "applied_on": dt.date(2015, 1, 1),
        "activist_on": dt.date(2015, 7, 1),
        "candidate_on": dt.date(2016, 9, 1),
        "joined_on": dt.date(2017, 3, 1),
        "converted_on": dt.date(2018, 3, 1),
    }
    keep = [key for stage_name, key, _ in m.STAGE_DATES[: m.STAGES.index(stage) + 1]]
    values = {key: value for key, value in base.items() if key in keep}
    values.update(changes)
    return m.MemberDates(stage=stage, birth_date=born, **values)


def refused(dates_, field):
    with pytest.raises(InputError) as error:
        m.check_dates(dates_)
    assert error.value.args[1] == field, error.value.args[0]
    return error.value.args[0]


def test_full_member_dates_in_order_pass():
    m.check_dates(dates())


def test_conversion_exactly_one_year_after_joining_passes_one_day_earlier_does_not():
    m.check_dates(dates(converted_on=dt.date(2018, 3, 1)))
    assert "不能早于 2018-03-01" in refused(dates(converted_on=dt.date(2018, 2, 28)), "converted_on")


def test_joining_on_the_18th_birthday_passes_the_day_before_does_not():
    born = dt.date(1999, 3, 1)
    m.check_dates(
        dates(
            born=born,
            applied_on=dt.date(2016, 1, 1),
            activist_on=dt.date(2016, 3, 1),
            candidate_on=dt.date(2016, 9, 1),
            joined_on=dt.date(2017, 3, 1),
        )
    )
    assert "年满十八岁" in refused(
        dates(
            born=born,
            applied_on=dt.date(2016, 1, 1),
            activist_on=dt.date(2016, 3, 1),
            candidate_on=dt.date(2016, 9, 1),
            joined_on=dt.date(2017, 2, 28),
            converted_on=dt.date(2018, 3, 1),
        ),
        "joined_on",
    )


def test_a_stage_date_before_the_one_before_is_refused():
    assert "应晚于" in refused(dates(activist_on=dt.date(2014, 12, 31)), "activist_on")
    assert "应晚于出生日期" in refused(dates(born=dt.date(2015, 6, 1)), "applied_on")


def test_each_stage_needs_its_own_date_and_none_beyond_it():
    assert "须填写转正时间" in refused(dates(converted_on=None), "converted_on")
    assert "不应有入党时间" in refused(dates(stage=m.CANDIDATE, joined_on=dt.date(2017, 3, 1)), "joined_on")


def test_a_status_other_than_normal_needs_its_date_and_a_member():
    assert "请填写“去世”的时间" in refused(dates(status=m.DECEASED), "status_since")
    assert "还不是党员" in refused(
        dates(stage=m.ACTIVIST, status=m.TRANSFERRED, status_since=dt.date(2020, 1, 1)), "status"
    )


def test_conversion_reminder_starts_30_days_before_the_year_is_up():
    joined = dt.date(2025, 12, 16)
    assert m.reminder(m.PROBATIONARY, m.NORMAL, joined, dt.date(2026, 11, 15)) == ""  # 31 days before
    assert "准备转正" in m.reminder(m.PROBATIONARY, m.NORMAL, joined, dt.date(2026, 11, 16))
    assert "预备期已满" in m.reminder(m.PROBATIONARY, m.NORMAL, joined, dt.date(2026, 12, 16))
    assert m.reminder(m.FULL, m.NORMAL, joined, dt.date(2027, 1, 1)) == ""


def test_party_years_count_from_conversion():
    assert m.party_years(m.FULL, dt.date(2018, 3, 1), dt.date(2026, 2, 28)) == 7
    assert m.party_years(m.FULL, dt.date(2018, 3, 1), dt.date(2026, 3, 1)) == 8
    assert m.party_years(m.PROBATIONARY, None, dt.date(2026, 3, 1)) is None


def test_the_demo_roster_keeps_every_rule(demo):
    from app.store import models

    people = list(models.PartyMember.select())
    assert len(people) > 60
    for person in people:
        m.check_dates(m.MemberDates(**{key: getattr(person, key) for key in m.MemberDates.__dataclass_fields__}))
        assert v.id_number(person.id_number) == person.id_number
        assert v.birth_date_from_id(person.id_number) == person.birth_date
    assert any("䶮" in person.name for person in people)
    assert {person.status for person in people} >= {m.NORMAL, m.FLOATING, m.TRANSFERRED, m.DECEASED}
    assert {person.stage for person in people} == set(m.STAGES)
