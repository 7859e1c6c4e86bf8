"""A township's 便民服务 catalogue from Excel: 事项名称, 服务领域 (one of the ten areas, short names accepted),
办理方式 (直办/代办/协办/公开告知), 所需材料, 办理时限 (working days), 办理部门 — every row checked, all or nothing
unless the clerk chooses, and no item may carry a fee (代办 is free)."""

from __future__ import annotations

import re
from pathlib import Path

from app.domain import services as sv
from app.domain import values as v
from app.domain.values import InputError
from app.exchange.workbook import (
    MAX_ROWS,
    ExchangeError,
    ReadResult,
    RowProblem,
    find_header,
    header_finder,
    map_columns,
    read_sheet,
    text,
)

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
    rows = read_sheet(path)
    header_index = find_header(rows, _key_of, "至少要有“事项名称”和“服务领域”或“办理方式”等列")
    result = ReadResult()
    columns = map_columns(rows[header_index], _key_of, result)
    if "name" not in columns.values():
        raise ExchangeError("表头里没有“事项名称”列")
    body = rows[header_index + 1 :]
    if len(body) > MAX_ROWS:
        raise ExchangeError(f"一次最多导入 {MAX_ROWS} 行，这个文件有 {len(body)} 行")
    seen: set[str] = set()
    for offset, row in enumerate(body):
        excel_row = header_index + 2 + offset
        cells = {key: row[position] for position, key in columns.items() if position < len(row)}
        if not any(text(value) for value in cells.values()):
            continue
        try:
            values = _row_values(cells)
            if values["name"] in existing_names or values["name"] in seen:
                raise InputError("目录里已有这个事项")
        except InputError as error:
            result.problems.append(RowProblem(excel_row, text(cells.get("name")), str(error.args[0])))
            continue
        seen.add(values["name"])
        result.items.append(values)
        result.rows.append(excel_row)
    return result


def save_catalogue(village, items: list[dict]) -> list:
    from app.store import models, records

    return records.create_many([models.ServiceItem(village=village, **values) for values in items])
