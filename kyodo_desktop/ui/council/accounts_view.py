"""The 協議会 page's 口座 box: the council's bank accounts (振込先 of the 交付請求書) in a small
table with 追加 / 編集 / 削除, and the dialog to enter one. Writes go through
:func:`~kyodo_desktop.ui.commands.save_with_undo` (one undo step each)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.council import accounts
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.shell.dialog_fit import whole_title
from kyodo_desktop.ui.shell.form_dialog import lay_out_form_dialog
from kyodo_desktop.ui.shell.table_fit import fit_small_table

COLUMNS = (N_("Bank and branch"), N_("Account type"), N_("Account number"),
           N_("Account holder"), N_("Payee account"))
TEXT_FIELDS = (("bank_name", N_("Bank")), ("branch_name", N_("Branch")),
               ("account_number", N_("Account number")), ("holder", N_("Account holder")),
               ("holder_kana", N_("Account holder (kana)")), ("label", N_("Name of the account")))


class AccountsBox(QGroupBox):
    """The council's bank accounts; ``reload()`` after the council changes."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(_("Bank accounts (振込先)"), parent)
        whole_title(self)
        self.context = context
        self.rows: list[accounts.BankAccount] = []
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        fit_small_table(self.table, free=(0, 3))  # 金融機関・支店 and 名義 wrap; figures whole
        self.table.doubleClicked.connect(lambda _index: self.edit())
        buttons = QHBoxLayout()
        for text, slot in ((_("Add account"), self.add), (_("Edit"), self.edit),
                           (_("Delete"), self.delete)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        hint = QLabel(_("The payee account is printed on the payment request (交付請求書)."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(hint)

    def reload(self) -> None:
        """Show the current council's accounts."""
        council = self.context.council_id
        self.rows = [] if council is None else accounts.list_accounts(self.context.store, council)
        self.table.setRowCount(len(self.rows))
        for r, account in enumerate(self.rows):
            values = (f"{account.bank_name} {account.branch_name}".strip(), account.type_label,
                      account.account_number, account.holder, "◯" if account.is_payee else "")
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))

    def current(self) -> accounts.BankAccount | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def add(self) -> None:
        """Enter a new account in the dialog."""
        self._edit(None)

    def edit(self) -> None:
        """Change the chosen account."""
        if self.current() is not None:
            self._edit(self.current())

    def _edit(self, account: accounts.BankAccount | None) -> None:
        dialog = AccountDialog(account, self)
        account_id = None if account is None else account.id
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                self._save(dialog.values(), account_id)
            except ValidationError as error:
                dialog.show_error(error.message)
                continue
            self.reload()
            return

    def _save(self, values: dict, account_id: int | None) -> None:
        store, council = self.context.store, self.context.council_id
        save_with_undo(self.context, _("Edit of a bank account"),
                       lambda: accounts.save_account(store, council, values, account_id))

    def delete(self) -> None:
        """Delete the chosen account after asking."""
        account = self.current()
        if account is None:
            return
        answer = QMessageBox.question(self, _("Delete account"), _(
            "Delete the account {bank} {number}?").format(bank=account.bank_name,
                                                          number=account.account_number))
        if answer != QMessageBox.StandardButton.Yes:
            return
        council = self.context.council_id
        try:
            save_with_undo(self.context, _("Deletion of a bank account"),
                           lambda: accounts.delete_account(self.context.store, council,
                                                           account.id))
        except UserError as error:
            QMessageBox.warning(self, _("Delete account"), error.message)
        self.reload()


class AccountDialog(QDialog):
    """Enter or change a bank account; ``values()`` gives the typed fields for the service."""

    def __init__(self, account: accounts.BankAccount | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Edit account") if account else _("Add account"))
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        self.type_box = QComboBox()
        for code, label in accounts.ACCOUNT_TYPES.items():
            self.type_box.addItem(label, code)
        for key, caption in TEXT_FIELDS:
            self.edits[key] = QLineEdit()
            form.addRow(_(caption), self.edits[key])
            if key == "branch_name":
                form.addRow(_("Account type"), self.type_box)
        self.payee = QCheckBox(_("Pay the grant into this account (振込先)"))
        form.addRow("", self.payee)
        self.error = lay_out_form_dialog(self, form, width=30)
        if account is not None:
            for key, edit in self.edits.items():
                edit.setText(getattr(account, key))
            self.type_box.setCurrentIndex(max(0, self.type_box.findData(account.account_type)))
            self.payee.setChecked(account.is_payee)
        else:
            self.payee.setChecked(True)

    def values(self) -> dict:
        """The typed fields (the service cleans and checks them)."""
        values: dict = {key: edit.text() for key, edit in self.edits.items()}
        values["account_type"] = self.type_box.currentData()
        values["is_payee"] = self.payee.isChecked()
        return values

    def show_error(self, message: str) -> None:
        """Show why the account was not saved."""
        self.error.setText(message)
