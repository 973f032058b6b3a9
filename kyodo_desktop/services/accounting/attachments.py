"""証拠書類: receipts, scans and photos attached to 出納簿 entries, kept inside the data file.

Files are stored once per council (``attachment_blobs``, deduplicated by SHA-256; migration 18)
and linked to entries with the name they had (``entry_attachments``). What is accepted is
decided by :mod:`kyodo_desktop.domain.attachments` (PDF/JPEG/PNG by content, whole, at most 10
MiB and 40 million pixels); a PDF must also open and have pages. Lists never read the files'
bytes; :func:`attachment_data` reads one file by id. Adding and removing return ``Changes`` and
are undoable through ``save_with_undo``; removing the last link of a file removes the file.

Attachments are evidence, not figures: they are not in the 変更履歴 and never leave the PC in the
年度報告 (personal data on receipts); backups and handover packages carry them.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kyodo_desktop.domain import attachments as rules
from kyodo_desktop.domain import pdf_check
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import cash_book, common
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.store import Store, audit

#: The most pages a PDF attachment may have.
MAX_PDF_PAGES = pdf_check.MAX_PAGES


@dataclass(frozen=True)
class Attachment:
    """One file attached to an entry (without its bytes): ``id`` of the link, ``entry_id``,
    ``blob_id``, ``file_name`` as kept, ``media_type``, ``size`` (bytes), ``sha256`` (hex) and
    the day it was ``added_on``."""

    id: int
    entry_id: int
    blob_id: int
    file_name: str
    media_type: str
    size: int
    sha256: str
    added_on: date

    @property
    def is_pdf(self) -> bool:
        """True for a PDF (else a picture)."""
        return self.media_type == rules.PDF


_COLUMNS = ("a.id, a.entry_id, a.blob_id, a.file_name, b.media_type, b.size, b.sha256, "
            "a.added_on")


def _attachment(row: tuple) -> Attachment:
    return Attachment(*row[:7], date.fromisoformat(row[7]))


def read_file(path: Path | str) -> bytes:
    """The bytes of the file at ``path`` to attach, read only when it is a regular file within
    the size limit. Raises ValidationError (missing, a folder or device, empty, too large)."""
    path = Path(path)
    try:
        info = os.stat(path)
    except OSError as error:
        raise ValidationError(_("The file {name} cannot be read.").format(name=path.name),
                              field="attachment") from error
    if not stat.S_ISREG(info.st_mode):
        raise ValidationError(_("Only PDF, JPEG and PNG files can be attached (judged by their "
                                "content, not their name). Save the receipt as a PDF or a "
                                "photo and try again."), field="attachment")
    problem = rules.size_problem(info.st_size)
    if problem:
        raise ValidationError(problem, field="attachment")
    try:
        with open(path, "rb") as handle:
            data = handle.read(rules.MAX_BYTES + 1)
    except OSError as error:
        raise ValidationError(_("The file {name} cannot be read.").format(name=path.name),
                              field="attachment") from error
    problem = rules.size_problem(len(data))
    if problem:
        raise ValidationError(problem, field="attachment")
    return data


def check_content(data: bytes) -> rules.FileKind:
    """:func:`kyodo_desktop.domain.attachments.check_file`: a whole PDF, JPEG or PNG within the
    limits; a PDF opens, is not encrypted, has 1 … :data:`MAX_PDF_PAGES` pages and runs nothing
    when opened. Raises ValidationError."""
    return rules.check_file(data)


def add_attachment(store: Store, entry_id: int, data: bytes, file_name: str, *,
                   today: date | None = None) -> tuple[int, Changes]:
    """Attach the file ``data`` (named ``file_name`` by the user) to the entry ``entry_id``.
    The same file already stored for the council is linked, not stored again; the same file on
    the same entry twice is refused. Returns ``(link id, Changes)``.

    Raises UserError when the entry is gone or already has this file, YearClosed when the
    entry's 年度 is closed (also refused by migration 20's triggers); ValidationError for a file
    that is not accepted (:func:`check_content`).
    """
    entry = cash_book.get_entry(store, entry_id)
    common.ensure_open(store, entry.council_id, entry.fiscal_year)
    kind = check_content(data)
    data = rules.picture_only(data, kind)  # nothing hidden after the picture is stored
    digest = hashlib.sha256(data).hexdigest()
    name = rules.clean_file_name(file_name, kind.media_type)
    with store.transaction() as db:
        blob_id = store.scalar("SELECT id FROM attachment_blobs WHERE council_id = ? AND "
                               "sha256 = ?", (entry.council_id, digest))
        if blob_id is None:
            blob_id = db.execute(
                "INSERT INTO attachment_blobs (council_id, sha256, media_type, size, data) "
                "VALUES (?, ?, ?, ?, ?)",
                (entry.council_id, digest, kind.media_type, len(data), data)).lastrowid
        elif store.scalar("SELECT 1 FROM entry_attachments WHERE entry_id = ? AND blob_id = ?",
                          (entry_id, blob_id)):
            raise UserError(_("This file is already attached to the entry."))
        link = audit.insert_row(db, "entry_attachments", {
            "entry_id": entry_id, "blob_id": blob_id, "file_name": name,
            "added_on": (today or date.today()).isoformat()})["id"]
    return link, common.accounts_changed(entry.council_id)


def attach_file(store: Store, entry_id: int, path: Path | str, *,
                today: date | None = None) -> tuple[int, Changes]:
    """:func:`add_attachment` of the file at ``path`` (see :func:`read_file`)."""
    return add_attachment(store, entry_id, read_file(path), Path(path).name, today=today)


def get_attachment(store: Store, attachment_id: int) -> Attachment:
    """One attachment (no bytes). Raises UserError when it is gone."""
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM entry_attachments a JOIN attachment_blobs b "
        "ON b.id = a.blob_id WHERE a.id = ?", (attachment_id,)).fetchone()
    if row is None:
        raise UserError(_("This attachment no longer exists."))
    return _attachment(row)


def remove_attachment(store: Store, attachment_id: int) -> Changes:
    """Detach a file from its entry (the file itself goes when no other entry has it).
    Raises UserError when it is gone, YearClosed when the entry's 年度 is closed."""
    found = get_attachment(store, attachment_id)
    entry = cash_book.get_entry(store, found.entry_id)
    common.ensure_open(store, entry.council_id, entry.fiscal_year)
    with store.transaction() as db:
        audit.delete_row(db, "entry_attachments", {"id": attachment_id})
    return common.accounts_changed(entry.council_id)


