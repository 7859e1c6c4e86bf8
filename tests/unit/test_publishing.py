"""The catalogue of sheet kinds: every kind declares its paper and its place on the board as data, the board
decides from that data (never from a sheet's title), and the layers below the publishing layer never reach up
into it."""

import ast
import datetime as dt
from pathlib import Path

import pytest

from app.domain import board as b
from app.domain import compact as cp
from app.domain import periods
from app.notices.frame import ALL_PAGE_SPECS, PageSpec
from app.publishing import board as publishing
from app.publishing import sheets as catalogue
from app.publishing.catalogue import SheetKind, register
from app.store import compacts, models

ROOT = Path(__file__).resolve().parents[2]
PERIOD_KINDS = {periods.MONTH, periods.QUARTER, periods.HALF_YEAR, periods.YEAR}

# what the board carried before the kinds declared it (domain.board.DEFAULT_BOARD, release 0.1): unchanged
BOARD_BEFORE = {
    "cadre_duties": (b.LONG_TERM, b.STANDING),
    "compact_wall": (b.LONG_TERM, b.STANDING),
    "service_catalogue": (b.LONG_TERM, b.STANDING),
    "household_sign": (b.LONG_TERM, b.STANDING),
    "party_affairs": (b.PARTY, b.HALF_YEARLY),
    "candidate_notice": (b.PARTY, b.AS_CALLED),
    "appraisal_result": (b.PARTY, b.YEARLY),
    "resolution_notice": (b.VILLAGE, b.AS_CALLED),
    "result_notice": (b.VILLAGE, b.AS_CALLED),
    "dibao_notice": (b.VILLAGE, b.AS_CALLED),
    "finance_disclosure": (b.FINANCE, b.QUARTERLY),
    "income_distribution": (b.FINANCE, b.YEARLY),
}


@pytest.mark.parametrize("kind", list(catalogue.KINDS.values()), ids=list(catalogue.KINDS))
def test_every_kind_declares_its_paper_and_its_place_on_the_board(kind: SheetKind):
    assert kind.label and isinstance(kind.page, PageSpec) and kind.page in kind.papers
    assert set(kind.papers) <= set(ALL_PAGE_SPECS)
    if not kind.on_board:  # "not on the board" is said by declaring neither panel nor rhythm
        assert kind.panel is None and kind.rhythm is None and kind.record_day is None
        return
    assert kind.panel in b.PANELS and kind.rhythm in b.RHYTHMS
    assert (kind.record_day is not None) == (kind.rhythm == b.AS_CALLED)
    if kind.rhythm not in (b.STANDING, b.AS_CALLED):
        assert kind.period_key and set(kind.period_key) <= PERIOD_KINDS


def test_the_board_is_as_it_was_before_the_kinds_declared_it(db):
    assert publishing.rhythms() == BOARD_BEFORE
    assert catalogue.default_page("compact_wall").size == "A3"
    assert catalogue.default_page("service_catalogue") == PageSpec("A4", "landscape")


def test_a_declaration_the_board_could_not_follow_is_refused():
    def render(record_id, page, today):
        raise AssertionError("never rendered")

    one_off = SheetKind("x_notice", "某公示", lambda village: [], render, panel=b.VILLAGE, rhythm=b.AS_CALLED)
    with pytest.raises(ValueError, match="record makes it due"):
        register(one_off)
    with pytest.raises(ValueError, match="period"):
        register(SheetKind("x_report", "某报表", lambda village: [], render, panel=b.FINANCE, rhythm=b.QUARTERLY))
    with pytest.raises(ValueError, match="both"):
        register(SheetKind("x_sheet", "某表", lambda village: [], render, panel=b.FINANCE))
    with pytest.raises(ValueError, match="twice"):
        register(catalogue.KINDS["wall_rule"])
    assert not {"x_notice", "x_report", "x_sheet"} & set(catalogue.KINDS)


def test_each_sheet_carries_its_period_and_whether_it_is_in_force(demo):
    entries = catalogue.list_sheets(demo[0])
    assert {e.kind for e in entries} >= {"finance_disclosure", "party_affairs", "compact_wall"}
    for entry in entries:
        kind = catalogue.KINDS[entry.kind]
        assert entry.title == f"{demo[0].name}：{entry.name}"
        if kind.period_key:
            assert entry.period is not None and entry.period.kind in kind.period_key
            assert entry.record_id == f"{demo[0].id}:{entry.period.key}"
        else:
            assert entry.period is None
    for entry in (e for e in entries if e.kind == "compact_wall"):
        version = models.CompactVersion.get_by_id(entry.record_id)
        assert entry.in_force == (compacts.status(version) == cp.IN_FORCE)


def test_a_draft_named_as_in_force_does_not_go_up(demo):
    """The board reads a version's state, not its title: a draft whose name says 已生效 is still a draft."""
    village = demo[0]
    compacts.add_compact(village, "已生效的新村规民约", "第一条 爱护公共财物。")
    period = periods.quarter_of(dt.date.today())
    listed = {d.title for d in publishing.due(village, period) if d.kind == "compact_wall"}
    assert listed and not any("已生效的新村规民约" in title for title in listed)
    assert any("已生效的新村规民约" in e.name for e in catalogue.list_sheets(village) if e.kind == "compact_wall")


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def below_publishing(folder: str) -> list[Path]:
    # the demo modules still in store/ build whole boards; they move to app/demo (above publishing)
    return [path for path in sorted((ROOT / "app" / folder).glob("*.py")) if not path.stem.startswith("demo")]


@pytest.mark.parametrize(
    ("folder", "above"),
    [("store", ("app.publishing", "app.notices", "app.ui")), ("notices", ("app.publishing", "app.store", "app.ui"))],
)
def test_the_store_and_the_layouts_import_nothing_above_them(folder, above):
    wrong = {
        f"{path.relative_to(ROOT)} → {name}"
        for path in below_publishing(folder)
        for name in _imports(path)
        if name.startswith(above)
    }
    assert not wrong, "\n".join(sorted(wrong))


def test_the_publishing_layer_never_imports_qt_or_the_window():
    wrong = {
        f"{path.relative_to(ROOT)} → {name}"
        for path in sorted((ROOT / "app" / "publishing").rglob("*.py"))
        for name in _imports(path)
        if name.startswith(("PySide6", "app.ui", "app.cli"))
    }
    assert not wrong, "\n".join(sorted(wrong))


def test_the_import_scan_sees_an_import_inside_a_function(tmp_path):
    module = tmp_path / "money.py"
    module.write_text("def f():\n    from app.publishing import board\n    return board\n", encoding="utf-8")
    assert "app.publishing.board" in _imports(module)
