"""The household register in and out of Excel, with the member import's checking: columns found by their
header in the spellings real registers use, every row checked (户主, 人口, ID number and its check
character, no number twice, phone, the marks the program knows), refused rows reported by their Excel row
number, nothing imported while any row is refused unless the clerk chooses to leave those rows out."""

from __future__ import annotations

from pathlib import Path

from app.domain import households as h
from app.domain import values as v
from app.domain.values import InputError
from app.exchange.workbook import ReadResult, header_finder, read_table, text

COLUMNS: dict[str, tuple[str, ...]] = {
    "head_name": ("户主", "户主姓名", "姓名"),
    "members": ("人口", "家庭人口", "人口数", "家庭人数"),
    "group_name": ("村民小组", "组别", "所在组", "小组"),
    "address": ("住址", "家庭住址", "地址"),
    "phone": ("联系电话", "手机号码", "电话", "手机号"),
    "id_number": ("身份证号", "户主身份证号", "身份证号码", "公民身份号码"),
    "marks": ("标记", "类别", "户类别", "人员类别"),
    "note": ("备注",),
}
TEMPLATE_KEYS = list(COLUMNS)
_key_of = header_finder(COLUMNS)


def _row_values(cells: dict) -> dict:
    values = {"head_name": v.required_text(text(cells.get("head_name")), "户主", 30)}
    members = text(cells.get("members"))
    values["members"] = v.whole_number(members, "人口", minimum=1, maximum=h.MAX_MEMBERS) if members else 1
    values["group_name"] = v.optional_text(text(cells.get("group_name")), "村民小组", 20)
    values["address"] = v.optional_text(text(cells.get("address")), "住址")
    values["phone"] = v.optional_phone(text(cells.get("phone")))
    values["id_number"] = v.id_number(text(cells.get("id_number")))
    try:
        values["marks"] = h.check_marks(text(cells.get("marks")))
    except ValueError as error:
        raise InputError(str(error)) from None
    values["note"] = v.optional_text(text(cells.get("note")), "备注", v.NOTE_LENGTH)
    return values


def read_households(path: Path, existing_ids: set[str]) -> ReadResult:
    seen: dict[str, int] = {}

    def checked(cells: dict, row: int) -> dict:
        values = _row_values(cells)
        number = values["id_number"]
        if number and number in existing_ids:
            raise InputError("农户名册里已有这个身份证号")
        if number and number in seen:
            raise InputError(f"身份证号与第 {seen[number]} 行重复")
        if number:
            seen[number] = row
        return values

    hint = "至少要有“户主”和“人口”或“村民小组”等列"
    return read_table(path, _key_of, hint, {"head_name": "表头里没有“户主”列"}, checked, "head_name")


def existing_id_numbers(village) -> set[str]:
    from app.store import models

    query = models.Household.select(models.Household.id_number).where(
        (models.Household.village == village) & (models.Household.id_number != "")
    )
    return {row.id_number for row in query}


def save_households(village, households: list[dict]) -> list:
    """Adds the checked rows to the register in one transaction; the changes, for one undo step."""
    from app.store import models, records

    new = [models.Household(village=village, **values) for values in households]
    for household in new:
        household.prepare()
    return records.create_many(new)


def write_households(path: Path, households: list, title: str = "") -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("农户名册")
    sheet.append([title or "农户名册"])
    sheet.append([COLUMNS[key][0] for key in TEMPLATE_KEYS])
    for household in households:
        sheet.append([getattr(household, key) for key in TEMPLATE_KEYS])
    workbook.save(path)
