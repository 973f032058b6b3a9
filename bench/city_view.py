"""City view benchmark: opening the demo city file (21 councils × 2 years of returns) and showing
its table, against opening the council demo and showing its first page, in the same process and
run. Each open builds a new MainWindow on the file and processes events until the page is
painted; the files are made once (``demo`` and ``demo --city``) in a temporary folder.

Prints the median of N runs of each (alternating, after one warm-up of each) and the ratio; goal
≤ 1.5× (issue 17). Run: ``PYTHONPATH=. python bench/city_view.py [--runs 7]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
GOAL = 1.5


def _make_files(folder: Path) -> tuple[Path, Path]:
    from kyodo_desktop.demo.build import build_demo
    from kyodo_desktop.demo.city import build_city_demo
    from kyodo_desktop.store import open_store

    council, city = folder / "demo.sqlite3", folder / "city.sqlite3"
    with open_store(council) as store:
        build_demo(store)
    with open_store(city) as store:
        build_city_demo(store)
    return council, city


def _open_and_show(path: Path, settings) -> float:
    from PySide6.QtWidgets import QApplication

    from kyodo_desktop.services.backup.datafile import open_data_file
    from kyodo_desktop.ui.main_window import MainWindow

    start = time.perf_counter()
    window = MainWindow(open_data_file(path), settings=settings)
    window.resize(1366, 768)
    window.show()
    QApplication.processEvents()
    window.pages.currentWidget().repaint()
    elapsed = time.perf_counter() - start
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args(argv).runs
    from PySide6.QtCore import QSettings

    from kyodo_desktop.ui.app import create_application

    app = create_application()
    with tempfile.TemporaryDirectory() as folder:
        council, city = _make_files(Path(folder))
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        times: dict[str, list[float]] = {"council": [], "city": []}
        for _warm in (council, city):
            _open_and_show(_warm, settings)
        for _run in range(runs):
            times["council"].append(_open_and_show(council, settings))
            times["city"].append(_open_and_show(city, settings))
    council_time = statistics.median(times["council"])
    city_time = statistics.median(times["city"])
    ratio = city_time / council_time
    print(f"council demo: open and show {council_time * 1000:.1f} ms (median of {runs})")
    print(f"city file (21 councils × 2 years): open and show the table "
          f"{city_time * 1000:.1f} ms")
    print(f"ratio city / council: {ratio:.2f}× (goal ≤ {GOAL}×) "
          f"{'OK' if ratio <= GOAL else 'SLOWER THAN THE GOAL'}")
    app.quit()
    return 0 if ratio <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
