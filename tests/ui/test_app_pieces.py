"""Start-up pieces: the catalog translator, the one error dialog, the opening-error box."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

from kyodo_desktop.errors import UserError
from kyodo_desktop.store.errors import DatabaseTooNew
from kyodo_desktop.ui.forms import load_form
from kyodo_desktop.ui.shell import errors
from kyodo_desktop.ui.shell.opening import open_error_box, open_or_ask
from kyodo_desktop.ui.translator import CatalogTranslator


def test_translator_answers_from_the_catalog(app):
    translator = CatalogTranslator()
    assert translator.translate("CouncilPage", "Save") == "保存"
    assert translator.translate("QDialogButtonBox", "not in our catalog") is None


def test_forms_are_translated_when_loaded(app, qtbot):
    form = load_form("council_page")
    qtbot.addWidget(form)
    assert form.findChild(QPushButton, "saveButton").text() == "保存"
    assert form.findChild(QLabel, "householdsCaption").text() == "世帯数"
    with pytest.raises(FileNotFoundError):
        load_form("no_such_form")


def test_user_error_dialog_shows_its_message(app, qtbot):
    box = errors.error_dialog(UserError("ファイルがいっぱいです。", detail="disk full"))
    qtbot.addWidget(box)
    assert box.text() == "ファイルがいっぱいです。"
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.detailedText() == "disk full"


def test_a_bug_shows_an_apology_with_details(app, qtbot):
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as error:
        box = errors.error_dialog(error)
    qtbot.addWidget(box)
    assert "申し訳ありません" in box.text() and "Traceback" not in box.text()
    assert "ZeroDivisionError: boom" in box.detailedText()


def test_excepthook_shows_one_dialog(app, monkeypatch, caplog):
    shown = []

    def fake_exec(box):
        shown.append(box.text())
        # a second error while the dialog is open is only logged
        errors.show_error(RuntimeError("second"))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    errors.install_excepthook()
    try:
        raise UserError("入力を確かめてください。")
    except UserError:
        sys.excepthook(*sys.exc_info())
    assert shown == ["入力を確かめてください。"]
    assert "second" in caplog.text


def test_open_error_box_offers_another_file_or_quit(app, qtbot):
    box = open_error_box(DatabaseTooNew("新しいバージョンで保存されています。"), None,
                         at_start=True)
    qtbot.addWidget(box)
    assert box.text() == "新しいバージョンで保存されています。"
    assert sorted(button.text() for button in box.buttons()) == ["別のファイルを開く…", "終了"]


def test_a_foreign_file_is_explained_and_quitting_opens_nothing(app, monkeypatch, tmp_path):
    foreign = tmp_path / "notes.sqlite3"
    foreign.write_text("これはメモです", encoding="utf-8")
    seen = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: seen.append(box.text()) or 0)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: None)  # 終了
    assert open_or_ask(foreign, at_start=True) is None
    assert len(seen) == 1 and "協働デスクのデータファイルではありません" in seen[0]
    assert foreign.read_text(encoding="utf-8") == "これはメモです"


def test_a_grown_log_is_rotated_at_start(tmp_path):
    from kyodo_desktop.ui import app as app_module

    log = tmp_path / "kyodo-desktop.log"
    log.write_bytes(b"x" * app_module.LOG_MAX_BYTES)
    (tmp_path / "kyodo-desktop.log.1").write_text("older", encoding="utf-8")
    app_module._rotate(log)
    assert not log.exists()
    assert (tmp_path / "kyodo-desktop.log.1").stat().st_size == app_module.LOG_MAX_BYTES
    assert (tmp_path / "kyodo-desktop.log.2").read_text(encoding="utf-8") == "older"
    small = tmp_path / "small.log"
    small.write_text("short", encoding="utf-8")
    app_module._rotate(small)
    assert small.read_text(encoding="utf-8") == "short"


def test_fiscal_year_spin_box_shows_wareki_and_reads_what_people_type(qapp):
    from PySide6.QtGui import QValidator

    from kyodo_desktop.ui.shell.fiscal_year_spin import FiscalYearSpinBox

    box = FiscalYearSpinBox()
    box.setValue(2024)
    assert box.text() == "令和6年度（2024）"
    box.setValue(2019)
    assert box.text() == "令和元年度（2019）"
    for typed, year in (("2026", 2026), ("R8", 2026), ("令和8年度", 2026), ("２０２５", 2025),
                        ("平成30年度（2018）", 2018)):
        assert box.validate(typed, 0)[0] == QValidator.State.Acceptable, typed
        assert box.valueFromText(typed) == year
    for bad in ("", "あいう", "R99999", "1900"):
        assert box.validate(bad, 0)[0] == QValidator.State.Intermediate, bad
    assert box.valueFromText("あいう") == 2019  # unreadable text keeps the value shown
    box.stepBy(1)
    assert box.value() == 2020 and box.text() == "令和2年度（2020）"


def test_qt_own_dialogs_speak_japanese(qapp):
    """Qt's file dialog and standard buttons use qtbase_ja (installed by create_application)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel

    from kyodo_desktop.ui.app import create_application

    create_application()
    dialog = QFileDialog(None, "保存先")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    texts = {label.text() for label in dialog.findChildren(QLabel) if label.text()}
    assert texts >= {"場所(&L):", "ファイルの種類(&T):"}  # not in qtbase_ja: from our catalog
    assert all(any("\u3040" <= ch <= "\u9fff" for ch in text) for text in texts), texts
    assert QCoreApplication.translate("QFileDialog", "Detail View") != "Detail View"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") \
        .startswith("キャンセル")
    dialog.deleteLater()
