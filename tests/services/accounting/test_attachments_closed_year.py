"""証拠書類 of a closed 年度 stay as they were audited: no file is attached to or removed from an
entry of a closed year, neither through the service, an undo after the close, nor by direct SQL
(migration 20's triggers); reopening the year allows it again."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from kyodo_desktop.demo.receipts import receipt_picture
from kyodo_desktop.services import changes
from kyodo_desktop.services.accounting import attachments, cash_book, year_close
from kyodo_desktop.store.errors import YearClosed

from .accounting_support import FY, entry

DAY = date(FY, 5, 10)


@pytest.fixture
def photo() -> bytes:
    return receipt_picture("文具店", DAY, "コピー用紙", 1_980, number="R8-0001")


def _entry(store, council) -> int:
    cash_book.record_entry(store, council, FY, entry(DAY, direction="income", amount=5_000))
    entry_id, _changes = cash_book.record_entry(store, council, FY, entry(
        DAY, description="コピー用紙", amount=1_980))
    return entry_id


def test_no_file_is_attached_to_an_entry_of_a_closed_year(store, council, photo):
    entry_id = _entry(store, council)
    year_close.close_year(store, council, FY)
    with pytest.raises(YearClosed, match="令和7年度"):
        attachments.add_attachment(store, entry_id, photo, "領収書.jpg")
    assert store.scalar("SELECT count(*) FROM attachment_blobs") == 0
    year_close.reopen_year(store, council, FY, "領収書の添付漏れ")
    attachments.add_attachment(store, entry_id, photo, "領収書.jpg")
    assert len(attachments.list_attachments(store, entry_id)) == 1


def test_undoing_an_attachment_after_the_close_is_refused(store, council, photo):
    entry_id = _entry(store, council)
    step = changes.undoable(store, lambda: attachments.add_attachment(
        store, entry_id, photo, "領収書.jpg"))
    year_close.close_year(store, council, FY)
    with pytest.raises(YearClosed):
        changes.undo(store, step)
    assert len(attachments.list_attachments(store, entry_id)) == 1


def test_direct_sql_cannot_attach_or_detach_in_a_closed_year(store, council, photo):
    entry_id = _entry(store, council)
    link, _c = attachments.add_attachment(store, entry_id, photo, "領収書.jpg")
    blob = attachments.get_attachment(store, link).blob_id
    year_close.close_year(store, council, FY)
    conn = sqlite3.connect(store.path)
    with pytest.raises(sqlite3.IntegrityError, match="kyodo:closed_year"):
        conn.execute("DELETE FROM entry_attachments WHERE id = ?", (link,))
    with pytest.raises(sqlite3.IntegrityError, match="kyodo:closed_year"):
        conn.execute("UPDATE entry_attachments SET file_name = 'x.jpg' WHERE id = ?", (link,))
    conn.close()
    assert store.scalar("SELECT blob_id FROM entry_attachments WHERE id = ?", (link,)) == blob
