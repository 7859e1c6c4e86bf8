"""The 公开栏: what a quarter's board carries, the whole board in one PDF, and the publication record whose
archive reprints the exact bytes that were posted."""

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from app import paths
from app.domain import board as b
from app.domain.values import InputError
from app.store import backups, guards, models, records, settings
from app.domain import periods
from app.publishing import board as publishing
from app.store import board as store
from app.store.connection import close_database, open_database
from app.store.errors import ChangeRefusedError
from tests.e2e.test_commands import run
from tests.unit.test_notices import needs_poppler, pdf_text

TODAY = dt.date.today()
PERIOD = periods.quarter_of(TODAY)


@pytest.mark.parametrize(
    ("rhythm", "quarter", "keys"),
    [
        (b.QUARTERLY, 1, ["2025Q4"]),
        (b.QUARTERLY, 3, ["2026Q2"]),
        (b.MONTHLY, 2, ["2026-01", "2026-02", "2026-03"]),
        (b.HALF_YEARLY, 1, ["2025H2"]),
        (b.HALF_YEARLY, 2, []),
        (b.HALF_YEARLY, 3, ["2026H1"]),
        (b.YEARLY, 1, ["2025"]),
        (b.YEARLY, 4, []),
    ],
)
def test_a_quarters_board_carries_the_periods_before_it(rhythm, quarter, keys):
    assert b.covered_keys(rhythm, 2026, quarter) == keys


def test_periods_are_read_strictly():
    assert periods.parse_quarter("2026q4") == (2026, 4)
    for wrong in ("2026Q5", "2026-4", "26Q1", ""):
        with pytest.raises(InputError):
            periods.parse_quarter(wrong)


@pytest.fixture
def demo(demo):
    """The demo township with 涌溪村's board history cleared: a village that starts its board record today."""
    for model in (models.PublicationObjection, models.Publication, models.ArchivedPdf):
        model.delete().execute()
    return demo


def due_by_kind(village, period=PERIOD, today=TODAY):
    return {(d.kind, d.record_id): d for d in publishing.due(village, period, today)}


def test_the_due_list_follows_the_rhythms_and_the_disclosure_day(demo):
    village = demo[0]
    year, quarter = periods.parse_quarter(PERIOD)
    due = publishing.due(village, PERIOD, TODAY)
    panels = [d.panel for d in due]
    assert panels == sorted(panels, key=b.PANELS.index)  # panel by panel, as the board hangs
    kinds = {d.kind for d in due}
    assert {"cadre_duties", "service_catalogue", "finance_disclosure"} <= kinds
    before_year, before_quarter = b.previous_quarter(year, quarter)
    finance = [d for d in due if d.kind == "finance_disclosure"]
    assert [d.record_id.partition(":")[2] for d in finance] == [f"{before_year}Q{before_quarter}"]
    assert ("party_affairs" in kinds) == (quarter in (1, 3))

    early = b.disclosure_date(year, quarter) - dt.timedelta(days=1)
    late = b.disclosure_date(year, quarter) + dt.timedelta(days=1)
    regular = [d for d in publishing.due(village, PERIOD, early) if d.rhythm != b.AS_CALLED]
    assert {d.state for d in regular} == {publishing.WAITING}
    states = {d.kind: d.state for d in publishing.due(village, PERIOD, late)}
    assert states["finance_disclosure"] == publishing.OVERDUE and states["cadre_duties"] == publishing.WAITING

    settings.put(store.RULES, {"rhythms": {"finance_disclosure": [b.FINANCE, b.MONTHLY]}})
    monthly = [d for d in publishing.due(village, PERIOD, TODAY) if d.kind == "finance_disclosure"]
    months = [d.record_id.partition(":")[2] for d in monthly]
    assert len(months) == 3 and all(f"{before_year}-" in key for key in months)


def test_a_one_off_notice_is_due_within_days_of_its_record(demo):
    """山东 12: major matters go up at once — by default within five days of the resolution, the 评议, the 发展对象."""
    village = demo[0]
    called = [d for d in publishing.due(village, PERIOD, TODAY) if d.rhythm == b.AS_CALLED]
    assert called, "the demo village has one-off notices this quarter"
    for item in called:
        record_day = publishing.record_day(item.kind, item.record_id)
        assert item.deadline == record_day + dt.timedelta(days=b.AS_CALLED_DAYS)
        on_time = {(d.kind, d.record_id): d.state for d in publishing.due(village, PERIOD, item.deadline)}
        next_day = item.deadline + dt.timedelta(1)
        after = {(d.kind, d.record_id): d.state for d in publishing.due(village, PERIOD, next_day)}
        assert on_time[(item.kind, item.record_id)] == publishing.WAITING
        assert after[(item.kind, item.record_id)] == publishing.OVERDUE


