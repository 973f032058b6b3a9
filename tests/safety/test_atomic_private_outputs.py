"""A full disk or a crash while writing never leaves a truncated PDF or workbook in place of a
good one, and every file that may hold residents' personal data (exports, PDFs, the copy taken
before a migration) is owner-only (0600) from the moment it exists, whatever the umask."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat

import pytest

from kyodo_desktop import cli, fileops
from kyodo_desktop.errors import UserError
from kyodo_desktop.io.cash_book_export import export_cash_book
from kyodo_desktop.io.roster_export import export_organizations
from kyodo_desktop.store import open_store
from kyodo_desktop.store.migrations import all_migrations

from .conftest import yuda_id

COUNCIL = "湯田地域づくり協議会"


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def full_disk(monkeypatch):
    """``full_disk()``: from now on the disk fills up halfway through every PDF
    (``Path.write_bytes``) and workbook (``Workbook.save``): the first bytes reach the file,
    then ENOSPC."""
    import pathlib

    import openpyxl

    def half_then_full(path, data=b"PK\x03\x04 half a workbook"):
        with open(path, "wb") as handle:
            handle.write(data[: max(1, len(data) // 2)])
        raise OSError(errno.ENOSPC, "No space left on device")

    def activate() -> None:
        monkeypatch.setattr(pathlib.Path, "write_bytes", half_then_full)
        monkeypatch.setattr(openpyxl.Workbook, "save", lambda _book, path: half_then_full(path))

    return activate


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial"))


def test_a_full_disk_leaves_the_old_pdf_whole(capsys, demo_path, tmp_path, full_disk):
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"%PDF-1.4 the good old plan")
    full_disk()
    code = cli.main(["report", "plan", "--db", str(demo_path), "--council", COUNCIL,
                     "--fiscal-year", "2026", "-o", str(target)])
    _out, err = capsys.readouterr()
    assert code == 2 and "空き容量" in err and str(target) in err
    assert target.read_bytes() == b"%PDF-1.4 the good old plan"
    assert leftovers(tmp_path) == []


def test_a_full_disk_leaves_the_old_workbook_whole(demo_store, tmp_path, full_disk):
    target = tmp_path / "cash.xlsx"
    target.write_bytes(b"the good old workbook")
    full_disk()
    with pytest.raises(UserError, match="空き容量"):
        export_cash_book(demo_store, yuda_id(demo_store), 2026, target)
    assert target.read_bytes() == b"the good old workbook"
    assert leftovers(tmp_path) == []


def test_a_write_that_fails_halfway_leaves_the_old_file(tmp_path):
    target = tmp_path / "list.xlsx"
    target.write_bytes(b"old")

    def half_then_full(path):
        path.write_bytes(b"PK half")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(UserError) as raised:
        fileops.write_with(target, half_then_full)
    assert str(target) in raised.value.message and ".partial" not in raised.value.message
    assert target.read_bytes() == b"old" and leftovers(tmp_path) == []


def test_exports_and_pdfs_are_owner_only_from_creation(capsys, demo_store, demo_path,
                                                       tmp_path):
    old = os.umask(0o022)
    try:
        roster = tmp_path / "roster.xlsx"
        export_organizations(demo_store, yuda_id(demo_store), 2026, roster)
        cash = tmp_path / "cash.xlsx"
        export_cash_book(demo_store, yuda_id(demo_store), 2026, cash)
        pdf = fileops.write_bytes(tmp_path / "form.pdf", b"%PDF-1.4")
    finally:
        os.umask(old)
    for path in (roster, cash, pdf):
        assert mode(path) == 0o600, path


def test_cli_exports_are_owner_only(capsys, demo_path, tmp_path):
    old = os.umask(0o022)
    try:
        target = tmp_path / "cash.xlsx"
        code = cli.main(["export", "cash-book", "--db", str(demo_path), "--council", COUNCIL,
                         "--fiscal-year", "2026", "-o", str(target)])
    finally:
        os.umask(old)
    assert code == 0 and mode(target) == 0o600


def test_the_copy_before_a_migration_is_owner_only(tmp_path):
    path = tmp_path / "old.sqlite3"  # a file of format 1, as an early version wrote it
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {fileops.APPLICATION_ID}")
    for statement in all_migrations()[0].statements:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    old = os.umask(0o022)
    try:
        open_store(path).close()
    finally:
        os.umask(old)
    (copy,) = tmp_path.glob("old.before-v2-*.sqlite3")
    assert mode(copy) == 0o600
