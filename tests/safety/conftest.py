"""Fixtures of the data-safety tests: private copies of the demo data file (tests/conftest.py) in
their own folder, and a private settings folder for every test (never the user's own settings)."""

from __future__ import annotations

import shutil
import sqlite3

import pytest


@pytest.fixture(autouse=True)
def private_config(tmp_path, monkeypatch):
    """Point the app's settings at an empty folder of this test."""
    folder = tmp_path / "config"
    monkeypatch.setenv("KYODO_DESKTOP_CONFIG_DIR", str(folder))
    return folder


@pytest.fixture
def demo_path(demo_template, tmp_path):
    """Path of a private copy of the demo data file, in its own folder (``data/kyodo.sqlite3``;
    ``demo_store`` of tests/conftest.py opens this copy)."""
    folder = tmp_path / "data"
    folder.mkdir()
    target = folder / "kyodo.sqlite3"
    shutil.copy(demo_template, target)
    return target


def yuda_id(store) -> int:
    """The id of 湯田地域づくり協議会, the fully populated demo council."""
    return store.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")


def damage_a_page_read_later(path) -> None:
    """Overwrite a page of the change log, which the window does not read to show itself: the
    file opens and the window appears; only ``quick_check`` finds the damage."""
    conn = sqlite3.connect(path)
    page = conn.execute("SELECT max(pageno) FROM dbstat WHERE name = 'audit_log' "
                        "AND pagetype = 'leaf'").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[(page - 1) * size + 8:page * size] = b"\xff" * (size - 8)
    path.write_bytes(bytes(data))


@pytest.fixture(scope="session")
def hostile_sheets():
    """The module tests/safety/hostile_sheets.py (hostile spreadsheets made on the fly)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "hostile_sheets", Path(__file__).with_name("hostile_sheets.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def hostile_corpus(hostile_sheets, tmp_path_factory):
    """``{name: path}`` of the hostile-spreadsheet corpus, written once per session."""
    return hostile_sheets.hostile_files(tmp_path_factory.mktemp("hostile_sheets"))


def file_digests(path) -> dict[str, str]:
    """The digest of every table of the data file at ``path`` (store.backup.table_digests), read
    on a connection of its own: equal before and after means nothing was changed."""
    from kyodo_desktop.store.backup import table_digests

    conn = sqlite3.connect(path)
    try:
        return table_digests(conn)
    finally:
        conn.close()


def run_cli(capsys, *argv) -> tuple[int, str, str]:
    """``kyodo-desktop argv…`` in this process: (exit code, stdout, stderr); never a traceback."""
    from kyodo_desktop import cli

    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def bench_module(name: str):
    """The benchmark script ``bench/<name>.py`` loaded as a module (its helpers, not its run)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "bench" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
