"""変更履歴 of a large import (schema step 23): one record per batch of rows, verified, shown per
entry, undone with the ids as they were; a file of step 22 is migrated and stays verifiable."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest

from kyodo_desktop.services import changes
from kyodo_desktop.services.accounting import cash_book
from kyodo_desktop.store import audit, open_store
from kyodo_desktop.store.migrations import all_migrations, latest_version
from tests.services.accounting.accounting_support import FY, entry, file_at_version, new_council

BATCH_STEP = next(m.version for m in all_migrations() if m.name.endswith("_audit_log_batches"))


def _entries(count: int) -> list:
    return [entry(date(FY, 4, 1) + timedelta(days=index % 365), amount=100 + index,
                  description=f"用紙 {index}") for index in range(count)]


def _clean(store) -> None:
    assert audit.verify_chain(store) == [] and audit.verify_covered_rows(store) == []


@pytest.fixture
def imported(store, monkeypatch):
    """A council with 12 per-row logged entries, then 250 entries written in batches of 100."""
    monkeypatch.setattr(audit, "BATCH", 100)
    council = new_council(store)
    before = cash_book.record_entries_with_ids(store, council, FY, _entries(12))
    ids = cash_book.record_entries_with_ids(store, council, FY, _entries(250))
    return council, before, ids


def test_each_batch_is_one_record_and_every_entry_has_its_insert(store, imported):
    _council, before, ids = imported
    keys = [key for key, in store.conn.execute(
        "SELECT row_key FROM audit_log WHERE table_name = 'cash_book_entries' ORDER BY id")]
    # batches of 100, 100 and 50 rows: the last one is below LOGGED_TOGETHER, logged per row
    assert keys[:12] == [str(i) for i in before]
    assert keys[12:] == [f"rows:{ids[0]}-{ids[99]}", f"rows:{ids[100]}-{ids[199]}",
                         *[str(i) for i in ids[200:]]]
    _clean(store)
    for entry_id in (ids[0], ids[150], ids[-1]):
        [history] = cash_book.entry_history(store, entry_id)
        assert history["action"] == "insert" and history["after"]["id"] == entry_id


def test_an_entry_of_a_batch_changed_or_deleted_with_raw_sql_is_reported(store, imported):
    _council, _before, ids = imported
    store.conn.execute("UPDATE cash_book_entries SET amount = 1 WHERE id = ?", (ids[5],))
    store.conn.execute("DELETE FROM cash_book_entries WHERE id = ?", (ids[120],))
    problems = audit.verify_covered_rows(store)
    assert any("書き換え" in p and str(ids[5]) in p for p in problems), problems
    assert any("削除" in p and str(ids[120]) in p for p in problems), problems


def test_an_altered_batch_record_breaks_the_chain(store, imported):
    store.conn.execute("UPDATE audit_log SET after = replace(after, '\"用紙 3\"', '\"用紙 X\"') "
                       "WHERE row_key GLOB 'rows:*'")
    assert audit.verify_chain(store) != []
    problems = audit.verify_covered_rows(store)
    assert len(problems) == 1 and "書き換え" in problems[0]


def test_edits_and_deletes_after_the_import_are_the_rows_latest_state(store, imported):
    council, _before, ids = imported
    cash_book.update_entry(store, ids[3], entry(date(FY, 6, 1), amount=999))
    cash_book.delete_entry(store, ids[4])
    _clean(store)
    assert [row["action"] for row in cash_book.entry_history(store, ids[3])] == ["insert",
                                                                                 "update"]
    assert [row["action"] for row in cash_book.entry_history(store, ids[4])] == ["insert",
                                                                                 "delete"]


def test_undoing_and_redoing_an_import_keeps_the_ids_and_the_log_verifiable(store, monkeypatch):
    monkeypatch.setattr(audit, "BATCH", 100)
    council = new_council(store)
    done = changes.undoable(store, lambda: cash_book.record_entries_with_ids(
        store, council, FY, _entries(230)))
    ids = done.result
    stored = store.query("SELECT * FROM cash_book_entries ORDER BY id")
    changes.undo(store, done)
    assert store.scalar("SELECT count(*) FROM cash_book_entries") == 0
    _clean(store)
    changes.redo(store, done)
    assert store.query("SELECT * FROM cash_book_entries ORDER BY id") == stored
    assert [r["id"] for r in stored] == ids
    _clean(store)
    assert [row["action"] for row in cash_book.entry_history(store, ids[7])] == [
        "insert", "delete", "insert"]
    # the same ids written again by a new import: its batch is the rows' latest state
    changes.undo(store, done)
    again = cash_book.record_entries_with_ids(store, council, FY, _entries(230))
    assert again == ids
    _clean(store)


def test_the_store_refuses_a_batch_record_of_another_shape(store):
    record = "INSERT INTO audit_log (occurred_at, table_name, row_key, action, before, after, " \
             "prev_hash, hash) VALUES ('t', 'cash_book_entries', ?, ?, NULL, ?, 'p', ?)"
    good = '{"columns":["id"],"rows":[[1],[2]]}'
    for n, (key, action, after) in enumerate((
            ("rows:1-3", "insert", good), ("rows:1-2", "update", good),
            ("rows:1-2", "insert", "not json"), ("rows:1-2", "insert", '{"rows":[[1],[2]]}'))):
        with pytest.raises(sqlite3.IntegrityError, match="kyodo:audit_batch"):
            store.conn.execute(record, (key, action, after, f"h{n}"))
    store.conn.execute(record, ("rows:1-2", "insert", good, "ok"))


def test_a_file_of_the_previous_step_is_migrated_and_takes_a_batch_import(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite3"
    conn = file_at_version(path, BATCH_STEP - 1)
    conn.commit()
    conn.close()
    with open_store(path, migrate=False, check=False) as old:
        assert old.schema_version == BATCH_STEP - 1
        council = new_council(old)
        with old.transaction():  # written as the older app wrote them: one record per row
            monkeypatch.setattr(audit, "LOGGED_TOGETHER", 10**9)
            before = cash_book.record_entries_with_ids(old, council, FY, _entries(150))
        _clean(old)
    monkeypatch.setattr(audit, "LOGGED_TOGETHER", 100)
    with open_store(path) as store:
        assert store.schema_version == latest_version()
        _clean(store)
        ids = cash_book.record_entries_with_ids(store, council, FY, _entries(150))
        assert store.scalar("SELECT count(*) FROM audit_log WHERE row_key GLOB 'rows:*'") == 1
        _clean(store)
        assert cash_book.entry_history(store, before[0])[0]["after"]["id"] == before[0]
        assert cash_book.entry_history(store, ids[0])[0]["after"]["id"] == ids[0]


@pytest.mark.parametrize("after", ["not json", "[1, 2]", '{"columns": ["id"], "rows": 7}',
                                   '{"columns": ["amount"], "rows": [[1]]}',
                                   '{"columns": ["id"], "rows": [3, [4, 5], []]}'])
def test_a_damaged_batch_record_of_a_crafted_file_is_reported_not_a_crash(store, imported,
                                                                           after):
    """A file made outside the app may hold any text in a batch record (the trigger of step 23
    guards the app's own writes): its rows are reported as not in the change history."""
    store.conn.execute("DROP TRIGGER audit_log_batch_shape")
    store.conn.execute("UPDATE audit_log SET after = ? WHERE row_key GLOB 'rows:*'", (after,))
    problems = audit.verify_covered_rows(store)
    assert "出納簿：変更履歴にない行が 200 行" in problems[0], problems
    _council, _before, ids = imported
    assert cash_book.entry_history(store, ids[0]) == []


def test_a_batch_is_deleted_and_written_again_as_one_record_each(store, imported):
    """Schema step 24: the rows of a batch deleted in one statement and logged as one delete
    record holding them, then inserted again from that text with the same ids: each row's
    history shows insert, delete, insert; the check is clean after each."""
    _council, _before, ids = imported
    first, last = ids[0], ids[99]
    stored = store.query("SELECT * FROM cash_book_entries WHERE id BETWEEN ? AND ? ORDER BY id",
                         (first, last))
    logged = store.scalar("SELECT after FROM audit_log WHERE row_key = ?", (f"rows:{first}-{last}",))
    with store.transaction() as db:
        before = audit.delete_batch(db, "cash_book_entries", first, last, expected=logged)
    assert before == logged
    assert store.scalar("SELECT count(*) FROM cash_book_entries WHERE id BETWEEN ? AND ?",
                        (first, last)) == 0
    [record] = store.query("SELECT row_key, action, before, after FROM audit_log "
                           "ORDER BY id DESC LIMIT 1")
    assert record == {"row_key": f"rows:{first}-{last}", "action": "delete", "before": logged,
                      "after": None}
    _clean(store)
    [insert, delete] = cash_book.entry_history(store, ids[5])
    assert delete["action"] == "delete" and delete["before"] == stored[5]
    assert delete["after"] is None
    with store.transaction() as db:
        assert audit.insert_batch(db, "cash_book_entries", before) == logged
    assert store.query("SELECT * FROM cash_book_entries WHERE id BETWEEN ? AND ? ORDER BY id",
                       (first, last)) == stored
    _clean(store)
    assert [row["action"] for row in cash_book.entry_history(store, ids[5])] == [
        "insert", "delete", "insert"]
    by_amount = audit.history_by(store, "cash_book_entries", "amount", stored[7]["amount"])
    assert [row["action"] for row in by_amount
            if (row["after"] or row["before"])["id"] == ids[7]] == ["insert", "delete", "insert"]


def test_a_batch_delete_of_rows_not_as_logged_writes_nothing(store, imported):
    _council, _before, ids = imported
    logged = store.scalar("SELECT after FROM audit_log WHERE row_key = ?",
                          (f"rows:{ids[0]}-{ids[99]}",))
    count = store.scalar("SELECT count(*) FROM audit_log")
    with store.transaction() as db:
        audit.update_row(db, "cash_book_entries", {"id": ids[3]}, {"memo": "直した"})
    for first, last, expected in ((ids[0], ids[99], logged), (ids[200], ids[-1] + 5, None)):
        with pytest.raises(LookupError), store.transaction() as db:
            audit.delete_batch(db, "cash_book_entries", first, last, expected=expected)
    assert store.scalar("SELECT count(*) FROM audit_log") == count + 1
    assert store.scalar("SELECT count(*) FROM cash_book_entries") == 262


@pytest.mark.parametrize("key, action, before, after", [
    ("rows:1-2", "delete", None, '{"columns":["id"],"rows":[[1],[2]]}'),  # rows on the wrong side
    ("rows:1-2", "delete", '{"columns":["id"],"rows":[[1],[2]]}', '{}'),  # an after as well
    ("rows:1-3", "delete", '{"columns":["id"],"rows":[[1],[2]]}', None),  # one row short
    ("rows:1-2", "delete", '{"columns":["id"],"rows":[[2],[3]]}', None),  # other ids
    ("rows:1-2", "delete", '{"columns":["amount","id"],"rows":[[1,1],[2,2]]}', None),
    ("rows:1-2", "delete", "not json", None),
    ("rows:1-2 ", "delete", '{"columns":["id"],"rows":[[1],[2]]}', None),
    ("rows:1-1-2", "insert", None, '{"columns":["id"],"rows":[[1],[2]]}'),
    ("rows:2-1", "insert", None, '{"columns":["id"],"rows":[]}'),
])
def test_the_store_refuses_a_batch_delete_record_of_another_shape(store, key, action, before,
                                                                  after):
    record = ("INSERT INTO audit_log (occurred_at, table_name, row_key, action, before, after, "
              "prev_hash, hash) VALUES ('t', 'cash_book_entries', ?, ?, ?, ?, 'p', 'h')")
    with pytest.raises(sqlite3.IntegrityError, match="kyodo:audit_batch"):
        store.conn.execute(record, (key, action, before, after))
    store.conn.execute(record, ("rows:1-2", "delete", '{"columns":["id"],"rows":[[1],[2]]}',
                                None))


def test_rows_naming_other_columns_are_never_inserted(store, imported):
    """insert_batch takes its column names from the text only when they are the table's own:
    a name that is SQL is refused before any statement is built from it."""
    count = store.scalar("SELECT count(*) FROM cash_book_entries")
    for columns in ('["id","amount) VALUES (1,1); DROP TABLE people; --"]', '["amount","id"]'):
        with pytest.raises(LookupError), store.transaction() as db:
            audit.insert_batch(db, "cash_book_entries",
                               f'{{"columns":{columns},"rows":[[900001,5]]}}')
    assert store.scalar("SELECT count(*) FROM cash_book_entries") == count
    assert store.scalar("SELECT count(*) FROM people") is not None
