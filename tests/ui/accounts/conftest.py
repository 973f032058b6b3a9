"""Fixtures of the 予算・出納 page tests: a council with the 山口市 programmes in the test's
private database, its AppContext for 令和7年度, and question boxes answered without blocking."""

from __future__ import annotations

from datetime import date

import pytest

FY = 2025  # 令和7年度


@pytest.fixture
def council(store) -> int:
    from kyodo_desktop.services.council import presets

    council_id = store.db["councils"].insert({"name": "テスト地域づくり協議会"}).last_pk
    presets.install_programs(store, "yamaguchi")
    return council_id


@pytest.fixture
def context(qapp, store, council):
    from kyodo_desktop.ui.context import AppContext

    return AppContext(store, council, FY)


@pytest.fixture
def page(context, qtbot):
    """A shown AccountsPage on the context (1366×768 window size)."""
    from kyodo_desktop.ui.accounts.page import AccountsPage

    widget = AccountsPage(context)
    qtbot.addWidget(widget)
    widget.resize(1146, 690)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitActive(widget)
    return widget


@pytest.fixture(autouse=True)
def answers(monkeypatch):
    """QMessageBox.question answers Yes (recording the questions in ``answers.asked``);
    information boxes are recorded in ``answers.told`` instead of shown."""
    from PySide6.QtWidgets import QMessageBox

    class Answers:
        asked: list[str] = []
        told: list[str] = []
        reply = QMessageBox.StandardButton.Yes

    found = Answers()
    found.asked, found.told = [], []

    def question(parent, title, text, *args, **kwargs):
        found.asked.append(text)
        return found.reply

    def information(parent, title, text, *args, **kwargs):
        found.told.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "information", information)
    return found


@pytest.fixture
def errors(monkeypatch):
    """Error dialogs are recorded (messages in the list) instead of shown."""
    shown: list[str] = []

    def record(error, parent=None):
        shown.append(getattr(error, "message", str(error)))

    for module in ("accounts.cash_book", "accounts.import_dialog", "accounts.budget", "accounts.grants",
                   "commands"):  # ui.commands shows the errors of every undo step
        monkeypatch.setattr(f"kyodo_desktop.ui.{module}.show_error", record)
    monkeypatch.setattr("kyodo_desktop.ui.accounts.page.show_error", record)
    return shown


@pytest.fixture
def entry_id(store, council) -> int:
    """An expense of 令和7年度 to attach receipts to (コピー用紙 1,980円, 文具店, R7.6.3)."""
    from kyodo_desktop.domain.accounting import CashBookEntryInput
    from kyodo_desktop.services.accounting import cash_book

    found, _c = cash_book.record_entry(store, council, FY, CashBookEntryInput(
        date(2025, 6, 3), "own_funds", "expense", "consumables", "コピー用紙", 1_980,
        payee="文具店", voucher_no="R7-1"))
    return found
