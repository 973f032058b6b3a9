"""A backup or handover package whose 変更履歴 holds a batch record of a shape the app never
writes (schema steps 23 and 24: ``rows:<first>-<last>``, an insert or a delete of exactly those
rows) is refused by the full validation of an incoming file before anything is swapped or
copied; a file of sound batch records, inserts and deletes, passes."""

from __future__ import annotations

import sqlite3

import pytest

from kyodo_desktop.services.accounting import cash_book
from kyodo_desktop.services.backup import automatic as backups
from kyodo_desktop.services.backup import handover_package as handover
from kyodo_desktop.services.settings import Settings
from kyodo_desktop.store import audit
from kyodo_desktop.store.backup import copy_file, table_digests
from kyodo_desktop.store.errors import ImpossibleValues
from kyodo_desktop.store.incoming import verify_incoming
from tests.services.accounting.accounting_support import FY, entry, new_council

from .conftest import run_cli, yuda_id
from .hostile_sqlite import MUTATIONS, mutate_copy

BOGUS = [name for name in MUTATIONS if name.startswith("bogus_batch_")]


@pytest.fixture
def package(demo_store, tmp_path):
    return handover.export_council(demo_store, yuda_id(demo_store),
                                   tmp_path / "pkg.sqlite3").path


@pytest.mark.parametrize("name", BOGUS)
def test_a_backup_with_a_bogus_batch_record_is_not_restored(demo_path, tmp_path, name):
    backup = tmp_path / "usb" / "kyodo-backup.sqlite3"
    backup.parent.mkdir()
    copy_file(demo_path, backup)
    hostile = mutate_copy(backup, tmp_path / "hostile.sqlite3", MUTATIONS[name][0])
    before = demo_path.read_bytes()
    with pytest.raises(ImpossibleValues) as caught:
        backups.restore(demo_path, hostile, Settings())
    assert "audit_log.row_key" in caught.value.message
    assert demo_path.read_bytes() == before


@pytest.mark.parametrize("name", BOGUS)
def test_a_package_with_a_bogus_batch_record_is_not_imported(demo_store, package, tmp_path,
                                                             name):
    hostile = mutate_copy(package, tmp_path / "hostile-package.sqlite3", MUTATIONS[name][0])
    before = table_digests(demo_store.conn)
    with pytest.raises(ImpossibleValues):
        handover.import_package(demo_store, hostile, new_name="別の協議会")
    assert table_digests(demo_store.conn) == before


def test_sound_batch_inserts_and_deletes_pass_the_full_validation(store, tmp_path, monkeypatch):
    monkeypatch.setattr(audit, "BATCH", 100)
    council = new_council(store)
    ids = cash_book.record_entries_with_ids(store, council, FY, [
        entry(amount=1 + n) for n in range(200)])
    with store.transaction() as db:
        audit.delete_batch(db, "cash_book_entries", ids[0], ids[99])
    assert store.scalar("SELECT count(*) FROM audit_log WHERE row_key GLOB 'rows:*' "
                        "AND action = 'delete'") == 1
    copy = tmp_path / "copy.sqlite3"
    store.conn.execute("VACUUM INTO ?", (str(copy),))
    verify_incoming(copy)  # nothing raised
    conn = sqlite3.connect(copy)  # the same record, one id short, written past the trigger
    [guard] = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'audit_log_batch_shape'"
                           ).fetchone()
    conn.execute("DROP TRIGGER audit_log_batch_shape")
    conn.execute("UPDATE audit_log SET row_key = ? WHERE action = 'delete' "
                 "AND row_key GLOB 'rows:*'", (f"rows:{ids[0]}-{ids[98]}",))
    conn.execute(guard)
    conn.commit()
    conn.close()
    with pytest.raises(ImpossibleValues) as caught:
        verify_incoming(copy)
    assert "audit_batch" in caught.value.detail


@pytest.mark.parametrize("name", ["bogus_batch_column_not_a_name", "bogus_batch_other_table",
                                  "bogus_batch_ids_apart"])
def test_check_reports_a_bogus_batch_record_in_the_data_file(demo_path, tmp_path, capsys, name):
    """``check`` of a data file holding such a record (its chain written to match, as anyone
    with SQLite can): exit 1 naming the change log, never a traceback (a column name that is
    not a name raised TypeError)."""
    hostile = mutate_copy(demo_path, tmp_path / "hostile.sqlite3", MUTATIONS[name][0])
    conn = sqlite3.connect(hostile)
    [(log_id, *values, prev)] = conn.execute(
        "SELECT id, occurred_at, table_name, row_key, action, before, after, actor, prev_hash "
        "FROM audit_log ORDER BY id DESC LIMIT 1").fetchall()
    fields = ("occurred_at", "table_name", "row_key", "action", "before", "after", "actor")
    chained = audit._hash({**dict(zip(fields, values, strict=True)), "prev_hash": prev})
    guards = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                          "AND tbl_name = 'audit_log'").fetchall()
    for guard, _sql in guards:
        conn.execute(f'DROP TRIGGER "{guard}"')
    conn.execute("UPDATE audit_log SET hash = ? WHERE id = ?", (chained, log_id))
    for _guard, sql in guards:
        conn.execute(sql)
    conn.commit()
    conn.close()
    code, out, err = run_cli(capsys, "check", "--db", hostile)
    assert code == 1, (out, err)
    assert "audit_log" in out + err
