"""Undo and redo of a step whose rows would clash with a row written since (the same UNIQUE key:
a council's 年度報告 withdrawn, the council's new return of that 地域 and 年度 taken, then the
withdrawal undone) raised a raw ``sqlite3.IntegrityError`` (「予期しないエラー」 in the window);
now it is refused as every changed-since step is (SnapshotConflict, a Japanese message saying
what to do), with nothing written, and the step may be taken once the clash is gone."""

from __future__ import annotations

import pytest

from kyodo_desktop.errors import UserError
from kyodo_desktop.services import changes
from kyodo_desktop.services.city import city_file
from kyodo_desktop.services.city.return_reader import verify_bytes
from kyodo_desktop.store import open_store
from kyodo_desktop.store.backup import table_digests
from kyodo_desktop.store.snapshot import SnapshotConflict

from .test_city_file_keeps_each_councils_rows import _manifest, _resealed


def test_undoing_a_withdrawal_after_the_council_filed_again_is_refused(city_path, yuda_return):
    with open_store(city_path) as store:
        stored = city_file.current_return(store, "湯田", 2025)
        done = changes.undoable(store, lambda: city_file.withdraw_return(store, stored.id))
        again = _resealed(yuda_return, _manifest(created_at="2026-11-30T10:00:00"))
        filed = changes.undoable(store, lambda: city_file.import_return(
            store, verify_bytes(again, "x")))
        before = table_digests(store.conn)
        with pytest.raises(SnapshotConflict) as refused:
            changes.undo(store, done)
        assert isinstance(refused.value, UserError)
        assert "元に戻" in refused.value.message
        assert table_digests(store.conn) == before
        assert city_file.current_return(store, "湯田", 2025).id == filed.result.id
        changes.undo(store, filed)  # the new return taken back: the withdrawal can be undone
        changes.undo(store, done)
        assert city_file.current_return(store, "湯田", 2025).id == stored.id


def test_redoing_a_withdrawal_is_refused_once_the_return_was_replaced(city_path, yuda_return):
    with open_store(city_path) as store:
        stored = city_file.current_return(store, "湯田", 2025)
        done = changes.undoable(store, lambda: city_file.withdraw_return(store, stored.id))
        changes.undo(store, done)
        again = _resealed(yuda_return, _manifest(created_at="2026-11-30T10:00:00"))
        city_file.import_return(store, verify_bytes(again, "x"), replace=True)
        before = table_digests(store.conn)
        with pytest.raises(SnapshotConflict):
            changes.redo(store, done)
        assert table_digests(store.conn) == before


def test_undoing_an_import_whose_entry_is_now_corrected_is_refused(store, monkeypatch):
    """An imported 出納簿 entry another entry now points at (``correction_of_id``): the batch
    delete broke the foreign key at commit (a raw IntegrityError before)."""
    from kyodo_desktop.services.accounting import cash_book
    from kyodo_desktop.store import audit
    from tests.services.accounting.accounting_support import FY, new_council
    from tests.store.test_snapshot_batches import _entries

    monkeypatch.setattr(audit, "BATCH", 100)
    council = new_council(store)
    done = changes.undoable(store, lambda: cash_book.record_entries_with_ids(
        store, council, FY, _entries(250)))
    with store.transaction() as db:
        row = dict(audit.snapshot(db, "cash_book_entries", {"id": done.result[-1]}))
        del row["id"]
        audit.insert_row(db, "cash_book_entries", {**row, "correction_of_id": done.result[50]})
    before = table_digests(store.conn)
    with pytest.raises(SnapshotConflict):
        changes.undo(store, done)
    assert table_digests(store.conn) == before
