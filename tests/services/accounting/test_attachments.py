"""証拠書類 attached to 出納簿 entries: stored once per council, listed without their bytes,
removed with their last link, undoable."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from kyodo_desktop.demo.receipts import receipt_pdf, receipt_picture
from kyodo_desktop.errors import UserError
from kyodo_desktop.services import changes
from kyodo_desktop.services.accounting import attachments, cash_book

from .accounting_support import FY, entry

DAY = date(FY, 5, 10)


def _entry(store, council, description="コピー用紙", day=DAY) -> int:
    entry_id, _changes = cash_book.record_entry(store, council, FY, entry(
        day, description=description, amount=1_980))
    return entry_id


@pytest.fixture
def photo() -> bytes:
    return receipt_picture("文具店", DAY, "コピー用紙", 1_980, number="R8-0001")


def test_a_photo_is_stored_once_and_listed_without_its_bytes(store, council, photo):
    first, second = _entry(store, council), _entry(store, council, "封筒")
    link, _c = attachments.add_attachment(store, first, photo, "IMG_0001.JPG", today=DAY)
    attachments.add_attachment(store, second, photo, "同じ写真.jpg", today=DAY)
    assert store.scalar("SELECT count(*) FROM attachment_blobs") == 1  # deduplicated
    listed = attachments.list_attachments(store, first)
    assert [(a.file_name, a.media_type, a.size) for a in listed] == [
        ("IMG_0001.JPG", "image/jpeg", len(photo))]
    assert listed[0].sha256 == hashlib.sha256(photo).hexdigest()
    assert attachments.attachment_data(store, link) == photo
    assert attachments.attachment_counts(store, council, FY) == {first: 1, second: 1}
    with pytest.raises(UserError, match="既に"):
        attachments.add_attachment(store, first, photo, "again.jpg")


def test_removing_the_last_link_removes_the_file(store, council, photo):
    first, second = _entry(store, council), _entry(store, council, "封筒")
    a, _c = attachments.add_attachment(store, first, photo, "a.jpg")
    b, _c = attachments.add_attachment(store, second, photo, "b.jpg")
    attachments.remove_attachment(store, a)
    assert store.scalar("SELECT count(*) FROM attachment_blobs") == 1  # still linked to b
    attachments.remove_attachment(store, b)
    assert store.scalar("SELECT count(*) FROM attachment_blobs") == 0


def test_deleting_the_entry_takes_its_files(store, council, photo):
    entry_id = _entry(store, council)
    attachments.add_attachment(store, entry_id, photo, "a.jpg")
    cash_book.delete_entry(store, entry_id)
    assert store.scalar("SELECT count(*) FROM attachment_blobs") == 0
    assert store.scalar("SELECT count(*) FROM entry_attachments") == 0


def test_add_and_remove_are_undone_and_redone_byte_for_byte(store, council, photo):
    entry_id = _entry(store, council)
    pdf = receipt_pdf("文具店", DAY, "コピー用紙", 1_980)
    step = changes.undoable(store, lambda: attachments.add_attachment(
        store, entry_id, pdf, "領収書.pdf"))
    assert len(attachments.list_attachments(store, entry_id)) == 1
    changes.undo(store, step)
    assert attachments.list_attachments(store, entry_id) == []
    assert store.scalar("SELECT count(*) FROM attachment_blobs") == 0
    changes.redo(store, step)
    link = attachments.list_attachments(store, entry_id)[0].id
    assert attachments.attachment_data(store, link) == pdf
    removal = changes.undoable(store, lambda: attachments.remove_attachment(store, link))
    assert store.scalar("SELECT count(*) FROM attachment_blobs") == 0
    changes.undo(store, removal)  # the file comes back whole, with its id
    assert attachments.attachment_data(store, link) == pdf


def test_files_of_a_year_come_in_cash_book_order(store, council, photo):
    late = _entry(store, council, "後", date(FY, 6, 1))
    early = _entry(store, council, "先")
    attachments.add_attachment(store, late, photo, "late.jpg")
    scan = receipt_picture("文具店", DAY, "封筒", 500, kind="PNG")
    attachments.add_attachment(store, early, scan, "early.png")
    assert [a.entry_id for a in attachments.year_attachments(store, council, FY)] == [early, late]
    assert attachments.entries_with_evidence(store, [early, late, 999]) == {early, late}
