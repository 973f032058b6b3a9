"""Shared fixtures: a fresh database per test, copied from a template migrated once per session;
the demo data file (built once per session) and private copies of it; writers of spreadsheets in
the test's tmp_path (no binary fixtures kept)."""

from __future__ import annotations

import atexit
import csv
import io
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _offscreen_screen(width: int = 1366, height: int = 768) -> None:
    """Give Qt's offscreen platform the users' smallest screen (1366×768) instead of its
    default 800×800, so window-size rules are tested at the size they are made for."""
    if os.environ["QT_QPA_PLATFORM"] != "offscreen":
        return
    folder = tempfile.mkdtemp(prefix="kyodo-screen-")
    atexit.register(shutil.rmtree, folder, True)  # after the last Qt process of this run
    config = Path(folder) / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "test", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


_offscreen_screen()


#: The user folders of this test run (settings.json, known-files.json, QSettings, the data
#: folder, the lock and cache folder): a fresh temporary folder, never the user's own. Running
#: the tests on the office PC (README) must not evict the real data file from known-files.json
#: (its backups are told apart by it) nor point the app's save dialogs at pytest's folders.
USER_FOLDERS_ENV = "KYODO_TEST_USER_FOLDERS"


def _private_user_folders() -> None:
    folder = Path(tempfile.mkdtemp(prefix="kyodo-user-"))
    atexit.register(shutil.rmtree, folder, True)
    os.environ[USER_FOLDERS_ENV] = str(folder)
    os.environ["KYODO_DESKTOP_CONFIG_DIR"] = str(folder / "config")
    os.environ["KYODO_DESKTOP_DATA_DIR"] = str(folder / "data")  # Windows: not through XDG
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[name] = str(folder / name.lower())  # Linux: platformdirs and QSettings


_private_user_folders()


@pytest.fixture(autouse=True, scope="session")
def private_qsettings():
    """QSettings() (the window's, the 帳票印刷 page's last folder) in an ini file of this run's
    user folders on every platform (on Windows its native place is the registry)."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(Path(os.environ[USER_FOLDERS_ENV]) / "qsettings"))


@pytest.fixture(autouse=True, scope="session")
def private_temp_root(tmp_path_factory):
    """The app's temporary folder (kyodo_desktop.fileops.temporary) in this session's tmp, never
    the user's own cache folder."""
    folder = tmp_path_factory.mktemp("app-temp")
    os.environ["KYODO_DESKTOP_TEMP_DIR"] = str(folder)
    return folder


@pytest.fixture(scope="session")
def template_db(tmp_path_factory):
    """Path of an empty, fully migrated database (made once per test session)."""
    from kyodo_desktop.store import open_store

    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    open_store(path).close()
    return path


@pytest.fixture
def db_path(template_db, tmp_path):
    """Path of a private copy of the empty template database."""
    target = tmp_path / "test.sqlite3"
    shutil.copy(template_db, target)
    return target


@pytest.fixture
def store(db_path):
    """An open Store on a private empty database; closed after the test."""
    from kyodo_desktop.store import open_store

    opened = open_store(db_path)
    yield opened
    opened.close()


@pytest.fixture
def legacy_rows():
    """``legacy_rows(store, sql, params=())`` runs ``sql`` as a file written before the 出納簿's
    entry rules (migration 8) could: with its triggers dropped for that one statement and put back
    in the same transaction. For tests of the checks that still find such old rows."""

    def run(store, sql: str, params: tuple = ()) -> None:
        names = [f"cash_book_entries_{rule}_{event}" for rule in ("year", "amount", "category")
                 for event in ("insert", "update")]
        triggers = store.query("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND "
                               f"name IN ({', '.join('?' for _ in names)})", tuple(names))
        assert len(triggers) == len(names), triggers
        with store.transaction() as db:
            for trigger in triggers:
                db.execute(f"DROP TRIGGER {trigger['name']}")
            db.execute(sql, params)
            for trigger in triggers:
                db.execute(trigger["sql"])

    return run


