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



def test_the_data_folder_is_the_runs_own_where_platformdirs_reads_no_environment(
        monkeypatch, tmp_path):
    """On Windows platformdirs finds %LOCALAPPDATA% without reading XDG: the run's own data
    folder comes from KYODO_DESKTOP_DATA_DIR, which the app honours before platformdirs; a
    blank one means the platform's folder."""
    from kyodo_desktop import paths

    platform_folder = tmp_path / "AppData" / "Local" / "kyodo-desktop"
    monkeypatch.setattr(paths, "user_data_path", lambda *_args, **_kwargs: platform_folder)
    assert _inside(paths.data_dir()) and _inside(paths.default_db_path())
    assert not platform_folder.exists()
    monkeypatch.setenv(paths.DATA_ENV, "  ")
    assert paths.data_dir() == platform_folder and platform_folder.is_dir()
