"""出納簿 benchmark: a council-year with 100,000 entries, the app's view vs raw SQL in the same run.

Prints (never asserts) the median times and their ratios:

- 出納簿 view open: the lazy model, cold (count + totals, the year's running balances, the cells
  a 1366×768 window shows) vs the raw SQL of the same first page and ``count(*)``, and vs the
  raw SQL that also gives the running balances (a window function). Goal ≤ 3× (and ≤ 200 ms).
- filter (text, fund + month): the model's reset and the shown cells vs the same filtered raw
  queries (goal ≤ 3×, ≤ 50 ms); the time with the table repainted is printed beside it.
- 予算対比: ``budget_vs_actual`` vs the raw ``GROUP BY``. Goal ≤ 2×.
- RSS of the process with the view open and scrolled to the end. Goal ≤ 250 MB.

Entries are inserted directly (no 変更履歴 rows), which changes nothing that is measured.
Run: ``QT_QPA_PLATFORM=offscreen python bench/cash_book.py [--entries 100000] [--runs 7]``.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
FY = 2025
VISIBLE_ROWS = 30
RAW_OPEN = """
SELECT * FROM (
  SELECT e.id, e.entry_date, e.fund_code, e.direction, e.description, e.amount, e.payee,
    e.voucher_no, coalesce(ic.name, ec.name) AS category_name,
    sum(CASE e.direction WHEN 'income' THEN e.amount ELSE -e.amount END)
      OVER (PARTITION BY e.fund_code ORDER BY e.entry_date, e.id) AS fund_balance,
    sum(CASE e.direction WHEN 'income' THEN e.amount ELSE -e.amount END)
      OVER (ORDER BY e.entry_date, e.id) AS balance
  FROM cash_book_entries e
  LEFT JOIN expense_categories ec ON ec.code = e.expense_category_code
  LEFT JOIN income_categories ic ON ic.code = e.income_category_code
  WHERE e.council_id = ? AND e.fiscal_year = ?) ORDER BY entry_date, id LIMIT 200
"""
RAW_FILTER = """
SELECT e.id, e.entry_date, e.fund_code, e.direction, e.description, e.amount, e.payee,
  e.voucher_no, coalesce(ic.name, ec.name) AS category_name
