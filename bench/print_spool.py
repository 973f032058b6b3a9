"""Printing benchmark: what one printed page of a form sends to the printer.

QtPdf renders PDF pages to images only, so ui/reports/printing.py paints a raster page on the
QPrinter. This prints the raster size per A4 page (bytes the spooler receives before the driver
compresses it) and the render time, at the app's resolution (``printing.MAX_DPI``) against the
300 dpi of the first release, measured in the same run on the demo's 令和8年度 application set.
Run: ``QT_QPA_PLATFORM=offscreen python bench/print_spool.py [--runs 5]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BASELINE_DPI = 300


def demo_pdf(folder: Path) -> bytes:
    """The demo council's application set as PDF bytes (draft)."""
    from kyodo_desktop.demo.build import build_demo
    from kyodo_desktop.reports.registry import ReportRequest, report_kinds
    from kyodo_desktop.store import open_store

    store = open_store(folder / "demo.sqlite3")
    build_demo(store)
    council = store.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")
    kind = report_kinds()["application-set"]
    return kind.build(store, ReportRequest(council, 2026, draft=True, options={}))


def measure(document, dpi: int, runs: int) -> tuple[float, int]:
    """(median seconds per page, bytes per page) rendering page 1 at ``dpi``."""
    from PySide6.QtCore import QSize

    size = document.pagePointSize(0)
    pixels = QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72))
    times, image = [], None
    for _ in range(runs):
        started = time.perf_counter()
        image = document.render(0, pixels)
        times.append(time.perf_counter() - started)
    return statistics.median(times), image.sizeInBytes()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from kyodo_desktop.ui.reports.preview import load_document
    from kyodo_desktop.ui.reports.printing import MAX_DPI

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as temporary:
        document = load_document(demo_pdf(Path(temporary)))
        base_s, base_bytes = measure(document, BASELINE_DPI, args.runs)
        app_s, app_bytes = measure(document, MAX_DPI, args.runs)
    print(f"{BASELINE_DPI} dpi (first release): {base_bytes / 2**20:.1f} MB/page, "
          f"{base_s * 1000:.0f} ms/page")
    print(f"{MAX_DPI} dpi (now): {app_bytes / 2**20:.1f} MB/page, {app_s * 1000:.0f} ms/page")
    print(f"ratio now/first release: bytes {app_bytes / base_bytes:.2f}x, "
          f"time {app_s / base_s:.2f}x")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
