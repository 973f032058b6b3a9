"""Incoming database files (a backup to restore, a handover package, a file opened): only the
app's own schema for the file's version is accepted, checked in full before anything is
swapped or copied; a file someone added a trigger, view, table or index to is refused by name."""

from __future__ import annotations

import sqlite3

import pytest

from kyodo_desktop.errors import UserError
from kyodo_desktop.services.backup import automatic as backups
from kyodo_desktop.services.backup import handover_package as handover
from kyodo_desktop.services.settings import Settings
from kyodo_desktop.store import open_store
from kyodo_desktop.store.backup import copy_file, table_digests
from kyodo_desktop.store.errors import StoreError, UnexpectedSchema
from kyodo_desktop.store.incoming import APPLICATION_ID
from kyodo_desktop.store.migrations import all_migrations, latest_version
from kyodo_desktop.store.schema_check import expected_schema, read_master, schema_differences

from .conftest import yuda_id
from .hostile_sqlite import MUTATIONS, SPY_TRIGGER, mutate_copy


def _digests(path):
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return table_digests(conn)
    finally:
        conn.close()


@pytest.fixture
def backup_file(demo_path, tmp_path):
    target = tmp_path / "usb" / "kyodo-backup.sqlite3"
    target.parent.mkdir()
    copy_file(demo_path, target)
    return target


def _with(source, tmp_path, *statements, name="hostile.sqlite3"):
    def change(conn):
        for statement in statements:
            conn.execute(statement)
    return mutate_copy(source, tmp_path / name, change)


def test_a_backup_with_a_tampering_trigger_is_refused_and_named(demo_path, backup_file,
                                                                 tmp_path):
    hostile = _with(backup_file, tmp_path, SPY_TRIGGER)
    before = _digests(demo_path)
    with pytest.raises(UnexpectedSchema) as caught:
        backups.restore(demo_path, hostile, Settings())
    assert "cash_book_spy" in caught.value.message
    assert "協働デスク" in caught.value.message
    assert _digests(demo_path) == before
    with open_store(demo_path) as store:  # the data file has no foreign trigger
        assert store.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'cash_book_spy'") == 0


@pytest.mark.parametrize("statement, name", [
    ("CREATE VIEW everyone AS SELECT name, phone FROM people", "everyone"),
    ("CREATE TABLE exfiltrate (data TEXT)", "exfiltrate"),
    ("CREATE INDEX people_phone ON people(phone)", "people_phone"),
    ("DROP TRIGGER year_closes_no_delete", "year_closes_no_delete"),
])
def test_extra_or_missing_views_tables_indexes_and_triggers_are_named(
        backup_file, tmp_path, statement, name):
    hostile = _with(backup_file, tmp_path, statement)
    with pytest.raises(UnexpectedSchema) as caught:
        backups.inspect_backup(hostile)
    assert name in caught.value.message


def test_opening_a_file_with_a_foreign_trigger_is_refused_before_anything_runs(
        backup_file, tmp_path):
    hostile = _with(backup_file, tmp_path, SPY_TRIGGER)
    before = _digests(hostile)
    with pytest.raises(UnexpectedSchema) as caught:
        open_store(hostile)
    assert "cash_book_spy" in caught.value.message
    assert _digests(hostile) == before


@pytest.mark.parametrize("version", [-1, 0, 1, 2])
def test_a_lowered_or_negative_format_number_is_refused_by_restore_and_open(
        demo_path, backup_file, tmp_path, version):
    hostile = _with(backup_file, tmp_path, f"PRAGMA user_version = {version}")
    before = demo_path.read_bytes()
    with pytest.raises(StoreError):
        backups.restore(demo_path, hostile, Settings())
    with pytest.raises(StoreError):
        open_store(hostile)
    assert demo_path.read_bytes() == before


def test_restore_checks_constraints_and_foreign_keys_as_opening_does(
        demo_path, backup_file, tmp_path):
    orphan = _with(backup_file, tmp_path, "PRAGMA foreign_keys = OFF",
                   "UPDATE people SET council_id = 999 WHERE id = (SELECT min(id) FROM people)")
    loosened = mutate_copy(backup_file, tmp_path / "loosened.sqlite3",
                           MUTATIONS["check_violated_behind_the_schema"][0])
    before = demo_path.read_bytes()
    for hostile in (orphan, loosened):
        with pytest.raises(UserError):
            backups.restore(demo_path, hostile, Settings())
    assert demo_path.read_bytes() == before


def test_a_handover_package_with_a_tampering_trigger_changes_nothing(demo_store, tmp_path):
    info = handover.export_council(demo_store, yuda_id(demo_store), tmp_path / "pkg.sqlite3")
    hostile = _with(info.path, tmp_path, SPY_TRIGGER)
    before = table_digests(demo_store.conn)
    with pytest.raises(UnexpectedSchema) as caught:
        handover.import_package(demo_store, hostile, new_name="別の協議会")
    assert "cash_book_spy" in caught.value.message
    assert str(hostile) in caught.value.message  # the user's file, not a temporary copy
    assert table_digests(demo_store.conn) == before


def test_the_expected_schema_is_what_the_migrations_make_at_every_version(tmp_path):
    for version in range(1, latest_version() + 1):
        conn = sqlite3.connect(tmp_path / f"v{version}.sqlite3")
        for migration in all_migrations()[:version]:
            for statement in migration.statements:
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {version}")
        assert schema_differences(conn, version) == []
        assert read_master(conn) == expected_schema(version)
        if version < latest_version():
            assert schema_differences(conn, latest_version())
        conn.close()


def test_an_older_file_with_its_own_schema_still_opens_and_migrates(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for statement in all_migrations()[0].statements:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with open_store(path) as store:
        assert store.schema_version == latest_version()
        assert schema_differences(store.conn, latest_version()) == []
