"""Start-up benchmark: process start → first paint of the main window, kyodo-desktop vs a bare
PySide6 QMainWindow started the same way, in the same run; and the close (the automatic backup).

Two data files: the demo, and a file with all 21 councils populated for 10 fiscal years
(bench/big_file.py, built once and cached in the temporary folder). Every child patches
``QApplication.exec`` (when the program imports PySide6.QtWidgets) to watch the shown main
window's first paint event (a filter on the window itself: an application-wide Python filter
would add its own cost, see ``_exec_until_painted``); a zero timer queued by that paint fires once
the paint is done, and the child prints the wall-clock and CPU time then; it also prints when the
window's first page is built (the window paints its frame first and builds the page right after:
ui/main_window.py). The app child then closes the window (settings, automatic backup) and prints
how long that took. Each child gets an empty settings folder, so the daily backup and the remembered window
state are the same in every run.

Prints the median of N runs (alternating bare / app) and both ratios (window painted; first page
ready, reported beside it); goal ≤ 1.6× for the painted window on both files,
i.e. start-up does not grow with the years stored. Run:
``PYTHONPATH=. python bench/startup.py [--runs 9]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from big_file import cached_big_file  # noqa: E402

GOAL = 1.6

WATCH_FIRST_PAINT = """
import importlib.abc, importlib.util, sys, time

def _watch(widgets):
    from PySide6.QtCore import QEvent, QObject, QTimer
    QApplication, QMainWindow = widgets.QApplication, widgets.QMainWindow

    class _FirstPaint(QObject):
        seen = False
        def eventFilter(self, obj, event):
            if not self.seen and event.type() == QEvent.Type.Paint:
                self.seen = True
                QTimer.singleShot(0, _painted)
            return False

    def _painted():
        print(f"PAINTED {time.time():.6f}", flush=True)
        print(f"CPU {time.process_time():.6f}", flush=True)
        _when_ready()

    def _when_ready():
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)]
        if any(getattr(w, "_built", {0}) == set() for w in windows):  # its first page: not yet
            QTimer.singleShot(5, _when_ready)
            return
        print(f"READY {time.time():.6f}", flush=True)
        for window in QApplication.topLevelWidgets():
            if isinstance(window, QMainWindow):
                start = time.perf_counter()
                window.close()
                print(f"CLOSED {time.perf_counter() - start:.6f}", flush=True)
        QApplication.quit()

    _exec = QApplication.exec
    def _exec_until_painted():
        # The watcher sits on the shown main window itself, not on the application: an
        # application-wide Python filter makes PySide wrap every object that gets an event — a
        # private QAnimationTimer among them, whose type lookup creates the Python enums of ~180
        # Qt classes (~20 ms) — a cost of the instrument, not of the program measured.
        watcher = _FirstPaint(QApplication.instance())
        for window in QApplication.topLevelWidgets():
            if isinstance(window, QMainWindow):
                window.installEventFilter(watcher)
        QTimer.singleShot(20000, QApplication.quit)  # never hang the benchmark
        return _exec()
    QApplication.exec = staticmethod(_exec_until_painted)

class _WhenQtWidgetsLoads(importlib.abc.MetaPathFinder):
    # The watcher is installed when the program itself imports PySide6.QtWidgets, so the
    # program's own import order is measured as it is (PySide's import hook inspects every
    # module imported after PySide6).
    def find_spec(self, name, path=None, target=None):
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        load = spec.loader.exec_module
        def exec_module(module):
            load(module)
            _watch(module)
        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, _WhenQtWidgetsLoads())
"""

BARE = WATCH_FIRST_PAINT + """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1366, 768)
window.show()
app.exec()
"""

APP = WATCH_FIRST_PAINT + """
from kyodo_desktop.cli import main
sys.exit(main(["--db", sys.argv[1]]))
"""


#: Byte code is cached as in an installed app (pip compiles it), outside the source tree.
PYCACHE = Path(tempfile.gettempdir()) / "kyodo-bench-pycache"


def _run(code: str, *args: str) -> dict[str, float]:
    """Seconds from process start to the first paint (``painted``), the process's CPU seconds by
    then (``cpu``), seconds to the first page built and painted (``ready``), seconds the close
    took (``close``)."""
    with tempfile.TemporaryDirectory() as config:
        env = dict(os.environ, KYODO_DESKTOP_CONFIG_DIR=config, XDG_CONFIG_HOME=config,
                   PYTHONPYCACHEPREFIX=str(PYCACHE))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        start = time.time()
        done = subprocess.run([sys.executable, "-c", code, *args], check=True, env=env,
                              capture_output=True, text=True)
    marks = dict(line.split() for line in done.stdout.splitlines()
                 if line.startswith(("PAINTED", "CPU", "READY", "CLOSED")))
    if "PAINTED" not in marks:
        raise RuntimeError(f"no paint seen:\n{done.stdout}\n{done.stderr}")
    return {"painted": float(marks["PAINTED"]) - start, "cpu": float(marks["CPU"]),
            "ready": float(marks["READY"]) - start, "close": float(marks.get("CLOSED", "nan"))}


def measure(db: Path, runs: int) -> dict[str, float]:
    """Medians over ``runs`` alternating runs: the bare window's first paint (wall clock and CPU)
    and the app's on ``db`` (its window painted, its CPU by then, its first page built), and the
    app's close time."""
    _run(BARE), _run(APP, str(db))  # warm the file cache
    bare, app = [], []
    for _ in range(runs):
        bare.append(_run(BARE))
        app.append(_run(APP, str(db)))

    def median(runs: list[dict[str, float]], key: str) -> float:
        return statistics.median(run[key] for run in runs)

    return {"bare": median(bare, "painted"), "bare_cpu": median(bare, "cpu"),
            "app": median(app, "painted"), "app_cpu": median(app, "cpu"),
            "ready": median(app, "ready"), "close": median(app, "close")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    options = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    big = cached_big_file()
    with tempfile.TemporaryDirectory() as folder:
        demo = Path(folder) / "demo.sqlite3"
        subprocess.run([sys.executable, "-m", "kyodo_desktop", "demo", "--db", str(demo)],
                       check=True, stdout=subprocess.DEVNULL)
        results = {"demo": measure(demo, options.runs)}
        copy = Path(folder) / "big.sqlite3"  # a private copy: the runs write backups beside it
        copy.write_bytes(big.read_bytes())
        results["21 councils x 10 years"] = measure(copy, options.runs)
        size = copy.stat().st_size / 2**20
    worst = 0.0
    for name, figures in results.items():
        ratio = figures["app"] / figures["bare"]
        worst = max(worst, ratio)
        print(f"{name:24}  bare {figures['bare'] * 1000:7.1f} ms   app {figures['app'] * 1000:7.1f}"
              f" ms   ratio {ratio:.2f}x  (goal <= {GOAL:.2f}x; median of {options.runs})")
        print(f"{'':24}  CPU to first paint: bare {figures['bare_cpu'] * 1000:5.0f} ms   app "
              f"{figures['app_cpu'] * 1000:5.0f} ms   ratio "
              f"{figures['app_cpu'] / figures['bare_cpu']:.2f}x  (steadier on a busy machine)")
        print(f"{'':24}  first page ready {figures['ready'] * 1000:7.1f} ms   ratio "
              f"{figures['ready'] / figures['bare']:.2f}x")
    print(f"close (automatic backup) on the 21 x 10 file ({size:.0f} MB): "
          f"{results['21 councils x 10 years']['close'] * 1000:.0f} ms median")
    return 0 if worst <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
