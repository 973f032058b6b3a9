"""QtPdf teardown: a preview shown, the text size changed (設定 announces it, the 帳票印刷 page
clears its preview) and the window closed, twenty times in one process, then quitting — with no
「QObject::connect(QPdfDocument, QPdfLinkModel): invalid nullptr parameter」 warning and no crash
(「pure virtual method called」 once ended a long session). Run in a subprocess: a crash on quit
must not take the test session with it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 20

SCRIPT = textwrap.dedent("""
    import shutil, sys
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from kyodo_desktop.services.backup.datafile import open_data_file
    from kyodo_desktop.services.changes import SETTINGS, Changes
    from kyodo_desktop.ui.app import create_application
    from kyodo_desktop.ui.shell.text_scale import apply_text_scale
    from kyodo_desktop.ui.main_window import MainWindow

    demo, folder, rounds = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    app = create_application()
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    shown = 0
    for number in range(rounds):
        path = folder / f"demo{number}.sqlite3"
        shutil.copy(demo, path)
        window = MainWindow(open_data_file(path), settings=settings)
        window.show()
        page = window.open_area("reports")
        page.choose("budget-status")
        shown += page.show_preview()
        app.processEvents()
        apply_text_scale(app, 1.5)
        window.context.notify(Changes.of(SETTINGS))  # as 設定's 保存 does
        app.processEvents()
        apply_text_scale(app, 1.0)
        window.context.notify(Changes.of(SETTINGS))
        window.close()
        window.deleteLater()
        app.processEvents()
    print("previews", shown)
    app.quit()
""")


@pytest.mark.slow
def test_twenty_previews_text_size_changes_and_quit_leave_no_warning(demo_template, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KYODO_DESKTOP_CONFIG_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(demo_template), str(tmp_path),
                           str(ROUNDS)], capture_output=True, text=True, env=env, timeout=600,
                          cwd=ROOT)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-3000:]
    assert f"previews {ROUNDS}" in done.stdout, output[-3000:]
    assert "invalid nullptr parameter" not in output
    assert "pure virtual method called" not in output
