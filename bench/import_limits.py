"""Import limits benchmark: the zip bomb refused and a 100,000-row 出納簿 read, against baselines
measured in the same run. Prints (never asserts) seconds, rows/s, peak RSS and ratios:

- zip bomb (a 1.5 MB .xlsx unpacking to 1.5 GB, tests/safety/hostile_sheets.py): the time and
  peak RSS of ``preview_cash_book`` refusing it (goal ≤ 3 s, ≤ 200 MB), vs the same preview of a
  two-row workbook (the baseline: start-up and imports of the same process).
- 100,000-row 出納簿 (.xlsx, 12 columns as the app exports them): ``preview_cash_book`` (the whole
  check of a dry run: safe reader, row parsing, 残高 check) in rows/s and peak RSS (goal ≥ 20,000
  rows/s, ≤ 300 MB), and the whole import (preview, then ``apply_import`` into a new data file:
  checks, inserts and the 変更履歴 in one transaction), both vs openpyxl alone iterating the same
  sheet in read-only, values-only mode (C XML parser, no checks); the dry run with every row
  taken the exact row-by-row way (no remembered parts, :mod:`kyodo_desktop.io.cash_book_take`);
  and the import with the 変更履歴 written as before schema step 23 (one record, JSON and hash
  per row instead of one per batch of rows: ``audit.LOGGED_TOGETHER`` out of reach), and with
  Python's cycle collector left running (:mod:`kyodo_desktop.io.bulk` pauses it).
- 元に戻す / やり直し of that import (``services.changes.undo`` / ``redo`` of the import run
  through ``undoable`` in a new data file): seconds, CPU and the peak RSS of the step alone (the
  peak is reset after the import, /proc/self/clear_refs), per batch (schema step 24: deleted and
  written again by id range, one change-log record per batch) vs the same step row by row as
  before (the undo snapshot holding every row, one delete or insert and one record per row:
  ``snapshot._logged_batches`` finding nothing) — goal ≤ 300 MB and several times faster.

Each measurement runs in its own process; the peak RSS is its VmHWM (/proc, Linux) or ru_maxrss.
Seconds are wall-clock; the CPU seconds of the process are printed beside them (on a busy
machine the wall-clock figure includes the time the process waited for a core: the load average
is printed at the start and the end).
Run: ``python bench/import_limits.py [--rows 100000]``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEASURE = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
def peak_mb():
    try:
        with open("/proc/self/status") as status:
            return next(int(l.split()[1]) for l in status if l.startswith("VmHWM")) / 1024
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
def rss_mb():
    try:
        with open("/proc/self/status") as status:
            return next(int(l.split()[1]) for l in status if l.startswith("VmRSS")) / 1024
    except OSError:
        return 0.0
def reset_peak():
    try:  # Linux: the peak RSS (VmHWM) starts again from the current RSS
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
    except OSError:
        pass  # elsewhere the peak stays the process's whole one
start, cpu = time.perf_counter(), time.process_time()
{body}
print(json.dumps({{"seconds": time.perf_counter() - start, "rss_mb": peak_mb(), "rows": rows,
                  "cpu": time.process_time() - cpu, "note": note}}))
"""
PREVIEW = """
from kyodo_desktop.errors import UserError
from kyodo_desktop.io.cash_book_import import preview_cash_book
start, cpu = time.perf_counter(), time.process_time()
try:
    preview = preview_cash_book({path!r}, fiscal_year=2025, fund_code="own_funds")
    rows, note = len(preview.rows), f"{{len(preview.bad_rows)}} bad rows"
except UserError as error:
    rows, note = 0, "refused: " + error.message[:60]
"""
EXACT_ROWS = """
import functools
from kyodo_desktop.io import cash_book_import
from kyodo_desktop.io.cash_book_take import RowTaker
cash_book_import.RowTaker = functools.partial(RowTaker, fast=False)
"""
COLLECTOR_ON = """
import contextlib
from kyodo_desktop.io import cash_book_import
cash_book_import.collector_paused = contextlib.nullcontext
"""
PER_ROW_LOG = """
from kyodo_desktop.store import audit
audit.LOGGED_TOGETHER = 10 ** 9
"""
IMPORT = """
import tempfile
from pathlib import Path
from kyodo_desktop.io.cash_book_import import apply_import, preview_cash_book
from kyodo_desktop.services.council.profile import create_council
from kyodo_desktop.store import open_store
with tempfile.TemporaryDirectory() as folder:
    with open_store(Path(folder) / "k.sqlite3") as store:
        council_id, _changes = create_council(store, "湯田地域づくり協議会")
        start, cpu = time.perf_counter(), time.process_time()
        preview = preview_cash_book({path!r}, fiscal_year=2025, fund_code="own_funds")
        apply_import(store, council_id, 2025, preview)
        rows = store.scalar("SELECT count(*) FROM cash_book_entries")
        note = f"{{rows:,}} entries stored"
"""
PER_ROW_UNDO = """
from kyodo_desktop.store import snapshot
snapshot._logged_batches = lambda conn, log_start: iter(())
"""
UNDO = """
import gc, tempfile
from pathlib import Path
from kyodo_desktop.io.cash_book_import import apply_import, preview_cash_book
from kyodo_desktop.services.changes import redo, undo, undoable
from kyodo_desktop.services.council.profile import create_council
from kyodo_desktop.store import open_store
with tempfile.TemporaryDirectory() as folder:
    with open_store(Path(folder) / "k.sqlite3") as store:
        council_id, _changes = create_council(store, "湯田地域づくり協議会")
        preview = preview_cash_book({path!r}, fiscal_year=2025, fund_code="own_funds")
        done = undoable(store, lambda: apply_import(store, council_id, 2025, preview))
        del preview
        if {redo!r}:
            undo(store, done)
        gc.collect()
        mark = store.scalar("SELECT max(id) FROM audit_log")
        reset_peak()
        resident = rss_mb()
        start, cpu = time.perf_counter(), time.process_time()
        (redo if {redo!r} else undo)(store, done)
        rows = {rows}
        stored = store.scalar("SELECT count(*) FROM cash_book_entries")
        records = store.scalar("SELECT count(*) FROM audit_log WHERE id > ?", (mark,))
        note = (f"{{stored:,}} entries stored, {{records:,}} change-log records, "
                f"{{resident:.0f}} MB resident before the step")
"""
OPENPYXL = """
import openpyxl
start, cpu = time.perf_counter(), time.process_time()
book = openpyxl.load_workbook({path!r}, read_only=True, data_only=True)
rows = sum(1 for _ in book.active.iter_rows(values_only=True))
book.close()
note = "openpyxl read-only, values only"
"""


