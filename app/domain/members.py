"""党员花名册: the members and the pipeline before membership, and the rules on their dates.

Sources: 《中国共产党章程》第七条 (预备期一年), 第五条/第六条 and 《中国共产党发展党员工作细则》(2014)
(申请人 → 积极分子 at least one year of 培养 → 发展对象 → 预备党员; 发展对象 公示 at least 5 working days, 7
days is the common practice), 党龄 counted from the day of 转正 (党章第七条). ../shared/DOMAIN.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain.values import InputError, years_between

APPLICANT, ACTIVIST, CANDIDATE, PROBATIONARY, FULL = "入党申请人", "入党积极分子", "发展对象", "预备党员", "正式党员"
STAGES = (APPLICANT, ACTIVIST, CANDIDATE, PROBATIONARY, FULL)
MEMBER_STAGES = (PROBATIONARY, FULL)  # in the party; the others are the pipeline before it

NORMAL, FLOATING, TRANSFERRED, EXPELLED, DECEASED = "正常", "流动党员", "转出", "出党", "去世"
STATUSES = (NORMAL, FLOATING, TRANSFERRED, EXPELLED, DECEASED)
ACTIVE_STATUSES = (NORMAL, FLOATING)  # on the active list; the others stay in the history

GENDERS = ("男", "女")
EDUCATIONS = ("小学", "初中", "高中", "中专", "大专", "本科", "研究生", "其他")
COMMON_ETHNICITIES = ("汉族", "苗族", "侗族", "布依族", "土家族", "彝族", "水族", "仡佬族", "回族", "壮族")

PROBATION = 1  # year: 预备期
CONVERSION_REMINDER_DAYS = 30
CANDIDATE_NOTICE_DAYS = 7  # 发展对象公示

# (stage, the field holding the date it was reached, its label)
STAGE_DATES = (
    (APPLICANT, "applied_on", "申请入党时间"),
    (ACTIVIST, "activist_on", "确定积极分子时间"),
    (CANDIDATE, "candidate_on", "确定发展对象时间"),
    (PROBATIONARY, "joined_on", "入党时间"),
    (FULL, "converted_on", "转正时间"),
)


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def conversion_due(joined_on: dt.date | None) -> dt.date | None:
    """A 预备党员 is due for 转正 one year after 入党."""
    return add_years(joined_on, PROBATION) if joined_on else None


def is_member(stage: str) -> bool:
    return stage in MEMBER_STAGES


def is_active(status: str) -> bool:
    return status in ACTIVE_STATUSES


def party_years(stage: str, converted_on: dt.date | None, today: dt.date) -> int | None:
    """党龄: whole years since 转正; a 预备党员 has none yet."""
    return years_between(converted_on, today) if stage == FULL else None


def reminder(stage: str, status: str, joined_on: dt.date | None, today: dt.date) -> str:
    """What the list shows a clerk about this person today (empty when nothing is due)."""
    if stage != PROBATIONARY or not is_active(status) or joined_on is None:
        return ""
    due = conversion_due(joined_on)
    if today >= due:
        return f"预备期已满（{due:%Y-%m-%d}），应讨论转正"
    if (due - today).days <= CONVERSION_REMINDER_DAYS:
        return f"{due:%Y-%m-%d} 预备期满，准备转正"
    return ""


@dataclass(frozen=True)
class MemberDates:
    stage: str
    birth_date: dt.date | None
    applied_on: dt.date | None = None
    activist_on: dt.date | None = None
    candidate_on: dt.date | None = None
    joined_on: dt.date | None = None
    converted_on: dt.date | None = None
    status: str = NORMAL
    status_since: dt.date | None = None


def check_dates(dates: MemberDates) -> None:
    """The roster's rules on dates; raises InputError(message, field) at the first that is broken."""
    reached = STAGES.index(dates.stage)
    for number, (stage, key, label) in enumerate(STAGE_DATES):
        if stage in (PROBATIONARY, FULL) and number <= reached and getattr(dates, key) is None:
            raise InputError(f"{dates.stage}须填写{label}", key)
        if number > reached and getattr(dates, key) is not None:
            raise InputError(f"还是{dates.stage}，不应有{label}（到了这一步再填，或改“类别”）", key)
    previous = ("birth_date", "出生日期", dates.birth_date)
    for _stage, key, label in STAGE_DATES:
        day = getattr(dates, key)
        if day is None:
            continue
        if previous[2] is not None and day <= previous[2]:
            raise InputError(f"{label}应晚于{previous[1]}（{previous[2]:%Y-%m-%d}）", key)
        previous = (key, label, day)
    if dates.joined_on and dates.birth_date and years_between(dates.birth_date, dates.joined_on) < 18:
        raise InputError("入党时应年满十八岁（党章第一条），请核对入党时间或出生日期", "joined_on")
    if dates.converted_on and dates.joined_on and dates.converted_on < conversion_due(dates.joined_on):
        raise InputError(f"预备期为一年，转正时间不能早于 {conversion_due(dates.joined_on):%Y-%m-%d}", "converted_on")
    if dates.status != NORMAL and dates.status_since is None:
        raise InputError(f"请填写“{dates.status}”的时间", "status_since")
    if dates.status in (TRANSFERRED, EXPELLED, FLOATING) and not is_member(dates.stage):
        raise InputError(f"{dates.stage}还不是党员，状态不能是“{dates.status}”", "status")