FROM cash_book_entries e
LEFT JOIN expense_categories ec ON ec.code = e.expense_category_code
LEFT JOIN income_categories ic ON ic.code = e.income_category_code
WHERE e.council_id = :c AND e.fiscal_year = :fy AND {where}
ORDER BY e.entry_date, e.id LIMIT 200
"""
RAW_COUNT = ("SELECT count(*), sum(amount) FROM cash_book_entries e WHERE e.council_id = :c "
             "AND e.fiscal_year = :fy AND {where}")
RAW_GROUP = ("SELECT fund_code, direction, coalesce(income_category_code, expense_category_code),"
             " sum(amount) FROM cash_book_entries WHERE council_id = ? AND fiscal_year = ? "
             "GROUP BY 1, 2, 3")
TEXT_WHERE = "(e.description LIKE :t OR e.payee LIKE :t OR e.memo LIKE :t OR e.voucher_no LIKE :t)"
FUND_MONTH_WHERE = "e.fund_code = :f AND e.entry_date >= :m0 AND e.entry_date < :m1"


def populate(store, count: int) -> int:
    """A council with the 山口市 programmes, budget lines and ``count`` entries of FY."""
    from kyodo_desktop.services.council import presets

    rng = random.Random(5)
    council = store.db["councils"].insert({"name": "ベンチ地域づくり協議会"}).last_pk
    presets.install_programs(store, "yamaguchi")
    expense = ["consumables", "printing", "postage", "honoraria", "wages", "rentals", "food"]
    words = ["コピー用紙", "切手", "会場使用料", "講師謝礼", "広報誌印刷", "事務局員賃金", "茶菓"]
    first = date(FY, 4, 1)
    rows = []
    for n in range(count):
        fund = rng.choice(["operating_support", "activity_support", "own_funds"])
        is_income = rng.random() < 0.1
        k = rng.randrange(len(expense))
        rows.append((council, FY, fund, (first + timedelta(days=rng.randrange(365))).isoformat(),
                     "income" if is_income else "expense",
                     "membership_fees" if is_income else None,
                     None if is_income else expense[k],
                     "会費" if is_income else f"{words[k]} {n % 97}",
                     rng.randint(100, 50_000) * (20 if is_income else 1), f"店{n % 311}",
                     "" if is_income else f"R-{n}"))
    with store.transaction() as db:
        db.conn.executemany(
            "INSERT INTO cash_book_entries (council_id, fiscal_year, fund_code, entry_date, "
            "direction, income_category_code, expense_category_code, description, amount, "
            "payee, voucher_no) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
        for fund in ("operating_support", "activity_support", "own_funds"):
            db["opening_balances"].insert({"council_id": council, "fiscal_year": FY,
                                           "fund_code": fund, "carried_in": 10_000_000})
            for code in expense:
                db["budget_lines"].insert({"council_id": council, "fiscal_year": FY,
                                           "fund_code": fund, "direction": "expense",
                                           "expense_category_code": code, "budget": 9_000_000})
    store.conn.execute("ANALYZE")
    return council


def median_ms(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def show(label: str, app_ms: float, raw_ms: float, goal: float) -> None:
    ratio = app_ms / raw_ms if raw_ms else float("inf")
    print(f"{label:<34} app {app_ms:8.1f} ms   raw {raw_ms:8.1f} ms   ratio {ratio:5.2f}× "
          f"(goal ≤ {goal:g}×)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QTableView

    from kyodo_desktop.services.accounting import figures
    from kyodo_desktop.services.accounting.budget import budget_vs_actual
    from kyodo_desktop.store import open_store
    from kyodo_desktop.ui.accounts.models import CashBookModel

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "bench.sqlite3")
        started = time.perf_counter()
        council = populate(store, options.entries)
        print(f"{options.entries:,} entries written in {time.perf_counter() - started:.1f} s; "
              f"RSS before the view {rss_mb():.0f} MB")
        holder: list = []

        def screen(model) -> None:  # what a 1366×768 window asks for: 30 rows × 11 columns
            for row in range(min(VISIBLE_ROWS, model.rowCount())):
                for column in range(model.columnCount()):
                    model.data(model.index(row, column))

        def open_model() -> None:
            figures.forget_running_balances()  # cold: the running balances are recomputed
            holder[:] = [CashBookModel(store, council, FY)]
            screen(holder[0])

        raw = (council, FY)

        def raw_page() -> None:
            store.query(RAW_FILTER.format(where="1"), {"c": council, "fy": FY})
            store.query(RAW_COUNT.format(where="1"), {"c": council, "fy": FY})

        app_open = median_ms(open_model, options.runs)
        show("出納簿 view open (cold) vs page", app_open, median_ms(raw_page, options.runs), 3)
        show("  … vs page with balances (window)", app_open,
             median_ms(lambda: store.query(RAW_OPEN, raw), options.runs), 3)
        model = CashBookModel(store, council, FY)
        view = QTableView()
        view.resize(1366, 600)
        view.verticalHeader().hide()
        view.setModel(model)
        view.show()
        app.processEvents()
        filters = [
            ("filter: text 「切手」", {"text": "切手"}, TEXT_WHERE, {"t": "%切手%"}),
            ("filter: fund 活動支援 + 6月", {"fund": "activity_support", "month": 6},
             FUND_MONTH_WHERE, {"f": "activity_support", "m0": f"{FY}-06-01",
                                "m1": f"{FY}-07-01"}),
        ]
        for label, kwargs, where, params in filters:
            values = {"c": council, "fy": FY, **params}

            def apply(kwargs=kwargs):
                model.set_filters(**kwargs)
                screen(model)

            def raw_query(where=where, values=values):
                store.query(RAW_FILTER.format(where=where), values)
                store.query(RAW_COUNT.format(where=where), values)

            def painted(kwargs=kwargs):
                model.set_filters(**kwargs)
                app.processEvents()

            show(label, median_ms(apply, options.runs), median_ms(raw_query, options.runs), 3)
            print(f"  … with the table repainted: {median_ms(painted, options.runs):.1f} ms")
        show("予算対比 vs GROUP BY", median_ms(lambda: budget_vs_actual(store, council, FY),
                                            options.runs),
             median_ms(lambda: store.query(RAW_GROUP, raw), options.runs), 2)
        model.set_filters()
        view.scrollToBottom()
        app.processEvents()
        print(f"RSS with the view open (scrolled to the end): {rss_mb():.0f} MB (goal ≤ 250 MB)")
        view.close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
