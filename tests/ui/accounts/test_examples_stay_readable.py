"""At every text size the grey examples of the 交付金 and 予算の流用 rows are shown whole (「日付（例:
R8.4.15）」, 「金額（円）」), not cut to 「日付（…」: the rows wrap at large text instead. The date
example is a day of the 年度 shown."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from kyodo_desktop.services.settings import TEXT_SIZES


@pytest.mark.parametrize("size", list(TEXT_SIZES))
def test_grant_and_transfer_examples_are_shown_whole(area_at_size, app, size):
    with area_at_size("accounts", size) as page:
        window = page.window()
        assert page.grants.date_edit.font().pointSizeF() == app.font().pointSizeF()
        for tab, fields in ((page.grants, ("date_edit", "amount_edit", "number_edit")),
                            (page.budget, ("transfer_amount", "transfer_date"))):
            page.tabs.setCurrentWidget(tab)
            window.resize(1366, 768)
            for _ in range(3):
                QApplication.processEvents()
            for name in fields:
                edit = getattr(tab, name)
                wanted = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
                assert edit.contentsRect().width() >= wanted, (size, name)
            assert tab.minimumSizeHint().width() <= tab.width(), size
        assert window.context.fiscal_year == 2026
        assert "R8.4.15" in page.grants.date_edit.placeholderText()


@pytest.mark.parametrize("size", list(TEXT_SIZES))
def test_cash_book_entry_examples_are_shown_whole(area_at_size, size):
    """The grey examples of the 出納簿 entry line (日付, 摘要, 金額, 支払先, 領収書番号) are whole at
    every text size: 摘要's was cut to 「買ったもの・受け取った…」 at とても大きい."""
    with area_at_size("accounts", size, "出納簿") as page:
        panel = page.cash_book.panel
        cut = [edit.placeholderText() for edit in (
            panel.date_edit, panel.description_edit, panel.amount_edit, panel.payee_edit,
            panel.voucher_edit)
            if edit.contentsRect().width() - 4 < edit.fontMetrics().horizontalAdvance(
                edit.placeholderText())]
    assert cut == [], size
