"""The stored 証拠書類 files (``attachment_blobs``, migration 18) must be what their rows say: the
SHA-256 of the bytes equals the ``sha256`` column, and the bytes begin as their ``media_type``
(PDF, JPEG, PNG). A file edited by another program, or a package whose file was swapped, is
refused before a restore or a handover import uses it, and ``check`` reports it. A file whose
checksum was written to match is judged like one the user attaches
(:func:`kyodo_desktop.domain.attachments.check_file`: whole, within the pixel limit, a PDF that
runs nothing), so a crafted package cannot bring in what the app would refuse.

Each file is read through SQLite's incremental BLOB I/O in 1 MiB pieces and judged alone: checking
a file with hundreds of scans never holds more than one file (at most 10 MiB) in memory.
"""

from __future__ import annotations

import hashlib
import sqlite3

from kyodo_desktop.domain.attachments import check_file, sniff
from kyodo_desktop.errors import ValidationError

TABLE = "attachment_blobs"
_PIECE = 1024 * 1024
#: How many bad row ids a result keeps.
MAX_SHOWN = 20


def _read(conn: sqlite3.Connection, rowid: int) -> tuple[str, bytes]:
    """SHA-256 (hex) of one stored file and its bytes."""
    digest, pieces = hashlib.sha256(), []
    with conn.blobopen(TABLE, "data", rowid, readonly=True) as blob:
        while True:
            piece = blob.read(_PIECE)
            if not piece:
                break
            pieces.append(piece)
            digest.update(piece)
    return digest.hexdigest(), b"".join(pieces)


def _acceptable(data: bytes, media_type: str) -> bool:
    if sniff(data[:16]) != media_type:
        return False
    try:
        return check_file(data).media_type == media_type
    except ValidationError:
        return False


def mismatched_blobs(conn: sqlite3.Connection) -> list[int]:
    """Row ids of stored files whose bytes do not match their ``sha256`` or ``media_type`` or
    would not be accepted as an attachment (empty when all are fine, or when the file has no
    such table)."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (TABLE,)).fetchone():
        return []
    bad = []
    rows = conn.execute(f"SELECT id, sha256, media_type, typeof(data) FROM {TABLE} "
                        "ORDER BY id").fetchall()
    for rowid, sha256, media_type, kind in rows:
        if kind != "blob":
            bad.append(rowid)
            continue
        digest, data = _read(conn, rowid)
        if digest != sha256 or not _acceptable(data, media_type):
            bad.append(rowid)
    return bad
