"""A settings.json that was tampered with or damaged — a named pipe or a link to /dev/zero in its
place, nesting deep enough to exhaust the parser, values of the wrong type, a NUL in a folder, a
data folder that is a device or a file, megabytes of text — never stops, hangs or crashes the
start: the app starts with the defaults for what it cannot use and says so in a message over
the window. A file Notepad saved with a BOM keeps its values."""

from __future__ import annotations

import json
import os
import threading

import pytest

from kyodo_desktop.services.settings import (
    MAX_SETTINGS_BYTES,
    Settings,
    load_settings,
    load_settings_reporting,
)

TAMPERED = {
    "deep nesting": "[" * 100_000 + "]" * 100_000,
    "deep object": '{"a":' * 100_000 + "1" + "}" * 100_000,
    "NUL in the data folder": json.dumps({"data_folder": "\x00abc"}),
    "number as backup folder": json.dumps({"backup_folder": 5}),
    "NUL as backup folder": json.dumps({"backup_folder": "\x00"}),
    "bidi override in the data folder": json.dumps({"data_folder": "/tmp/\u202eatad"}),
    "folder longer than any system keeps": json.dumps({"data_folder": "/" + "a" * 10_000}),
    "a device as data folder": json.dumps({"data_folder": "/dev/zero"}),
    "lists and objects for texts": json.dumps({"language": [1], "text_size": {"a": 1},
                                               "default_city_preset": None}),
    "huge text scale": json.dumps({"text_size": 1e308, "backup_count": 10 ** 100}),
    "megabytes of text": json.dumps({"language": "ja", "x": "a" * (MAX_SETTINGS_BYTES * 4)}),
    "UTF-16": json.dumps({"language": "en"}).encode("utf-16"),
}


def _loaded_within(path, seconds: float = 10.0):
    """``load_settings_reporting(path)`` run in a thread: its result, or a failure when it
    does not return in time (a hang must fail the test, not stop it)."""
    result = {}
    worker = threading.Thread(target=lambda: result.setdefault(
        "loaded", load_settings_reporting(path)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"reading {path.name} did not return"
    return result["loaded"]


@pytest.mark.parametrize("name", TAMPERED)
def test_a_tampered_file_gives_the_defaults_and_says_so(tmp_path, name):
    path = tmp_path / "settings.json"
    content = TAMPERED[name]
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    settings, problems = _loaded_within(path)
    assert settings == Settings()
    assert problems and str(path) in problems[0]
    assert settings.backup_dir(tmp_path / "k.sqlite3") == tmp_path / "backups"


def test_a_file_that_is_not_a_folder_is_not_a_data_folder(tmp_path):
    a_file = tmp_path / "kyodo.sqlite3"
    a_file.write_bytes(b"")
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"data_folder": str(a_file), "language": "en"}), "utf-8")
    settings, problems = _loaded_within(path)
    assert settings == Settings(language="en") and "data_folder" in problems[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_in_its_place_does_not_block_the_start(tmp_path):
    path = tmp_path / "settings.json"
    os.mkfifo(path)
    settings, problems = _loaded_within(path)
    assert settings == Settings() and problems


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_link_to_an_endless_device_does_not_fill_the_memory(tmp_path):
    path = tmp_path / "settings.json"
    path.symlink_to("/dev/zero")
    settings, problems = _loaded_within(path)
    assert settings == Settings() and problems


def test_a_file_saved_by_notepad_with_a_bom_keeps_its_values(tmp_path):
    path = tmp_path / "settings.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"language": "en", "backup_count": 20})
                     .encode("utf-8"))
    assert _loaded_within(path) == (Settings(language="en", backup_count=20), [])


def test_a_missing_file_is_no_problem(tmp_path):
    assert _loaded_within(tmp_path / "settings.json") == (Settings(), [])
    assert load_settings(tmp_path / "settings.json") == Settings()


def test_the_window_starts_and_says_so(qtbot, private_config):
    from PySide6.QtWidgets import QMainWindow, QMessageBox

    from kyodo_desktop.ui.app import prepare_start, report_settings_problems

    private_config.mkdir()
    (private_config / "settings.json").write_text("[" * 100_000, encoding="utf-8")
    assert prepare_start() == Settings()
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    report_settings_problems(window)  # returns at once: the message does not block the window
    box = window.findChild(QMessageBox, "settings_problems")
    assert box is not None and box.isVisible()
    assert "settings.json" in box.text() and "初期設定" in box.text()
    box.accept()
