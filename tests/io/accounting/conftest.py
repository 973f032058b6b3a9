"""Fixtures of the 出納簿 import/export and close-year CLI tests: a council with the 山口市
programmes in the test's private database, and entry builders (``write_csv``: tests/conftest.py)."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from kyodo_desktop.domain.accounting import CashBookEntryInput

FY = 2025  # 令和7年度
_numbers = itertools.count(1)


def make_entry(day: date, *, fund: str = "own_funds", direction: str = "expense",
               category: str | None = None, amount: int = 1000, description: str = "コピー用紙",
               payee: str = "文具店", voucher_no: str | None = None, memo: str = "",
               **extra) -> CashBookEntryInput:
    """A valid entry; expenses get a fresh 領収書番号 unless one is given."""
    if category is None:
        category = "consumables" if direction == "expense" else "membership_fees"
    if voucher_no is None:
        voucher_no = f"R-{next(_numbers)}" if direction == "expense" else ""
    return CashBookEntryInput(entry_date=day, fund_code=fund, direction=direction,
                              category_code=category, description=description, amount=amount,
                              payee=payee, voucher_no=voucher_no, memo=memo, **extra)


@pytest.fixture
def council(store) -> int:
    """A council named 「テスト地域づくり協議会」 with the preset's programmes installed."""
    from kyodo_desktop.services.council import presets

    council_id = store.db["councils"].insert({"name": "テスト地域づくり協議会"}).last_pk
    presets.install_programs(store, "yamaguchi")
    return council_id
