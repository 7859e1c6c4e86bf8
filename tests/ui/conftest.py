import pytest

from PySide6.QtWidgets import QApplication, QMessageBox

from app.ui.application import configure_application
from app.ui.widgets import messages


@pytest.fixture(autouse=True)
def qt_setup(qapp):
    configure_application(qapp)
    yield
    for widget in QApplication.topLevelWidgets():
        widget.close()


@pytest.fixture
def window(qtbot, data_dir, village):
    from app.ui.main_window import MainWindow
    from app.ui.session import Session

    main = MainWindow(Session(village, data_dir), data_dir)
    qtbot.addWidget(main)
    main.show()
    return main


@pytest.fixture
def demo_window(qtbot, data_dir, demo):
    from app.ui.application import build_window

    main = build_window(data_dir)
    qtbot.addWidget(main)
    main.show()
    return main


@pytest.fixture
def answer(monkeypatch):
    """Answers the next confirmation question with Yes (or what the test sets)."""
    replies = {"reply": QMessageBox.StandardButton.Yes, "asked": []}

    def confirm(parent, title, text):
        replies["asked"].append(text)
        return replies["reply"] == QMessageBox.StandardButton.Yes

    monkeypatch.setattr(messages, "confirm", confirm)
    monkeypatch.setattr(messages, "inform", lambda parent, title, text: replies["asked"].append(text))
    monkeypatch.setattr(messages, "warn", lambda parent, title, text: replies["asked"].append(text))
    return replies
