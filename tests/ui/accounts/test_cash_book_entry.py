"""The 出納簿 tab by keyboard: ten entries typed without the mouse, warnings while typing, a
closed year refusing with its message, and undo / redo of a deletion."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from .conftest import FY

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "grabbing the keyboard",
                                         r"support raise\(\)")


def _type(qtbot, text: str) -> None:
    """Type ``text`` into the focused widget, one key event per character (QTest cannot type
    kanji, so those are sent as key events carrying their text, as an input method delivers)."""
    widget = QApplication.focusWidget()
    assert widget is not None
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     char))


def _tab(qtbot, times: int = 1) -> None:
    for _ in range(times):
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClick(widget, Qt.Key.Key_Tab)


def _rows(store):
    return store.query("SELECT entry_date, fund_code, direction, expense_category_code AS cat, "
                       "description, amount, payee, voucher_no FROM cash_book_entries ORDER BY id")


def test_ten_entries_by_keyboard_alone(page, qtbot, store):
    panel = page.cash_book.panel
    panel.date_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.date_edit)
    for n in range(10):
        if n == 0:
            _type(qtbot, "4/1")           # 4/1 in 令和7年度
        _tab(qtbot, 3)                    # 日付 → 会計 → 収支 → 費目
        _type(qtbot, "消耗品費")
        _tab(qtbot)
        _type(qtbot, f"用紙{n}")
        _tab(qtbot)
        _type(qtbot, f"1,{n}00")          # amounts with a comma
        _tab(qtbot)
        _type(qtbot, "文具店")
        _tab(qtbot)
        _type(qtbot, f"R-{n}")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        assert QApplication.focusWidget() is panel.date_edit  # the next line starts at 日付
    rows = _rows(store)
    assert len(rows) == 10
    assert {r["entry_date"] for r in rows} == {date(FY, 4, 1).isoformat()}  # same date kept
    assert [r["amount"] for r in rows] == [1000 + 100 * n for n in range(10)]
    assert [r["description"] for r in rows] == [f"用紙{n}" for n in range(10)]
    assert {(r["cat"], r["direction"], r["fund_code"], r["payee"]) for r in rows} == {
        ("consumables", "expense", "operating_support", "文具店")}
    assert page.cash_book.model.rowCount() == 10
    assert "10" in page.cash_book.totals_label.text()
    assert "14,500" in page.cash_book.totals_label.text()  # Σ of the amounts


def _fill(panel, *, fund="activity_support", category="food", description="懇親会の飲食代",
          amount="8,000", voucher="R-1", day="R7.6.1"):
    panel.date_edit.setText(day)
    panel.fund_combo.setCurrentIndex(panel.fund_combo.findData(fund))
    panel.category_combo.setCurrentIndex(panel.category_combo.findData(category))
    panel.description_edit.setText(description)
    panel.amount_edit.setText(amount)
    panel.voucher_edit.setText(voucher)


def test_warning_for_an_ineligible_expense_appears_and_does_not_block(page, qtbot, store):
    panel = page.cash_book.panel
    _fill(panel)
    panel.description_edit.textEdited.emit(panel.description_edit.text())  # as if typed
    qtbot.waitUntil(lambda: "懇親会" in panel.findings.text(), timeout=2000)
    assert "⚠" in panel.findings.text()
    assert panel.save() is True
    assert [r["description"] for r in _rows(store)] == ["懇親会の飲食代"]


def test_an_ordinary_expense_shows_no_finding(page, store):
    panel = page.cash_book.panel
    _fill(panel, category="consumables", description="模造紙")
    assert panel.show_findings() == []
    assert panel.findings.text() == ""


def test_a_closed_year_refuses_with_its_message(page, context, store):
    from kyodo_desktop.services.accounting.year_close import close_year

    context.notify(close_year(store, context.council_id, FY, allow_empty=True).changes)
    panel = page.cash_book.panel
    assert "締め" in page.status.text()
    _fill(panel, category="consumables", description="模造紙")
    assert panel.save() is False
    assert "令和7年度" in panel.message.text() and "締め" in panel.message.text()
    assert _rows(store) == []


def test_undo_of_a_deletion(page, context, store, answers, errors):
    panel = page.cash_book.panel
    _fill(panel, category="consumables", description="模造紙", amount="2,400")
    assert panel.save()
    table = page.cash_book.table
    table.setCurrentIndex(page.cash_book.model.index(0, 0))
    assert page.cash_book.delete_selected() is True
    assert "模造紙" in answers.asked[-1], errors
    assert _rows(store) == []
    context.undo_stack.undo()
    assert [(r["description"], r["amount"]) for r in _rows(store)] == [("模造紙", 2400)]
    assert page.cash_book.model.rowCount() == 1
    context.undo_stack.redo()
    assert _rows(store) == []
    context.undo_stack.undo()
    context.undo_stack.undo()  # the recording itself: the re-created entry is deleted
    assert _rows(store) == []
    context.undo_stack.redo()
    assert len(_rows(store)) == 1


def test_editing_a_row_is_logged_in_the_history_tab(page, store):
    panel = page.cash_book.panel
    _fill(panel, category="consumables", description="模造紙")
    assert panel.save()
    entry_id = page.cash_book.model.entry_id(0)
    page.open_entry(entry_id)
    panel.amount_edit.setText("9,999")
    assert panel.save()
    assert store.scalar("SELECT amount FROM cash_book_entries") == 9999
    page.history.show_entry(entry_id)
    texts = [page.history.table.item(r, 2).text() for r in range(page.history.table.rowCount())]
    assert len(texts) == 2 and "8,000 → 9,999" in texts[1]
    assert "摘要: 模造紙" in texts[0] and "費目: 消耗品費" in texts[0]  # names, not codes


def test_enter_never_saves_an_entry_dated_after_the_year(page, qtbot, store, answers):
    """令和7年度, 「R8.4.1」 + Enter: refused at once, in red, with the 期間外 message."""
    panel = page.cash_book.panel
    _fill(panel, category="consumables", description="模造紙", day="R8.4.1")
    panel.date_edit.setFocus()
    qtbot.keyClick(panel.date_edit, Qt.Key.Key_Return)
    assert _rows(store) == []
    assert "期間外" in panel.message.text() and "令和8年4月1日" in panel.message.text()
    assert "c62828" in panel.message.styleSheet()  # red, not the green 「保存しました」
    assert "保存しました" not in panel.message.text()
    assert answers.asked == []  # an error is not a question
    qtbot.keyClick(panel.date_edit, Qt.Key.Key_Return)  # pressing again changes nothing
    assert _rows(store) == []


@pytest.mark.parametrize(("amount", "category", "expected"), [
    ("0", "consumables", "1円以上"), ("-500", "consumables", "1円以上"),
    ("△500", "consumables", "1円以上"), ("500", None, "費目を選んでください")])
def test_enter_never_saves_a_zero_negative_or_uncategorised_entry(page, qtbot, store, amount,
                                                                   category, expected):
    panel = page.cash_book.panel
    _fill(panel, category=category or "consumables", description="模造紙", amount=amount)
    if category is None:
        panel.category_combo.setCurrentIndex(0)
    qtbot.keyClick(panel.amount_edit, Qt.Key.Key_Return)
    assert _rows(store) == []
    assert expected in panel.message.text()


def test_the_missing_category_message_names_the_field_as_titled(page, qtbot, store):
    """The refusal names the field by the title shown over it (費目, the glossary's term), not
    another word the user has to map onto the form (it said 科目)."""
    panel = page.cash_book.panel
    _fill(panel, description="模造紙", amount="500")
    panel.category_combo.setCurrentIndex(0)
    assert panel.save() is False
    title = panel.titles[panel.category_combo].text()
    assert title == "費目"
    assert panel.message.text() == f"{title}を選んでください。"
    assert _rows(store) == []


def test_a_line_without_description_is_asked_about_not_saved_silently(page, store, answers):
    """摘要 left empty: the panel asks (「この行には摘要がありません」) before saving; 「いいえ」
    saves nothing and keeps what was typed."""
    from PySide6.QtWidgets import QMessageBox

    panel = page.cash_book.panel
    _fill(panel, category="consumables", description="", amount="1,234円", day="R7.6.1")
    answers.reply = QMessageBox.StandardButton.No
    assert panel.save() is False
    assert len(answers.asked) == 1 and "摘要がありません" in answers.asked[0]
    assert _rows(store) == []
    assert panel.amount_edit.text() == "1,234円" and panel.date_edit.text() == "R7.6.1"
    answers.reply = QMessageBox.StandardButton.Yes  # saved as it is, on purpose
    assert panel.save() is True
    assert panel.message.text() == "保存しました: R7.6.1 （摘要なし） 1,234円"


def test_the_panel_and_the_service_say_the_same(page, context, store):
    from kyodo_desktop.errors import ValidationError
    from kyodo_desktop.services.accounting import cash_book

    panel = page.cash_book.panel
    _fill(panel, category="consumables", description="模造紙", day="R8.4.1")
    assert panel.save() is False
    with pytest.raises(ValidationError) as caught:
        cash_book.record_entry(store, context.council_id, FY, panel.entry())
    assert caught.value.message == panel.message.text()


def test_warnings_are_asked_once_then_saved(page, store, answers):
    from PySide6.QtWidgets import QMessageBox

    panel = page.cash_book.panel
    _fill(panel, voucher="")  # 懇親会 (対象外経費の可能性) and no 領収書番号
    answers.reply = QMessageBox.StandardButton.No
    assert panel.save() is False
    assert len(answers.asked) == 1
    assert "懇親会" in answers.asked[0] and "領収書番号" in answers.asked[0]
    assert _rows(store) == []
    answers.reply = QMessageBox.StandardButton.Yes
    assert panel.save() is True
    assert len(answers.asked) == 2 and len(_rows(store)) == 1
    assert "保存しました" in panel.message.text()


def test_changing_a_grant_receipt_keeps_its_link_to_the_grant(page, context, store):
    """A 交付金 receipt edited in the panel (摘要, amount) stays linked to its grant, so the
    精算書's 受領額 does not lose it; moved to another fund it is no longer that grant's."""
    from kyodo_desktop.domain.accounting import INCOME, CashBookEntryInput
    from kyodo_desktop.services.accounting import cash_book, grants

    grant_id = grants.apply_grant(store, context.council_id, FY, "yamaguchi_activity_support", 500_000,
                                  date(FY, 4, 10))[0]
    entry_id = cash_book.record_entry(store, context.council_id, FY, CashBookEntryInput(
        entry_date=date(FY, 5, 1), fund_code="activity_support", direction=INCOME,
        category_code="grant", description="活動支援交付金", amount=250_000,
        grant_id=grant_id))[0]
    page.open_entry(entry_id)
    panel = page.cash_book.panel
    panel.description_edit.setText("活動支援交付金 概算払（第1回）")
    assert panel.save()
    assert store.scalar("SELECT grant_id FROM cash_book_entries WHERE id = ?",
                        (entry_id,)) == grant_id
    page.open_entry(entry_id)
    panel.fund_combo.setCurrentIndex(panel.fund_combo.findData("operating_support"))
    panel.category_combo.setCurrentIndex(panel.category_combo.findData("grant"))
    assert panel.save()
    assert store.scalar("SELECT fund_code FROM cash_book_entries WHERE id = ?",
                        (entry_id,)) == "operating_support"
    assert store.scalar("SELECT grant_id FROM cash_book_entries WHERE id = ?",
                        (entry_id,)) is None  # 活動支援's grant is not 運営支援's
