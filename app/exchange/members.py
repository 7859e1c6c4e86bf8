"""党员花名册 in and out of Excel.

Reading: .xlsx and the old .xls townships still send (python-calamine reads both). Columns are found by
their header, in the spellings real exports use; every row is checked by the roster's own rules, and a
rejected row is reported by its row number in Chinese. Nothing is imported while any row is rejected,
unless the clerk chooses to leave those rows out. Writing: the program's own template (openpyxl),
which imports back unchanged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from app.domain import members as m
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
)
from app.exchange.workbook import text as _text

# field key -> (template header, other headers real exports use)
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "党员姓名"),
    "gender": ("性别",),
    "ethnicity": ("民族",),
    "birth_date": ("出生日期", "出生年月", "出生年月日"),
    "id_number": ("身份证号", "身份证号码", "公民身份号码", "身份证"),
    "education": ("学历", "文化程度"),
    "stage": ("类别", "党籍状态", "人员类别", "党员类别"),
    "applied_on": ("申请入党时间", "申请入党日期", "递交入党申请书时间"),
    "activist_on": ("确定积极分子时间", "确定为积极分子时间", "列为积极分子时间"),
    "candidate_on": ("确定发展对象时间", "确定为发展对象时间", "列为发展对象时间"),
    "joined_on": ("入党时间", "入党日期"),
    "converted_on": ("转正时间", "转正日期"),
    "party_group": ("党小组", "所在党小组"),
    "phone": ("联系电话", "手机号码", "手机号", "电话"),
    "address": ("住址", "家庭住址", "现居住地", "户籍地址"),
    "occupation": ("职业", "工作岗位"),
    "status": ("状态", "党员状态"),
    "status_since": ("状态起始时间",),
    "status_note": ("状态说明", "流动去向"),
    "hardship": ("困难党员",),
    "veteran": ("老党员",),
    "note": ("备注",),
    "branch": ("所属党支部", "所在党支部", "党支部"),  # checked against the village, not stored
}
TEMPLATE_KEYS = [key for key in COLUMNS if key != "branch"]
DATE_KEYS = {"birth_date", "applied_on", "activist_on", "candidate_on", "joined_on", "converted_on", "status_since"}
STAGE_CODES = {
    "正": m.FULL,
    "正式": m.FULL,
    "预": m.PROBATIONARY,
    "预备": m.PROBATIONARY,
    "积极分子": m.ACTIVIST,
    "申请人": m.APPLICANT,
}
GENDER_CODES = {"1": "男", "2": "女"}  # GB/T 2261.1
YES = {"是", "√", "✓", "1", "Y", "YES", "TRUE"}


_header_key = header_finder(COLUMNS)


MONTH_ONLY = re.compile(r"([0-9]{4})\s*[-./年]\s*([0-9]{1,2})\s*月?")


def _month_only(value) -> bool:
    """出生年月 as townships keep it ('1965.03', '196503'): a month, not a day."""
    text = _text(value)
    return not isinstance(value, dt.date) and bool(re.fullmatch(r"[0-9]{6}", text) or MONTH_ONLY.fullmatch(text))


def _date(value, label: str) -> dt.date | None:
    """A date cell: a real date, '1980-01-01', '1980年1月1日', or a month alone ('1980.01', '198001')."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    if not text:
        return None
    if re.fullmatch(r"[0-9]{6}", text):
        text = f"{text[:4]}.{text[4:]}"
    if re.fullmatch(r"[0-9]{8}", text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    month = MONTH_ONLY.fullmatch(text)
    if month:  # 出生年月 as townships keep it: the first of the month
        text = f"{month.group(1)}-{month.group(2)}-1"
    return v.date_value(text, label, required=False, not_after_today=True)


def _stage(text: str, values: dict) -> str:
    if text in m.STAGES:
        return text
    for code, stage in STAGE_CODES.items():
        if text == code or text.startswith(code):
            return stage
    if text:
        raise InputError(f"类别“{text}”不认识，应为 {'、'.join(m.STAGES)} 之一")
    for stage, key, _label in reversed(m.STAGE_DATES):  # no column: the furthest stage with a date
        if values.get(key):
            return stage
    raise InputError("没有类别，也没有入党时间等日期，无法判断是党员还是入党积极分子")


def _row_values(cells: dict[str, object], village_name: str) -> dict:
    """One row's field values by the roster's rules; raises InputError with the first problem."""
    labels = {key: names[0] for key, names in COLUMNS.items()}
    values: dict = {}
    for key in DATE_KEYS:
        values[key] = _date(cells.get(key), labels[key])
    values["name"] = v.required_text(_text(cells.get("name")), "姓名", 30)
    values["id_number"] = v.id_number(_text(cells.get("id_number")))
    gender = _text(cells.get("gender"))
    values["gender"] = GENDER_CODES.get(gender, gender)
    if values["gender"] not in ("", *m.GENDERS):
        raise InputError(f"性别“{gender}”不认识，应为 男 或 女")
    if values["id_number"]:
        born, by_id = v.birth_date_from_id(values["id_number"]), v.gender_from_id(values["id_number"])
        given, month_only = values["birth_date"], _month_only(cells.get("birth_date"))
        if given and (given.replace(day=1) != born.replace(day=1) if month_only else given != born):
            raise InputError(f"出生日期 {given:%Y-%m-%d} 与身份证号中的 {born:%Y-%m-%d} 不符")
        if values["gender"] and values["gender"] != by_id:
            raise InputError(f"性别“{values['gender']}”与身份证号（{by_id}）不符")
        values["birth_date"], values["gender"] = born, by_id
    values["stage"] = _stage(_text(cells.get("stage")), values)
    status = _text(cells.get("status")) or m.NORMAL
    if status not in m.STATUSES:
        raise InputError(f"状态“{status}”不认识，应为 {'、'.join(m.STATUSES)} 之一")
    values["status"] = status
    for key, limit in (
        ("ethnicity", 10),
        ("education", 10),
        ("party_group", 20),
        ("address", v.NAME_LENGTH),
        ("occupation", 30),
        ("status_note", v.NAME_LENGTH),
        ("note", v.NOTE_LENGTH),
    ):
        values[key] = v.optional_text(_text(cells.get(key)), labels[key], limit)
    values["ethnicity"] = values["ethnicity"] or "汉族"
    values["phone"] = v.optional_phone(_text(cells.get("phone")))
    for key in ("hardship", "veteran"):
        values[key] = _text(cells.get(key)).upper() in YES
    branch = _text(cells.get("branch"))
    if branch and village_name not in branch:
        raise InputError(f"所属党支部是“{branch}”，不是{village_name}")
    m.check_dates(m.MemberDates(**{key: values.get(key) for key in m.MemberDates.__dataclass_fields__}))
    return values


def read_members(
    path: Path,
    village_name: str,
    existing_ids: set[str],
    progress: Callable[[int, int], None] | None = None,
) -> ReadResult:
    rows = read_sheet(path)
    header_index = find_header(rows, _header_key, "至少要有“姓名”和“身份证号”或“入党时间”等列")
    result = ReadResult()
    columns = map_columns(rows[header_index], _header_key, result)
    if "name" not in columns.values():
        raise ExchangeError("表头里没有“姓名”列")
    body = rows[header_index + 1 :]
    if len(body) > MAX_ROWS:
        raise ExchangeError(f"一次最多导入 {MAX_ROWS} 行，这个文件有 {len(body)} 行")
    seen: dict[str, int] = {}
    for offset, row in enumerate(body):
        excel_row = header_index + 2 + offset
        cells = {key: row[position] for position, key in columns.items() if position < len(row)}
        if not any(_text(value) for value in cells.values()):
            continue  # a blank line
        name = _text(cells.get("name"))
        try:
            values = _row_values(cells, village_name)
            number = values["id_number"]
            if number and number in existing_ids:
                raise InputError("花名册里已有这个身份证号的人")
            if number and number in seen:
                raise InputError(f"身份证号与第 {seen[number]} 行重复")
        except InputError as error:
            result.problems.append(RowProblem(excel_row, name, str(error.args[0])))
            continue
        if number:
            seen[number] = excel_row
        result.items.append(values)
        result.rows.append(excel_row)
        if progress and offset % 500 == 0:
            progress(offset, len(body))
    return result


def write_members(path: Path, people: list, title: str = "") -> None:
    """The roster in the program's own template (an empty list gives the empty template)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("党员花名册")
    headers = [COLUMNS[key][0] for key in TEMPLATE_KEYS]
    sheet.append([title or "党员花名册"])
    sheet.append(headers)
    for person in people:
        row = []
        for key in TEMPLATE_KEYS:
            value = getattr(person, key)
            if key in ("hardship", "veteran"):
                value = "是" if value else ""
            elif isinstance(value, dt.date):
                value = value.isoformat()  # text: Excel shows it as typed, and it reads back the same
            row.append(value if value is not None else "")
        sheet.append(row)
    workbook.save(path)


def save_members(village, people: list[dict]) -> list:
    """Adds the checked rows to the village's roster in one transaction; the changes, for one undo step."""
    from app.store import models, records

    new = [models.PartyMember(village=village, **values) for values in people]
    return records.create_many(new)


def existing_id_numbers(village) -> set[str]:
    from app.store import models

    query = models.PartyMember.select(models.PartyMember.id_number).where(
        (models.PartyMember.village == village) & (models.PartyMember.id_number != "")
    )
    return {number for (number,) in query.tuples()}


def log_export(village, count: int) -> None:
    """An export carries whole ID numbers out of the program: it is logged like a viewing."""
    from app.store import models, records
    from app.store.transactions import write_transaction

    with write_transaction():
        models.AuditEntry.create(
            actor=records.current_actor(),
            table="party_member",
            record_id="*",
            village_id=str(village.id),
            action=f"导出花名册（{count} 名，含身份证号）",
        )
