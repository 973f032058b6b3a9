"""The 口座 tab: the council's 現金 and bank accounts with their 残高 on a chosen day, add / edit /
delete of a bank account (金融機関, 支店, 種別 普通・当座・貯蓄・定期, 口座番号, 名義), and the
年度's 振替 (預入・引出) with delete. Balances come from
:func:`kyodo_desktop.services.accounting.figures.account_balances`; writes go through
:func:`~kyodo_desktop.ui.commands.save_with_undo` (one undo step each)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.formatting import format_date, format_yen
from kyodo_desktop.domain.money import parse_yen
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.accounting import accounts, figures, reconcile, transfers
from kyodo_desktop.services.council import accounts as bank_accounts
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.council.accounts_view import AccountDialog
from kyodo_desktop.ui.shell.dialog_fit import titled_box
from kyodo_desktop.ui.shell.errors import show_error
from kyodo_desktop.ui.shell.form_dialog import lay_out_form_dialog
from kyodo_desktop.ui.shell.table_fit import ColumnFit

ACCOUNT_COLUMNS = (N_("Account"), N_("Balance (yen)"), N_("Last reconciled"),
                   N_("Bank and branch"), N_("Account type"), N_("Account number"),
                   N_("Account holder"))
TRANSFER_COLUMNS = (N_("Date"), N_("Kind"), N_("From account"), N_("To account"),
                    N_("Amount (yen)"), N_("Description"))


def default_day(fiscal_year: int, today: date | None = None) -> date:
    """The day balances are shown for: today inside the 年度, else its last day (or first)."""
    today = today or date.today()
    return min(max(today, wareki.fiscal_year_start(fiscal_year)),
               wareki.fiscal_year_end(fiscal_year))


def _table(columns, parent: QWidget, free: tuple[int, ...] = ()) -> QTableWidget:
    """A read-only table of ``columns``; with ``free`` text columns, those wrap at large text
    and the figures keep their width (ui/shell/table_fit.py), else the columns fit their text
    and the last one stretches."""
    table = QTableWidget(0, len(columns), parent)
    table.setHorizontalHeaderLabels([_(c) for c in columns])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    if free:
        table.setWordWrap(True)
        table.column_fit = ColumnFit(table, free=free, wrap_rows=True, min_free_chars=4)
    else:
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
    table.setMinimumHeight(80)
    return table


def fill(table: QTableWidget, rows: list[tuple], right: tuple[int, ...] = ()) -> None:
    """Put ``rows`` (tuples of text) into ``table``; columns in ``right`` align right."""
    from PySide6.QtCore import Qt

    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class LedgerAccountsTab(QWidget):
    """The 口座 and 振替 of the context's council-year; ``reload()`` after changes."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.accounts: list[accounts.LedgerAccount] = []
        self.transfer_ids: list[int] = []
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.day_edit = QLineEdit(self, objectName="balanceDay")
        self.day_edit.setMaximumWidth(160)
        self.day_edit.editingFinished.connect(self.reload)
        bar.addWidget(QLabel(_("Balances at the end of"), self))
        bar.addWidget(self.day_edit)
        self.total_label = QLabel(self, objectName="totalsLabel")
        bar.addWidget(self.total_label, 1)
        for text, slot in ((_("Add account…"), self.add), (_("Edit…"), self.edit),
                           (_("Carry-over…"), self.edit_opening), (_("Delete"), self.delete)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            bar.addWidget(button)
        layout.addLayout(bar)
        self.table = _table(ACCOUNT_COLUMNS, self, free=(3, 6))  # 金融機関・支店, 名義
        self.table.doubleClicked.connect(lambda _index: self.edit())
        layout.addWidget(self.table, 1)
        box = titled_box(_("Transfers between accounts (預入・引出) of the year"), self)
        inner = QVBoxLayout(box)
        self.transfers = _table(TRANSFER_COLUMNS, box, free=(5,))  # 摘要
        inner.addWidget(self.transfers)
        hint = QLabel(_("Record a transfer in the cash book's entry line: choose 振替 as "
                        "income/expense. A transfer is never income or expense."), box)
        hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(hint, 1)
        remove = QPushButton(_("Delete the transfer"), box)
        remove.clicked.connect(self.delete_transfer)
        row.addWidget(remove)
        inner.addLayout(row)
        layout.addWidget(box, 1)
        self.reload()

    def day(self) -> date:
        """The day typed (西暦 or 和暦), or :func:`default_day` when empty or unreadable."""
        text = self.day_edit.text().strip()
        if text:
            try:
                return wareki.parse_date(text, fiscal_year=self.context.fiscal_year)
            except ValidationError:
                pass
        return default_day(self.context.fiscal_year)

    def reload(self) -> None:
        """Re-read the accounts, their balances on :meth:`day` and the 年度's 振替."""
        store, council, year = self.context.store, self.context.council_id, self.context.fiscal_year
        if council is None:
            self.accounts = []
            fill(self.table, [])
            fill(self.transfers, [])
            return
        day = self.day()
        self.day_edit.setText(format_date(day, "short"))
        self.accounts = accounts.list_ledger_accounts(store, council)
        balances = figures.account_balances(store, council, wareki.fiscal_year_of(day), on=day)
        last = {r.account_id: r for r in reconcile.list_reconciliations(store, council)}
        fill(self.table, [(
            a.name, format_yen(balances.get(a.id, 0)), _last_text(last.get(a.id)),
            " ".join(p for p in (a.bank_name, a.branch_name) if p),
            a.type_name if a.kind == accounts.BANK else "", a.account_number, a.holder)
            for a in self.accounts], right=(1,))
        self.total_label.setText(_("Total of all accounts: {amount} yen").format(
            amount=format_yen(sum(balances.values()))))
        names = {a.id: a.name for a in self.accounts}
        listed = transfers.list_transfers(store, council, year)
        self.transfer_ids = [t.id for t in listed]
        fill(self.transfers, [(
            format_date(t.transfer_date, "short"), transfers.transfer_kind(store, t),
            names.get(t.from_account_id, ""), names.get(t.to_account_id, ""),
            format_yen(t.amount), t.description) for t in listed], right=(4,))

    def current(self) -> accounts.LedgerAccount | None:
        """The chosen account (None when none)."""
        row = self.table.currentRow()
        return self.accounts[row] if 0 <= row < len(self.accounts) else None

    def add(self) -> None:
        """Enter a new bank account."""
        dialog = AccountDialog(None, self)
        dialog.payee.setChecked(False)
        self._run_dialog(dialog, None)

    def edit(self) -> None:
        """Change the chosen bank account (現金 has nothing to change)."""
        account = self.current()
        if account is None or account.kind == accounts.CASH:
            return
        found = [b for b in bank_accounts.list_accounts(self.context.store,
                                                        self.context.council_id)
                 if b.id == account.id]
        if found:
            self._run_dialog(AccountDialog(found[0], self), account.id)

    def _run_dialog(self, dialog: AccountDialog, account_id: int | None) -> None:
        store, council = self.context.store, self.context.council_id
        while dialog.exec() == QDialog.DialogCode.Accepted:
            values = dialog.values()
            try:
                save_with_undo(self.context, _("Edit of a bank account"),
                               lambda typed=values: accounts.save_bank_account(
                                   store, council, typed, account_id))
            except UserError as error:
                dialog.show_error(error.message)
                continue
            self.reload()
            return

    def delete(self) -> None:
        """Delete the chosen bank account after asking (refused while it is used)."""
        account = self.current()
        if account is None:
            return
        answer = QMessageBox.question(self, _("Delete account"), _(
            "Delete the account {bank} {number}?").format(bank=account.name,
                                                          number=account.account_number))
        if answer != QMessageBox.StandardButton.Yes:
            return
        store, council = self.context.store, self.context.council_id
        try:
            save_with_undo(self.context, _("Deletion of a bank account"),
                           lambda: accounts.delete_ledger_account(store, council, account.id))
        except UserError as error:
            show_error(error, self)
        self.reload()

    def edit_opening(self) -> bool:
        """Ask for the chosen bank account's 前年度繰越金 of the 年度 and store it (undoable).
        Returns True when it was stored."""
        account = self.current()
        if account is None:
            return False
        if account.kind == accounts.CASH:
            show_error(UserError(_("The cash account holds what the other accounts do not: set "
                                   "the bank accounts' amounts instead.")), self)
            return False
        store, council, year = (self.context.store, self.context.council_id,
                                self.context.fiscal_year)
        dialog = OpeningDialog(account.name, wareki.format_fiscal_year(year),
                               accounts.account_opening(store, council, year, account.id), self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                amount = parse_yen(dialog.amount.text())
                save_with_undo(self.context, _("Carry-over of {account}").format(
                    account=account.name), lambda typed=amount: accounts.set_account_opening(
                        store, council, year, account.id, typed))
            except UserError as error:
                dialog.error.setText(error.message)
                continue
            self.reload()
            return True
        return False

    def delete_transfer(self) -> None:
        """Delete the chosen 振替 after asking (undoable)."""
        row = self.transfers.currentRow()
        if not 0 <= row < len(self.transfer_ids):
            return
        transfer_id = self.transfer_ids[row]
        answer = QMessageBox.question(self, _("Delete the transfer"),
                                      _("Delete this transfer between accounts?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            save_with_undo(self.context, _("Deletion of a transfer"),
                           lambda: transfers.delete_transfer(self.context.store, transfer_id))
        except UserError as error:
            show_error(error, self)
        self.reload()


class OpeningDialog(QDialog):
    """口座の繰越金: the 前年度繰越金 (円) of one bank account for the 年度 (``amount`` field,
    prefilled with ``stored``; ``error`` shows why a value was refused)."""

    def __init__(self, account: str, year: str, stored: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Carry-over of {account}").format(account=account))
        column, form = QVBoxLayout(), QFormLayout()
        explain = QLabel(_("The balance of {account} at the start of {year} (円).\nThe cash "
                           "account holds the rest of the carry-over.").format(
            account=account, year=year), self)
        column.addWidget(explain)
        self.amount = QLineEdit("" if stored is None else format_yen(stored), self,
                                objectName="openingAmount")
        form.addRow(_("Carry-over from the previous year (yen)"), self.amount)
        column.addLayout(form)
        self.error = lay_out_form_dialog(self, column, width=29)


def _last_text(found) -> str:
    if found is None:
        return ""
    state = _("agreed") if found.agreed else _("difference {amount} yen").format(
        amount=format_yen(found.difference))
    return f"{format_date(found.day, 'short')} {state}"
