"""党员花名册 to and from Excel: header variants, codes, row checks, all-or-nothing, a lossless round trip."""

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.domain.values import id_check_char
from app.exchange import members as exchange
from app.store import models, records

TOWNSHIP_XLS = Path(__file__).resolve().parents[1] / "fixtures" / "township-members.xls"


def an_id(born: str, sequence: str = "123") -> str:
    first_17 = f"522625{born}{sequence}"
    return first_17 + id_check_char(first_17)


def workbook(path: Path, header: list[str], rows: list[list]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["芦笙村党员名册"])  # a title above the header, as townships send them
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_the_townships_old_xls_is_read_with_its_own_headers_and_codes():
    result = exchange.read_members(TOWNSHIP_XLS, "涌溪村", set())
    assert result.problems == []
    assert result.unused_columns == ["序号"]
    first = result.items[0]
    assert (first["name"], first["gender"], first["stage"]) == ("杨秀英", "女", "正式党员")
    assert first["birth_date"] == dt.date(1965, 3, 12)  # from the ID number; the sheet gave only the month
    assert first["joined_on"] == dt.date(1990, 7, 1) and first["address"] == "涌溪村3组"
    assert [m["stage"] for m in result.items] == ["正式党员", "正式党员", "预备党员", "正式党员"]


BAD_ROWS = [
    (["王一", an_id("19800101")[:-1] + "0", "2005-07-01", "2006-07-01"], "校验位不对"),
    (["王二", an_id("19800102"), "2005-07-01", "2005-08-01"], "转正时间不能早于"),
    (["王三", an_id("20100103"), "2005-07-01", "2006-07-01"], "应晚于出生日期"),
    (["王四", an_id("19800104"), "2005-02-30", "2006-07-01"], "2005 年 2 月没有 30 日"),
    (["王五", an_id("19900105"), "2005-07-01", "2006-07-01"], "年满十八岁"),
]


def test_every_bad_row_is_reported_by_its_row_number_and_nothing_is_imported(tmp_path, village):
    good = ["李好", an_id("19800106"), "2005-07-01", "2006-07-01"]
    duplicate = ["李重", an_id("19800106"), "2005-07-01", "2006-07-01"]
    rows = [good] + [row for row, _ in BAD_ROWS] + [duplicate]
    path = workbook(tmp_path / "名册.xlsx", ["姓名", "身份证号码", "入党时间", "转正日期"], rows)
    result = exchange.read_members(path, "芦笙村", set())
    reported = {problem.row: problem.reason for problem in result.problems}
    for row_number, (_, says) in enumerate(BAD_ROWS, start=4):
        assert says in reported[row_number], (row_number, reported)
    assert "与第 3 行重复" in reported[3 + len(rows) - 1]
    assert [m["name"] for m in result.items] == ["李好"]
    assert models.PartyMember.select().count() == 0  # reading never writes


def test_an_id_already_on_the_roster_is_refused(tmp_path, village):
    number = an_id("19800107")
    records.save(
        models.PartyMember(
            village=village, name="已在册", id_number=number, stage="入党申请人", applied_on=dt.date(2024, 1, 1)
        )
    )
    path = workbook(
        tmp_path / "a.xlsx",
        ["姓名", "身份证号", "类别", "申请入党时间"],
        [["又一个", number, "入党申请人", "2024-02-01"]],
    )
    result = exchange.read_members(path, "芦笙村", exchange.existing_id_numbers(village))
    assert "已有这个身份证号" in result.problems[0].reason


def test_export_then_import_gives_the_same_roster(tmp_path, demo):
    village = demo[0]
    fields = exchange.TEMPLATE_KEYS
    people = list(models.PartyMember.select().where(models.PartyMember.village == village))
    before = sorted(tuple(getattr(p, key) for key in fields) for p in people)
    path = tmp_path / "花名册.xlsx"
    exchange.write_members(path, people, "花名册")
    models.Trainee.delete().where(models.Trainee.village == village).execute()  # they point at the roster
    models.PartyMember.delete().where(models.PartyMember.village == village).execute()
    result = exchange.read_members(path, village.name, set())
    assert result.problems == [] and result.unused_columns == []
    audited_before = models.AuditEntry.select().where(models.AuditEntry.table == "party_member").count()
    changes = exchange.save_members(village, result.items)
    audited = models.AuditEntry.select().where(models.AuditEntry.table == "party_member").count() - audited_before
    assert audited == len(changes) == len(people)  # one audit row per imported person
    after = sorted(
        tuple(getattr(p, key) for key in fields)
        for p in models.PartyMember.select().where(models.PartyMember.village == village)
    )
    assert after == before


def test_the_empty_template_has_every_column_and_reads_as_empty(tmp_path):
    path = tmp_path / "模板.xlsx"
    exchange.write_members(path, [])
    assert exchange.read_members(path, "芦笙村", set()).items == []


def test_a_file_that_is_not_a_spreadsheet_says_so(tmp_path):
    path = tmp_path / "名册.xlsx"
    path.write_text("不是表格")
    with pytest.raises(exchange.ExchangeError, match="读不出这个文件"):
        exchange.read_members(path, "芦笙村", set())


def test_a_birth_date_that_disagrees_with_the_id_number_is_refused_a_birth_month_that_agrees_is_not(tmp_path):
    number = an_id("19650312")
    rows = [
        ["王一", number, "1965.03"],
        ["王二", an_id("19650312", "124"), "1965-03-01"],
        ["王三", an_id("19650312", "125"), "196504"],
    ]
    path = workbook(
        tmp_path / "a.xlsx",
        ["姓名", "身份证号", "出生年月", "类别", "申请入党时间"],
        [[*row, "入党申请人", "2024-01-01"] for row in rows],
    )
    reported = {p.name: p.reason for p in exchange.read_members(path, "芦笙村", set()).problems}
    assert "王一" not in reported
    assert "1965-03-01 与身份证号中的 1965-03-12 不符" in reported["王二"]
    assert "不符" in reported["王三"]


def test_an_export_with_id_numbers_is_logged(tmp_path, demo):
    village = demo[0]
    people = list(models.PartyMember.select().where(models.PartyMember.village == village))
    exchange.write_members(tmp_path / "名册.xlsx", people)
    exchange.log_export(village, len(people))
    entry = models.AuditEntry.get(models.AuditEntry.action.startswith("导出花名册"))
    assert entry.village_id == str(village.id) and f"{len(people)} 名" in entry.action
