"""Opening data files: migrations, refusals (too new, foreign, not SQLite, corrupt), the lock,
the copy taken before a migration, and transactions."""

from __future__ import annotations

import random
import re
import sqlite3

import pytest

from kyodo_desktop.store import database, open_store
from kyodo_desktop.store.database import APPLICATION_ID
from kyodo_desktop.store.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseTooNew,
    NotAKyodoDatabase,
    StoreError,
)
from kyodo_desktop.store.migrations import Migration, all_migrations, latest_version


def _tables(store) -> dict[str, str]:
    return {row["name"]: row["sql"] for row in store.query(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}


def test_new_file_is_migrated_to_the_latest_version(tmp_path):
    with open_store(tmp_path / "new.sqlite3") as store:
        assert store.schema_version == latest_version() >= 1
        assert store.scalar("PRAGMA application_id") == APPLICATION_ID
        tables = _tables(store)
        assert {"councils", "cash_book_entries", "grants", "year_closes"} <= set(tables)
        not_strict = [name for name, sql in tables.items() if not sql.rstrip().endswith("STRICT")]
        assert not_strict == []


def test_connection_settings(store):
    assert store.scalar("PRAGMA foreign_keys") == 1
    assert store.scalar("PRAGMA journal_mode") == "wal"
    assert store.scalar("PRAGMA busy_timeout") > 0


def test_foreign_keys_are_enforced(store):
    with pytest.raises(sqlite3.IntegrityError), store.transaction() as db:
        db["people"].insert({"council_id": 12345, "name": "山田太郎"})
    assert store.scalar("SELECT count(*) FROM people") == 0


def _plain_file(path, *, app_id: int = 0, version: int = 0, table: bool = True) -> None:
    conn = sqlite3.connect(path)
    if table:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO notes (body) VALUES ('hello')")
    conn.execute(f"PRAGMA application_id = {app_id}")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()


def test_a_newer_file_is_refused(tmp_path):
    path = tmp_path / "newer.sqlite3"
    _plain_file(path, app_id=APPLICATION_ID, version=999)
    with pytest.raises(DatabaseTooNew) as raised:
        open_store(path)
    assert "999" in raised.value.message
    # The lock was released: a second try gives the same answer, not "already open".
    with pytest.raises(DatabaseTooNew):
        open_store(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 999  # untouched
    conn.close()


@pytest.mark.parametrize("app_id", [0, 0x12345678])
def test_another_programs_sqlite_file_is_refused(tmp_path, app_id):
    path = tmp_path / "other.sqlite3"
    _plain_file(path, app_id=app_id, version=3)
    with pytest.raises(NotAKyodoDatabase) as raised:
        open_store(path)
    assert str(path.name) in raised.value.message
    conn = sqlite3.connect(path)
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    conn.close()
    assert names == ["notes"]  # nothing was added to the foreign file


def test_a_text_file_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("会議のメモ\n" * 50, encoding="utf-8")
    with pytest.raises(NotAKyodoDatabase):
        open_store(path)
    assert path.read_text(encoding="utf-8").startswith("会議のメモ")


def _fill(store, rows: int = 3000) -> None:
    with store.transaction() as db:
        council = db["councils"].insert({"name": "大殿地域づくり協議会"}).last_pk
        db["people"].insert_all(
            {"council_id": council, "name": f"住民{i}", "notes": "記録" * 40} for i in range(rows))


def test_a_corrupt_file_is_refused(tmp_path):
    path = tmp_path / "corrupt.sqlite3"
    with open_store(path) as store:
        _fill(store)
    size, page = path.stat().st_size, 4096
    assert size > 40 * page  # the data spans many pages
    garbage = random.Random(7).randbytes(page * 8)
    with path.open("r+b") as handle:
        handle.seek((size // 2) // page * page)
        handle.write(garbage)
    with pytest.raises(DatabaseCorrupt) as raised:
        open_store(path)
    assert "バックアップ" in raised.value.message
    # The lock was released after the refusal.
    with pytest.raises(DatabaseCorrupt):
        open_store(path)


def test_a_second_open_is_refused_until_the_first_closes(db_path):
    first = open_store(db_path)
    try:
        with pytest.raises(DatabaseLocked) as raised:
            open_store(db_path)
        assert "別の" in raised.value.message
    finally:
        first.close()
    second = open_store(db_path)
    assert second.schema_version == latest_version()
    second.close()


def test_an_empty_kyodo_file_migrates_without_a_copy(tmp_path):
    path = tmp_path / "old.sqlite3"
    _plain_file(path, app_id=APPLICATION_ID, version=0, table=False)
    with open_store(path) as store:
        assert store.schema_version == latest_version()
        assert "councils" in _tables(store)
    assert list(tmp_path.glob("*.before-v*")) == []


def test_a_copy_is_taken_before_migrating_a_file_with_data(db_path, monkeypatch):
    with open_store(db_path) as store:
        _fill(store, rows=3)
    fake = Migration(latest_version() + 1, "m9999_fake",
                     ("CREATE TABLE fake_step (id INTEGER PRIMARY KEY) STRICT",))
    monkeypatch.setattr(database, "all_migrations", lambda: [*all_migrations(), fake])
    with open_store(db_path) as store:
        assert store.schema_version == fake.version
        assert "fake_step" in _tables(store)
    copies = list(db_path.parent.glob(f"{db_path.stem}.before-v{fake.version}-*.sqlite3"))
    assert len(copies) == 1
    monkeypatch.undo()
    with open_store(copies[0]) as copy:
        assert copy.schema_version == fake.version - 1
        assert "fake_step" not in _tables(copy)
        assert copy.scalar("SELECT count(*) FROM people") == 3


def test_a_failed_migration_leaves_the_previous_version(db_path, monkeypatch):
    broken = Migration(latest_version() + 1, "m9999_broken",
                       ("CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT",
                        "THIS IS NOT SQL"))
    monkeypatch.setattr(database, "all_migrations", lambda: [*all_migrations(), broken])
    with pytest.raises(sqlite3.Error):
        open_store(db_path)
    monkeypatch.undo()
    with open_store(db_path) as store:
        assert store.schema_version == latest_version()
        assert "half_done" not in _tables(store)


def test_transaction_rolls_back_on_error(store):
    with pytest.raises(RuntimeError), store.transaction() as db:
        db["councils"].insert({"name": "大殿地域づくり協議会"})
        raise RuntimeError("boom")
    assert store.scalar("SELECT count(*) FROM councils") == 0


def test_transaction_rolls_back_on_a_constraint(store):
    with pytest.raises(sqlite3.IntegrityError), store.transaction() as db:
        db["councils"].insert({"name": "大殿地域づくり協議会"})
        db["councils"].insert({"name": "   "})  # CHECK (length(trim(name)) > 0)
    assert store.scalar("SELECT count(*) FROM councils") == 0


def test_nested_transaction_rolls_back_only_the_inner_block(store):
    with store.transaction() as db:
        db["councils"].insert({"name": "大殿地域づくり協議会"})
        with pytest.raises(RuntimeError), store.transaction() as inner:
            inner["councils"].insert({"name": "白石地域づくり協議会"})
            raise RuntimeError("inner")
    assert [r["name"] for r in store.query("SELECT name FROM councils")] == ["大殿地域づくり協議会"]


def test_store_errors_are_user_errors_with_japanese_text(tmp_path):
    path = tmp_path / "other.sqlite3"
    _plain_file(path)
    with pytest.raises(StoreError) as raised:
        open_store(path)
    assert raised.value.path == str(path.resolve())
    assert "協働デスク" in str(raised.value)


def test_a_new_data_file_is_owner_only(tmp_path):
    import os
    import stat

    from kyodo_desktop.store import open_store

    path = tmp_path / "private.sqlite3"
    open_store(path).close()
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_disk_io_error_gets_a_plain_message():
    import sqlite3

    from kyodo_desktop.store.errors import DatabaseIOError, translate_sqlite_error

    error = translate_sqlite_error(sqlite3.OperationalError("disk I/O error"), "/media/usb/k.sqlite3")
    assert isinstance(error, DatabaseIOError)
    assert "USB" in error.message and "/media/usb/k.sqlite3" in error.message


def test_the_schemas_fiscal_year_checks_use_the_one_range(store):
    from kyodo_desktop.domain.wareki import MAX_FISCAL_YEAR, MIN_FISCAL_YEAR

    schema = " ".join(sql for (sql,) in store.conn.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"))
    ranges = set(re.findall(r"BETWEEN (\d{4}) AND (\d{4})", schema))
    assert ranges == {(str(MIN_FISCAL_YEAR), str(MAX_FISCAL_YEAR))}
