"""Reading a file to import shows a progress dialog with キャンセル; cancelling stops the reading
and nothing is imported (the 出納簿 and the roster import dialogs share the runner)."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _dues_book(path, rows: int):
    """A CSV 出納簿 of ``rows`` 会費 income rows; returns ``path``."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["日付", "摘要", "費目", "収入", "支出"]] + [
            ["R7.4.5", f"会費 {i}", "会費", "500", ""] for i in range(rows)])
    return path


def test_cancel_stops_reading_the_file(context, qtbot, tmp_path, store):
    from kyodo_desktop.ui.accounts.import_dialog import ImportDialog

    path = _dues_book(tmp_path / "big.csv", 60_000)
    dialog = ImportDialog(context, "own_funds")
    qtbot.addWidget(dialog)
    seen = []

    def cancel_when_shown() -> None:
        progress = dialog.findChild(QProgressDialog)
        if progress is None:
            QTimer.singleShot(10, cancel_when_shown)
            return
        seen.append(progress.labelText())
        progress.findChild(QPushButton).click()  # キャンセル

    QTimer.singleShot(0, cancel_when_shown)
    dialog.load_file(path)
    assert seen == ["ファイルを読んでいます…"]
    assert dialog.preview is None
    assert dialog.summary.text() == "ファイルの読み込みを中止しました。何も取り込んでいません。"
    assert store.scalar("SELECT count(*) FROM cash_book_entries") == 0


def test_a_large_file_lists_the_first_rows_and_every_error(context, qtbot, tmp_path):
    from kyodo_desktop.ui.accounts.import_dialog import MAX_SHOWN_ROWS, ImportDialog

    path = tmp_path / "large.csv"
    rows = [["R7.4.5", f"会費 {i}", "会費", "500", ""] for i in range(MAX_SHOWN_ROWS + 500)]
    rows.append(["R7.4.5", "壊れた行", "会費", "千円くらい", ""])
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["日付", "摘要", "費目", "収入", "支出"], *rows])
    dialog = ImportDialog(context, "own_funds")
    qtbot.addWidget(dialog)
    dialog.load_file(path)
    assert dialog.table.rowCount() == MAX_SHOWN_ROWS + 1
    assert dialog.table.item(MAX_SHOWN_ROWS, 0).text() == str(MAX_SHOWN_ROWS + 502)
    assert "最初の 2,000 行と、誤りのあるすべての行" in dialog.summary.text()


def test_importing_the_same_file_again_asks_first(context, qtbot, tmp_path, store, answers):
    from PySide6.QtWidgets import QMessageBox

    from kyodo_desktop.ui.accounts.import_dialog import ImportDialog

    path = tmp_path / "book.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["日付", "摘要", "費目", "収入", "支出"],
                                      ["R7.4.5", "会費", "会費", "500", ""]])
    no, yes = QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes
    for answer, expected in ((None, 1), (no, 1), (yes, 2)):
        dialog = ImportDialog(context, "own_funds")
        qtbot.addWidget(dialog)
        dialog.load_file(path)
        if answer is not None:
            answers.reply = answer
        assert dialog.confirm() is (answer is not no)
        assert store.scalar("SELECT count(*) FROM cash_book_entries") == expected
    assert len(answers.asked) == 2 and "取り込み済み" in answers.asked[0]
    assert answers.asked[0].endswith("それでも取り込みますか？")



def _when_writing(dialog, seen: list, *, cancel: bool) -> None:
    """Once the import dialog shows its writing progress, note it (and press キャンセル)."""
    def look() -> None:
        shown = [progress for progress in dialog.findChildren(QProgressDialog)
                 if progress.labelText() == "出納簿に書き込んでいます…"]
        if not shown:
            QTimer.singleShot(5, look)
            return
        seen.append(shown[0].labelText())
        if cancel:
            shown[0].findChild(QPushButton).click()

    QTimer.singleShot(0, look)


def test_writing_shows_progress_and_cancel_imports_nothing(context, qtbot, tmp_path, store,
                                                           monkeypatch):
    from kyodo_desktop.store import audit
    from kyodo_desktop.ui.accounts.import_dialog import ImportDialog

    monkeypatch.setattr(audit, "BATCH", 500)
    path = _dues_book(tmp_path / "book.csv", 5_000)
    dialog = ImportDialog(context, "own_funds")
    qtbot.addWidget(dialog)
    dialog.load_file(path)
    seen: list = []
    _when_writing(dialog, seen, cancel=True)
    assert dialog.confirm() is False
    assert seen == ["出納簿に書き込んでいます…"]
    assert dialog.summary.text() == "取り込みを中止しました。何も取り込んでいません。"
    assert store.scalar("SELECT count(*) FROM cash_book_entries") == 0
    assert store.scalar("SELECT count(*) FROM audit_log WHERE table_name = 'cash_book_entries'") \
        == 0
    assert context.undo_stack.count() == 0
    seen.clear()
    _when_writing(dialog, seen, cancel=False)
    assert dialog.confirm() is True
    assert seen == ["出納簿に書き込んでいます…"]
    assert store.scalar("SELECT count(*) FROM cash_book_entries") == 5_000
    assert context.undo_stack.count() == 1
    context.undo_stack.undo()
    assert store.scalar("SELECT count(*) FROM cash_book_entries") == 0