def test_the_whole_board_keeps_each_sheets_paper(demo):
    due = publishing.due(demo[0], PERIOD, TODAY)
    sheets = publishing.render_due(due, TODAY)
    board = PdfReader(io.BytesIO(publishing.board_pdf(sheets)))
    assert len(board.pages) == sum(sheet.pages for sheet in sheets)
    sizes, page = [], 0
    for item, sheet in zip(due, sheets, strict=True):
        box = board.pages[page].mediabox
        sizes.append((item.kind, round(float(box.width)), round(float(box.height))))
        page += sheet.pages
    by_kind = {kind: (w, h) for kind, w, h in sizes}
    assert by_kind["cadre_duties"] == (595, 842)  # A4 upright
    assert by_kind["service_catalogue"] == (842, 595)  # A4 across
    assert by_kind["compact_wall"] == (842, 1191)  # A3 upright


def post(village, item, posted_on=TODAY, **extra):
    sheet = publishing.render_due([item], TODAY)[0]
    values = {"reviewed_by": "赵监委", "reviewed_on": posted_on} | extra
    change = store.publish(village, sheet, item.panel, PERIOD, "A4 纵向", posted_on=posted_on, **values)
    return sheet, models.Publication.get_by_id(change.record_id)


def test_posting_reviewing_objections_corrections_and_take_down(demo):
    village = demo[0]
    item = next(d for d in publishing.due(village, PERIOD, TODAY) if d.kind == "cadre_duties")
    sheet = publishing.render_due([item], TODAY)[0]
    with pytest.raises(ChangeRefusedError, match="监督委员会审核"):
        store.publish(village, sheet, item.panel, PERIOD, "A4 纵向", "", None, TODAY)
    with pytest.raises(InputError, match="审核日期不能晚于张贴日期"):
        store.publish(village, sheet, item.panel, PERIOD, "A4 纵向", "赵监委", TODAY, TODAY - dt.timedelta(days=1))
    assert not models.Publication.select().exists()

    sheet, posted = post(village, item, TODAY - dt.timedelta(days=3))
    assert posted.take_down_on == posted.posted_on + dt.timedelta(days=5)
    assert due_by_kind(village)[("cadre_duties", item.record_id)].state == publishing.POSTED
    assert store.archived(posted.sha256) == sheet.pdf  # a reprint is the posted bytes, not a fresh render

    with pytest.raises(InputError, match="至少要公开 5 天"):
        store.take_down(posted, TODAY)
    posted.title = "改过的标题"
    assert "不能修改" in guards.why_not_save(posted, models.Publication.get_by_id(posted.id))

    records.save(
        models.PublicationObjection(
            village=village, publication=posted, received_on=TODAY - dt.timedelta(days=6), content="分工写错了"
        )
    )
    ((objection, overdue),) = store.open_objections(village, TODAY)
    assert overdue and b.answer_due(objection.received_on) == TODAY - dt.timedelta(days=1)
    _, correction = post(village, item, TODAY, corrects=posted, note="更正分工")
    original = models.Publication.get_by_id(posted.id)
    assert original.sha256 == posted.sha256 and correction.corrects_id == posted.id  # the original stays
    assert "不能删除" in guards.why_not_delete(original)
    done = store.take_down(correction, TODAY + dt.timedelta(days=5))
    assert models.Publication.get_by_id(done.record_id).taken_down_on == TODAY + dt.timedelta(days=5)


def test_verify_finds_a_changed_or_lost_original_and_backups_carry_the_archive(demo, data_dir):
    village = demo[0]
    item = next(d for d in publishing.due(village, PERIOD, TODAY) if d.kind == "service_catalogue")
    sheet, posted = post(village, item)
    assert store.verify() == (1, [])
    backup = backups.take_backup(paths.database_file(data_dir), paths.backup_dir(data_dir), "manual")

    models.ArchivedPdf.update(pdf=sheet.pdf + b"%").execute()
    checked, problems = store.verify()
    assert checked == 1 and [p.problem for p in problems] == ["原件已被改动"]
    with pytest.raises(ChangeRefusedError, match="已被改动"):
        store.archived(posted.sha256)
    models.ArchivedPdf.delete().execute()
    assert [p.problem for p in store.verify()[1]] == ["原件丢失"]

    close_database()
    backups.restore(data_dir, backup)
    open_database(data_dir)
    assert store.verify() == (1, []) and store.archived(posted.sha256) == sheet.pdf


def test_the_board_and_verify_commands(data_dir, tmp_path):
    assert run(data_dir, "demo").returncode == 0
    out = tmp_path / "board.pdf"
    made = run(data_dir, "board", "--village", "涌溪村", "--period", PERIOD, "--out", str(out))
    assert made.returncode == 0, made.stderr
    assert "财务公开" in made.stdout and "已生成整版" in made.stdout
    assert len(PdfReader(out).pages) >= 5
    wrong = run(data_dir, "board", "--village", "涌溪村", "--period", "2026Q9", "--out", str(out))
    assert wrong.returncode == 1 and "应写成 2026Q4" in wrong.stderr
    checked = run(data_dir, "verify")
    assert checked.returncode == 0 and "全部与存档的 SHA-256 一致" in checked.stdout
    assert int(re.search(r"核对了 (\d+) 份", checked.stdout).group(1)) >= 5  # the demo village's board history


