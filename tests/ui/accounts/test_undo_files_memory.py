"""Undo of 証拠書類 keeps no file in memory: a step refers to a file by its SHA-256, the bytes wait
in the connection's temporary table only while a step on the stack refers to them, and the stack
keeps at most UNDO_LIMIT steps. Undo and redo still put every byte back."""

from __future__ import annotations

import dataclasses
from datetime import date

from kyodo_desktop.demo.receipts import receipt_picture
from kyodo_desktop.services.accounting import attachments
from kyodo_desktop.store.snapshot import kept_blob_bytes
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import UNDO_LIMIT

DAY = date(2025, 6, 3)


def _picture(number: int) -> bytes:
    return receipt_picture("文具店", DAY, f"コピー用紙 {number}", 1_000 + number)


def _bytes_in(value, seen: set[int] | None = None) -> int:
    """Bytes of every bytes object reachable from ``value`` (dataclasses, dicts, sequences)."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return 0
    seen.add(id(value))
    if isinstance(value, (bytes, bytearray, memoryview)):
        return len(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return sum(_bytes_in(getattr(value, f.name), seen) for f in dataclasses.fields(value))
    if isinstance(value, dict):
        return sum(_bytes_in(k, seen) + _bytes_in(v, seen) for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return sum(_bytes_in(item, seen) for item in value)
    return 0


def _held_by_commands(stack) -> int:
    return sum(_bytes_in(stack.command(i).done) for i in range(stack.count()))


def _attach(context, store, entry_id, data: bytes) -> int:
    link, _c = save_with_undo(context, "添付", lambda: attachments.add_attachment(
        store, entry_id, data, "receipt.jpg", today=DAY))
    return link


def _detach(context, store, link: int) -> None:
    save_with_undo(context, "外す", lambda: attachments.remove_attachment(store, link))


def test_attach_and_detach_cycles_keep_no_file_bytes_in_the_undo_steps(context, store,
                                                                          entry_id):
    files = [_picture(n) for n in range(30)]
    for data in files:  # each file attached and taken off again: 60 steps on the stack
        _detach(context, store, _attach(context, store, entry_id, data))
    stack = context.undo_stack
    assert stack.count() == 60
    assert _held_by_commands(stack) == 0  # the steps hold SHA-256 references, not files
    # the files wait outside Python's memory, once each, for the steps that refer to them
    assert kept_blob_bytes(store) == sum(len(data) for data in files)
    for _step in range(60):
        stack.undo()
    assert attachments.list_attachments(store, entry_id) == []
    for _step in range(59):
        stack.redo()  # back to the last file attached, before it was taken off
    found = attachments.list_attachments(store, entry_id)
    assert [attachments.attachment_data(store, f.id) for f in found] == [files[-1]]
    stack.redo()
    assert _held_by_commands(stack) == 0


def test_a_new_change_after_undo_drops_the_files_only_the_dropped_steps_kept(context, store,
                                                                               entry_id):
    stack = context.undo_stack
    for number in range(40):  # attach, 元に戻す, attach another … : one step left each time
        _attach(context, store, entry_id, _picture(number))
        stack.undo()
    assert stack.count() == 1 and stack.index() == 0
    assert _held_by_commands(stack) == 0
    assert kept_blob_bytes(store) == len(_picture(39))  # only the file the redo would need
    stack.redo()
    found = attachments.list_attachments(store, entry_id)
    assert [attachments.attachment_data(store, f.id) for f in found] == [_picture(39)]


def test_undo_of_a_detach_puts_back_every_byte(context, store, entry_id):
    data = _picture(1)
    link = _attach(context, store, entry_id, data)
    _detach(context, store, link)
    assert attachments.list_attachments(store, entry_id) == []
    assert store.scalar("SELECT count(*) FROM attachment_blobs") == 0  # gone from the file
    context.undo_stack.undo()
    (found,) = attachments.list_attachments(store, entry_id)
    assert attachments.attachment_data(store, found.id) == data
    context.undo_stack.undo()
    assert store.scalar("SELECT count(*) FROM attachment_blobs") == 0
    context.undo_stack.redo()
    context.undo_stack.redo()
    assert attachments.list_attachments(store, entry_id) == []
    context.undo_stack.undo()
    (found,) = attachments.list_attachments(store, entry_id)
    assert attachments.attachment_data(store, found.id) == data


def test_the_stack_keeps_at_most_the_limit_and_drops_the_files_of_older_steps(context, store,
                                                                               entry_id):
    stack = context.undo_stack
    assert stack.undoLimit() == UNDO_LIMIT
    links = [_attach(context, store, entry_id, _picture(n)) for n in range(UNDO_LIMIT + 5)]
    assert stack.count() == UNDO_LIMIT
    # attached files are in the data file; nothing needs keeping for undo or redo of an attach
    # whose file is still there, but a step pushed out by the limit keeps nothing at all
    assert kept_blob_bytes(store) == sum(len(_picture(n)) for n in range(5, UNDO_LIMIT + 5))
    for link in links[:3]:
        _detach(context, store, link)
    assert stack.count() == UNDO_LIMIT
    assert kept_blob_bytes(store) <= sum(len(_picture(n)) for n in range(UNDO_LIMIT + 5))
    assert _held_by_commands(stack) == 0
