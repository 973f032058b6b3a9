"""The one lock protocol (kyodo_desktop/fileops/locks.py): a data file open in one window cannot
be opened, restored or deleted from another, under any name; a free lock is free again after use;
and no other module builds a ``FileLock`` of its own."""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest

import kyodo_desktop
from kyodo_desktop.cli import remove_database
from kyodo_desktop.errors import UserError
from kyodo_desktop.fileops import locks
from kyodo_desktop.store import open_store
from kyodo_desktop.store.errors import DatabaseLocked

PACKAGE = Path(kyodo_desktop.__file__).resolve().parent


def test_open_file_cannot_be_deleted_or_opened_again(tmp_path: Path) -> None:
    db = tmp_path / "k.sqlite3"
    store = open_store(db)
    try:
        with pytest.raises(UserError, match=db.name):
            remove_database(db)
        assert db.exists()
        with pytest.raises(DatabaseLocked):
            open_store(db)
    finally:
        store.close()
    remove_database(db)  # closed: now it may go
    assert not db.exists()


def test_same_file_under_another_name_is_locked(tmp_path: Path) -> None:
    db = tmp_path / "k.sqlite3"
    store = open_store(db)
    other = tmp_path / "link"
    os.symlink(tmp_path, other)
    try:
        with pytest.raises(DatabaseLocked):
            open_store(other / "k.sqlite3")
    finally:
        store.close()


def test_data_file_closed_refuses_while_held_and_releases_after(tmp_path: Path) -> None:
    db = tmp_path / "k.sqlite3"
    held = locks.data_file_lock(db)
    assert held is not None
    with pytest.raises(UserError, match=db.name), locks.data_file_closed(db):
        pytest.fail("entered while another holder had the lock")
    held.release()
    with locks.data_file_closed(db):
        assert not locks.is_free(locks.lock_path_of(db))
    assert locks.is_free(locks.lock_path_of(db))


def test_release_and_remove_deletes_the_lock_file(tmp_path: Path) -> None:
    lock = locks.try_acquire(tmp_path / "x.lock")
    assert lock is not None and (tmp_path / "x.lock").exists()
    locks.release_and_remove(lock)
    assert not (tmp_path / "x.lock").exists()


def test_only_the_lock_module_builds_file_locks() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == PACKAGE / "fileops" / "locks.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "filelock" and any(
                    alias.name in {"FileLock", "SoftFileLock", "UnixFileLock",
                                   "WindowsFileLock", "Timeout"} for alias in node.names):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []
