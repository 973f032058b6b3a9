"""The window's data safety and the 設定 page (pytest-qt, offscreen): status bar, backup on
close, restore, handover import, the damaged-file offer, large text, screenshots, and the
encryption choice of the backup and handover dialogs (passphrase twice; asked on restore and
import of an encrypted file)."""

from __future__ import annotations

import os
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
)

from kyodo_desktop.i18n import _
from kyodo_desktop.services.backup import automatic as backups
from kyodo_desktop.services.backup import encryption, handover_package
from kyodo_desktop.services.backup.datafile import open_data_file
from kyodo_desktop.services.settings import Settings, load_settings, save_settings
from kyodo_desktop.ui.app import create_application
from kyodo_desktop.ui.backup import dialogs as backup_dialogs
from kyodo_desktop.ui.backup import passphrase as passphrase_ui
from kyodo_desktop.ui.backup import startup as backup_startup
from kyodo_desktop.ui.main_window import MainWindow
from kyodo_desktop.ui.shell import text_input, text_scale

from .conftest import damage_a_page_read_later, yuda_id

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def window(qtbot, demo_path, tmp_path):
    create_application()
    win = MainWindow(open_data_file(demo_path),
                     settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.safety.checks.done, timeout=30000):  # after the first paint
        win.show()
    qtbot.wait(1)  # the result reaches the window
    yield win
    win.context.store.close()


def settings_page(window):
    return window.show_area(next(i for i in range(window.sidebar.count()) if
                                 window.sidebar.item(i).data(256) == "settings"))


def test_opening_makes_the_daily_backup_and_shows_it(window, demo_path):
    made = backups.list_backups(demo_path, load_settings())
    assert [e.kind for e in made] == ["auto"]
    label = window.findChild(QLabel, "backupStatus")
    assert label.text().startswith("最終バックアップ")
    assert "USB" in label.text()  # never backed up externally: the gentle reminder


def test_external_backup_clears_the_reminder(window, tmp_path):
    window.make_backup(tmp_path / "usb.sqlite3")
    assert "USB" not in window.findChild(QLabel, "backupStatus").text()


def test_closing_makes_a_backup(window, demo_path, monkeypatch):
    before = len(backups.list_backups(demo_path, load_settings()))
    monkeypatch.setattr(backups, "datetime", _Later)
    window.close()
    assert len(backups.list_backups(demo_path, load_settings())) == before + 1


class _Later(datetime):
    @classmethod
    def now(cls, tz=None):
        return datetime.now(tz) + timedelta(minutes=3)


def test_restore_swaps_the_file_and_reopens(window, demo_path, tmp_path):
    copy = backups.external_backup(window.context.store, tmp_path)
    councils = window.council_combo.count()
    with window.context.store.transaction() as db:
        db.execute("DELETE FROM councils WHERE name = '大殿地域づくり協議会'")
    window.context.store.close()
    window.set_store(open_data_file(demo_path))
    assert window.council_combo.count() == councils - 1
    result = window.safety.restore(copy)
    assert window.council_combo.count() == councils
    assert result.previous.exists() and window.context.store.path == demo_path


