"""A township's 便民服务 catalogue from Excel: 事项名称, 服务领域 (one of the ten areas, short names accepted),
办理方式 (直办/代办/协办/公开告知), 所需材料, 办理时限 (working days), 办理部门 — every row checked, all or nothing
unless the clerk chooses, and no item may carry a fee (代办 is free)."""

from __future__ import annotations

import re
from pathlib import Path

from app.domain import services as sv
from app.domain import values as v
from app.domain.values import InputError
from app.exchange.workbook import ReadResult, header_finder, read_table, text

COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("事项名称", "事项", "主项名称", "服务事项"),
    "area": ("服务领域", "领域", "类别"),
    "mode": ("办理方式", "服务方式", "方式"),
    "materials": ("所需材料", "申请材料", "材料"),
    "limit_days": ("办理时限", "承诺时限", "时限", "办理时限工作日"),
    "office": ("办理部门", "承办单位", "受理部门", "去向"),
    "fee": ("收费", "收费标准", "是否收费"),
}
_key_of = header_finder(COLUMNS)
FREE = {"", "0", "0.0", "0.00", "否", "无", "不收费", "免费"}


def _area(typed: str) -> str:
    if typed in sv.AREAS:
        return typed
    matches = [area for area in sv.AREAS if typed and (area.startswith(typed) or typed in area)]
    if len(matches) == 1:
        return matches[0]
    raise InputError(f"服务领域“{typed}”不认识，应为：{'、'.join(sv.AREAS)}")


def _row_values(cells: dict) -> dict:
    values = {"name": v.required_text(text(cells.get("name")), "事项名称", 60)}
    values["area"] = _area(text(cells.get("area")))
    mode = text(cells.get("mode")) or "代办"
    if mode not in sv.MODES:
        raise InputError(f"办理方式“{mode}”不认识，应为 {'、'.join(sv.MODES)} 之一")
    values["mode"] = mode
    values["materials"] = v.optional_text(text(cells.get("materials")), "所需材料", v.NOTE_LENGTH)
    limit = re.sub(r"[^0-9]", "", text(cells.get("limit_days")))
    values["limit_days"] = v.whole_number(limit, "办理时限", minimum=1, maximum=60) if limit else sv.DEFAULT_LIMIT_DAYS
    values["office"] = v.optional_text(text(cells.get("office")), "办理部门", 60)
    if text(cells.get("fee")) not in FREE:
        raise InputError("便民代办不得收费，这一行写了收费")
    return values


def read_catalogue(path: Path, existing_names: set[str]) -> ReadResult:
    seen = set(existing_names)

    def checked(cells: dict, _row: int) -> dict:
        values = _row_values(cells)
        if values["name"] in seen:
            raise InputError("目录里已有这个事项")
        seen.add(values["name"])
        return values

    hint = "至少要有“事项名称”和“服务领域”或“办理方式”等列"
    return read_table(path, _key_of, hint, {"name": "表头里没有“事项名称”列"}, checked, "name")


def save_catalogue(village, items: list[dict]) -> list:
    from app.store import models, records

    return records.create_many([models.ServiceItem(village=village, **values) for values in items])
