"""Ctrl+Z where the cursor is after saving: in a text field that holds no unsaved typing the key
undoes the app's last step (not the field's typing), and the page says what was undone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "grabbing the keyboard",
                                         r"support raise\(\)")


def _type(qtbot, widget, text: str) -> None:
    """Type ``text`` into ``widget``: ASCII by keys, Japanese as an input method commits it."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _ctrl(qtbot, widget, key, shift: bool = False) -> None:
    modifiers = Qt.KeyboardModifier.ControlModifier
    if shift:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(widget, key, modifiers)


def _focus(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_ctrl_z_in_the_fax_field_after_saving_undoes_the_saved_fax(open_window, demo_path,
                                                                     qtbot):
    window = open_window(demo_path)
    window.activateWindow()
    page = window.open_area("council")
    store, council = window.context.store, window.context.council_id
    before = store.scalar("SELECT fax FROM councils WHERE id = ?", (council,))
    fax = page.form.findChild(QLineEdit, "faxEdit")
    _focus(qtbot, fax)
    fax.selectAll()
    _type(qtbot, fax, "083-999-0000")
    _ctrl(qtbot, fax, Qt.Key.Key_Z)  # unsaved typing: the field's own undo
    assert fax.text() != "083-999-0000"
    assert store.scalar("SELECT fax FROM councils WHERE id = ?", (council,)) == before
    fax.selectAll()
    _type(qtbot, fax, "083-999-0000")
    assert page.save()
    assert store.scalar("SELECT fax FROM councils WHERE id = ?", (council,)) == "083-999-0000"
    _focus(qtbot, fax)
    _ctrl(qtbot, fax, Qt.Key.Key_Z)  # saved: the app's undo
    assert store.scalar("SELECT fax FROM councils WHERE id = ?", (council,)) == before
    assert fax.text() == before
    assert page.save_status.text().startswith("元に戻しました: ")
    assert "保存しました" not in page.save_status.text()
    _ctrl(qtbot, fax, Qt.Key.Key_Z, shift=True)  # やり直し
    assert store.scalar("SELECT fax FROM councils WHERE id = ?", (council,)) == "083-999-0000"
    assert page.save_status.text().startswith("やり直しました: ")


def test_ctrl_z_after_recording_an_entry_removes_it_and_says_so(open_window, demo_path, qtbot,
                                                                answers):
    window = open_window(demo_path)
    window.activateWindow()
    assert window.context.fiscal_year == 2026
    page = window.open_area("accounts", "出納簿")
    panel = page.cash_book.panel
    store = window.context.store
    count = store.scalar("SELECT count(*) FROM cash_book_entries")
    _focus(qtbot, panel.date_edit)
    _type(qtbot, panel.date_edit, "6/1")
    category = panel.category_combo.findData("utilities")
    assert category > 0, [panel.category_combo.itemText(i) for i in range(5)]
    panel.category_combo.setCurrentIndex(category)
    _type(qtbot, panel.description_edit, "電気代")
    _type(qtbot, panel.amount_edit, "500")
    answers.append(QMessageBox.StandardButton.Yes)  # a warning (no receipt number …): save
    assert panel.save(), panel.message.text()
    assert store.scalar("SELECT count(*) FROM cash_book_entries") == count + 1
    assert QApplication.focusWidget() is panel.date_edit  # where the cursor rests after 記帳
    _ctrl(qtbot, panel.date_edit, Qt.Key.Key_Z)
    assert store.scalar("SELECT count(*) FROM cash_book_entries") == count
    assert panel.message.text() == "元に戻しました: R8.6.1 電気代 500円"
    assert panel.date_edit.text() == "6/1"  # the date box kept its text