def test_restore_dialog_lists_backups_and_shows_contents(window, demo_path, qtbot):
    dialog = backup_dialogs.RestoreDialog(demo_path, load_settings(), window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1
    dialog.list.setCurrentRow(0)
    assert dialog.ok_button.isEnabled() and "湯田地域づくり協議会" in dialog.info.text()
    bad = demo_path.with_name("bad.sqlite3")
    bad.write_bytes(b"not a database")
    assert not dialog.choose(bad) and not dialog.ok_button.isEnabled()


def test_handover_import_into_the_open_window(window, tmp_path, monkeypatch):
    store = window.context.store
    package = handover_package.export_council(store, yuda_id(store), tmp_path / "p.sqlite3")
    monkeypatch.setattr(backup_dialogs, "ask_existing_council",
                        lambda *_args: ("rename", "湯田地域づくり協議会（引継ぎ）"))
    new_id = window.safety.import_package(package.path, package)
    assert window.context.council_id == new_id
    assert window.council_combo.currentText() == "湯田地域づくり協議会（引継ぎ）"


def test_damaged_file_at_start_offers_the_newest_backup(demo_path, qtbot, monkeypatch):
    create_application()
    settings = Settings()
    store = open_data_file(demo_path)
    backups.auto_backup(store, settings)
    store.close()
    demo_path.write_bytes(demo_path.read_bytes()[:30000])
    offered = []
    monkeypatch.setattr(backup_dialogs, "offer_newest_backup",
                        lambda _parent, message, entry: offered.append(message) or True)
    reopened = backup_startup.open_offering_backup(demo_path, settings)
    try:
        assert offered and "壊れ" in offered[0]
        assert reopened.scalar("SELECT count(*) FROM councils") == 21
    finally:
        reopened.close()


def test_settings_page_saves_and_scales_the_text(window, tmp_path, qtbot, screenshot_dir):
    page = settings_page(window)
    app = QApplication.instance()
    base = app.font().pointSizeF()
    page.findChild(QSpinBox, "backupCountSpin").setValue(7)
    sizes = page.findChild(QComboBox, "textSizeCombo")
    sizes.setCurrentIndex(sizes.findData("extra_large"))
    try:
        assert page.save()
        assert load_settings().backup_count == 7
        assert app.font().pointSizeF() == pytest.approx(base * 1.5, abs=0.2)
        qtbot.waitUntil(lambda: window.sidebar.font().pointSizeF()
                        == pytest.approx(base * 1.5 * 1.3, abs=0.3))
        assert page.findChild(QLabel, "messageLabel").text() == _("The settings were saved.")
        _screenshots(window, "settings_large", screenshot_dir)
    finally:
        text_scale.apply_text_scale(app, 1.0)


def test_settings_page_refuses_an_unwritable_folder(window, tmp_path):
    page = settings_page(window)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    page.findChild(QLineEdit, "backupFolderEdit").setText(str(blocker / "sub"))
    assert not page.save()
    assert "書き込み" in page.findChild(QLabel, "messageLabel").text()
    assert load_settings() == Settings()


def test_changing_the_data_folder_moves_the_open_file(window, demo_path, tmp_path, monkeypatch,
                                                      qtbot):
    save_settings(Settings(data_folder=str(demo_path.parent)))
    window.safety._default_path = demo_path  # the open file is the default data file
    monkeypatch.setattr(backup_dialogs.QMessageBox, "information", lambda *args: None)
    page = settings_page(window)
    page.findChild(QLineEdit, "dataFolderEdit").setText(str(tmp_path / "moved"))
    assert page.save()
    moved = (tmp_path / "moved" / "kyodo.sqlite3").resolve()
    qtbot.waitUntil(lambda: window.context.store.path == moved)
    assert window.council_combo.count() == 21


def test_language_choice_is_remembered_for_the_next_start(window):
    page = settings_page(window)
    combo = page.findChild(QComboBox, "languageCombo")
    combo.setCurrentIndex(combo.findData("en"))
    assert page.save()
    assert load_settings().language == "en"
    assert "起動し直す" in page.findChild(QLabel, "messageLabel").text()


def test_settings_page_screenshots(window, screenshot_dir):
    settings_page(window)
    _screenshots(window, "settings", screenshot_dir)


def _screenshots(window, name, folder):
    for width, height in ((1366, 768), (1920, 1080)):
        window.resize(width, height)
        QApplication.processEvents()
        assert window.grab().save(str(folder / f"{name}_{width}.png"))


def _open_window_unchecked(qtbot, path):
    """The window as the app starts it: painted first, then the file opened without its check."""
    from PySide6.QtCore import QSettings

    from kyodo_desktop.ui.app import show_file
    from kyodo_desktop.ui.main_window import MainWindow

    create_application()
    window = MainWindow(None, settings=QSettings())
    qtbot.addWidget(window)
    shown = []
    window.open_when_painted(lambda w: shown.append(show_file(w, path)))
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)  # after 300 ms even if never painted
    assert shown == [None] and window.context is not None
    assert not window.context.store.checked  # the check was left for after the first paint
    return window


def test_damage_found_after_the_first_paint_offers_the_newest_backup(demo_path, qtbot,
                                                                     monkeypatch):
    store = open_data_file(demo_path)
    backups.auto_backup(store, load_settings())
    store.close()
    damage_a_page_read_later(demo_path)
    offered = []
    monkeypatch.setattr(backup_dialogs, "offer_newest_backup",
                        lambda _parent, message, entry: offered.append(message) or True)
    window = _open_window_unchecked(qtbot, demo_path)
    with qtbot.waitSignal(window.safety.checks.done, timeout=30000):
        window.show()
    qtbot.waitUntil(lambda: bool(offered) and window.context.store.checked, timeout=30000)
    assert "壊れ" in offered[0]
    assert window.context.store.scalar("SELECT count(*) FROM councils") == 21
    kept = [e.kind for e in backups.list_backups(demo_path, load_settings())]
    assert "before-restore" in kept  # the damaged file is kept in the backup folder
    window.close()


def test_damage_found_after_the_first_paint_without_a_backup_closes_unbacked(demo_path, qtbot,
                                                                            monkeypatch):
    from kyodo_desktop.ui.backup import actions

    damage_a_page_read_later(demo_path)
    shown = []

    class _Box:  # the user reads the message and chooses 終了
        open_other_button = object()

        def __init__(self, error, _parent, *, at_start):
            shown.append((error.message, at_start))

        def exec(self):
            return 0

        def clickedButton(self):
            return None

    monkeypatch.setattr(actions, "open_error_box", _Box)
    window = _open_window_unchecked(qtbot, demo_path)
    window.show()
    qtbot.waitUntil(lambda: bool(shown) and not window.isVisible(), timeout=30000)
    assert "壊れ" in shown[0][0] and shown[0][1]
    assert backups.list_backups(demo_path, load_settings()) == []  # a damaged file is not copied

