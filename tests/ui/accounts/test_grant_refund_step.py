"""交付金 tab: 「返還（返還金を出納簿に記帳）」 records the 返還日 and books the 返還金 in the
出納簿 of the 年度 it was paid in, as one undo step (before, the window had no way to book a
返還金 linked to its grant, so 提出前の点検's 「返還額と出納簿」 could not be cleared)."""

from __future__ import annotations

from datetime import date

from kyodo_desktop.domain.accounting import CashBookEntryInput
from kyodo_desktop.services.accounting import cash_book, figures, grants

from .conftest import FY

ACTIVITY = "yamaguchi_activity_support"


def _settled(store, council) -> int:
    grant_id, _ = grants.apply_grant(store, council, FY, ACTIVITY, 1_000_000, date(FY, 3, 1))
    grants.decide_grant(store, grant_id, 1_000_000, date(FY, 4, 10))
    grants.record_payment(store, grant_id, 1_000_000, date(FY, 4, 25))
    cash_book.record_entries(store, council, FY, [CashBookEntryInput(
        date(FY, 5, 1), "activity_support", "expense", "consumables", "用紙", 700_000)])
    grants.report_grant(store, grant_id, date(FY + 1, 4, 20))
    grants.settle_grant(store, grant_id, date(FY + 1, 5, 10))
    return grant_id


def test_the_refund_step_books_the_refund_and_is_undone_whole(page, context, store, council):
    grant_id = _settled(store, council)
    tab = page.grants
    page.tabs.setCurrentWidget(tab)
    tab.reload()
    tab.program_combo.setCurrentIndex(tab.program_combo.findData(ACTIVITY))
    tab.step_combo.setCurrentIndex(tab.step_combo.findData("refunded"))
    assert tab.step_combo.currentText() == "返還（返還金を出納簿に記帳）"
    assert not tab.amount_edit.isEnabled()  # the amount is the settlement's
    tab.date_edit.setText("R8.5.20")
    assert tab.record_step()
    assert figures.refunds_booked(store, grant_id, fiscal_year=FY + 1) == 300_000
    assert store.scalar("SELECT refunded_on FROM grants WHERE id = ?", (grant_id,)) == \
        "2026-05-20"
    context.undo_stack.undo()
    assert figures.refunds_booked(store, grant_id) == 0
    assert store.scalar("SELECT refunded_on FROM grants WHERE id = ?", (grant_id,)) is None
