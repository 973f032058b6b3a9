"""Import limits benchmark: the zip bomb refused and a 100,000-row 出納簿 read, against baselines
measured in the same run. Prints (never asserts) seconds, rows/s, peak RSS and ratios:

- zip bomb (a 1.5 MB .xlsx unpacking to 1.5 GB, tests/safety/hostile_sheets.py): the time and
  peak RSS of ``preview_cash_book`` refusing it (goal ≤ 3 s, ≤ 200 MB), vs the same preview of a
  two-row workbook (the baseline: start-up and imports of the same process).
- 100,000-row 出納簿 (.xlsx, 12 columns as the app exports them): ``preview_cash_book`` (the whole
  check of a dry run: safe reader, row parsing, 残高 check) in rows/s and peak RSS (goal ≥ 20,000
  rows/s, ≤ 300 MB), vs openpyxl alone iterating the same sheet in read-only, values-only mode
  (C XML parser, no checks).

Each measurement runs in its own process; the peak RSS is its VmHWM (/proc, Linux) or ru_maxrss.
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
start = time.perf_counter()
{body}
print(json.dumps({{"seconds": time.perf_counter() - start, "rss_mb": peak_mb(), "rows": rows,
                  "note": note}}))
"""
PREVIEW = """
from kyodo_desktop.errors import UserError
from kyodo_desktop.io.cash_book_import import preview_cash_book
start = time.perf_counter()
try:
    preview = preview_cash_book({path!r}, fiscal_year=2025, fund_code="own_funds")
    rows, note = len(preview.rows), f"{{len(preview.bad_rows)}} bad rows"
except UserError as error:
    rows, note = 0, "refused: " + error.message[:60]
"""
OPENPYXL = """
import openpyxl
start = time.perf_counter()
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
    """A 出納簿 like the app's export: title rows, header, ``rows`` entries of 2025年度."""
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("出納簿")
    sheet.append(["令和7年度 出納簿"])
    sheet.append([])
    sheet.append(["日付", "会計区分", "収支", "費目", "摘要", "収入", "支出", "残高", "支払先",
                  "領収書番号", "事業", "備考"])
    start = date(2025, 4, 1)
    for index in range(rows):
        day = start + timedelta(days=index * 365 // rows)
        if index % 10 == 0:
            sheet.append([day, "自主財源", "収入", "会費", f"会費 {index}", 5000, None, None,
                          "", "", "", ""])
        else:
            sheet.append([day, "自主財源", "支出", "消耗品費", f"用紙 {index}", None, 300, None,
                          "文具店", str(index), "", ""])
    workbook.save(path)


def _line(label: str, figures: dict, extra: str = "") -> None:
    print(f"  {label:<34} {figures['seconds']:7.2f} s  {figures['rss_mb']:6.0f} MB  "
          f"{figures['note']}{extra}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    hostile = _hostile_sheets()
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
        checked = measure(PREVIEW.format(path=str(book)))
        rate = args.rows / checked["seconds"]
        _line("baseline: openpyxl values only", plain,
              f"  ({args.rows / plain['seconds']:,.0f} rows/s)")
        _line("preview_cash_book (dry run)", checked,
              f"  ({rate:,.0f} rows/s, ×{checked['seconds'] / plain['seconds']:.2f} of the "
              f"baseline; goal ≥ 20,000 rows/s, ≤ 300 MB)")


if __name__ == "__main__":
    main()
