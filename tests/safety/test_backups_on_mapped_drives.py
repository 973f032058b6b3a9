"""Backups, restore and handover work on a mapped drive or a share: on Windows ``Path.resolve()``
turns ``Z:\\…`` into ``\\\\nas01\\share\\…`` and ``as_uri()`` then gives ``file://nas01/…``, an
authority SQLite refuses. Read-only copies are opened by plain path with ``PRAGMA query_only``
instead; here every ``as_uri()`` answers as it would for such a share."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import PurePath

import pytest

from kyodo_desktop.services.backup import automatic as backups
from kyodo_desktop.services.backup import handover_package
from kyodo_desktop.services.settings import Settings
from kyodo_desktop.store import backup as files

from .conftest import yuda_id


@pytest.fixture(autouse=True)
def share_uris(monkeypatch):
    """Every path's URI carries the authority of a Windows share (as for ``\\\\nas01\\share``)."""
    monkeypatch.setattr(PurePath, "as_uri",
                        lambda self: "file://nas01/share" + str(self).replace("\\", "/"))


def test_automatic_backup_on_a_share_passes_its_check(demo_store, tmp_path):
    settings = Settings(backup_folder=str(tmp_path / "share" / "backups"))
    written = backups.auto_backup(demo_store, settings, now=datetime(2026, 11, 20))
    assert written.exists()
    assert backups.inspect_backup(written).councils


def test_restore_from_a_backup_on_a_share(demo_store, tmp_path):
    backup = backups.external_backup(demo_store, tmp_path)
    path = demo_store.path
    demo_store.close()
    result = backups.restore(path, backup, Settings())
    assert "湯田地域づくり協議会" in result.restored.councils


def test_handover_package_on_a_share_is_read(demo_store, tmp_path):
    package = handover_package.export_council(demo_store, yuda_id(demo_store),
                                              tmp_path / "pkg.sqlite3")
    assert handover_package.read_package(package.path).council_name == "湯田地域づくり協議会"


def test_read_only_copies_cannot_write_and_never_create_a_file(demo_path, tmp_path):
    conn = files.open_read_only(demo_path)
    try:
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("DELETE FROM councils")
    finally:
        conn.close()
    missing = tmp_path / "missing.sqlite3"
    with pytest.raises(sqlite3.Error):
        files.open_read_only(missing)
    assert not missing.exists()
