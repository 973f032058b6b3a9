"""bench/import_limits.py states the goal of a 100,000-row import honestly (met or not, by
wall-clock and by CPU) and its per-row change-log baseline really logs one record per row."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.domain.accounting import CashBookEntryInput
from kyodo_desktop.services.accounting import cash_book
from kyodo_desktop.services.council.profile import create_council
from kyodo_desktop.store import audit

from .conftest import bench_module


@pytest.fixture(scope="module")
def bench():
    return bench_module("import_limits")


def test_the_goal_line_says_met_or_not_met_with_the_ratio(bench):
    fast = {"seconds": 4.0, "cpu": 3.9, "rss_mb": 201.0}
    assert bench._goal(100_000, fast) == (
        "wall-clock 1.25× the rate goal (met), CPU 1.28× the rate goal (met); "
        "peak RSS 201 MB (met)")
    busy = {"seconds": 7.0, "cpu": 4.0, "rss_mb": 320.0}
    assert bench._goal(100_000, busy) == (
        "wall-clock 0.71× the rate goal (NOT met), CPU 1.25× the rate goal (met); "
        "peak RSS 320 MB (NOT met)")


def test_the_per_row_baseline_logs_one_record_per_row(bench, store, monkeypatch):
    monkeypatch.setattr(audit, "LOGGED_TOGETHER", audit.LOGGED_TOGETHER)  # restored afterwards
    exec(bench.PER_ROW_LOG, {})  # noqa: S102 - the bench's own snippet
    council, _changes = create_council(store, "湯田地域づくり協議会")
    entries = [CashBookEntryInput(entry_date=date(2025, 5, 1), fund_code="own_funds",
                                  direction="expense", category_code="consumables",
                                  description=f"用紙 {n}", amount=100 + n)
               for n in range(audit.BATCH + 10)]
    cash_book.record_entries(store, council, 2025, entries)
    assert store.scalar("SELECT count(*) FROM audit_log WHERE table_name = "
                        "'cash_book_entries'") == len(entries)
