"""Automatic and external backups, rotation, the reminder, and restore (row-for-row)."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest

from kyodo_desktop.errors import UserError
from kyodo_desktop.services.backup import automatic as backups
from kyodo_desktop.services.settings import Settings
from kyodo_desktop.store import open_store
from kyodo_desktop.store.backup import table_digests

from .conftest import file_digests

NOW = datetime(2026, 11, 20, 17, 30)


def test_backup_and_restore_round_trip_row_for_row(demo_store, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    written = backups.external_backup(demo_store, usb, now=NOW)
    assert written.name == "kyodo-backup-20261120.sqlite3"
    before = file_digests(written)
    with demo_store.transaction() as db:  # the file changes after the backup …
        db.execute("DELETE FROM cash_book_entries WHERE fiscal_year = 2026")
        db["people"].update(1, {"name": "書き換え 太郎"})
    path = demo_store.path
    demo_store.close()
    result = backups.restore(path, written, Settings(), now=NOW)
    after = file_digests(path)
    assert after == before  # every table, row for row
    assert "湯田地域づくり協議会" in result.restored.councils
    assert result.restored.last_entry_date is not None
    kept = file_digests(result.previous)  # … and the state before the restore is kept aside
    assert kept["cash_book_entries"] != before["cash_book_entries"]
    with open_store(path) as reopened:
        assert reopened.scalar("SELECT count(*) FROM cash_book_entries WHERE fiscal_year = 2026")


def test_automatic_backups_at_most_daily_and_rotated(demo_store):
    settings = Settings(backup_count=3)
    first = backups.auto_backup(demo_store, settings, now=NOW)
    assert first is not None and first.parent == demo_store.path.parent / "backups"
    assert backups.auto_backup(demo_store, settings, now=NOW + timedelta(hours=5)) is None
    made = [first]
    for day in range(1, 6):
        made.append(backups.auto_backup(demo_store, settings, now=NOW + timedelta(days=day)))
    kept = [e.path for e in backups.list_backups(demo_store.path, settings)]
    assert kept == made[::-1][:3]  # the newest three, newest first
    assert not made[0].exists()


def test_forced_backup_on_close_ignores_the_day_rule(demo_store):
    settings = Settings()
    backups.auto_backup(demo_store, settings, now=NOW)
    again = backups.auto_backup(demo_store, settings, now=NOW + timedelta(minutes=1), force=True)
    assert again is not None and again.exists()


def test_backup_copies_pass_integrity_check_and_hold_the_data(demo_store):
    path = backups.auto_backup(demo_store, Settings(), now=NOW)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()
    assert file_digests(path) == table_digests(demo_store.conn)


def test_same_day_external_backups_get_distinct_names(demo_store, tmp_path):
    first = backups.external_backup(demo_store, tmp_path, now=NOW)
    second = backups.external_backup(demo_store, tmp_path, now=NOW)
    assert first != second and second.name == "kyodo-backup-20261120-2.sqlite3"


def test_external_backup_to_a_missing_folder_is_explained(demo_store, tmp_path):
    with pytest.raises(UserError) as caught:
        backups.external_backup(demo_store, tmp_path / "no-usb")
    assert "USB" in caught.value.message


def test_reminder_after_thirty_days_without_external_backup(demo_store, tmp_path):
    settings = Settings()
    assert backups.backup_status(demo_store, settings, now=NOW).remind  # never backed up
    backups.external_backup(demo_store, tmp_path, now=NOW)
    assert not backups.backup_status(demo_store, settings, now=NOW + timedelta(days=30)).remind
    late = backups.backup_status(demo_store, settings, now=NOW + timedelta(days=31))
    assert late.remind and late.last_external == NOW


def test_empty_file_needs_no_reminder(store):
    assert not backups.backup_status(store, Settings(), now=NOW).remind


def test_restore_refuses_damaged_foreign_and_newer_files(demo_path, tmp_path):
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(demo_path.read_bytes()[: 4096 * 3])
    foreign = tmp_path / "foreign.sqlite3"
    sqlite3.connect(foreign).execute("CREATE TABLE x (a)").connection.close()
    newer = tmp_path / "newer.sqlite3"
    newer.write_bytes(demo_path.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    original = demo_path.read_bytes()
    for bad in (damaged, foreign, newer, tmp_path / "missing.sqlite3"):
        with pytest.raises(UserError):
            backups.restore(demo_path, bad, Settings())
    assert demo_path.read_bytes() == original


def test_restore_refuses_while_the_file_is_open(demo_store, tmp_path):
    copy = backups.external_backup(demo_store, tmp_path, now=NOW)
    with pytest.raises(UserError) as caught:
        backups.restore(demo_store.path, copy, Settings())
    assert "開" in caught.value.message


def test_restore_over_a_damaged_file_keeps_its_bytes(demo_store, tmp_path):
    good = backups.external_backup(demo_store, tmp_path, now=NOW)
    path = demo_store.path
    demo_store.close()
    path.write_bytes(b"garbage" * 1000)
    result = backups.restore(path, good, Settings(), now=NOW)
    assert result.previous.read_bytes() == b"garbage" * 1000
    with open_store(path) as reopened:
        assert reopened.scalar("SELECT count(*) FROM councils") == 21


def test_newest_good_backup_skips_damaged_ones(demo_store):
    settings = Settings()
    older = backups.auto_backup(demo_store, settings, now=NOW)
    newer = backups.auto_backup(demo_store, settings, now=NOW + timedelta(days=2))
    newer.write_bytes(newer.read_bytes()[:5000])
    found = backups.newest_good_backup(demo_store.path, settings)
    assert found is not None and found.path == older


def test_configured_backup_folder_is_used(demo_store, tmp_path):
    settings = Settings(backup_folder=str(tmp_path / "elsewhere"))
    written = backups.auto_backup(demo_store, settings, now=NOW)
    assert written.parent == tmp_path / "elsewhere"


def test_two_backups_in_the_same_second_both_succeed_and_list_newest_first(demo_store):
    """Opening's daily backup and closing's forced one can fall in the same second: the second
    one gets ``-2`` instead of failing with 'will not overwrite', and is listed as the newest."""
    settings = Settings()
    first = backups.auto_backup(demo_store, settings, now=NOW)
    second = backups.auto_backup(demo_store, settings, now=NOW, force=True)
    third = backups.auto_backup(demo_store, settings, now=NOW, force=True)
    assert first.exists() and second.exists() and third.exists()
    assert len({first, second, third}) == 3 and second.name.endswith("-2.sqlite3")
    listed = [e.path for e in backups.list_backups(demo_store.path, settings)]
    assert listed[:3] == [third, second, first]
