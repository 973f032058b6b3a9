"""What leaves the PC can be encrypted: ``backup --encrypt`` and ``handover-export --encrypt``
write files in which no name, address or phone number can be read; ``restore`` and
``handover-import`` ask for the passphrase, and a wrong one is a clear error (exit 2)."""

from __future__ import annotations

import os
import sqlite3

import pytest

from kyodo_desktop import cli
from kyodo_desktop.cli_passphrase import ENV_VAR
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.services.backup import automatic as backups
from kyodo_desktop.services.backup import encryption
from kyodo_desktop.services.backup import handover_package as handover
from kyodo_desktop.services.settings import Settings
from kyodo_desktop.store import open_store

from .conftest import file_digests

PASSPHRASE = "湯田の会計 2026 春"


def _run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def _personal_texts(path) -> list[bytes]:
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT name, phone, address FROM people WHERE phone <> '' "
                        "AND address <> '' LIMIT 20").fetchall()
    conn.close()
    assert rows
    return [v.encode("utf-8") for row in rows for v in row]


@pytest.fixture
def passphrase_file(tmp_path):
    path = tmp_path / "pass.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


def test_an_encrypted_backup_leaks_no_name_or_phone_and_restores(
        capsys, demo_path, tmp_path, passphrase_file, monkeypatch):
    usb = tmp_path / "usb"
    usb.mkdir()
    expected = file_digests(demo_path)
    secrets = _personal_texts(demo_path)
    code, out, _err = _run(capsys, "backup", "--db", demo_path, "-o", usb, "--encrypt",
                           "--passphrase-file", passphrase_file)
    assert code == 0
    (written,) = usb.iterdir()  # no plain copy left beside it
    assert written.name.endswith(".sqlite3.enc") and encryption.is_encrypted(written)
    data = written.read_bytes()
    assert b"SQLite format 3" not in data
    assert not [s for s in secrets if s in data]
    if os.name == "posix":
        assert written.stat().st_mode & 0o077 == 0
    with open_store(demo_path) as store, store.transaction() as db:
        db.execute("DELETE FROM cash_book_entries WHERE fiscal_year = 2026")
    monkeypatch.setenv(ENV_VAR, PASSPHRASE)
    code, out, _err = _run(capsys, "restore", written, "--db", demo_path)
    assert code == 0 and "湯田地域づくり協議会" in out
    assert file_digests(demo_path) == expected


def test_a_wrong_passphrase_is_a_clear_error_and_changes_nothing(
        capsys, demo_path, tmp_path, passphrase_file, monkeypatch):
    usb = tmp_path / "usb"
    usb.mkdir()
    assert _run(capsys, "backup", "--db", demo_path, "-o", usb, "--encrypt",
                "--passphrase-file", passphrase_file)[0] == 0
    (written,) = usb.iterdir()
    before = demo_path.read_bytes()
    monkeypatch.setenv(ENV_VAR, PASSPHRASE + "x")
    code, _out, err = _run(capsys, "restore", written, "--db", demo_path)
    assert code == 2 and err.startswith("エラー:") and "パスフレーズが違います" in err
    monkeypatch.delenv(ENV_VAR)
    code, _out, err = _run(capsys, "restore", written, "--db", demo_path)  # no terminal here
    assert code == 2 and "--passphrase-file" in err
    assert demo_path.read_bytes() == before


def test_an_encrypted_handover_package_round_trips(capsys, demo_path, tmp_path,
                                                    passphrase_file, store):
    package = tmp_path / "pkg.sqlite3.enc"
    code, _out, _err = _run(capsys, "handover-export", "--db", demo_path, "--council",
                            "湯田地域づくり協議会", "-o", package, "--encrypt",
                            "--passphrase-file", passphrase_file)
    assert code == 0 and encryption.is_encrypted(package)
    assert not [s for s in _personal_texts(demo_path) if s in package.read_bytes()]
    assert not list(tmp_path.glob("*.partial*"))
    with pytest.raises(backups.PassphraseNeeded):
        handover.read_package(package)
    with pytest.raises(encryption.WrongPassphrase):
        handover.import_package(store, package, passphrase="間違いのパスフレーズ")
    info = handover.read_package(package, passphrase=PASSPHRASE)
    assert info.council_name == "湯田地域づくり協議会" and info.path == package
    target = tmp_path / "new.sqlite3"
    code, out, _err = _run(capsys, "handover-import", package, "--db", target,
                           "--passphrase-file", passphrase_file)
    assert code == 0 and "湯田地域づくり協議会" in out


def test_a_changed_or_cut_encrypted_file_is_refused(demo_store, tmp_path):
    written = backups.external_backup(demo_store, tmp_path, passphrase=PASSPHRASE)
    data = written.read_bytes()
    assert len(data) > encryption.CHUNK  # two chunks at least: a cut at a chunk edge is seen
    cases = {"flipped": data[:5000] + bytes([data[5000] ^ 1]) + data[5001:],
             "cut_at_chunk": data[: 39 + encryption.CHUNK + 16],
             "cut": data[:-10],
             "header_only": data[:39],
             "greedy_header": data[:9] + bytes([40]) + data[10:]}
    for name, content in cases.items():
        bad = tmp_path / f"{name}.enc"
        bad.write_bytes(content)
        with pytest.raises(UserError):
            backups.restore(tmp_path / "target.sqlite3", bad, Settings(), passphrase=PASSPHRASE)
        assert not (tmp_path / "target.sqlite3").exists()


@pytest.mark.parametrize("passphrase", ["", "short", "       ", "abc\x00defghij"])
def test_a_weak_or_untypable_passphrase_is_refused_before_writing(demo_store, tmp_path,
                                                                   passphrase):
    usb = tmp_path / "usb"
    usb.mkdir()
    with pytest.raises(ValidationError):
        backups.external_backup(demo_store, usb, passphrase=passphrase)
    assert list(usb.iterdir()) == []


def test_the_file_format_has_magic_version_salt_and_nonce(demo_store, tmp_path):
    one = backups.external_backup(demo_store, tmp_path, passphrase=PASSPHRASE)
    two = backups.external_backup(demo_store, tmp_path, passphrase=PASSPHRASE)
    head_one, head_two = one.read_bytes()[:39], two.read_bytes()[:39]
    assert head_one[:8] == b"KYODOENC" and head_one[8] == 1
    assert head_one[12:35] != head_two[12:35]  # a fresh salt and nonce per file
