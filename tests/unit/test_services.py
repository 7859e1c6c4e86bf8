"""便民服务: working days with weekends and holidays skipped, the time limit and overdue at its boundary, a
request's course, the figures, and the catalogue import (no fees)."""

import datetime as dt

import pytest

from app.domain import services as sv
from app.domain.values import InputError
from app.exchange.catalogue import read_catalogue
from app.store import models, records
from app.store import services as store

FRIDAY = dt.date(2026, 9, 25)
NATIONAL_DAY = {dt.date(2026, 10, day) for day in range(1, 8)}


def test_working_days_skip_weekends_and_holidays():
    assert sv.working_days_between(FRIDAY, FRIDAY, set()) == 0
    assert sv.working_days_between(FRIDAY, dt.date(2026, 9, 28), set()) == 1  # Sat, Sun skipped; Mon counts
    assert sv.working_days_between(FRIDAY, dt.date(2026, 10, 9), NATIONAL_DAY) == 5  # 28–30 Sep, 8–9 Oct
    assert sv.due_date(FRIDAY, 3, set()) == dt.date(2026, 9, 30)
    assert sv.due_date(FRIDAY, 4, NATIONAL_DAY) == dt.date(2026, 10, 8)


def test_overdue_only_after_the_last_day_and_only_while_open():
    last = sv.due_date(FRIDAY, 3, set())
    assert not sv.is_overdue(sv.IN_HAND, FRIDAY, 3, last, set())
    assert sv.is_overdue(sv.IN_HAND, FRIDAY, 3, last + dt.timedelta(days=1), set())
    assert not sv.is_overdue(sv.DONE, FRIDAY, 3, last + dt.timedelta(days=9), set())


def test_figures_count_done_days_and_first_time():
    handled = [
        sv.Handled(sv.DONE, 2, True),
        sv.Handled(sv.DONE, 4, False),
        sv.Handled(sv.IN_HAND, None, True),
        sv.Handled(sv.RETURNED, 1, True),
    ]
    assert sv.figures(handled).text == "受理 4 件，办结 2 件（50%），平均 3.0 个工作日，一次办结 50%"
    assert sv.figures([]).text == "没有受理事项"


@pytest.fixture
def request_row(village):
    store.ensure_catalogue(village)
    item = models.ServiceItem.get(models.ServiceItem.name == "医疗费用报销")
    row = models.ServiceRequest(
        village=village, item=item, applicant="吴光明", received_on=dt.date.today() - dt.timedelta(days=10)
    )
    records.save(row)
    return row


def test_a_request_goes_its_course_and_refuses_the_wrong_step(request_row):
    today = dt.date.today()
    with pytest.raises(InputError, match="不能早于"):
        store.start(request_row, request_row.received_on - dt.timedelta(days=1))
    store.start(request_row, request_row.received_on)
    with pytest.raises(InputError, match="请写明退回的原因"):
        store.send_back(request_row, today, "")
    store.send_back(request_row, today, "缺住院发票")
    with pytest.raises(InputError, match="现在是“退回”，不能办结"):
        store.finish(request_row, today, "已报销", "满意")
    store.receive_again(request_row, today)
    store.finish(request_row, today, "已报销", "满意")
    done = models.ServiceRequest.get_by_id(request_row.id)
    assert (done.status, done.returned_before, done.received_on) == (sv.DONE, True, today)
    figures = store.figures(done.village, today, today)
    assert figures.done == 1 and figures.first_time == 0


def test_the_catalogue_import_refuses_fees_and_unknown_areas(village, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["事项名称", "服务领域", "办理方式", "所需材料", "办理时限", "收费"])
    sheet.append(["危房改造申请", "生产", "协办", "身份证", "10个工作日", "否"])
    sheet.append(["代缴电费", "生活服务", "代办", "", 2, "5元"])
    sheet.append(["算命", "玄学服务", "代办", "", 1, ""])
    sheet.append(["户口迁移", "生活服务", "跑腿", "", 1, ""])
    path = tmp_path / "目录.xlsx"
    book.save(path)
    result = read_catalogue(path, set())
    assert [(i["name"], i["area"], i["limit_days"]) for i in result.items] == [("危房改造申请", "生产服务", 10)]
    reasons = {p.row: p.reason for p in result.problems}
    assert reasons[3] == "便民代办不得收费，这一行写了收费"
    assert reasons[4].startswith("服务领域“玄学服务”不认识")
    assert reasons[5].startswith("办理方式“跑腿”不认识")
