"""Undo and redo of a batch-logged import work per batch (schema step 24): the undo step holds
one BatchRows per batch record instead of every row, undo deletes each batch by id range with
one batch-delete record, redo writes it back from that record with the same ids; the rows, ids
and every other table come back exactly, ``check`` is clean after each, and a step whose rows
were changed since is refused with nothing written."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kyodo_desktop.demo.receipts import receipt_picture
from kyodo_desktop.services import changes
from kyodo_desktop.services.accounting import attachments, cash_book
from kyodo_desktop.store import audit
from kyodo_desktop.store.check import run_checks
from kyodo_desktop.store.snapshot import BatchRows, SnapshotConflict
from tests.services.accounting.accounting_support import FY, entry, new_council


def _entries(count: int) -> list:
    return [entry(date(FY, 4, 1) + timedelta(days=index % 365), amount=100 + index,
                  description=f"用紙 {index}") for index in range(count)]


def _log_count(store) -> int:
    return store.scalar("SELECT count(*) FROM audit_log")


@pytest.fixture
def council(store, monkeypatch):
    monkeypatch.setattr(audit, "BATCH", 100)
    return new_council(store)


def test_undo_then_redo_gives_back_the_same_rows_and_ids_one_record_per_batch(
        store, council, digest):
    before = digest(store)
    done = _imported(store, council, 250)
    ids = done.result
    after = digest(store)
    stored = store.query("SELECT * FROM cash_book_entries ORDER BY id")
    # batches of 100, 100 and 50: the last is below LOGGED_TOGETHER, kept row by row
    assert [(b.first, b.last) for b in done.snapshot.batches] == [(ids[0], ids[99]),
                                                                   (ids[100], ids[199])]
    assert done.snapshot.count("cash_book_entries", "after") == 250
    assert sum(len(t.rows) for t in done.snapshot.tables
               if t.table == "cash_book_entries") == 50
    for step, expected, records in ((changes.undo, before, 2 + 50),
                                    (changes.redo, after, 2 + 50)):
        count = _log_count(store)
        step(store, done)
        assert digest(store) == expected
        assert _log_count(store) == count + records  # one record per batch, one per row
        assert run_checks(store) == []
    assert store.query("SELECT * FROM cash_book_entries ORDER BY id") == stored
    assert [row["action"] for row in audit.history(store, "cash_book_entries", str(ids[5]))] \
        == ["insert", "delete", "insert"]
    assert store.scalar("SELECT count(*) FROM audit_log WHERE row_key GLOB 'rows:*' AND "
                        "action = 'delete'") == 2
    changes.undo(store, done)  # again: the rows are as the redo left them
    assert digest(store) == before
    assert run_checks(store) == []


def test_an_entry_of_the_import_changed_since_stops_the_undo(store, council, digest):
    done = _imported(store, council, 250)
    cash_book.update_entry(store, done.result[150], entry(date(FY, 6, 1), amount=999))
    _refused_unchanged(store, digest, changes.undo, done)


def test_rows_in_the_way_stop_the_redo(store, council, digest):
    done = _imported(store, council, 250)
    changes.undo(store, done)
    cash_book.record_entries_with_ids(store, council, FY, _entries(3))  # takes the first ids
    _refused_unchanged(store, digest, changes.redo, done)


def test_a_batch_record_altered_since_stops_the_redo(store, council):
    done = _imported(store, council, 250)
    changes.undo(store, done)
    [first, *_rest] = done.snapshot.batches
    store.conn.execute("DROP TRIGGER audit_log_batch_shape")  # as a tool outside the app would
    store.conn.execute("UPDATE audit_log SET after = replace(after, '用紙 3\"', '用紙 X\"') "
                       "WHERE id = ?", (first.log_id,))
    with pytest.raises(SnapshotConflict):
        changes.redo(store, done)
    assert store.scalar("SELECT count(*) FROM cash_book_entries") == 0


def test_a_batch_the_operation_changed_again_is_kept_row_by_row(store, council, digest):
    before = digest(store)

    def import_then_edit():
        ids = cash_book.record_entries_with_ids(store, council, FY, _entries(200))
        cash_book.update_entry(store, ids[10], entry(date(FY, 6, 1), amount=999))
        return ids

    done = changes.undoable(store, import_then_edit)
    ids = done.result
    assert [(b.first, b.last) for b in done.snapshot.batches] == [(ids[100], ids[199])]
    after = digest(store)
    changes.undo(store, done)
    assert digest(store) == before and run_checks(store) == []
    changes.redo(store, done)
    assert digest(store) == after and run_checks(store) == []


def test_a_file_attached_since_to_an_imported_entry_stops_the_undo(store, council, digest):
    """Deleting the batch would delete the 証拠書類 attached since (ON DELETE CASCADE), a row
    outside the step: refused, nothing written."""
    done = _imported(store, council, 250)
    picture = receipt_picture("文具店", date(FY, 5, 10), "コピー用紙", 1_980, number="R8-0001")
    attachments.add_attachment(store, done.result[20], picture, "IMG_0001.JPG",
                               today=date(FY, 5, 10))
    _refused_unchanged(store, digest, changes.undo, done)


def test_batch_rows_name_their_record(store, council):
    done = _imported(store, council, 100)
    [batch] = done.snapshot.batches
    assert isinstance(batch, BatchRows) and batch.table == "cash_book_entries"
    assert store.scalar("SELECT row_key FROM audit_log WHERE id = ?", (batch.log_id,)) == \
        f"rows:{batch.first}-{batch.last}"


def _imported(store, council, rows: int):
    """The undoable step of importing ``rows`` 出納簿 entries (its result: their ids)."""
    return changes.undoable(store, lambda: cash_book.record_entries_with_ids(
        store, council, FY, _entries(rows)))


def _refused_unchanged(store, digest, step, done) -> None:
    """``step`` (undo or redo) of ``done`` is refused as a conflict and writes nothing: every
    table and the change log as they were."""
    before, count = digest(store), _log_count(store)
    with pytest.raises(SnapshotConflict):
        step(store, done)
    assert digest(store) == before and _log_count(store) == count
