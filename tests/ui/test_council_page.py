"""The 協議会 page: profile editing with inline messages, Ctrl+S, undo/redo, the first-run panel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _postal(store, council_id):
    return store.scalar("SELECT postal_code FROM councils WHERE id = ?", (council_id,))


@pytest.fixture
def page_on_demo(open_window, demo_path):
    window = open_window(demo_path)
    return window, window.open_area("council")


def test_bad_postal_code_shows_a_message_and_saves_nothing(page_on_demo):
    window, page = page_on_demo
    store, council = window.context.store, window.context.council_id
    before = _postal(store, council)
    page.edits["postal_code"].setText("75-01")
    page.edits["address"].setText("山口市湯田温泉九丁目")
    assert page.save() is False
    assert page.errors["postal_code"].isVisible()
    assert "郵便番号" in page.errors["postal_code"].text()
    assert not page.errors["address"].isVisible()
    assert _postal(store, council) == before
    assert store.scalar("SELECT address FROM councils WHERE id = ?", (council,)) != "山口市湯田温泉九丁目"
    page.edits["postal_code"].textEdited.emit("7")  # typing again hides the message
    assert not page.errors["postal_code"].isVisible()


def test_good_edit_is_saved_normalised_and_undone(page_on_demo):
    window, page = page_on_demo
    store, council = window.context.store, window.context.council_id
    before = _postal(store, council)
    new = "753-0099" if before != "753-0099" else "753-0098"
    page.edits["postal_code"].setText("〒" + new.replace("-", ""))
    page.edits["established_on"].setText("R2.4.1")
    assert page.save() is True
    assert _postal(store, council) == new
    assert store.scalar("SELECT established_on FROM councils WHERE id = ?",
                        (council,)) == "2020-04-01"
    assert page.edits["postal_code"].text() == new  # reloaded, normalised
    assert page.edits["established_on"].text() == "令和2年4月1日"
    assert "元に戻す" in window.undo_action.text() and window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert _postal(store, council) == before
    assert page.edits["postal_code"].text() == before
    window.redo_action.trigger()
    assert _postal(store, council) == new


def test_ctrl_s_saves_and_enter_moves_on(page_on_demo, qtbot):
    window, page = page_on_demo
    store, council = window.context.store, window.context.council_id
    window.activateWindow()
    edit = page.edits["address"]
    edit.setFocus()
    edit.setText("山口市湯田温泉一丁目1-1")
    qtbot.keyClick(edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert store.scalar("SELECT address FROM councils WHERE id = ?",
                        (council,)) == "山口市湯田温泉一丁目1-1"
    assert page.save_status.text() == "保存しました。"
    page.edits["postal_code"].setFocus()
    qtbot.keyClick(page.edits["postal_code"], Qt.Key.Key_Return)
    assert QApplication.focusWidget() is page.edits["address"]


def test_revert_discards_unsaved_edits(page_on_demo):
    window, page = page_on_demo
    original = page.edits["name"].text()
    page.edits["name"].setText("書きかけの名前")
    assert page.edited_values() == {"name": "書きかけの名前"}
    page.revert()
    assert page.edits["name"].text() == original and page.edited_values() == {}


def test_first_run_panel_registers_a_council(open_window, tmp_path):
    window = open_window(tmp_path / "empty.sqlite3")
    page = window.open_area("council")
    assert page.stack.currentWidget().objectName() == "firstRunPanel"
    title = page.form.findChild(type(page.first_error), "firstRunTitle")
    assert title.text() == "まず協議会を登録しましょう"
    page.register()
    assert page.first_error.isVisible() and "協議会名" in page.first_error.text()
    assert window.context.council_id is None
    page.first_name.setText("宮野地域づくり協議会")
    page.first_district.setEditText("宮野")
    page.register()
    store = window.context.store
    assert store.query("SELECT c.name, d.name AS district FROM councils c "
                       "JOIN districts d ON d.id = c.district_id") == [
        {"name": "宮野地域づくり協議会", "district": "宮野"}]
    assert page.stack.currentWidget().objectName() == "profilePanel"
    assert window.windowTitle() == "協働デスク — 宮野地域づくり協議会"
    assert window.council_combo.currentText() == "宮野地域づくり協議会"
    assert page.findChild(QLineEdit, "nameEdit").text() == "宮野地域づくり協議会"


def _switch(window, council_id):
    index = window.council_combo.findData(council_id)
    window.council_combo.setCurrentIndex(index)
    window.council_combo.activated.emit(index)


def test_unsaved_edits_are_not_lost_when_switching(page_on_demo, answers):
    window, page = page_on_demo
    store, first = window.context.store, window.context.council_id
    other = store.scalar("SELECT id FROM councils WHERE id <> ? ORDER BY id", (first,))
    page.edits["notes"].setPlainText("まだ保存していないメモ")
    answers.append(QMessageBox.StandardButton.Cancel)
    _switch(window, other)
    assert window.context.council_id == first
    assert window.council_combo.currentData() == first
    assert page.edits["notes"].toPlainText() == "まだ保存していないメモ"
    assert len(answers.asked) == 1 and "保存" in answers.asked[0]
    answers.append(QMessageBox.StandardButton.Save)
    _switch(window, other)
    assert window.context.council_id == other
    assert store.scalar("SELECT notes FROM councils WHERE id = ?",
                        (first,)) == "まだ保存していないメモ"
    page.edits["notes"].setPlainText("捨てるメモ")
    _switch(window, first)  # the default answer: 破棄
    assert window.context.council_id == first
    assert store.scalar("SELECT notes FROM councils WHERE id = ?", (other,)) != "捨てるメモ"


def test_contact_and_bank_account_are_entered_once_on_the_page(page_on_demo, monkeypatch,
                                                               screenshot_dir, qtbot):
    from kyodo_desktop.services.council import accounts
    from kyodo_desktop.ui.council import accounts_view

    window, page = page_on_demo
    store, council = window.context.store, window.context.council_id
    page.edits["contact_name"].setText("試験 花子")
    page.edits["contact_phone"].setText("０８３－９９９－０１２３")
    assert page.save() is True
    assert store.scalar("SELECT contact_phone FROM councils WHERE id = ?",
                        (council,)) == "083-999-0123"
    page.edits["contact_email"].setText("not-an-address")
    assert page.save() is False and page.errors["contact_email"].isVisible()
    page.revert()
    before = len(accounts.list_accounts(store, council))
    assert page.accounts.table.rowCount() == before

    def fill(dialog):
        for key, value in {"bank_name": "試験銀行", "branch_name": "本店",
                           "account_number": "1234567", "holder": "湯田協議会"}.items():
            dialog.edits[key].setText(value)
        return QDialogAccepted

    from PySide6.QtWidgets import QDialog
    QDialogAccepted = QDialog.DialogCode.Accepted
    monkeypatch.setattr(accounts_view.AccountDialog, "exec", fill)
    page.accounts.add()
    listed = accounts.list_accounts(store, council)
    assert len(listed) == before + 1 and listed[0].bank_name == "試験銀行" and listed[0].is_payee
    assert page.accounts.table.rowCount() == before + 1
    window.undo_action.trigger()
    assert len(accounts.list_accounts(store, council)) == before
    page.resize(1366, 768)
    qtbot.wait(200)
    assert page.grab().save(str(screenshot_dir / "council_page_accounts.png"))


def test_an_area_that_needs_a_council_has_a_button_to_the_council_page(open_window, tmp_path):
    from PySide6.QtWidgets import QPushButton

    window = open_window(tmp_path / "empty.sqlite3")
    notice = window.open_area("roster")  # no council yet: the notice instead of the page
    button = notice.findChild(QPushButton, "placeholderAction")
    assert button is not None and button.text() == "協議会の画面へ" and button.isVisible()
    button.click()
    assert window.sidebar.currentItem().data(Qt.ItemDataRole.UserRole) == "council"
    assert window.pages.currentWidget().findChild(QWidget, "firstRunPanel") is not None