def test_what_is_up_on_a_day_and_the_year_of_postings(demo):
    """The picture of the board shows each panel's sheets up that day (a correction in place of the original); the
    year view shows which day each went up, late ones marked, and what a quarter's board lacked by its day."""
    village = demo[0]
    year = TODAY.year - 1  # a whole year gone by, whatever day the tests run
    period, day = f"{year}Q2", b.disclosure_date(year, 2)
    items = {d.kind: d for d in publishing.due(village, period, day)}
    duties, finance = items["cadre_duties"], items["finance_disclosure"]

    def post_on(item, posted_on, **extra):
        sheet = publishing.render_due([item], posted_on)[0]
        values = {"reviewed_by": "赵监委", "reviewed_on": posted_on} | extra
        change = store.publish(village, sheet, item.panel, period, "A4 纵向", posted_on=posted_on, **values)
        return models.Publication.get_by_id(change.record_id)

    up_duties = post_on(duties, day - dt.timedelta(days=10))
    up_finance = post_on(finance, day + dt.timedelta(days=3))  # three days after the disclosure day
    store.take_down(up_duties, day)
    assert store.up_on(village, day - dt.timedelta(days=11)) == {panel: [] for panel in b.PANELS}
    before = store.up_on(village, day - dt.timedelta(days=1))
    assert [p.id for p in before[b.LONG_TERM]] == [up_duties.id] and before[b.FINANCE] == []
    after = store.up_on(village, day + dt.timedelta(days=3))
    assert after[b.LONG_TERM] == [] and [p.id for p in after[b.FINANCE]] == [up_finance.id]
    fixed = post_on(finance, day + dt.timedelta(days=5), corrects=up_finance, note="更正")
    assert [p.id for p in store.up_on(village, day + dt.timedelta(days=6))[b.FINANCE]] == [fixed.id]

    rows = {row.kind: row for row in publishing.year_view(village, year, dt.date(year, 12, 31))}
    assert [m.text for m in rows["cadre_duties"].months[up_duties.posted_on.month]] == [f"{up_duties.posted_on.day}日"]
    finance_marks = [m.text for m in rows["finance_disclosure"].months[day.month] if m.state == publishing.POSTED]
    assert finance_marks == [f"{day.day + 3}日（迟）", f"{day.day + 5}日更正"]
    unposted = [m for m in rows["finance_disclosure"].marks() if m.state != publishing.POSTED]
    assert unposted and {m.day for m in unposted} <= {b.disclosure_date(year, q) for q in (1, 3, 4)}
    assert {m.state for m in unposted} == {publishing.OVERDUE} and {m.text for m in unposted} == {"逾期"}
    order = [row.panel for row in rows.values()]
    assert order == sorted(order, key=b.PANELS.index)


def test_posting_archives_the_printed_copy_while_it_is_there_unchanged(demo, data_dir):
    from app.publishing.issued import PRINTED, record_parts

    village = demo[0]
    item = due_by_kind(village)[("cadre_duties", str(village.id))]
    printed = publishing.render_due([item], TODAY - dt.timedelta(days=3))[0]  # printed three days before posting
    record_parts([printed], PRINTED, data_dir)
    fresh = publishing.render_due([item], TODAY)[0]
    assert fresh.pdf != printed.pdf  # a sheet carries the day it was made

    (sheet,), copies = publishing.sheets_as_printed(village, [item], data_dir, TODAY)
    assert copies == 1 and sheet.pdf == printed.pdf and sheet.pages == printed.pages
    kept = data_dir / "issued" / f"{printed.sha256}.pdf"
    kept.write_bytes(printed.pdf + b"%")  # changed since: not trusted
    (sheet,), copies = publishing.sheets_as_printed(village, [item], data_dir, TODAY)
    assert copies == 0 and sheet.pdf == fresh.pdf
    kept.unlink()
    assert publishing.sheets_as_printed(village, [item], data_dir, TODAY)[1] == 0


@needs_poppler
def test_the_year_of_the_board_on_paper(demo, tmp_path):
    from app.publishing import sheets as catalogue

    village = demo[0]
    year = TODAY.year - 1
    period, day = f"{year}Q3", b.disclosure_date(year, 3)
    finance = next(d for d in publishing.due(village, period, day) if d.kind == "finance_disclosure")
    sheet = publishing.render_due([finance], day)[0]
    posted_on = day + dt.timedelta(days=2)
    store.publish(village, sheet, finance.panel, period, "A4 纵向", "赵监委", posted_on, posted_on)
    rendered = catalogue.render("board_year", f"{village.id}:{year}", catalogue.default_page("board_year"))
    text = pdf_text(rendered.pdf, tmp_path).replace(" ", "")
    assert f"{village.name}{year}年公开栏公开记录" in text
    assert f"{posted_on.day}日（迟）" in text and "逾期" in text
    assert "全年张贴1份（其中迟贴1份）" in text
    assert PdfReader(io.BytesIO(rendered.pdf)).pages[0].mediabox.width > 800  # A4 across
