"""A long session of Qt calls never kills ``None`` (kyodo_desktop/ui/shell/none_guard.py): PySide6
6.12 on Python < 3.12 drops a reference to ``None`` on every void call, which used to abort the
app with ``none_dealloc`` after a few thousand calls."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

LONG_SESSION = textwrap.dedent("""
    import sys
    import kyodo_desktop.ui  # the guard runs on import, before any Qt call
    from PySide6.QtWidgets import QApplication, QComboBox, QTableWidget, QTableWidgetItem
    app = QApplication([])
    table, combo = QTableWidget(3, 3), QComboBox()
    combo.addItem("項目")
    for i in range(60_000):  # void calls and empty QVariants, each once a lost reference
        table.setItem(i % 3, 0, QTableWidgetItem(str(i)))
        combo.currentData()
        table.item(2, 2)
    print("survived", sys.getrefcount(None) > 1_000)
""")


def test_sixty_thousand_void_calls_do_not_abort_the_app():
    done = subprocess.run([sys.executable, "-c", LONG_SESSION], capture_output=True, text=True,
                          timeout=300, env={**os.environ,
                                            "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "survived True"


def test_the_guard_runs_once():
    import kyodo_desktop.ui  # noqa: F401  (raises the count on first import)
    from kyodo_desktop.ui.shell.none_guard import RESERVE, keep_none_alive

    assert keep_none_alive() is False  # already done, or not needed on 3.12+
    if sys.version_info < (3, 12):
        assert min(sys.getrefcount(x) for x in (None, True, False)) > RESERVE