def _built_file(tmp_path_factory, name: str, build) -> Path:
    """Path of a new data file ``<name>.sqlite3`` filled by ``build(store)``, then closed."""
    from kyodo_desktop.store import open_store

    path = tmp_path_factory.mktemp(name) / f"{name}.sqlite3"
    with open_store(path) as opened:
        build(opened)
    return path


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """Path of a closed data file holding the demo councils (built once per test session; tests
    must not change it — they copy it with ``demo_path`` / ``demo_store``)."""
    from kyodo_desktop.demo.build import build_demo

    return _built_file(tmp_path_factory, "demo", build_demo)


@pytest.fixture(scope="session")
def city_template(tmp_path_factory):
    """Path of the demo city file (``demo --city``: 21 councils × 2 years of returns), built
    once per session; tests copy it (``city_path``) or only read it."""
    from kyodo_desktop.demo.city import build_city_demo

    return _built_file(tmp_path_factory, "city", build_city_demo)


@pytest.fixture
def city_path(city_template, tmp_path):
    """Path of a private copy of the demo city file."""
    target = tmp_path / "city.sqlite3"
    shutil.copy(city_template, target)
    return target


@pytest.fixture
def demo_path(demo_template, tmp_path):
    """Path of a private copy of the demo data file (``tmp_path/demo.sqlite3``)."""
    target = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, target)
    return target


@pytest.fixture
def demo_store(demo_path):
    """An open Store on the private copy of the demo; closed after the test."""
    from kyodo_desktop.store import open_store

    opened = open_store(demo_path)
    yield opened
    opened.close()


def table_digest(store) -> dict[str, str]:
    """SHA-256 of every table's rows (ids and links included), by table; the change log is left
    out (an undo appends to it). Two equal digests mean the same data."""
    import hashlib

    digests = {}
    for (table,) in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%' AND name != 'audit_log'"):
        rows = sorted(repr(row) for row in store.conn.execute(f'SELECT * FROM "{table}"'))
        digests[table] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
    return digests


@pytest.fixture
def digest():
    """:func:`table_digest`: ``digest(store)`` → ``{table: sha256 of its rows}``."""
    return table_digest


@pytest.fixture
def write_xlsx(tmp_path):
    """``write_xlsx(rows, name=...)``: a workbook whose first sheet holds ``rows`` from A1
    (``[]`` is a blank row; dates stay Excel date cells); returns its path."""
    import openpyxl

    def write(rows: list[list], name: str = "book.xlsx"):
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        for row in rows:
            sheet.append(row)
        path = tmp_path / name
        workbook.save(path)
        return path

    return write


@pytest.fixture
def write_csv(tmp_path):
    """``write_csv(rows, encoding=..., name=...)``: a CSV file of ``rows`` (CRLF, as Excel writes
    it); returns its path."""

    def write(rows: list[list], encoding: str = "utf-8", name: str = "book.csv"):
        buffer = io.StringIO(newline="")
        csv.writer(buffer, lineterminator="\r\n").writerows(rows)
        path = tmp_path / name
        path.write_bytes(buffer.getvalue().encode(encoding))
        return path

    return write


@pytest.fixture
def screenshot_dir(tmp_path):
    """Where tests save window screenshots: ``$KYODO_SCREENSHOTS`` when set (e.g. docs/screenshots,
    to refresh the project's pictures on purpose), else a temporary folder, so a test run never
    changes files of the repository."""
    folder = os.environ.get("KYODO_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def yuda_return(demo_template, tmp_path_factory) -> bytes:
    """The sealed 年度報告ファイル (bytes) of the demo's 湯田 for its closed 令和7年度, made
    once per session from a copy of the demo (made on 2026-11-21 09:00)."""
    from datetime import datetime

    from kyodo_desktop.services.city.annual_return import build_return
    from kyodo_desktop.store import open_store

    path = tmp_path_factory.mktemp("return") / "demo.sqlite3"
    shutil.copy(demo_template, path)
    with open_store(path) as opened:
        council = opened.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")
        return build_return(opened, council, 2025, now=datetime(2026, 11, 21, 9, 0))
