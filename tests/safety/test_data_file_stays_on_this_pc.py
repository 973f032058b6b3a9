"""The live data file stays on this PC's own disk: on a network drive or share (WAL does not work
there), in a folder OneDrive or Dropbox copies about, or on a removable drive it is refused with a
plain message; backups and handover packages may go there, as self-contained files (journal mode
DELETE). Windows is simulated with a faked ``os.name`` and drive types, Linux with a faked mount
table."""

from __future__ import annotations

import os
import sqlite3

import pytest

from kyodo_desktop import cli, fileops
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.fileops import places
from kyodo_desktop.services.backup import automatic as backups
from kyodo_desktop.services.backup import handover_package
from kyodo_desktop.services.backup.datafile import create_data_file, open_data_file
from kyodo_desktop.services.settings import Settings, validate

from .conftest import yuda_id


@pytest.fixture
def windows(monkeypatch):
    """``os.name`` is "nt"; drive C: is fixed, E: removable, Z: a mapped network drive."""
    types = {"C:\\": 3, "E:\\": places.DRIVE_REMOVABLE, "Z:\\": places.DRIVE_REMOTE}
    monkeypatch.setattr(os, "name", "nt")
    monkeypatch.setattr(places, "_windows_drive_type", lambda root: types.get(root.upper(), 3))
    for variable in places.ONEDRIVE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    return monkeypatch


@pytest.mark.parametrize(("path", "kind"), [
    (r"Z:\協議会\kyodo.sqlite3", places.NETWORK),
    (r"\\nas01\share\kyodo.sqlite3", places.NETWORK),
    ("//nas01/share/kyodo.sqlite3", places.NETWORK),
    (r"E:\kyodo.sqlite3", places.REMOVABLE),
    (r"C:\Users\yuda\Documents\kyodo.sqlite3", places.LOCAL),
    (r"C:\Users\yuda\OneDrive\ドキュメント\kyodo.sqlite3", places.SYNCED),
    (r"C:\Users\yuda\OneDrive - 山口市\kyodo.sqlite3", places.SYNCED),
    (r"C:\Users\yuda\Dropbox\kyodo.sqlite3", places.SYNCED),
])
def test_windows_places_are_told_apart(windows, path, kind):
    assert places.place_of(path).kind == kind


def test_the_onedrive_folder_is_found_from_its_variable(windows):
    windows.setenv("OneDrive", r"D:\同期")
    assert places.place_of(r"D:\同期\協議会\kyodo.sqlite3").kind == places.SYNCED
    assert places.place_of(r"D:\協議会\kyodo.sqlite3").kind == places.LOCAL


@pytest.mark.parametrize(("fs_type", "kind"), [
    ("nfs4", places.NETWORK), ("cifs", places.NETWORK), ("smb2", places.NETWORK),
    ("fuse.sshfs", places.NETWORK), ("ext4", places.LOCAL)])
def test_linux_network_file_systems_are_found_in_the_mount_table(monkeypatch, fs_type, kind):
    monkeypatch.setattr(places, "_mounts", lambda: [("/", "ext4"), ("/mnt/office", fs_type),
                                                    ("/mnt/office/local", "ext4")])
    assert places.place_of("/mnt/office/kyodo.sqlite3").kind == kind
    assert places.place_of("/mnt/office/local/kyodo.sqlite3").kind == places.LOCAL
    assert places.place_of("/home/yuda/kyodo.sqlite3").kind == places.LOCAL


@pytest.fixture
def share(tmp_path, monkeypatch):
    """``tmp_path/share`` is an NFS mount."""
    folder = tmp_path / "share"
    folder.mkdir()
    monkeypatch.setattr(places, "_mounts", lambda: [("/", "ext4"),
                                                    (os.path.realpath(folder), "nfs")])
    return folder


def test_the_live_file_on_a_share_is_refused_with_a_plain_message(share, demo_path, capsys):
    on_share = share / "kyodo.sqlite3"
    on_share.write_bytes(demo_path.read_bytes())
    with pytest.raises(fileops.UnsafePlace) as raised:
        open_data_file(on_share)
    assert "ネットワーク" in raised.value.message and "この PC" in raised.value.message
    with pytest.raises(fileops.UnsafePlace):
        create_data_file(share / "new.sqlite3")
    assert not (share / "new.sqlite3").exists()
    code = cli.main(["councils", "--db", str(on_share)])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("エラー:") and "ネットワーク" in err
    assert not os.path.exists(f"{on_share}-wal")  # never opened in WAL there
    assert cli.main(["check", "--db", str(on_share)]) in (0, 1)  # reading is fine


def test_restore_into_a_share_is_refused(share, demo_store, tmp_path):
    backup = backups.external_backup(demo_store, tmp_path)
    with pytest.raises(fileops.UnsafePlace):
        backups.restore(share / "kyodo.sqlite3", backup, Settings())
    assert not (share / "kyodo.sqlite3").exists()


def journal_mode(path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        conn.close()


def test_backups_and_packages_may_go_to_a_share(share, demo_store):
    backup = backups.external_backup(demo_store, share)
    package = handover_package.export_council(demo_store, yuda_id(demo_store),
                                              share / "引継ぎ.sqlite3").path
    for path in (backup, package):
        assert journal_mode(path) == "delete"
        assert not os.path.exists(f"{path}-wal")
    assert sorted(p.name for p in share.iterdir()) == sorted([backup.name, package.name])


def test_settings_refuse_a_data_folder_on_a_share_or_synced(share, tmp_path):
    with pytest.raises(ValidationError) as raised:
        validate(Settings(data_folder=str(share)))
    assert raised.value.field == "data_folder"
    synced = tmp_path / "OneDrive" / "協議会"
    with pytest.raises(ValidationError, match="OneDrive|onedrive"):
        validate(Settings(data_folder=str(synced)))
    assert validate(Settings(backup_folder=str(share))).backup_folder == str(share)
    assert validate(Settings(data_folder=str(tmp_path / "local"))).data_folder


def test_the_settings_page_refuses_a_data_folder_on_a_share(qtbot, share, demo_store, tmp_path):
    from kyodo_desktop.services.settings import load_settings
    from kyodo_desktop.ui.app import create_application
    from kyodo_desktop.ui.context import AppContext
    from kyodo_desktop.ui.settings.page import SettingsPage

    create_application()
    path = tmp_path / "config" / "settings.json"
    page = SettingsPage(AppContext(demo_store, yuda_id(demo_store), 2026), settings_path=path)
    qtbot.addWidget(page)
    page.data_folder.setText(str(share))
    assert page.save() is False
    assert "ネットワーク" in page.message.text()
    assert load_settings(path).data_folder == ""


def test_the_window_explains_a_data_file_on_a_share_instead_of_failing(qtbot, share, demo_path,
                                                                        monkeypatch):
    from kyodo_desktop.ui.app import create_application
    from kyodo_desktop.ui.backup.startup import open_offering_backup
    from kyodo_desktop.ui.shell import opening

    create_application()
    on_share = share / "kyodo.sqlite3"
    on_share.write_bytes(demo_path.read_bytes())
    explained = []

    class Box:
        open_other_button = object()

        def exec(self):
            return 0

        def clickedButton(self):  # noqa: N802  (Qt's name)
            return None  # 終了

    monkeypatch.setattr(opening, "open_error_box",
                        lambda error, _parent, at_start: explained.append(error.message) or Box())
    assert open_offering_backup(on_share, Settings()) is None
    assert opening.open_or_ask(on_share, at_start=True) is None
    assert explained and "ネットワーク" in explained[0]
