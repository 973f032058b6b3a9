"""A backup or handover package written to a removable drive (a USB stick, an SD card) is
encrypted by default: the target is chosen first, and on a removable drive the 暗号化する box is
ticked with a sentence saying why (off on the PC's own disk); the CLI warns (exit 0) when it
writes an unencrypted file there. Removable drives are told by ``GetDriveTypeW`` on Windows and
by the mount and ``/sys/block/*/removable`` on Linux; tests fake both."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from kyodo_desktop import cli, fileops
from kyodo_desktop.fileops import places
from kyodo_desktop.ui.app import create_application
from kyodo_desktop.ui.backup import passphrase as passphrase_ui

PASSPHRASE = "ゆだの会計ノート"


@pytest.fixture
def linux_sticks(tmp_path, monkeypatch):
    """A Linux mount table: a USB stick (sdb, removable) at /media/yuda/USB, an SD card at
    /run/media/yuda/SD, a fixed second disk (sdc) at /mnt/data."""
    monkeypatch.setattr(os, "name", "posix")
    monkeypatch.setattr(places, "_mount_table", lambda: [
        ("/dev/sda2", "/", "ext4"), ("/dev/sdb1", "/media/yuda/USB", "vfat"),
        ("/dev/mmcblk0p1", "/run/media/yuda/SD", "exfat"), ("/dev/sdc1", "/mnt/data", "ext4")])
    sys_block = tmp_path / "sys-block"
    for disk, flag in (("sda", "0"), ("sdb", "1"), ("mmcblk0", "1"), ("sdc", "0")):
        (sys_block / disk).mkdir(parents=True)
        (sys_block / disk / "removable").write_text(flag + "\n")
    monkeypatch.setattr(places, "SYS_BLOCK", sys_block)


@pytest.mark.parametrize("path, removable", [
    ("/media/yuda/USB/kyodo-backup.sqlite3", True),
    ("/run/media/yuda/SD/引継ぎ.sqlite3", True),
    ("/mnt/data/kyodo-backup.sqlite3", False),
    ("/home/yuda/kyodo-backup.sqlite3", False),
])
def test_linux_removable_drives_are_told_by_mount_and_sys_block(linux_sticks, path, removable):
    assert fileops.is_removable(path) is removable
    assert (places.place_of(path).kind == places.REMOVABLE) is removable


def test_windows_removable_drives_are_told_by_the_drive_type(monkeypatch):
    types = {"C:\\": 3, "E:\\": places.DRIVE_REMOVABLE}
    monkeypatch.setattr(os, "name", "nt")
    monkeypatch.setattr(places, "_windows_drive_type", lambda root: types.get(root.upper(), 3))
    assert fileops.is_removable(r"E:\kyodo-backup.sqlite3")
    assert not fileops.is_removable(r"C:\Users\yuda\Documents\kyodo-backup.sqlite3")


@pytest.fixture
def stick(tmp_path, monkeypatch):
    """A folder ``usb`` that the place detection takes for a removable drive."""
    folder = tmp_path / "usb"
    folder.mkdir()
    real = places.place_of

    def place_of(path):
        inside = Path(path).resolve().is_relative_to(folder.resolve())
        return places.Place(places.REMOVABLE, "faked") if inside else real(path)

    monkeypatch.setattr(places, "place_of", place_of)
    return folder


@pytest.mark.parametrize("removable", [True, False])
def test_the_encryption_box_is_ticked_on_a_removable_drive_only(qtbot, tmp_path, removable):
    create_application()
    dialog = passphrase_ui.EncryptionDialog("バックアップを作成", removable=removable)
    qtbot.addWidget(dialog)
    assert dialog.encrypt.isChecked() is removable and dialog.first.isEnabled() is removable
    note = dialog.findChild(QLabel, "removableNote")
    assert (note is not None) is removable
    if removable:
        assert "取り外せるドライブ" in note.text()
        dialog.grab().save(str(tmp_path / "encrypt_removable.png"))
        dialog.first.setText(PASSPHRASE)
        dialog.second.setText(PASSPHRASE)
    dialog.accept()
    assert dialog.passphrase == (PASSPHRASE if removable else None)


def test_the_target_is_chosen_first_and_decides_the_default(qtbot, stick, tmp_path, monkeypatch):
    create_application()
    asked = []

    def ask_encryption(parent, title, *, removable=False):
        asked.append(removable)
        return True, PASSPHRASE if removable else None

    monkeypatch.setattr(passphrase_ui, "ask_encryption", ask_encryption)
    on_stick, passphrase = passphrase_ui.ask_target_and_passphrase(
        None, "t", lambda: stick / "kyodo-backup.sqlite3")
    assert on_stick == stick / "kyodo-backup.sqlite3.enc" and passphrase == PASSPHRASE
    local, none = passphrase_ui.ask_target_and_passphrase(
        None, "t", lambda: tmp_path / "kyodo-backup.sqlite3.enc")
    assert local == tmp_path / "kyodo-backup.sqlite3" and none is None  # .enc only when it is
    assert asked == [True, False]
    assert passphrase_ui.ask_target_and_passphrase(None, "t", lambda: None) == (None, None)


def _run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_warns_about_an_unencrypted_file_on_a_removable_drive(stick, demo_path, tmp_path,
                                                                  capsys):
    code, out, err = _run(capsys, "backup", "--db", demo_path, "-o", stick)
    assert code == 0 and "kyodo-backup-" in out
    assert err.startswith("注意:") and "暗号化されていません" in err and "--encrypt" in err
    local = tmp_path / "local"
    local.mkdir()
    code, out, err = _run(capsys, "backup", "--db", demo_path, "-o", local)
    assert code == 0 and err == ""
    code, out, err = _run(capsys, "handover-export", "--db", demo_path, "--council", "湯田",
                          "-o", stick / "引継ぎ.sqlite3")
    assert code == 0 and "暗号化されていません" in err
