"""証拠書類 travel with the council's data: a backup and its restore, a handover package and its
import keep every file byte for byte (SHA-256); a package or backup whose file does not match its
checksum is refused; the 年度報告 for the city carries none of them (personal data)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import datetime

import pytest

from kyodo_desktop.services.accounting import attachments
from kyodo_desktop.services.backup import automatic as backups
from kyodo_desktop.services.backup import handover_package as handover
from kyodo_desktop.services.backup.file_check import run_checks
from kyodo_desktop.services.settings import Settings
from kyodo_desktop.store import open_store
from kyodo_desktop.store.errors import StoreError

from .conftest import yuda_id

NOW = datetime(2026, 11, 20, 17, 30)


def _files(store, council=None) -> dict[str, tuple[str, int]]:
    """file name + entry 摘要 → (SHA-256 of the bytes read back, size) of every attachment."""
    found = {}
    for row in store.query(
            "SELECT a.id, a.file_name, e.description, e.entry_date FROM entry_attachments a "
            "JOIN cash_book_entries e ON e.id = a.entry_id WHERE ? IS NULL OR e.council_id = ?",
            (council, council)):
        data = attachments.attachment_data(store, row["id"])
        found[(row["file_name"], row["description"], row["entry_date"])] = (
            hashlib.sha256(data).hexdigest(), len(data))
    return found


def test_the_demo_has_receipts_of_every_kind(demo_store):
    kinds = {r["media_type"] for r in demo_store.query("SELECT media_type FROM attachment_blobs")}
    assert kinds == {"image/jpeg", "image/png", "application/pdf"}
    assert len(_files(demo_store)) >= 6


def test_backup_and_restore_keep_every_file_byte_for_byte(demo_store, tmp_path):
    before = _files(demo_store)
    digests = attachments.blob_digests(demo_store)
    usb = tmp_path / "usb"
    usb.mkdir()
    written = backups.external_backup(demo_store, usb, now=NOW)
    with demo_store.transaction() as db:  # the open year's receipts are removed after the
        db.execute("DELETE FROM entry_attachments WHERE entry_id IN "  # backup (a closed
                   "(SELECT id FROM cash_book_entries WHERE fiscal_year = 2026)")  # year's stay)
    assert demo_store.scalar("SELECT count(*) FROM attachment_blobs") < len(digests)
    path = demo_store.path
    demo_store.close()
    backups.restore(path, written, Settings(), now=NOW)
    with open_store(path) as restored:  # … and come back whole
        assert _files(restored) == before
        assert attachments.blob_digests(restored) == digests


def test_handover_export_and_import_keep_every_file_byte_for_byte(demo_store, store, tmp_path):
    council = yuda_id(demo_store)
    before = _files(demo_store, council)
    package = handover.export_council(demo_store, council, tmp_path / "pkg.sqlite3", now=NOW)
    result = handover.import_package(store, package.path)
    assert _files(store, result.council_id) == before
    assert attachments.blob_digests(store, result.council_id) == attachments.blob_digests(
        demo_store, council)
    assert not [p for p in run_checks(store) if p.kind == "attachment_checksum"]


def _swap_a_file(path) -> None:
    """Replace the bytes of one stored file by another valid file, keeping its checksum column."""
    conn = sqlite3.connect(path)
    other = conn.execute("SELECT data FROM attachment_blobs ORDER BY id DESC").fetchone()[0]
    conn.execute("UPDATE attachment_blobs SET data = ?, size = ? WHERE id = "
                 "(SELECT min(id) FROM attachment_blobs WHERE media_type = "
                 "(SELECT media_type FROM attachment_blobs ORDER BY id DESC))",
                 (other, len(other)))
    conn.commit()
    conn.close()


def test_a_package_whose_file_does_not_match_its_checksum_is_refused(demo_store, store,
                                                                       tmp_path):
    package = handover.export_council(demo_store, yuda_id(demo_store), tmp_path / "pkg.sqlite3",
                                      now=NOW)
    _swap_a_file(package.path)
    councils = store.scalar("SELECT count(*) FROM councils")
    with pytest.raises(StoreError, match="チェックサム"):
        handover.import_package(store, package.path)
    assert store.scalar("SELECT count(*) FROM councils") == councils  # nothing imported
    assert store.scalar("SELECT count(*) FROM attachment_blobs") == 0


def test_a_backup_whose_file_was_swapped_is_not_restored(demo_store, tmp_path):
    written = backups.external_backup(demo_store, tmp_path, now=NOW)
    _swap_a_file(written)
    path = demo_store.path
    demo_store.close()
    with pytest.raises(StoreError, match="チェックサム"):
        backups.restore(path, written, Settings(), now=NOW)


def test_check_reports_a_file_changed_outside_the_app(demo_store):
    _swap_a_file(demo_store.path)
    codes = [p.kind for p in run_checks(demo_store)]
    assert codes.count("attachment_checksum") == 1


def test_the_annual_return_carries_no_attachment(demo_store, yuda_return):
    assert demo_store.scalar("SELECT count(*) FROM entry_attachments a JOIN cash_book_entries e "
                             "ON e.id = a.entry_id WHERE e.fiscal_year = 2025")
    text = yuda_return.decode("utf-8")
    names = [r["file_name"] for r in demo_store.query("SELECT file_name FROM entry_attachments")]
    digests = [r["sha256"] for r in demo_store.query("SELECT sha256 FROM attachment_blobs")]
    assert not [n for n in names + digests if n in text]
    assert "attachment" not in json.dumps(json.loads(yuda_return)["content"]).lower()


def test_the_council_lists_of_a_handover_hold_no_file_bytes(demo_store):
    from kyodo_desktop.store.handover_copy import council_rows

    rows = council_rows(demo_store.conn, yuda_id(demo_store))["attachment_blobs"]
    assert rows and all(row["data"] is None for row in rows)  # read one by one when copied