def list_attachments(store: Store, entry_id: int) -> list[Attachment]:
    """The files of one entry in the order they were attached (no bytes are read)."""
    return [_attachment(r) for r in store.conn.execute(
        f"SELECT {_COLUMNS} FROM entry_attachments a JOIN attachment_blobs b "
        "ON b.id = a.blob_id WHERE a.entry_id = ? ORDER BY a.id", (entry_id,))]


def year_attachments(store: Store, council_id: int, fiscal_year: int) -> list[Attachment]:
    """Every attachment of the council-year's entries, in 出納簿 order (date, then entry id),
    then in the order attached (no bytes are read)."""
    return [_attachment(r) for r in store.conn.execute(
        f"SELECT {_COLUMNS} FROM entry_attachments a JOIN attachment_blobs b "
        "ON b.id = a.blob_id JOIN cash_book_entries e ON e.id = a.entry_id "
        "WHERE e.council_id = ? AND e.fiscal_year = ? ORDER BY e.entry_date, e.id, a.id",
        (council_id, fiscal_year))]


def attachment_counts(store: Store, council_id: int, fiscal_year: int) -> dict[int, int]:
    """Entry id → how many files it has, for the council-year's entries with any."""
    return dict(store.conn.execute(
        "SELECT a.entry_id, count(*) FROM entry_attachments a JOIN cash_book_entries e "
        "ON e.id = a.entry_id WHERE e.council_id = ? AND e.fiscal_year = ? "
        "GROUP BY a.entry_id", (council_id, fiscal_year)).fetchall())


def attachment_data(store: Store, attachment_id: int) -> bytes:
    """The bytes of one attached file (read by id, alone). Raises UserError when it is gone."""
    row = store.conn.execute(
        "SELECT b.data FROM entry_attachments a JOIN attachment_blobs b ON b.id = a.blob_id "
        "WHERE a.id = ?", (attachment_id,)).fetchone()
    if row is None:
        raise UserError(_("This attachment no longer exists."))
    return bytes(row[0])


def blob_digests(store: Store, council_id: int | None = None) -> dict[str, int]:
    """SHA-256 (hex, computed from the stored bytes, one file at a time) → size of every stored
    file (of one council, or all): what a backup or handover must keep byte for byte."""
    found = {}
    for blob_id, in store.conn.execute(
            "SELECT id FROM attachment_blobs WHERE ? IS NULL OR council_id = ? ORDER BY id",
            (council_id, council_id)).fetchall():
        data = store.conn.execute("SELECT data FROM attachment_blobs WHERE id = ?",
                                  (blob_id,)).fetchone()[0]
        found[hashlib.sha256(data).hexdigest()] = len(data)
    return found


def entries_with_evidence(store: Store, entry_ids: Iterable[int]) -> set[int]:
    """The entries among ``entry_ids`` that have at least one attached file."""
    ids = list(entry_ids)
    found: set[int] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        found.update(r[0] for r in store.conn.execute(
            f"SELECT DISTINCT entry_id FROM entry_attachments WHERE entry_id IN "
            f"({', '.join('?' * len(chunk))})", chunk))
    return found
