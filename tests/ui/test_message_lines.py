"""Messages: a page's message line has a fixed height, so a message appearing moves no button
(a click aimed at one never lands on another); it says a refusal once, and goes when the user
changes the input."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QPushButton

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _places(window, buttons) -> list[QPoint]:
    return [button.mapTo(window, QPoint(0, 0)) for button in buttons]


def test_a_refused_negative_amount_is_said_once_and_moves_no_button(open_window, demo_path,
                                                                      qtbot):
    window = open_window(demo_path)
    panel = window.open_area("accounts", "出納簿").cash_book.panel
    buttons = [panel.save_button, panel.cancel_button]
    before = _places(window, buttons)
    panel.date_edit.setText("6/1")
    panel.category_combo.setCurrentIndex(panel.category_combo.findData("utilities"))
    panel.description_edit.setText("電気代")
    panel.amount_edit.setText("-500")
    assert not panel.save()
    qtbot.wait(50)  # the live check after typing would run now
    said = panel.message.text()
    assert "円" in said or "金額" in said, said
    assert said not in panel.findings.text()  # not doubled below
    assert _places(window, buttons) == before
    qtbot.keyClicks(panel.amount_edit, "0")  # new input: the old error goes
    assert panel.message.text() == ""


def test_the_print_page_message_moves_no_print_button(open_window, tmp_path, qtbot):
    from kyodo_desktop.services.council import profile
    from kyodo_desktop.store import open_store

    empty = tmp_path / "new.sqlite3"
    with open_store(empty) as store:
        profile.create_council(store, "新しい協議会")
    window = open_window(empty)
    page = window.open_area("reports")
    buttons = [page.findChild(QPushButton, f"{name}Button") for name in ("preview", "print")]
    before = _places(window, buttons)
    page.choose("plan")  # a plan booklet needs a plan: the page says what to enter first
    assert not page.show_preview()
    assert page.message.text()
    assert _places(window, buttons) == before
