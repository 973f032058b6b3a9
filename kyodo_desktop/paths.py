"""Where the user's data lives: the default database in the platform's user data folder
(``~/.local/share/kyodo-desktop``, ``%LOCALAPPDATA%\\kyodo-desktop`` on Windows);
``KYODO_DESKTOP_DATA_DIR`` overrides the folder, for tests and portable use, as
``KYODO_DESKTOP_CONFIG_DIR`` does for the settings (:mod:`kyodo_desktop.services.settings`)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

from kyodo_desktop import APP_NAME

DEFAULT_DB_NAME = "kyodo.sqlite3"
DEMO_DB_NAME = "demo.sqlite3"
DATA_ENV = "KYODO_DESKTOP_DATA_DIR"


def data_dir() -> Path:
    """The per-user data folder (created on first use), e.g. ``~/.local/share/kyodo-desktop``,
    or the folder ``KYODO_DESKTOP_DATA_DIR`` names."""
    chosen = os.environ.get(DATA_ENV, "").strip()
    path = Path(chosen) if chosen else user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    """The database opened when no ``--db`` is given."""
    return data_dir() / DEFAULT_DB_NAME


def demo_db_path() -> Path:
    """The database that ``--demo`` builds (once) and opens."""
    return data_dir() / DEMO_DB_NAME
