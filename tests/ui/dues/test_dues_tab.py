"""The 会費 tab of the 予算・出納 page on the demo: the list with its 合計 row, recording a payment
by keyboard (Enter on the list, Enter in 納入額), undo, hostile input shown in Japanese, a closed
year, and a screenshot at every text size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.services.accounting import figures
from kyodo_desktop.services.dues.status import dues_status

FY = 2026


@pytest.fixture
def tab(open_window, demo_path, qtbot):
    from kyodo_desktop.ui.areas import area_row

    window = open_window(demo_path)
    window.context.set_fiscal_year(FY)
    page = window.show_area(area_row("accounts"))
    page.tabs.setCurrentWidget(page.dues)
    qtbot.waitUntil(lambda: page.dues.isVisible())
    window.activateWindow()  # keyboard focus moves only in the active window
    qtbot.waitActive(window)
    return page.dues


def _line(tab, status_code):
    return next(line for line in tab.status.lines if line.status == status_code)


def test_the_list_shows_every_association_and_a_total_row(tab):
    context = tab.context
    status = dues_status(context.store, context.council_id, FY)
    assert tab.table.rowCount() == len(status.lines) + 1 == 38
    last = tab.table.rowCount() - 1
    assert tab.table.item(last, 0).text() == "合計"
    assert tab.table.item(last, 2).text() == format_yen(status.billed)
    assert tab.table.item(last, 3).text() == format_yen(figures.category_income(
        context.store, context.council_id, FY, "membership_fees"))
    assert tab.household_edit.text() == "300"
    assert "未納 3" in tab.summary.text() and "一部 1" in tab.summary.text()


def test_a_payment_is_recorded_by_keyboard_and_undone(tab, qtbot):
    context = tab.context
    unpaid = _line(tab, "unpaid")
    tab.select_association(unpaid.organization_id)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert tab.amount_edit.hasFocus()
    assert tab.amount_edit.text() == f"{unpaid.billed:,}"
    tab.day_edit.setText("R8.11.5")
    before = figures.category_income(context.store, context.council_id, FY, "membership_fees")
    qtbot.keyClick(tab.amount_edit, Qt.Key.Key_Return)
    after = figures.category_income(context.store, context.council_id, FY, "membership_fees")
    assert after == before + unpaid.billed, tab.message.text()
    assert "出納簿に記帳しました" in tab.message.text()
    line = next(x for x in tab.status.lines if x.organization_id == unpaid.organization_id)
    assert line.status == "paid"
    assert tab.selected_line().organization_id != unpaid.organization_id  # the next one
    context.undo_stack.undo()
    assert figures.category_income(context.store, context.council_id, FY,
                                   "membership_fees") == before


@pytest.mark.parametrize(("amount", "day", "words"), [
    ("-500", "R8.11.5", "マイナス"), ("99999999999", "R8.11.5", "10,000,000"),
    ("１．５", "R8.11.5", "小数"), ("1000", "R9.4.1", "令和8年度"), ("1000", "あした", "日付")])
def test_hostile_input_is_shown_in_japanese_and_nothing_is_written(tab, amount, day, words):
    context = tab.context
    before = dues_status(context.store, context.council_id, FY)
    tab.select_association(_line(tab, "unpaid").organization_id)
    tab.amount_edit.setText(amount)
    tab.day_edit.setText(day)
    assert not tab.record()
    assert words in tab.message.text()
    assert dues_status(context.store, context.council_id, FY) == before
    assert tab.household_edit.text() == "300"


def test_the_closed_year_is_read_only(tab):
    tab.context.set_fiscal_year(2025)
    tab.reload()
    assert not tab.record_button.isEnabled() and not tab.rate_button.isEnabled()
    assert tab.table.rowCount() == 38


def test_a_payment_is_cancelled_with_its_entry(tab):
    context = tab.context
    partial = _line(tab, "partial")
    tab.select_association(partial.organization_id)
    tab.payments.selectRow(0)
    assert tab.cancel_payment()
    line = next(x for x in tab.status.lines if x.organization_id == partial.organization_id)
    assert line.status == "unpaid"
    assert dues_status(context.store, context.council_id, FY).paid == figures.category_income(
        context.store, context.council_id, FY, "membership_fees")


def test_prints_from_the_tab(tab, tmp_path):
    from kyodo_desktop.reports.readback import page_texts

    path = tab.printing.print_paper("dues-status", tmp_path / "status.pdf")
    assert path is not None and "会費納入状況一覧" in page_texts(path.read_bytes())[0]
