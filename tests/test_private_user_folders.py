"""The test run keeps to its own user folders: it never writes the user's settings,
known-files.json, QSettings or data folder (README: the tests may be run on the office PC)."""

from __future__ import annotations

import os
from pathlib import Path

from .conftest import USER_FOLDERS_ENV


def _inside(path: Path | str) -> bool:
    return Path(path).resolve().is_relative_to(Path(os.environ[USER_FOLDERS_ENV]).resolve())


def test_settings_known_files_and_data_folder_are_the_runs_own():
    from kyodo_desktop import paths
    from kyodo_desktop.services.backup import known_files
    from kyodo_desktop.services.settings import config_dir

    assert _inside(config_dir())
    assert _inside(known_files._path())
    assert _inside(paths.data_dir())


def test_qsettings_are_the_runs_own(qapp):
    from PySide6.QtCore import QSettings

    from kyodo_desktop.ui.app import create_application

    create_application()  # organisation and application names as the app sets them
    assert _inside(QSettings().fileName())
