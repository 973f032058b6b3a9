"""Start-up stays light.

- The window is painted before the data file's layers are imported: at its first paint no
  ``kyodo_desktop.store`` module, no service but the 設定, no subcommand module and no file
  operation but the owner-only mode is loaded (leftover temporary copies are removed, the file
  is opened, its frame and first page built, after that paint: ui/app.py ``run_gui``).
- Once its first page is built, none of reportlab, openpyxl, sqlite-utils or babel's catalog
  reader is imported (the compiled .mo catalog is read with gettext; a source checkout compiles it
  into the cache on its first start; whole numbers and percentages of the overview are formatted
  without babel), nor logging.handlers, the backup dialogs and the handover service (used from
  the menus).

bench/startup.py measures the time; this guards the cause.
"""

from __future__ import annotations

import os
import subprocess
import sys

CHILD = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

at_paint = []

class _FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if not at_paint and event.type() == QEvent.Type.Paint:
            at_paint.append(sorted(sys.modules))
        return False

def _quit_when_page_built():
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)]
    if not any(getattr(w, "_built", None) for w in windows):
        QTimer.singleShot(10, _quit_when_page_built)
        return
    print("COUNCIL:" + windows[0].council_combo.currentText())
    QApplication.quit()

_exec = QApplication.exec
def _exec_until_built():
    QApplication.instance().installEventFilter(_FirstPaint(QApplication.instance()))
    QTimer.singleShot(0, _quit_when_page_built)
    QTimer.singleShot(60000, QApplication.quit)
    return _exec()
QApplication.exec = staticmethod(_exec_until_built)

from kyodo_desktop.cli import main
code = main(["--db", sys.argv[1]])
from kyodo_desktop.cli import COMMAND_MODULES
commands = {f"kyodo_desktop.{name}" for name in COMMAND_MODULES}
data_layers = [name for name in at_paint[0] if name.startswith("kyodo_desktop.store")
               or (name.startswith("kyodo_desktop.services.") and name != "kyodo_desktop.services.settings")
               or (name.startswith("kyodo_desktop.fileops.") and name != "kyodo_desktop.fileops.private")
               or name in commands]
print("AT_PAINT:" + ",".join(data_layers))
heavy = sorted(name for name in ("reportlab", "openpyxl", "sqlite_utils", "babel",
                                 "logging.handlers", "kyodo_desktop.ui.backup.dialogs",
                                 "kyodo_desktop.services.backup.handover_package")
               if name in sys.modules)
print("HEAVY:" + ",".join(heavy))
sys.exit(code)
"""


def _start(demo_path, tmp_path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               KYODO_DESKTOP_CONFIG_DIR=str(tmp_path / "config"),
               XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_CONFIG_HOME=str(tmp_path / "xdg"))
    done = subprocess.run([sys.executable, "-c", CHILD, str(demo_path)], env=env, check=True,
                          capture_output=True, text=True, timeout=120)
    return dict(line.split(":", 1) for line in done.stdout.splitlines()
                if line.startswith(("AT_PAINT:", "HEAVY:", "COUNCIL:")))


def test_the_window_paints_before_the_data_file_layers_load(demo_path, tmp_path):
    marks = _start(demo_path, tmp_path)
    assert marks["AT_PAINT"] == ""
    assert marks["COUNCIL"]  # and then the file is opened and its council shown


def test_opening_the_window_imports_no_heavy_library(demo_path, tmp_path):
    _start(demo_path, tmp_path)  # the first start compiles the catalog into the cache …
    assert _start(demo_path, tmp_path)["HEAVY"] == ""  # … every later start reads it
