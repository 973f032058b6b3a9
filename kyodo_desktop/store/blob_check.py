"""The stored 証拠書類 files (``attachment_blobs``, migration 18) must be what their rows say: the
SHA-256 of the bytes equals the ``sha256`` column, and the bytes begin as their ``media_type``
(PDF, JPEG, PNG). A file edited by another program, or a package whose file was swapped, is
refused before a restore or a handover import uses it, and ``check`` reports it.

Each file is read through SQLite's incremental BLOB I/O in 1 MiB pieces: checking a file with
hundreds of scans never holds more than one piece in memory.
"""

from __future__ import annotations

import hashlib
import sqlite3

from kyodo_desktop.domain.attachments import sniff

TABLE = "attachment_blobs"
_PIECE = 1024 * 1024
#: How many bad row ids a result keeps.
MAX_SHOWN = 20


def _digest(conn: sqlite3.Connection, rowid: int) -> tuple[str, bytes]:
    """SHA-256 (hex) of one stored file and its first bytes."""
    digest, head = hashlib.sha256(), b""
    with conn.blobopen(TABLE, "data", rowid, readonly=True) as blob:
        while True:
            piece = blob.read(_PIECE)
            if not piece:
                break
            head = head or piece[:16]
            digest.update(piece)
    return digest.hexdigest(), head


def mismatched_blobs(conn: sqlite3.Connection) -> list[int]:
    """Row ids of stored files whose bytes do not match their ``sha256`` or ``media_type``
    (empty when all match, or when the file has no such table)."""
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
        digest, head = _digest(conn, rowid)
        if digest != sha256 or sniff(head) != media_type:
            bad.append(rowid)
    return bad
