"""The first start on a PC account without a data file asks instead of silently creating an
empty file (a second Windows account at the office would otherwise split the records)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from kyodo_desktop.services.backup import handover_package
from kyodo_desktop.services.council.councils import list_councils
from kyodo_desktop.ui.shell import first_run
from kyodo_desktop.ui.shell.first_run import FirstRunChoice, FirstRunDialog, first_run_store


def _answers(*choices):
    queue = list(choices)
    return lambda path, parent: queue.pop(0)


def _leftovers(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + "*"))


def test_quitting_creates_nothing(app, tmp_path):
    target = tmp_path / "data" / "kyodo.sqlite3"
    assert first_run_store(target, ask=_answers(FirstRunChoice.QUIT)) is None
    assert not target.parent.exists()


def test_start_new_creates_the_default_file(app, tmp_path):
    target = tmp_path / "kyodo.sqlite3"
    store = first_run_store(target, ask=_answers(FirstRunChoice.START_NEW))
    try:
        assert target.is_file() and list_councils(store) == []
    finally:
        store.close()


def test_opening_the_offices_file_leaves_no_empty_default_file(app, tmp_path, demo_path):
    target = tmp_path / "new-account" / "kyodo.sqlite3"
    cancelled_then_chosen = iter([None, demo_path])
    store = first_run_store(
        target, ask=_answers(FirstRunChoice.OPEN_EXISTING, FirstRunChoice.OPEN_EXISTING),
        ask_file=lambda parent: next(cancelled_then_chosen))
    try:
        assert Path(store.path) == demo_path and len(list_councils(store)) == 21
        assert not target.parent.exists()
    finally:
        store.close()


def test_a_handover_file_starts_the_new_account_with_that_council(app, tmp_path, demo_store):
    council = next(c for c in list_councils(demo_store) if c["name"] == "湯田地域づくり協議会")
    package = tmp_path / "引継ぎ.sqlite3"
    handover_package.export_council(demo_store, council["id"], package)
    demo_store.close()
    target = tmp_path / "account" / "kyodo.sqlite3"
    store = first_run_store(target, ask=_answers(FirstRunChoice.FROM_HANDOVER),
                            ask_package=lambda parent: package)
    try:
        assert [c["name"] for c in list_councils(store)] == ["湯田地域づくり協議会"]
        assert target.is_file()
    finally:
        store.close()


def test_a_bad_handover_file_is_explained_and_leaves_nothing(app, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(first_run, "show_error", lambda error, parent=None: shown.append(error))
    bad = tmp_path / "not-a-package.sqlite3"
    bad.write_bytes(b"this is not a data file")
    target = tmp_path / "account" / "kyodo.sqlite3"
    result = first_run_store(
        target, ask=_answers(FirstRunChoice.FROM_HANDOVER, FirstRunChoice.QUIT),
        ask_package=lambda parent: bad)
    assert result is None
    assert len(shown) == 1 and shown[0].message  # a plain message, no traceback
    assert not target.exists() and _leftovers(target) == []


def test_the_dialog_offers_the_three_ways_and_fits_the_small_screen(app, qtbot, tmp_path):
    dialog = FirstRunDialog(tmp_path / "kyodo.sqlite3")
    qtbot.addWidget(dialog)
    names = {button.objectName() for button in dialog.findChildren(QPushButton)}
    assert {"firstRun_open", "firstRun_handover", "firstRun_new"} <= names
    hint = dialog.sizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768
    dialog.findChild(QPushButton, "firstRun_new").click()
    assert dialog.choice is FirstRunChoice.START_NEW


def test_start_without_a_file_asks_and_with_a_file_opens_it(app, tmp_path, monkeypatch):
    from kyodo_desktop.services.settings import Settings
    from kyodo_desktop.ui import app as app_module

    monkeypatch.setattr(app_module, "load_settings",
                        lambda: Settings(data_folder=str(tmp_path / "data")))
    asked = []
    monkeypatch.setattr(first_run, "first_run_store", lambda path: asked.append(path))
    assert app_module.resolve_store(None, demo=False) is None
    assert asked == [tmp_path / "data" / "kyodo.sqlite3"]
    given = tmp_path / "given.sqlite3"
    store = app_module.resolve_store(given, demo=False)  # --db: opened (created) as before
    try:
        assert given.is_file() and len(asked) == 1
    finally:
        store.close()


PASSPHRASE = "kawa-no-hotori-2026"


def _secrets(*answers):
    """An ``ask_secret`` answering ``answers`` in turn (a passphrase, or None for キャンセル)."""
    queue = list(answers)
    asked = []

    def ask(parent, path):
        asked.append(path)
        answer = queue.pop(0)
        return (answer is not None), answer

    ask.asked = asked
    return ask


def _temporary_leftovers() -> list[Path]:
    from kyodo_desktop.fileops.temporary import temp_root

    return [entry for entry in temp_root().iterdir() if not entry.name.endswith(".lock")]


@pytest.fixture
def app_temp(tmp_path, monkeypatch):
    from kyodo_desktop.fileops import temporary

    monkeypatch.setenv(temporary.TEMP_ENV, str(tmp_path / "app-temp"))
    monkeypatch.setenv("KYODO_DESKTOP_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path / "app-temp"


def test_an_encrypted_handover_file_asks_its_passphrase_again_after_a_wrong_one(
        app, tmp_path, demo_store, monkeypatch, app_temp):
    shown = []
    monkeypatch.setattr(first_run, "show_error", lambda error, parent=None: shown.append(error))
    council = next(c for c in list_councils(demo_store) if c["name"] == "湯田地域づくり協議会")
    package = tmp_path / "引継ぎ.sqlite3.enc"
    handover_package.export_council(demo_store, council["id"], package, passphrase=PASSPHRASE)
    demo_store.close()
    target = tmp_path / "account" / "kyodo.sqlite3"
    secret = _secrets("wrong-passphrase", PASSPHRASE)
    store = first_run_store(target, ask=_answers(FirstRunChoice.FROM_HANDOVER),
                            ask_package=lambda parent: package, ask_secret=secret)
    try:
        assert [c["name"] for c in list_councils(store)] == ["湯田地域づくり協議会"]
        assert secret.asked == [package, package]
        assert len(shown) == 1 and "パスフレーズが違います" in shown[0].message
        assert _temporary_leftovers() == []
    finally:
        store.close()


def test_an_encrypted_backup_becomes_the_new_accounts_data_file(app, tmp_path, demo_store,
                                                                 monkeypatch, app_temp):
    from kyodo_desktop.services.backup import automatic as backups

    shown = []
    monkeypatch.setattr(first_run, "show_error", lambda error, parent=None: shown.append(error))
    stick = tmp_path / "usb"
    stick.mkdir()
    backup = backups.external_backup(demo_store, stick, passphrase=PASSPHRASE)
    demo_store.close()
    assert backup.name.endswith(".sqlite3.enc")
    target = tmp_path / "account" / "kyodo.sqlite3"
    # a wrong passphrase, then キャンセル: back to the first question, nothing created
    result = first_run_store(
        target, ask=_answers(FirstRunChoice.OPEN_EXISTING, FirstRunChoice.QUIT),
        ask_file=lambda parent: backup, ask_secret=_secrets("wrong-passphrase", None))
    assert result is None and len(shown) == 1 and "パスフレーズ" in shown[0].message
    assert not target.exists() and _leftovers(target) == [] and _temporary_leftovers() == []
    store = first_run_store(target, ask=_answers(FirstRunChoice.OPEN_EXISTING),
                            ask_file=lambda parent: backup, ask_secret=_secrets(PASSPHRASE))
    try:
        assert Path(store.path) == target and len(list_councils(store)) == 21
        assert _temporary_leftovers() == []
    finally:
        store.close()


def test_the_file_choosers_offer_encrypted_files(app, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    filters = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda parent, title, start, pattern: filters.append(pattern) or ("", ""))
    assert first_run.ask_handover_path(None) is None and first_run.ask_data_path(None) is None
    assert len(filters) == 2 and all("*.enc" in pattern and "*.sqlite3" in pattern
                                     for pattern in filters)
