"""Where the user's data lives: the default database in the platform's user data folder."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

from kyodo_desktop import APP_NAME

DEFAULT_DB_NAME = "kyodo.sqlite3"
DEMO_DB_NAME = "demo.sqlite3"


def data_dir() -> Path:
    """The per-user data folder (created on first use), e.g. ``~/.local/share/kyodo-desktop``."""
    path = user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    """The database opened when no ``--db`` is given."""
    return data_dir() / DEFAULT_DB_NAME


def demo_db_path() -> Path:
    """The database that ``--demo`` builds (once) and opens."""
    return data_dir() / DEMO_DB_NAME
