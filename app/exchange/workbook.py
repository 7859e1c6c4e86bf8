"""What every Excel import shares: reading the first worksheet (.xlsx, .xls, .ods), finding the header row,
cell text, and the checked result — the rows that can come in and each refused row with its reason."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

MAX_ROWS = 50_000


class ExchangeError(Exception):
    """The file cannot be read as the expected table at all (the message is in Chinese)."""


@dataclass
class RowProblem:
    row: int  # as Excel numbers it
    name: str
    reason: str

    def __str__(self) -> str:
        return f"第 {self.row} 行{f'（{self.name}）' if self.name else ''}：{self.reason}"


@dataclass
class ReadResult:
    items: list[dict] = field(default_factory=list)  # field values, ready to save
    rows: list[int] = field(default_factory=list)  # the Excel row of each
    problems: list[RowProblem] = field(default_factory=list)
    unused_columns: list[str] = field(default_factory=list)
    mapped: dict[str, str] = field(default_factory=dict)  # header as in the file -> field key

    def report(self) -> str:
        lines = [f"可以导入 {len(self.items)} 行；有问题的 {len(self.problems)} 行。"]
        lines += [str(problem) for problem in self.problems[:200]]
        if len(self.problems) > 200:
            lines.append(f"……另有 {len(self.problems) - 200} 行有问题")
        if self.unused_columns:
            lines.append(f"没有用到的列：{'、'.join(self.unused_columns)}")
        return "\n".join(lines)


def text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFKC", str(value)).strip()


def read_sheet(path: Path) -> list[list]:
    """The first worksheet's cells, row by row (.xlsx, .xls or .ods)."""
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        return workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except FileNotFoundError:
        raise ExchangeError(f"找不到文件：{path}") from None
    except Exception as error:  # noqa: BLE001 - calamine raises its own types for every unreadable file
        raise ExchangeError(f"读不出这个文件（应为 Excel 的 .xlsx 或 .xls）：{path.name}\n{error}") from None


def header_finder(columns: dict[str, tuple[str, ...]]) -> Callable[[object], str | None]:
    """A function from a header cell to its field key, by any of the spellings in `columns`."""

    def key_of(cell) -> str | None:
        cleaned = re.sub(r"[\s*（）()：:]", "", unicodedata.normalize("NFKC", str(cell or "")))
        return next((key for key, names in columns.items() if cleaned in names), None)

    return key_of


def find_header(rows: list[list], key_of: Callable[[object], str | None], what: str) -> int:
    """The header is the first of the top rows naming at least two known columns (titles may sit above)."""
    for index, row in enumerate(rows[:15]):
        if len({key_of(cell) for cell in row} - {None}) >= 2:
            return index
    raise ExchangeError(f"表格前 15 行里找不到表头（{what}）")


def map_columns(header: list, key_of: Callable[[object], str | None], result: ReadResult) -> dict[int, str]:
    columns: dict[int, str] = {}
    for position, cell in enumerate(header):
        key = key_of(cell)
        if key and key not in columns.values():
            columns[position] = key
            result.mapped[text(cell)] = key
        elif text(cell):
            result.unused_columns.append(text(cell))
    return columns


def read_table(
    path: Path,
    key_of: Callable[[object], str | None],
    header_hint: str,
    required: dict[str, str],
    row_values: Callable[[dict, int], dict],
    name_key: str,
    skip: Callable[[dict], bool] = lambda cells: False,
) -> ReadResult:
    """Reads and checks a table: finds its header, refuses it when a `required` column (key → message) is
    missing, and passes each non-blank row's cells and Excel row number to `row_values`, which returns the
    values or raises InputError; refused rows are reported by number, named by their `name_key` cell."""
    from app.domain.values import InputError

    rows = read_sheet(path)
    header_index = find_header(rows, key_of, header_hint)
    result = ReadResult()
    columns = map_columns(rows[header_index], key_of, result)
    for key, message in required.items():
        if key not in columns.values():
            raise ExchangeError(message)
    body = rows[header_index + 1 :]
    if len(body) > MAX_ROWS:
        raise ExchangeError(f"一次最多导入 {MAX_ROWS} 行，这个文件有 {len(body)} 行")
    for offset, row in enumerate(body):
        excel_row = header_index + 2 + offset
        cells = {key: row[position] for position, key in columns.items() if position < len(row)}
        if not any(text(value) for value in cells.values()) or skip(cells):
            continue
        try:
            values = row_values(cells, excel_row)
        except InputError as error:
            result.problems.append(RowProblem(excel_row, text(cells.get(name_key))[:20], str(error.args[0])))
            continue
        result.items.append(values)
        result.rows.append(excel_row)
    return result