def test_impossible_values_found_after_the_first_paint_are_reported_as_damage(demo_path, qtbot,
                                                                             monkeypatch):
    import sqlite3

    from kyodo_desktop.domain.money import MAX_YEN
    from kyodo_desktop.ui.backup import actions

    conn = sqlite3.connect(demo_path)
    conn.execute("UPDATE cash_book_entries SET amount = ? WHERE id = (SELECT max(id) FROM "
                 "cash_book_entries WHERE correction_of_id IS NULL)", (MAX_YEN + 1,))
    conn.commit()
    conn.close()
    shown = []

    class _Box:  # the user reads the message and chooses 終了
        open_other_button = object()

        def __init__(self, error, _parent, *, at_start):
            shown.append(error.message)

        def exec(self):
            return 0

        def clickedButton(self):
            return None

    monkeypatch.setattr(actions, "open_error_box", _Box)
    window = _open_window_unchecked(qtbot, demo_path)  # opened: the rules come after the paint
    window.show()
    qtbot.waitUntil(lambda: bool(shown) and not window.isVisible(), timeout=30000)
    assert "cash_book_entries.amount" in shown[0]
    assert backups.list_backups(demo_path, load_settings()) == []  # not backed up either

# --- encryption of backups and handover packages -------------------------------------------------

ENCRYPTION_PASSPHRASE = "ゆだの会計ノート"


def test_the_dialog_needs_the_same_passphrase_twice(qtbot, tmp_path):
    create_application()
    dialog = passphrase_ui.EncryptionDialog("バックアップを作成")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.first.isEnabled()
    dialog.encrypt.setChecked(True)
    dialog.first.setText(ENCRYPTION_PASSPHRASE)
    dialog.second.setText(ENCRYPTION_PASSPHRASE + "!")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "一致しません" in dialog.problem.text()
    dialog.first.setText("短い")
    dialog.second.setText("短い")
    dialog.accept()
    assert "8 文字以上" in dialog.problem.text()
    dialog.first.setText(ENCRYPTION_PASSPHRASE)
    dialog.second.setText(ENCRYPTION_PASSPHRASE)
    if os.environ.get("KYODO_SCREENSHOTS"):
        dialog.grab().save(os.path.join(os.environ["KYODO_SCREENSHOTS"], "encrypt_dialog.png"))
    else:
        dialog.grab().save(str(tmp_path / "encrypt_dialog.png"))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.passphrase == ENCRYPTION_PASSPHRASE


def test_backup_from_the_menu_writes_an_encrypted_file(window, tmp_path, monkeypatch):
    monkeypatch.setattr(passphrase_ui, "ask_encryption",
                        lambda *a, **k: (True, ENCRYPTION_PASSPHRASE))
    chosen = tmp_path / "usb" / "kyodo-backup.sqlite3"
    chosen.parent.mkdir()
    seen = {}

    def save_name(parent, title, suggested, filters):
        seen["suggested"] = suggested
        return str(chosen), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    window._ask_backup()
    target = chosen.with_name(chosen.name + ".enc")  # the target first, then the passphrase
    assert seen["suggested"].endswith(".sqlite3")
    assert encryption.is_encrypted(target)
    assert list(target.parent.iterdir()) == [target]


def test_restore_and_handover_import_ask_for_the_passphrase(window, tmp_path, monkeypatch):
    store = window.context.store
    copy = backups.external_backup(store, tmp_path, passphrase=ENCRYPTION_PASSPHRASE)
    package = handover_package.export_council(store, yuda_id(store), tmp_path / "p.enc",
                                               passphrase=ENCRYPTION_PASSPHRASE).path
    monkeypatch.setattr(text_input, "ask_text", lambda *a, **k: (ENCRYPTION_PASSPHRASE, True))
    result = window.safety.restore(copy, passphrase_ui.ask_passphrase_if_encrypted(None, copy)[1])
    assert "湯田地域づくり協議会" in result.restored.councils
    monkeypatch.setattr("kyodo_desktop.ui.backup.dialogs.ask_package_source",
                        lambda parent: package)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr("kyodo_desktop.ui.backup.dialogs.ask_existing_council",
                        lambda parent, message, name: ("rename", "湯田（引継ぎ）"))
    window.safety.ask_import()
    assert window.context.store.scalar(
        "SELECT count(*) FROM councils WHERE name = '湯田（引継ぎ）'") == 1


def test_a_status_message_is_seen(window):
    """A backup that could not be removed, 「バックアップを保存しました」 … are status-bar messages:
    the backup reminder steps aside for them (as a permanent widget with all the room, it left
    them none and no message was ever seen), then comes back."""
    label = window.findChild(QLabel, "backupStatus")
    bar = window.statusBar()
    assert label.isVisible()
    bar.showMessage("古いバックアップを削除できませんでした: kyodo-0123abcd-auto-….sqlite3", 15000)
    assert not label.isVisible() and bar.currentMessage().startswith("古いバックアップ")
    bar.clearMessage()
    assert label.isVisible()
