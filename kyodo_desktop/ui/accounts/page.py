"""The 予算・出納 page: tabs 出納簿, 口座, 通帳照合, 会費, 予算, 予算対比, 交付金, 会計区分・助成, 点検,
履歴, and the 年度締め.

The header shows the 年度 and whether it is closed, with 年度締め… (runs every check first; errors
block it and open the 点検 tab) and 締めを解除… (asks for the reason). Every tab reloads on
``context.changed`` for the accounts of the current council, on a council change and on a 年度
change (the 会費 tab also on a roster change: 加入世帯数 make the 請求額); hidden tabs reload when
they are shown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.domain.labels import FUND_LABELS
from kyodo_desktop.domain.wareki import format_fiscal_year
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.io.cash_book_export import export_budget_vs_actual, export_cash_book
from kyodo_desktop.services.accounting import common as reference
from kyodo_desktop.services.accounting.year_close import (
    EmptyYear,
    YearCloseBlocked,
    close_year,
    reopen_year,
)
from kyodo_desktop.services.changes import ACCOUNTS, ROSTER, Changes
from kyodo_desktop.ui.accounts.budget import BudgetTab, BudgetVsActualTab
from kyodo_desktop.ui.accounts.cash_book import CashBookTab
from kyodo_desktop.ui.accounts.funders import FundersTab
from kyodo_desktop.ui.accounts.grants import GrantsTab
from kyodo_desktop.ui.accounts.import_dialog import ImportDialog
from kyodo_desktop.ui.accounts.ledger_accounts import LedgerAccountsTab
from kyodo_desktop.ui.accounts.reconcile_tab import ReconcileTab
from kyodo_desktop.ui.accounts.review import ChecksTab, HistoryTab
from kyodo_desktop.ui.accounts.worker import run_in_background
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.dues.tab import DuesTab
from kyodo_desktop.ui.shell import text_input
from kyodo_desktop.ui.shell.errors import show_error
from kyodo_desktop.ui.shell.text_scale import set_scaled_style_sheet

STYLE = """
QLabel#accountsTitle { font-size: 15pt; font-weight: bold; }
QLabel#yearStatus[closed="true"] { color: #c62828; font-weight: bold; }
QLabel#yearStatus[closed="false"] { color: #2e7d32; }
QLabel#totalsLabel { font-weight: bold; padding: 2px 0; }
"""


class AccountsPage(QWidget):
    """The 予算・出納 area. ``context`` supplies the store, the council, the 年度 and signals."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        set_scaled_style_sheet(self, STYLE)
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        self.title = QLabel(self, objectName="accountsTitle")
        self.status = QLabel(self, objectName="yearStatus")
        self.close_button = QPushButton(_("Close the year…"), self)
        self.reopen_button = QPushButton(_("Reopen the year…"), self)
        self.close_button.clicked.connect(self.close_year)
        self.reopen_button.clicked.connect(self.reopen_year)
        for widget, stretch in ((self.title, 0), (self.status, 1), (self.close_button, 0),
                                (self.reopen_button, 0)):
            header.addWidget(widget, stretch)
        layout.addLayout(header)
        self.tabs = QTabWidget(self)
        self.cash_book = CashBookTab(context, self)
        self.ledger_accounts = LedgerAccountsTab(context, self)
        self.reconcile = ReconcileTab(context, self)
        self.dues = DuesTab(context, self)
        self.budget = BudgetTab(context, self)
        self.budget_vs_actual = BudgetVsActualTab(context, self)
        self.grants = GrantsTab(context, self)
        self.funders = FundersTab(context, self)
        self.checks = ChecksTab(context, self)
        self.history = HistoryTab(context, self)
        for tab, title in ((self.cash_book, _("Cash book")),
                           (self.ledger_accounts, _("Accounts (口座)")),
                           (self.reconcile, _("Reconciliation (通帳照合)")),
                           (self.dues, _("Membership fees (会費)")),
                           (self.budget, _("Budget")),
                           (self.budget_vs_actual, _("Budget vs actual")),
                           (self.grants, _("Grants")),
                           (self.funders, _("Funds and funders")), (self.checks, _("Checks")),
                           (self.history, _("History"))):
            self.tabs.addTab(tab, title)
        layout.addWidget(self.tabs)
        self._stale: set[QWidget] = {self.checks}  # the other tabs loaded themselves
        self._connect()
        self.reload_header()

    def _connect(self) -> None:
        self.cash_book.entry_selected.connect(self.history.show_entry)
        self.cash_book.import_requested.connect(self.import_cash_book)
        self.cash_book.export_requested.connect(self.export_cash_book)
        self.budget_vs_actual.export_requested.connect(self.export_budget_vs_actual)
        self.checks.entry_chosen.connect(self.open_entry)
        self.tabs.currentChanged.connect(lambda _i: self._reload_stale())
        self.context.changed.connect(self._on_changed)
        self.context.council_changed.connect(lambda _id: self.reload())
        self.context.fiscal_year_changed.connect(lambda _fy: self.reload())

    # reloading ---------------------------------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(ACCOUNTS, "plan") and changes.concerns(self.context.council_id):
            self.reload()
        elif changes.touches(ROSTER) and changes.concerns(self.context.council_id):
            self._stale.add(self.dues)
            self._reload_stale()

    def reload(self) -> None:
        """Reload the shown tab now and the others when they are shown."""
        self.reload_header()
        self._stale = {self.cash_book, self.ledger_accounts, self.reconcile, self.dues,
                       self.budget, self.budget_vs_actual, self.grants, self.funders, self.checks}
        self.history.show_entry(None)
        self._reload_stale()

    def _reload_stale(self) -> None:
        current = self.tabs.currentWidget()
        if current in self._stale:
            self._stale.discard(current)
            current.reload()

    def reload_header(self) -> None:
        """The 年度 title and whether it is closed."""
        context = self.context
        closed = context.council_id is not None and reference.is_closed(
            context.store, context.council_id, context.fiscal_year)
        self.title.setText(_("Budget and cash book — {fiscal_year}").format(
            fiscal_year=format_fiscal_year(context.fiscal_year)))
        self.status.setText(_("Closed: no changes possible") if closed
                            else _("Open for entries"))
        self.status.setProperty("closed", "true" if closed else "false")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.close_button.setVisible(not closed)
        self.reopen_button.setVisible(closed)

    def open_entry(self, entry_id: int) -> None:
        """Show the 出納簿 with ``entry_id`` loaded in the entry panel."""
        self.tabs.setCurrentWidget(self.cash_book)
        self.cash_book.panel.edit_entry(entry_id)
        self.history.show_entry(entry_id)

    # 年度締め ------------------------------------------------------------------------------------

    def close_year(self) -> bool:
        """Ask, then close the 年度. Returns True when it was closed."""
        context, label = self.context, format_fiscal_year(self.context.fiscal_year)
        answer = QMessageBox.question(
            self, _("Close the year"),
            _("Close {fiscal_year}? Every check runs first. After closing, no entry of the "
              "year can be changed; mistakes are corrected by correction entries in the next "
              "year.").format(fiscal_year=label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            result = self._close_asking_if_empty()
        except YearCloseBlocked as blocked:
            self.tabs.setCurrentWidget(self.checks)
            show_error(blocked, self)
            return False
        except UserError as error:
            show_error(error, self)
            return False
        if result is None:
            return False
        context.notify(result.changes)
        names = reference.fund_names(context.store, context.council_id)
        carried = "\n".join(f"{names.get(f, FUND_LABELS.get(f, f))}: {format_yen(v)}円"
                            for f, v in result.carried_out.items())
        QMessageBox.information(self, _("Close the year"), _(
            "{fiscal_year} is closed. Carried over to the next year:\n{carried}").format(
            fiscal_year=label, carried=carried))
        return True

    def _close_asking_if_empty(self):
        """Close the year; when it has no entries, ask first. None when the user says no."""
        context = self.context
        try:
            return close_year(context.store, context.council_id, context.fiscal_year)
        except EmptyYear as empty:
            answer = QMessageBox.question(
                self, _("Close the year"), empty.message + "\n\n" + _("Close it anyway?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return None
            return close_year(context.store, context.council_id, context.fiscal_year,
                              allow_empty=True)

    def reopen_year(self) -> bool:
        """Ask for the reason, then reopen the closed 年度. Returns True when reopened."""
        context = self.context
        reason, ok = text_input.ask_text(
            self, _("Reopen the year"),
            _("Why must {fiscal_year} be reopened? (kept in the change history)").format(
                fiscal_year=format_fiscal_year(context.fiscal_year)))
        if not ok:
            return False
        try:
            changes = reopen_year(context.store, context.council_id, context.fiscal_year, reason)
        except UserError as error:
            show_error(error, self)
            return False
        context.notify(changes)
        return True

    # import / export ---------------------------------------------------------------------------

    def import_cash_book(self) -> None:
        """Open the import dialog (fund preset from the 出納簿 filter)."""
        dialog = ImportDialog(self.context, self.cash_book.fund_filter.currentData(), self)
        if dialog.exec() and dialog.outcome_message:
            QMessageBox.information(self, _("Import a cash book"), dialog.outcome_message)

    def _save_path(self, suggested: str) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(self, _("Export to Excel"), suggested,
                                                    _("Excel workbook (*.xlsx)"))
        if not name:
            return None
        return Path(name if name.lower().endswith(".xlsx") else name + ".xlsx")

    def export_cash_book(self, path: Path | None = None) -> bool:
        """Write the 出納簿 (of the fund and 口座 chosen in the filter) to an .xlsx file."""
        context, fund = self.context, self.cash_book.fund_filter.currentData()
        account = self.cash_book.account_filter.currentData()
        path = path or self._save_path(_("cash book {fiscal_year}.xlsx").format(
            fiscal_year=format_fiscal_year(context.fiscal_year)))
        return path is not None and self._export(lambda: export_cash_book(
            context.store, context.council_id, context.fiscal_year, path, fund=fund,
            account_id=account))

    def export_budget_vs_actual(self, path: Path | None = None) -> bool:
        """Write the 予算対比 to an .xlsx file."""
        context = self.context
        path = path or self._save_path(_("budget vs actual {fiscal_year}.xlsx").format(
            fiscal_year=format_fiscal_year(context.fiscal_year)))
        return path is not None and self._export(lambda: export_budget_vs_actual(
            context.store, context.council_id, context.fiscal_year, path))

    def _export(self, work) -> bool:
        try:
            run_in_background(self, _("Writing the Excel file…"), work)
        except UserError as error:
            show_error(error, self)
            return False
        return True
