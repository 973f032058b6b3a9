"""Start-up benchmark: process start → main window shown, kyodo-desktop on the demo vs a bare
PySide6 QMainWindow started the same way, in the same run.

Prints the median wall time of each (N runs, alternating) and the ratio; goal ≤ 1.3×. Both
children patch ``QApplication.exec`` so the event loop quits as soon as it has started, i.e. once
the shown window got its first events. Run: ``python bench/startup.py [--runs 9]``.
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

QUIT_WHEN_SHOWN = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
_exec = QApplication.exec
def _exec_then_quit():
    QTimer.singleShot(0, QApplication.quit)
    return _exec()
QApplication.exec = staticmethod(_exec_then_quit)
"""

BARE = QUIT_WHEN_SHOWN + """
import sys
from PySide6.QtWidgets import QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1366, 768)
window.show()
app.exec()
"""

APP = QUIT_WHEN_SHOWN + """
import sys
from kyodo_desktop.cli import main
sys.exit(main(["--db", sys.argv[1]]))
"""


def _time(code: str, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ.copy())
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    options = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.sqlite3"
        subprocess.run([sys.executable, "-m", "kyodo_desktop", "demo", "--db", str(db)],
                       check=True, stdout=subprocess.DEVNULL)
        _time(BARE), _time(APP, str(db))  # warm the file cache
        bare, app = [], []
        for _ in range(options.runs):
            bare.append(_time(BARE))
            app.append(_time(APP, str(db)))
    bare_median, app_median = statistics.median(bare), statistics.median(app)
    print(f"bare QMainWindow   median {bare_median * 1000:7.1f} ms  ({options.runs} runs)")
    print(f"kyodo-desktop demo median {app_median * 1000:7.1f} ms  ({options.runs} runs)")
    print(f"ratio {app_median / bare_median:.2f}x  (goal <= 1.30x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
