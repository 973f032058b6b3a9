"""Year-end set benchmark: the 年度末一式 (実績報告書, 事業実績書, 収支決算書, 会計監査報告書,
精算書, 出納簿 of every fund) of a council-year with 2,000 出納簿 entries, against a bare
reportlab script drawing the same 出納簿 rows as one platypus Table, in the same run.

The demo's closed 令和7年度 is reopened, filled up to 2,000 entries (自主財源, balanced so no
fund goes below zero) and closed again, so the set prints as final (no draft). Prints the median
seconds of each (N runs, alternating) and the ratio; goals: ≤ 1.5× and < 2 s.
Run: ``python bench/year_end_set.py [--runs 5]``.
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET = 2000
YEAR = 2025


def prepare(path: Path):
    """A demo data file whose 令和7年度 holds TARGET entries and is closed; (store, council)."""
    from kyodo_desktop.demo.build import build_demo
    from kyodo_desktop.domain.accounting import CashBookEntryInput
    from kyodo_desktop.services.accounting import cash_book, year_close
    from kyodo_desktop.store import open_store

    store = open_store(path)
    build_demo(store)
    council = store.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")
    year_close.reopen_year(store, council, YEAR, "bench")
    have = store.scalar("SELECT count(*) FROM cash_book_entries WHERE council_id = ? AND "
                        "fiscal_year = ?", (council, YEAR))
    rng = random.Random(2000)
    entries = []
    for n in range(TARGET - have):
        day = date(YEAR, 4, 1) + timedelta(days=rng.randrange(364))
        income = n % 2 == 0
        entries.append(CashBookEntryInput(
            day, "own_funds", "income" if income else "expense",
            "miscellaneous_income" if income else "consumables",
            "バザー売上" if income else "事務用品（ベンチマーク用）", 1200,
            voucher_no="" if income else f"B-{n:04d}"))
    entries.sort(key=lambda e: (e.entry_date, e.direction != "income"))
    cash_book.record_entries(store, council, YEAR, entries)
    year_close.close_year(store, council, YEAR)
    return store, council


def bare_reportlab(rows: list[list[str]]) -> bytes:
    """The same 出納簿 rows as one Table in a SimpleDocTemplate: the bare-reportlab baseline."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from kyodo_desktop.reports.fonts import GOTHIC, register_fonts

    register_fonts()
    buffer = io.BytesIO()
    table = Table([["日付", "摘要", "費目", "収入", "支出", "残高", "領収書番号"], *rows],
                  repeatRows=1)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), GOTHIC, 8),
                               ("GRID", (0, 0), (-1, -1), 0.4, (0, 0, 0)),
                               ("ALIGN", (3, 1), (5, -1), "RIGHT")]))
    SimpleDocTemplate(buffer, pagesize=A4).build([table])
    return buffer.getvalue()


def table_rows(store, council: int) -> list[list[str]]:
    """The 出納簿 rows as the bare script prints them."""
    from kyodo_desktop.domain import wareki
    from kyodo_desktop.domain.formatting import format_yen
    from kyodo_desktop.services.forms.books import cash_books

    return [[wareki.format_wareki(r.entry_date, "short"), r.description, r.category,
             format_yen(r.income) if r.income else "", format_yen(r.expense) if r.expense else "",
             format_yen(r.balance), r.voucher_no]
            for book in cash_books(store, council, YEAR) for r in book.rows]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from kyodo_desktop.reports.registry import ReportRequest, report_kinds

    with tempfile.TemporaryDirectory() as folder:
        store, council = prepare(Path(folder) / "bench.sqlite3")
        build = report_kinds()["year-end"].build
        rows = table_rows(store, council)
        ours, bare, pages = [], [], 0
        build(store, ReportRequest(council, YEAR))  # warm up fonts and imports
        bare_reportlab(rows[:50])
        for _run in range(args.runs):
            start = time.perf_counter()
            pdf = build(store, ReportRequest(council, YEAR))
            ours.append(time.perf_counter() - start)
            pages = pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page")
            start = time.perf_counter()
            bare_reportlab(rows)
            bare.append(time.perf_counter() - start)
        store.close()
    mine, base = statistics.median(ours), statistics.median(bare)
    print(f"entries: {len(rows)}  year-end set: {pages} pages")
    print(f"year-end set (kyodo-desktop): {mine:.3f} s (median of {args.runs})")
    print(f"bare reportlab table, same rows: {base:.3f} s")
    print(f"ratio: {mine / base:.2f}x  (goal <= 1.5x and < 2 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
