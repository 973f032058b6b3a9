"""The 通帳照合 tab: compare an 口座's book balance with the 通帳 (or count the 現金 box with the
金種表) on a day, read the bank's CSV statement to see what is only in the bank or only in the
book, and record the 照合 (照合済 when the difference is 0, otherwise with its reason). The
年度's records are listed below (the statement's lists show above them once one was read).
Figures come from :mod:`kyodo_desktop.services.accounting.reconcile`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain import money, wareki
from kyodo_desktop.domain import reconcile as rules
from kyodo_desktop.domain.formatting import format_date, format_yen
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.io.bank_statement import read_statement
from kyodo_desktop.services.accounting import accounts, reconcile
from kyodo_desktop.ui.accounts.ledger_accounts import _table, default_day, fill
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.shell.dialog_fit import titled_box
from kyodo_desktop.ui.shell.errors import show_error

LINE_COLUMNS = (N_("Date"), N_("Amount (yen)"), N_("Description"))
RECORD_COLUMNS = (N_("Date"), N_("Account"), N_("Book balance"), N_("Passbook balance"),
                  N_("Difference (bank − book)"), N_("State"), N_("Reason"))
GREEN, RED = "color: #2e7d32; font-weight: bold;", "color: #c62828; font-weight: bold;"


class ReconcileTab(QWidget):
    """通帳照合 of the context's council; ``reload()`` after changes."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.statement = None
        layout = QVBoxLayout(self)
        layout.addLayout(self._input_bar())
        self.result = QLabel(self, objectName="reconcileResult", wordWrap=True)
        layout.addWidget(self.result)
        layout.addWidget(self._cash_box())
        layout.addLayout(self._record_bar())
        # what only the bank or only the book has: shown once a bank statement was read, so
        # that until then the year's records below keep the room (large text)
        self.statement_box = QWidget(self, objectName="statementLists")
        statement = QVBoxLayout(self.statement_box)
        statement.setContentsMargins(0, 0, 0, 0)
        lists = QHBoxLayout()
        self.matched_label = QLabel(self.statement_box, wordWrap=True)
        self.bank_only = _table(LINE_COLUMNS, self.statement_box)
        self.book_only = _table(LINE_COLUMNS, self.statement_box)
        for title, table in ((_("Only in the bank"), self.bank_only),
                             (_("Only in the book"), self.book_only)):
            box = QVBoxLayout()
            box.addWidget(QLabel(title, self.statement_box))
            box.addWidget(table)
            lists.addLayout(box)
        statement.addWidget(self.matched_label)
        statement.addLayout(lists, 1)
        self.statement_box.hide()
        layout.addWidget(self.statement_box, 1)
        records_bar = QHBoxLayout()
        records_bar.addWidget(QLabel(_("Reconciliations of the year"), self), 1)
        remove = QPushButton(_("Delete the reconciliation"), self)
        remove.clicked.connect(self.delete_record)
        records_bar.addWidget(remove)
        layout.addLayout(records_bar)
        self.records = _table(RECORD_COLUMNS, self)
        self.record_ids: list[int] = []
        layout.addWidget(self.records, 1)
        self.reload()

    def _input_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.account_combo = QComboBox(self)
        self.account_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.account_combo.setMinimumContentsLength(8)
        self.account_combo.currentIndexChanged.connect(self._account_changed)
        self.day_edit = QLineEdit(self, objectName="reconcileDay")
        self.balance_edit = QLineEdit(self, objectName="passbookBalance")
        self.balance_edit.setPlaceholderText(_("1,234,567"))
        for title, widget, stretch in ((_("Account"), self.account_combo, 2),
                                       (_("Date"), self.day_edit, 1),
                                       (_("Passbook balance (yen)"), self.balance_edit, 1)):
            bar.addWidget(QLabel(title, self))
            bar.addWidget(widget, stretch)
        for text, slot in ((_("Compare"), self.compare),
                           (_("Read the bank's CSV…"), self.choose_statement)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            bar.addWidget(button)
        return bar

    def _cash_box(self) -> QGroupBox:
        self.cash_group = titled_box(_("Cash count (金種表)"), self)
        grid = QGridLayout(self.cash_group)
        self.counts: dict[int, QSpinBox] = {}
        half = len(rules.DENOMINATIONS) // 2
        for index, value in enumerate(rules.DENOMINATIONS):
            spin = QSpinBox(self.cash_group, maximum=rules.MAX_PIECES)
            spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)  # typed, not clicked
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.valueChanged.connect(self._count_changed)
            self.counts[value] = spin
            row, column = divmod(index, half)
            grid.addWidget(QLabel(_("{value} yen").format(value=format_yen(value)),
                                  self.cash_group), row, 2 * column)
            grid.addWidget(spin, row, 2 * column + 1)
        self.cash_total = QLabel(self.cash_group, objectName="cashTotal")
        grid.addWidget(self.cash_total, 2, 0, 1, 2 * half)
        return self.cash_group

    def _record_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.reason_edit = QLineEdit(self, objectName="reconcileReason")
        self.reason_edit.setPlaceholderText(_("Reason for a difference (required when the "
                                              "balances differ)"))
        bar.addWidget(QLabel(_("Reason"), self))
        bar.addWidget(self.reason_edit, 1)
        button = QPushButton(_("Record the reconciliation"), self)
        button.clicked.connect(self.record)
        bar.addWidget(button)
        return bar

    # data --------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Refill the accounts and the 年度's records."""
        store, council = self.context.store, self.context.council_id
        keep = self.account_combo.currentData()
        self.account_combo.blockSignals(True)
        self.account_combo.clear()
        names = {} if council is None else accounts.account_names(store, council)
        for account_id, name in names.items():
            self.account_combo.addItem(name, account_id)
        self.account_combo.setCurrentIndex(max(self.account_combo.findData(keep), 0))
        self.account_combo.blockSignals(False)
        if not self.day_edit.text().strip():
            self.day_edit.setText(format_date(default_day(self.context.fiscal_year), "short"))
        self._account_changed()
        found = [] if council is None else reconcile.list_reconciliations(
            store, council, fiscal_year=self.context.fiscal_year)
        self.record_ids = [r.id for r in reversed(found)]
        fill(self.records, [(
            format_date(r.day, "short"), names.get(r.account_id, ""), format_yen(r.book_balance),
            format_yen(r.bank_balance), format_yen(r.difference),
            _("Reconciled: balances agree") if r.agreed else _("Difference explained"), r.reason)
            for r in reversed(found)], right=(2, 3, 4))  # the latest first

    def _is_cash(self) -> bool:
        council = self.context.council_id
        return council is not None and self.account_combo.currentData() == \
            accounts.cash_account_id(self.context.store, council)

    def _account_changed(self, *_args) -> None:
        self.cash_group.setVisible(self._is_cash())
        self.balance_edit.setReadOnly(self._is_cash())
        if self._is_cash():
            self._count_changed()

    def _count_changed(self, *_args) -> None:
        total = rules.cash_total({v: s.value() for v, s in self.counts.items()})
        self.cash_total.setText(_("Cash counted: {amount} yen").format(
            amount=format_yen(total)))
        if self._is_cash():
            self.balance_edit.setText(format_yen(total))

    def _inputs(self):
        day = wareki.parse_date(self.day_edit.text(), fiscal_year=self.context.fiscal_year)
        balance = money.parse_yen(self.balance_edit.text(), allow_negative=True)
        return self.account_combo.currentData(), day, balance

    def compare(self) -> reconcile.Comparison | None:
        """Show the book balance, the passbook balance and the difference; return them."""
        try:
            account, day, balance = self._inputs()
            result = reconcile.compare(self.context.store, self.context.council_id, account,
                                       day, balance)
        except UserError as error:
            self.result.setStyleSheet(RED)
            self.result.setText(error.message)
            return None
        self.result.setStyleSheet(GREEN if result.agreed else RED)
        self.result.setText(_(
            "Book balance {book} yen — passbook {bank} yen — difference {difference} yen: "
            "{state}").format(book=format_yen(result.book_balance),
                              bank=format_yen(result.bank_balance),
                              difference=format_yen(result.difference),
                              state=_("they agree.") if result.agreed else
                              _("they differ. Look for entries missing on either side.")))
        return result

    def record(self) -> bool:
        """Record the 照合 (a difference needs the reason). True when saved."""
        try:
            account, day, balance = self._inputs()
        except UserError as error:
            show_error(error, self)
            return False
        counts = ({v: s.value() for v, s in self.counts.items()} if self._is_cash() else None)
        store, council = self.context.store, self.context.council_id
        try:
            save_with_undo(self.context, _("Reconciliation of {date}").format(
                date=format_date(day, "short")),
                lambda: reconcile.record(store, council, account, day, balance,
                                         reason=self.reason_edit.text(), cash_count=counts))
        except UserError as error:
            show_error(error, self)
            return False
        self.compare()
        self.reason_edit.clear()
        self.reload()
        return True

    def delete_record(self) -> bool:
        """Delete the chosen 照合 record after asking (undoable). True when deleted."""
        row = self.records.currentRow()
        if not 0 <= row < len(self.record_ids):
            return False
        record_id = self.record_ids[row]
        day, account = self.records.item(row, 0).text(), self.records.item(row, 1).text()
        answer = QMessageBox.question(self, _("Delete the reconciliation"), _(
            "Delete the reconciliation of {account} on {date}?").format(account=account,
                                                                       date=day))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        store, council = self.context.store, self.context.council_id
        try:
            save_with_undo(self.context, _("Deletion of the reconciliation of {date}").format(
                date=day), lambda: reconcile.delete(store, council, record_id))
        except UserError as error:
            show_error(error, self)
            return False
        self.reload()
        return True

    def choose_statement(self) -> None:
        """Pick a bank CSV statement and compare it."""
        name, _filter = QFileDialog.getOpenFileName(self, _("Read the bank's CSV"), "",
                                                    _("CSV file (*.csv *.txt)"))
        if name:
            self.load_statement(Path(name))

    def load_statement(self, path: Path) -> bool:
        """Read ``path`` and list what is only in the bank or only in the book; the statement's
        last 残高 and day fill the passbook fields. True when it could be read."""
        try:
            statement = read_statement(path)
            result = reconcile.match_statement(self.context.store, self.context.council_id,
                                               self.account_combo.currentData(),
                                               statement.lines)
        except UserError as error:
            show_error(error, self)
            return False
        self.statement = statement
        last = reconcile.statement_balance(statement.lines)
        if last is not None:
            self.day_edit.setText(format_date(last[0], "short"))
            self.balance_edit.setText(format_yen(last[1]))
        self.matched_label.setText(_("{matched} of {count} statement lines match entries of the "
                                     "book (same amount, date within 3 days).").format(
            matched=len(result.matched), count=len(statement.lines)))
        fill(self.bank_only, [(format_date(line.day, "short"), format_yen(line.signed),
                               line.description) for line in result.bank_only], right=(1,))
        fill(self.book_only, [(format_date(move.day, "short"), format_yen(move.signed),
                               move.description) for move in result.book_only], right=(1,))
        self.statement_box.show()
        self.compare()
        return True