def _hostile_sheets():
    spec = importlib.util.spec_from_file_location(
        "hostile_sheets", ROOT / "tests" / "safety" / "hostile_sheets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def measure(body: str, env: dict | None = None) -> dict:
    """Run ``body`` in a fresh interpreter; its seconds (from after start-up), rows, peak RSS."""
    script = MEASURE.format(root=str(ROOT), body=body)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, env={**os.environ, **(env or {})})
    return json.loads(done.stdout.strip().splitlines()[-1])


def write_book(path: Path, rows: int) -> None:
    """A 出納簿 like the app's export: title rows, header, ``rows`` entries of 2025年度 with
    their running 残高 (checked row by row on reading)."""
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("出納簿")
    sheet.append(["令和7年度 出納簿"])
    sheet.append([])
    sheet.append(["日付", "会計区分", "収支", "費目", "摘要", "収入", "支出", "残高", "支払先",
                  "領収書番号", "事業", "備考"])
    start, balance = date(2025, 4, 1), 0
    for index in range(rows):
        day = start + timedelta(days=index * 365 // rows)
        if index % 10 == 0:
            balance += 5000
            sheet.append([day, "自主財源", "収入", "会費", f"会費 {index}", 5000, None, balance,
                          "", "", "", ""])
        else:
            balance -= 300
            sheet.append([day, "自主財源", "支出", "消耗品費", f"用紙 {index}", None, 300,
                          balance, "文具店", str(index), "", ""])
    workbook.save(path)


def _line(label: str, figures: dict, extra: str = "") -> None:
    print(f"  {label:<34} {figures['seconds']:7.2f} s ({figures['cpu']:.2f} s CPU) "
          f"{figures['rss_mb']:6.0f} MB  {figures['note']}{extra}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    hostile = _hostile_sheets()
    _load("start")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        bomb = hostile.write_zip_bomb(folder / "bomb.xlsx")
        small = folder / "small.xlsx"
        small.write_bytes(hostile.workbook_bytes([hostile.HEADER, *hostile.GOOD_ROWS]))
        print(f"zip bomb: {bomb.stat().st_size / 1e6:.1f} MB file, 1.5 GB unpacked")
        base = measure(PREVIEW.format(path=str(small)))
        refused = measure(PREVIEW.format(path=str(bomb)))
        _line("baseline: two-row workbook", base)
        _line("zip bomb refused", refused, f"  (time ×{refused['seconds'] / base['seconds']:.1f},"
              f" RSS ×{refused['rss_mb'] / base['rss_mb']:.2f}; goal ≤ 3 s, ≤ 200 MB)")
        book = folder / "book.xlsx"
        write_book(book, args.rows)
        print(f"cash book: {args.rows:,} rows, {book.stat().st_size / 1e6:.1f} MB")
        plain = measure(OPENPYXL.format(path=str(book)), env={"OPENPYXL_DEFUSEDXML": "False"})
        exact = measure(EXACT_ROWS + PREVIEW.format(path=str(book)))
        checked = measure(PREVIEW.format(path=str(book)))
        imported = measure(IMPORT.format(path=str(book)))
        per_row = measure(PER_ROW_LOG + IMPORT.format(path=str(book)))
        collected = measure(COLLECTOR_ON + IMPORT.format(path=str(book)))
        _line("baseline: openpyxl values only", plain, f"  ({_rates(args.rows, plain)})")
        _line("baseline: every row the exact way", exact, f"  ({_rates(args.rows, exact)})")
        _line("baseline: import, per-row log", per_row, f"  ({_rates(args.rows, per_row)})")
        _line("baseline: import, collector on", collected,
              f"  ({_rates(args.rows, collected)})")
        steps = {(kind, way): measure((PER_ROW_UNDO if way == "row" else "") + UNDO.format(
                     path=str(book), redo=kind == "redo", rows=args.rows))
                 for kind in ("undo", "redo") for way in ("row", "batch")}
        for kind in ("undo", "redo"):
            _line(f"baseline: {kind} row by row", steps[kind, "row"])
        print(f"  remembered parts: the dry run takes ×{exact['cpu'] / checked['cpu']:.1f} less "
              "CPU than with every row taken the exact way")
        print(f"  change log per batch: the import takes ×{per_row['cpu'] / imported['cpu']:.2f} "
              "less CPU than with a record per row")
        print(f"  cycle collector paused: the import takes ×{collected['cpu'] / imported['cpu']:.2f}"
              " less CPU than with it running")
        for label, figures in (("preview_cash_book (dry run)", checked),
                               ("import (preview + apply_import)", imported)):
            _line(label, figures, f"  ({_rates(args.rows, figures)}; "
                  f"{plain['seconds'] / figures['seconds']:.1f}× openpyxl's rate, "
                  f"{plain['cpu'] / figures['cpu']:.1f}× by CPU)")
            print(f"    goal ≥ {GOAL_ROWS_PER_SECOND:,} rows/s and ≤ {GOAL_RSS_MB} MB: "
                  f"{_goal(args.rows, figures)}")
        for kind in ("undo", "redo"):
            row, batch = steps[kind, "row"], steps[kind, "batch"]
            _line(f"{kind} of the import, per batch", batch, "  " + _step_ratio(row, batch))
    _load("end")


#: The goal of issue 12 for a plain 100,000-row 出納簿, dry run and import alike.
GOAL_ROWS_PER_SECOND = 20_000
GOAL_RSS_MB = 300


def _goal(rows: int, figures: dict) -> str:
    """Whether ``figures`` meet the goal, by wall-clock and by CPU seconds, with the ratios."""
    wall, cpu = rows / figures["seconds"], rows / figures["cpu"]
    verdicts = [f"{name} {rate / GOAL_ROWS_PER_SECOND:.2f}× the rate goal "
                f"({'met' if rate >= GOAL_ROWS_PER_SECOND else 'NOT met'})"
                for name, rate in (("wall-clock", wall), ("CPU", cpu))]
    memory = "met" if figures["rss_mb"] <= GOAL_RSS_MB else "NOT met"
    return ", ".join(verdicts) + f"; peak RSS {figures['rss_mb']:.0f} MB ({memory})"


def _step_ratio(row: dict, batch: dict) -> str:
    """The per-batch undo or redo against the row-by-row baseline of the same run."""
    memory = "met" if batch["rss_mb"] <= GOAL_RSS_MB else "NOT met"
    return (f"(×{row['seconds'] / batch['seconds']:.1f} faster, "
            f"×{row['cpu'] / batch['cpu']:.1f} less CPU, ×{row['rss_mb'] / batch['rss_mb']:.1f} "
            f"less peak RSS than row by row; ≤ {GOAL_RSS_MB} MB {memory})")


def _load(when: str) -> None:
    """The load average (1, 5, 15 min) and the cores: other work on the machine slows the
    wall-clock figures, not the CPU ones."""
    if hasattr(os, "getloadavg"):
        one, five, fifteen = os.getloadavg()
        print(f"load average at the {when}: {one:.2f} {five:.2f} {fifteen:.2f} "
              f"({os.cpu_count()} cores)")


def _rates(rows: int, figures: dict) -> str:
    return (f"{rows / figures['seconds']:,.0f} rows/s, "
            f"{rows / figures['cpu']:,.0f} rows per CPU second")


if __name__ == "__main__":
    main()
