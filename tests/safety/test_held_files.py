"""A file Windows will not let go of for a moment — held by an antivirus scan, the search
indexer, OneDrive or another window (``WinError 5``/``32``, a PermissionError) — never stops the
app: replace, delete and folder removal retry for about a second, then say which file and what
may hold it; an old automatic backup that cannot be rotated away is reported in the status bar
and the window starts anyway. Simulated here with injected PermissionErrors."""

from __future__ import annotations

import os
import shutil
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kyodo_desktop import fileops
from kyodo_desktop.fileops import retry
from kyodo_desktop.services.backup import automatic as backups
from kyodo_desktop.services.settings import Settings, save_settings

NOW = datetime(2026, 11, 20, 9, 0)


@pytest.fixture
def fast_retries(monkeypatch):
    monkeypatch.setattr(retry, "RETRY_SECONDS", 0.2)
    monkeypatch.setattr(retry, "RETRY_PAUSE", 0.01)


def held(times: int | None, real):
    """A stand-in for ``real`` that raises PermissionError (WinError 32) ``times`` times
    (None: always) before doing the real thing; ``.calls`` counts the tries."""
    def operation(*args, **kwargs):
        operation.calls += 1
        if times is None or operation.calls <= times:
            raise PermissionError(13, "The process cannot access the file because it is being "
                                      "used by another process")
        return real(*args, **kwargs)
    operation.calls = 0
    return operation


def test_a_briefly_held_file_is_replaced_after_retrying(tmp_path, monkeypatch):
    source, target = tmp_path / "new", tmp_path / "old"
    source.write_text("new")
    target.write_text("old")
    monkeypatch.setattr(os, "replace", held(3, os.replace))
    fileops.replace(source, target)
    assert target.read_text() == "new" and os.replace.calls == 4


def test_a_file_held_for_good_is_named_with_what_may_hold_it(tmp_path, monkeypatch):
    source, target = tmp_path / "new", tmp_path / "kyodo.sqlite3"
    source.write_text("new")
    monkeypatch.setattr(os, "replace", held(None, os.replace))
    started = time.monotonic()
    with pytest.raises(fileops.FileBusy) as raised:
        fileops.replace(source, target)
    assert 0.9 <= time.monotonic() - started < 3
    message = raised.value.message
    assert str(target) in message
    assert "ウイルス対策ソフト" in message and "OneDrive" in message
    assert "ウィンドウ" in message


def test_unlink_and_rmtree_retry_then_explain(tmp_path, monkeypatch, fast_retries):
    doomed = tmp_path / "old.sqlite3"
    doomed.write_text("x")
    monkeypatch.setattr(Path, "unlink", held(2, Path.unlink))
    fileops.unlink(doomed)
    assert not doomed.exists()
    folder = tmp_path / "copies"
    folder.mkdir()
    (folder / "package.sqlite3").write_text("x")
    monkeypatch.setattr(shutil, "rmtree", held(None, shutil.rmtree))
    with pytest.raises(fileops.FileBusy, match="copies"):
        fileops.rmtree(folder)


def test_settings_are_saved_when_the_file_is_briefly_held(tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    save_settings(Settings(backup_count=3), path)
    monkeypatch.setattr(os, "replace", held(2, os.replace))
    save_settings(Settings(backup_count=5), path)
    assert '"backup_count": 5' in path.read_text(encoding="utf-8")


def test_a_held_old_backup_does_not_stop_the_new_backup(demo_store, monkeypatch, fast_retries):
    settings = Settings(backup_count=1)
    first = backups.auto_backup(demo_store, settings, now=NOW)
    monkeypatch.setattr(Path, "unlink", held(None, Path.unlink))
    problems: list[str] = []
    second = backups.auto_backup(demo_store, settings, now=NOW + timedelta(days=1),
                                 problems=problems)
    assert second.exists() and first.exists()  # kept, tried again next time
    assert len(problems) == 1 and first.name in problems[0]
    monkeypatch.undo()
    backups.rotate(demo_store.path, settings)
    assert not first.exists() and second.exists()


def test_the_window_starts_when_an_old_backup_cannot_be_deleted(
        qtbot, demo_path, tmp_path, monkeypatch, fast_retries):
    from PySide6.QtCore import QSettings

    from kyodo_desktop.services.backup.datafile import open_data_file
    from kyodo_desktop.ui.app import create_application
    from kyodo_desktop.ui.main_window import MainWindow

    save_settings(Settings(backup_count=1))
    store = open_data_file(demo_path)
    old = backups.auto_backup(store, Settings(backup_count=1), now=datetime(2020, 1, 1))
    store.close()
    monkeypatch.setattr(Path, "unlink", held(None, Path.unlink))
    create_application()
    window = MainWindow(open_data_file(demo_path),
                        settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    try:
        window.show()
        qtbot.waitUntil(lambda: not window.safety.checks.busy, timeout=30000)
        window.safety.checks.wait()
        qtbot.waitUntil(lambda: old.name in window.statusBar().currentMessage(), timeout=10000)
        assert old.exists()
        message = window.statusBar().currentMessage()
        assert old.name in message and "ウイルス対策ソフト" in message
        assert len(backups.list_backups(demo_path, Settings())) == 2  # today's was made
    finally:
        monkeypatch.undo()
        window.context.store.close()
