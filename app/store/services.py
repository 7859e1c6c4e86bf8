"""便民服务: the village's catalogue (a starting list, extendable and imported from Excel), requests taken along
their course with dates and reasons, working days against the holidays set, and the month's and year's figures."""

from __future__ import annotations

import datetime as dt

from app.domain import services as sv
from app.domain.values import InputError
from app.store import models, records, settings

HOLIDAYS = settings.HOLIDAYS_SETTING.key  # ISO dates of the holidays (working days skip them)


def holidays() -> set[dt.date]:
    return {dt.date.fromisoformat(day) for day in settings.get(HOLIDAYS)}


def put_holidays(days: set[dt.date]) -> records.Change:
    return settings.put(HOLIDAYS, sorted(day.isoformat() for day in days))


def catalogue(village: models.Village) -> list[models.ServiceItem]:
    query = models.ServiceItem.select().where(models.ServiceItem.village == village)
    return sorted(query, key=lambda item: (sv.AREAS.index(item.area) if item.area in sv.AREAS else 99, item.name))


def add_common_items(village: models.Village) -> list[records.Change]:
    """The starting catalogue's items the village does not have yet (by name)."""
    have = {item.name for item in catalogue(village)}
    new = [
        models.ServiceItem(
            village=village, name=name, area=area, mode=mode, materials=materials, limit_days=days, office=office
        )
        for name, area, mode, materials, days, office in sv.COMMON_ITEMS
        if name not in have
    ]
    return records.create_many(new)


def ensure_catalogue(village: models.Village) -> list[records.Change]:
    if models.ServiceItem.select().where(models.ServiceItem.village == village).exists():
        return []
    return add_common_items(village)


def _move(request: models.ServiceRequest, on: dt.date, allowed: tuple[str, ...], verb: str, **values):
    request = models.ServiceRequest.get_by_id(request.id)  # as stored: a refused attempt leaves nothing behind
    if request.status not in allowed:
        raise InputError(f"这件事项现在是“{request.status}”，不能{verb}", "on")
    earliest = request.started_on or request.received_on
    if on < earliest:
        raise InputError(f"不能早于 {earliest:%Y-%m-%d}", "on")
    if on > dt.date.today():
        raise InputError("不能晚于今天", "on")
    before = records.snapshot(request)
    for key, value in values.items():
        setattr(request, key, value)
    return records.save(request, expected=before)


def start(request, on: dt.date) -> records.Change:
    return _move(request, on, (sv.RECEIVED,), "开始办理", status=sv.IN_HAND, started_on=on)


def finish(request, on: dt.date, result: str, satisfaction: str) -> records.Change:
    return _move(
        request, on, sv.OPEN_STATUSES, "办结", status=sv.DONE, finished_on=on, result=result, satisfaction=satisfaction
    )


def send_back(request, on: dt.date, reason: str) -> records.Change:
    if not reason:
        raise InputError("请写明退回的原因（如缺少哪些材料）", "reason")
    return _move(request, on, sv.OPEN_STATUSES, "退回", status=sv.RETURNED, finished_on=on, reason=reason)


def stop(request, on: dt.date, reason: str) -> records.Change:
    if not reason:
        raise InputError("请写明中止的原因", "reason")
    return _move(request, on, sv.OPEN_STATUSES, "中止", status=sv.STOPPED, finished_on=on, reason=reason)


def receive_again(request, on: dt.date) -> records.Change:
    """A request sent back comes in again with what was missing: received anew, never a 一次办结."""
    return _move(
        request,
        on,
        (sv.RETURNED,),
        "重新受理",
        status=sv.RECEIVED,
        received_on=on,
        started_on=None,
        finished_on=None,
        returned_before=True,
    )


def requests_between(village: models.Village, start_on: dt.date, end_on: dt.date):
    model = models.ServiceRequest
    return (
        model.select(model, models.ServiceItem)
        .join(models.ServiceItem)
        .where((model.village == village) & (model.received_on >= start_on) & (model.received_on <= end_on))
        .order_by(model.received_on.desc())
    )


def working_days(request: models.ServiceRequest, free: set[dt.date]) -> int | None:
    if request.finished_on is None:
        return None
    return sv.working_days_between(request.received_on, request.finished_on, free)


def overdue(request: models.ServiceRequest, today: dt.date, free: set[dt.date]) -> bool:
    return sv.is_overdue(request.status, request.received_on, request.item.limit_days, today, free)


def figures(village: models.Village, start_on: dt.date, end_on: dt.date) -> sv.Figures:
    free = holidays()
    handled = [
        sv.Handled(r.status, working_days(r, free), not r.returned_before)
        for r in requests_between(village, start_on, end_on)
    ]
    return sv.figures(handled)
