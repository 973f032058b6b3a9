"""The backup, restore and handover subcommands."""

from __future__ import annotations

import sqlite3

from kyodo_desktop import cli
from kyodo_desktop.store import open_store
from kyodo_desktop.store.backup import table_digests


def _run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_backup_then_restore_from_the_command_line(capsys, demo_path, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    code, out, _err = _run(capsys, "backup", "--db", demo_path, "-o", usb)
    assert code == 0 and "kyodo-backup-" in out
    (backup_file,) = usb.glob("kyodo-backup-*.sqlite3")
    conn = sqlite3.connect(backup_file)
    expected = table_digests(conn)
    conn.close()
    with open_store(demo_path) as store, store.transaction() as db:
        db.execute("DELETE FROM cash_book_entries WHERE fiscal_year = 2026")
    code, out, _err = _run(capsys, "restore", backup_file, "--db", demo_path)
    assert code == 0 and "湯田地域づくり協議会" in out
    with open_store(demo_path) as store:
        assert table_digests(store.conn) == expected


def test_restore_of_a_foreign_file_fails_cleanly(capsys, demo_path, tmp_path):
    foreign = tmp_path / "notes.txt"
    foreign.write_text("hello")
    code, _out, err = _run(capsys, "restore", foreign, "--db", demo_path)
    assert code == 2 and err.startswith("エラー:")


def test_handover_export_and_import(capsys, demo_path, tmp_path):
    package = tmp_path / "pkg.sqlite3"
    code, out, _err = _run(capsys, "handover-export", "--db", demo_path, "--council",
                           "湯田地域づくり協議会", "-o", package)
    assert code == 0 and package.exists()
    target = tmp_path / "new.sqlite3"
    code, out, _err = _run(capsys, "handover-import", package, "--db", target)
    assert code == 0 and "湯田地域づくり協議会" in out
    code, _out, err = _run(capsys, "handover-import", package, "--db", target)
    assert code == 2 and "置き換える" in err
    code, out, _err = _run(capsys, "handover-import", package, "--db", target, "--replace")
    assert code == 0
    with open_store(target) as store:
        assert store.scalar("SELECT count(*) FROM councils") == 1
        assert store.scalar("SELECT count(*) FROM cash_book_entries") > 500
