"""Every form, fed anything at all in every field, either saves exactly one record or shows why not at a
field; nothing else happens (no exception, nothing half-saved). 10,000 cases per form, slow, run in CI."""

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QPlainTextEdit

from app.store import models
from app.ui.widgets.forms import write_raw

from .test_positions_tab import open_page

CASES = int(os.environ.get("FORM_CASES", 10_000))
field_text = st.one_of(
    st.text(max_size=80),
    st.text(alphabet="0123456789０１２３４５６７８９-.,/年月日e ", max_size=24),
    st.integers(min_value=1, max_value=6000).map(lambda length: "9" * length),
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["", " ", "<b>新</b>", "A&B", "𠀀䶮", "1e3", "NaN", "2026-02-30", "522601199001011234"]),
)
PAGES = {
    "活动场所": models.Venue,
    "标准自查": models.ChecklistItem,
    "设备台账": models.Facility,
    "上墙制度": models.WallRule,
    "思想阵地": models.OutreachActivity,
}


def typable(form) -> list:
    return [
        e
        for e in form.editors.values()
        if isinstance(e, QLineEdit | QPlainTextEdit) or (isinstance(e, QComboBox) and e.isEditable())
    ]


def check_form(open_form, count_records, undo=None) -> int:
    state = {"form": None, "cases": 0}

    @settings(max_examples=CASES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(field_text, min_size=12, max_size=12))
    def property_holds(texts):
        state["cases"] += 1
        form = state["form"]
        if form is None or form.result() == QDialog.DialogCode.Accepted:
            # the accepted dialog deletes itself once deferred deletes run, as the event loop would
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            form = state["form"] = open_form()
        before = count_records()
        for editor, text in zip(typable(form), texts, strict=False):
            write_raw(editor, text)
        form.try_save()
        saved = count_records() - before
        errors = [label.text() for label in form.errors.values() if not label.isHidden()]
        if form.result() == QDialog.DialogCode.Accepted:
            assert saved in (0, 1) and not errors  # 0: an edit of the same record
            if undo is not None and saved:
                assert undo() and count_records() == before  # and Ctrl+Z takes it back, keeping lists small
        else:
            assert saved == 0 and errors and all(errors)

    property_holds()
    return state["cases"]


@pytest.mark.slow
@pytest.mark.parametrize("page", list(PAGES))
def test_a_record_form_saves_or_says_why(qtbot, window, answer, page):
    panel = open_page(window, page)
    model = PAGES[page]
    # What is under test is the form and the save path; the list reloading after each of thousands of
    # saves would only make the test slow.
    window.session.changed.disconnect(panel._reload_if_affected)

    def open_form():
        panel.add()
        return panel.form

    cases = check_form(open_form, lambda: model.select().count(), window.session.undo)
    print(f"{page}: {cases} cases")
    assert cases >= CASES * 0.9


@pytest.mark.slow
def test_the_village_form_saves_or_says_why(qtbot, window, answer):
    def open_form():
        return window.edit_village()

    cases = check_form(open_form, lambda: models.Village.select().count())
    print(f"村庄信息: {cases} cases")
    assert cases >= CASES * 0.9


MANAGEMENT_FORMS = {
    "党员花名册": (lambda page: page, models.PartyMember),
    "班子成员": (lambda page: page.people, models.Cadre),
    "职务": (lambda page: page.posts, models.CadrePost),
    "三会一课": (lambda page: page, models.Meeting),
    "四议两公开": (lambda page: page, models.Matter),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(MANAGEMENT_FORMS))
def test_a_management_form_saves_or_says_why(qtbot, window, answer, name):
    from app.store import records

    records.save(models.Cadre(village=window.session.village, name="吴文书"))  # someone to give a post to
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.management_tab))
    tab = "班子成员" if name == "职务" else name
    panel = MANAGEMENT_FORMS[name][0](window.management_tab.tabs.page(tab))
    model = MANAGEMENT_FORMS[name][1]
    window.session.changed.disconnect(panel._reload_if_affected)

    def open_form():
        panel.add()
        return panel.form

    cases = check_form(open_form, lambda: model.select().count(), window.session.undo)
    print(f"{name}: {cases} cases")
    assert cases >= CASES * 0.9
