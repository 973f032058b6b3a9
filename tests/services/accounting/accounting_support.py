"""Helpers of the accounting tests: a council with the 山口市 preset installed, entry builders."""

from __future__ import annotations

import itertools
from datetime import date

from kyodo_desktop.domain.accounting import CashBookEntryInput

FY = 2025  # 令和7年度: 2025-04-01 … 2026-03-31
_names = itertools.count(1)


def new_council(store, *, households: int | None = 11_500, population: int | None = 23_000) -> int:
    """A fresh council (unique name) with the preset's programmes and 年度 figures of FY."""
    from kyodo_desktop.services.council import presets

    council_id = store.db["councils"].insert({"name": f"テスト地域づくり協議会{next(_names)}"}).last_pk
    presets.install_programs(store, "yamaguchi")
    store.db["council_year_stats"].insert({"council_id": council_id, "fiscal_year": FY,
                                           "households": households, "population": population})
    return council_id


def entry(day: date | None = None, *, fund: str = "own_funds", direction: str = "expense",
          category: str | None = None, amount: int = 1000, description: str = "コピー用紙",
          voucher_no: str | None = None, payee: str = "文具店", memo: str = "",
          **extra) -> CashBookEntryInput:
    """A valid entry of FY; expenses get a fresh 領収書番号 unless one is given."""
    if category is None:
        category = "consumables" if direction == "expense" else "membership_fees"
    if voucher_no is None:
        voucher_no = f"R-{next(_names)}" if direction == "expense" else ""
    return CashBookEntryInput(entry_date=day or date(FY, 5, 1), fund_code=fund,
                              direction=direction, category_code=category,
                              description=description, amount=amount, payee=payee,
                              voucher_no=voucher_no, memo=memo, **extra)


def file_at_version(path, version: int):
    """A new data file at ``path`` made by the migrations up to ``version`` (a file of an older
    app); returns its open sqlite3 connection (the caller adds rows, commits and closes)."""
    import sqlite3

    from kyodo_desktop.store.database import APPLICATION_ID
    from kyodo_desktop.store.migrations import all_migrations

    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for migration in all_migrations()[:version]:
        for statement in migration.statements:
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    return conn
