"""Each data file knows its identity (a random file id given at creation, kept by its backups):
two files of the same name sharing one backup folder never rotate away or get offered each
other's backups, restore takes another file's backup only when chosen on purpose, and the lock
holds for the file itself — under another name or through a hard link it cannot be opened
twice."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timedelta

import pytest

from kyodo_desktop import cli
from kyodo_desktop.services.backup import automatic as backups
from kyodo_desktop.services.settings import Settings
from kyodo_desktop.store import identity, open_store
from kyodo_desktop.store.database import APPLICATION_ID
from kyodo_desktop.store.errors import DatabaseLocked, StoreError
from kyodo_desktop.store.migrations import all_migrations

NOW = datetime(2026, 11, 20, 9, 0)


def new_identity(path) -> str:
    """Give the file at ``path`` a fresh file id (as a file created on another day would have)."""
    conn = sqlite3.connect(path)
    conn.execute("UPDATE settings SET value = lower(hex(randomblob(16))) "
                 "WHERE scope = 'file' AND key = 'id'")
    conn.execute("UPDATE councils SET name = name || '（B）'")
    conn.commit()
    conn.close()
    return identity.file_id_of(path)


@pytest.fixture
def two_files(demo_path, tmp_path):
    """Files A and B, both named kyodo.sqlite3, in two folders, one shared backup folder."""
    other = tmp_path / "office-b" / "kyodo.sqlite3"
    other.parent.mkdir()
    shutil.copy(demo_path, other)
    new_identity(other)
    return demo_path, other, Settings(backup_count=2, backup_folder=str(tmp_path / "shared"))


def test_every_new_file_gets_its_own_id_and_older_files_get_one(tmp_path):
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    open_store(first).close()
    open_store(second).close()
    ids = {identity.file_id_of(first), identity.file_id_of(second)}
    assert len(ids) == 2 and all(i and len(i) == 32 for i in ids)
    before_ids = next(m.version for m in all_migrations() if m.name.endswith("file_identity")) - 1
    older = tmp_path / "older.sqlite3"  # a file from before file ids, with a council in it
    conn = sqlite3.connect(older)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for migration in all_migrations()[:before_ids]:
        for statement in migration.statements:
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {before_ids}")
    conn.execute("INSERT INTO councils (name) VALUES ('湯田地域づくり協議会')")
    conn.commit()
    conn.close()
    open_store(older).close()
    assert identity.file_id_of(older) not in (None, *ids)


def test_two_files_of_one_name_keep_their_own_backups(two_files):
    a, b, settings = two_files
    for day in range(4):
        for path in (a, b):
            with open_store(path) as store:
                backups.auto_backup(store, settings, now=NOW + timedelta(days=day))
    mine, theirs = backups.list_backups(a, settings), backups.list_backups(b, settings)
    assert len(mine) == 2 and len(theirs) == 2
    assert not {e.path for e in mine} & {e.path for e in theirs}
    for entry in mine:
        assert identity.file_id_of(entry.path) == identity.file_id_of(a)


def test_a_damaged_file_is_offered_only_its_own_backup(two_files):
    a, b, settings = two_files
    with open_store(a) as store:
        own = backups.auto_backup(store, settings, now=NOW)
    with open_store(b) as store:  # newer, of the other file
        backups.auto_backup(store, settings, now=NOW + timedelta(days=3))
    a.write_bytes(a.read_bytes()[:30000])
    offered = backups.newest_good_backup(a, settings)
    assert offered is not None and offered.path == own


def test_restore_takes_another_files_backup_only_on_purpose(two_files, tmp_path, capsys):
    a, b, settings = two_files
    with open_store(b) as store:
        theirs = backups.external_backup(store, tmp_path)
    before = a.read_bytes()
    with pytest.raises(backups.OtherFileBackup) as raised:
        backups.restore(a, theirs, settings)
    assert "（B）" in raised.value.message and "令和" in raised.value.message
    assert a.read_bytes() == before
    code = cli.main(["restore", str(theirs), "--db", str(a)])
    err = capsys.readouterr().err
    assert code == 2 and "--other-file" in err and a.read_bytes() == before
    assert cli.main(["restore", str(theirs), "--db", str(a), "--other-file"]) == 0
    assert identity.file_id_of(a) == identity.file_id_of(b)


def test_a_file_with_a_hard_link_is_refused(demo_path, tmp_path):
    link = tmp_path / "h.sqlite3"
    link.hardlink_to(demo_path)
    for path in (demo_path, link):
        with pytest.raises(StoreError, match="ハードリンク"):
            open_store(path)


def test_the_lock_holds_for_the_file_under_another_name(demo_path, tmp_path):
    store = open_store(demo_path)
    try:
        moved = tmp_path / "renamed.sqlite3"
        demo_path.rename(moved)  # renamed while open (Explorer, a sync client)
        with pytest.raises(DatabaseLocked):
            open_store(moved)
    finally:
        store.close()
    open_store(moved).close()


def test_the_restore_dialog_lists_only_own_backups_and_warns_of_another_files(
        qtbot, two_files, tmp_path):
    from kyodo_desktop.ui.app import create_application
    from kyodo_desktop.ui.backup.dialogs import RestoreDialog

    a, b, settings = two_files
    with open_store(a) as store:
        own = backups.auto_backup(store, settings, now=NOW)
    with open_store(b) as store:
        theirs = backups.auto_backup(store, settings, now=NOW + timedelta(days=1))
    create_application()
    dialog = RestoreDialog(a, settings)
    qtbot.addWidget(dialog)
    listed = [dialog.list.item(i).data(256) for i in range(dialog.list.count())]
    assert listed == [str(own)]
    assert dialog.choose(theirs) and dialog.other_file
    assert "別のデータファイル" in dialog.info.text() and "（B）" in dialog.info.text()
    assert dialog.choose(own) and not dialog.other_file
