"""Start-up stays light: opening the window on the demo imports none of reportlab, openpyxl,
sqlite-utils or babel's catalog reader (the compiled .mo catalog is read with gettext; a source
checkout compiles it into the cache on its first start; whole numbers and percentages of the
overview are formatted without babel), logging.handlers, nor the backup dialogs and the handover
service (used from the menus). bench/startup.py measures the time; this guards the cause."""

from __future__ import annotations

import os
import subprocess
import sys

CHILD = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
_exec = QApplication.exec
def _quit_when_shown():
    QTimer.singleShot(0, QApplication.quit)
    return _exec()
QApplication.exec = staticmethod(_quit_when_shown)
from kyodo_desktop.cli import main
code = main(["--db", sys.argv[1]])
heavy = sorted(name for name in ("reportlab", "openpyxl", "sqlite_utils", "babel",
                                 "logging.handlers", "kyodo_desktop.ui.backup.dialogs",
                                 "kyodo_desktop.services.backup.handover_package")
               if name in sys.modules)
print("HEAVY:" + ",".join(heavy))
sys.exit(code)
"""


def test_opening_the_window_imports_no_heavy_library(demo_path, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               KYODO_DESKTOP_CONFIG_DIR=str(tmp_path / "config"),
               XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_CONFIG_HOME=str(tmp_path / "xdg"))
    # the first start compiles the catalog into the cache (reads the .po files with babel) …
    subprocess.run([sys.executable, "-c", CHILD, str(demo_path)], env=env, check=True,
                   capture_output=True, timeout=120)
    # … every later start reads the compiled catalog
    done = subprocess.run([sys.executable, "-c", CHILD, str(demo_path)], env=env, check=True,
                          capture_output=True, text=True, timeout=120)
    assert "HEAVY:\n" in done.stdout or done.stdout.strip().endswith("HEAVY:"), done.stdout
