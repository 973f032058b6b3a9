"""A backup or handover package is judged on arrival like a file the user attaches: a stored
証拠書類 that is a decompression bomb, a PDF that runs something when opened, or no whole
PDF/JPEG/PNG at all is refused even when the package's checksum column was written to match
its bytes (store/blob_check.py), and ``check`` reports it in the data file."""

from __future__ import annotations

import hashlib
import sqlite3
import struct
import zlib
from datetime import datetime

import pytest

from kyodo_desktop.services.backup import handover_package as handover
from kyodo_desktop.services.backup.file_check import run_checks
from kyodo_desktop.store.errors import StoreError

from .conftest import yuda_id
from .test_attachments_active_content import _action, _open_action

NOW = datetime(2026, 11, 20, 17, 30)


def _bomb_png() -> bytes:
    """A PNG announcing 20,000 × 20,000 grey pixels (400 MB decoded) in a few hundred bytes."""
    def chunk(tag: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + tag + body + struct.pack(
            ">I", zlib.crc32(tag + body) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", 20_000, 20_000, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 20_001, 9)) + chunk(b"IEND", b""))


def _plant(path, data: bytes) -> None:
    """Put ``data`` in place of the package's first stored file of the same type, with a
    checksum column and size written to match (what a crafted package would do)."""
    conn = sqlite3.connect(path)
    conn.execute("UPDATE attachment_blobs SET data = ?, size = ?, sha256 = ? WHERE id = "
                 "(SELECT min(id) FROM attachment_blobs WHERE media_type = ?)",
                 (data, len(data), hashlib.sha256(data).hexdigest(),
                  "image/png" if data.startswith(b"\x89PNG") else "application/pdf"))
    conn.commit()
    conn.close()


@pytest.mark.parametrize("hostile", [
    _bomb_png,
    lambda: _open_action(_action("/JavaScript", JS="app.alert(1);")),
    lambda: b"%PDF-1.4\n" + b"\x00" * 100,  # only a header: not a PDF at all
], ids=["bomb-png", "javascript-pdf", "header-only-pdf"])
def test_a_package_with_a_hostile_file_of_matching_checksum_is_refused(demo_store, store,
                                                                       tmp_path, hostile):
    package = handover.export_council(demo_store, yuda_id(demo_store), tmp_path / "pkg.sqlite3",
                                      now=NOW)
    _plant(package.path, hostile())
    councils = store.scalar("SELECT count(*) FROM councils")
    with pytest.raises(StoreError, match="証拠書類|添付"):
        handover.import_package(store, package.path)
    assert store.scalar("SELECT count(*) FROM councils") == councils


def test_check_reports_a_stored_file_that_is_no_whole_picture(demo_store):
    _plant(demo_store.path, _bomb_png())
    assert [p.kind for p in run_checks(demo_store)].count("attachment_checksum") == 1
