"""「新しいデータファイル」 onto a file that holds a council's data, the city's returns or a
backup is refused with a message: it used to replace any kyodo-desktop file not open elsewhere
with an empty one (another council's file, last year's copy, the city file), so one confirmed
save dialog lost the whole file. An empty data file may still be replaced."""

from __future__ import annotations

import shutil

import pytest

from kyodo_desktop.errors import UserError
from kyodo_desktop.services.backup.datafile import create_data_file

from .conftest import file_digests


def _refused(path) -> None:
    before = file_digests(path)
    with pytest.raises(UserError, match="データ"):
        create_data_file(path)
    assert file_digests(path) == before


def test_another_councils_file_is_not_replaced(demo_path, tmp_path):
    other = tmp_path / "other-council.sqlite3"
    shutil.copy(demo_path, other)
    _refused(other)


def test_the_city_file_is_not_replaced(city_path):
    _refused(city_path)


def test_a_backup_is_not_replaced(demo_path, tmp_path):
    from kyodo_desktop.store import open_store

    backup = tmp_path / "kyodo-0123abcd-auto-20261201-120000.sqlite3"
    with open_store(backup):  # an empty file, but a backup by its name
        pass
    _refused(backup)


def test_an_empty_data_file_may_be_replaced(tmp_path):
    path = tmp_path / "new.sqlite3"
    create_data_file(path).close()
    with create_data_file(path) as store:
        assert store.scalar("SELECT count(*) FROM councils") == 0


def test_the_window_refuses_it_too(qtbot, demo_store, tmp_path):
    from PySide6.QtCore import QSettings

    from kyodo_desktop.ui.main_window import MainWindow

    other = tmp_path / "other-council.sqlite3"
    shutil.copy(demo_store.path, other)
    before = file_digests(other)
    window = MainWindow(demo_store, settings=QSettings(str(tmp_path / "window.ini"),
                                                       QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    with pytest.raises(UserError):
        window.new_database(other)
    assert file_digests(other) == before
    assert window.context.store is demo_store
