"""The 会費 tab: the 年度's rate (世帯割, 均等割), every 自治会 with 加入世帯数, 請求額, 納入額, 残額
and 未納/一部/済/過納 and a 合計 row, and recording a payment from the list by keyboard: choose
the 自治会 with the arrow keys, Enter puts the cursor in 納入額 (the 残額 proposed), Enter again
books the payment in the 出納簿 (収入 会費, 自主財源, the chosen 口座) and moves to the next
自治会. The selected 自治会's payments are listed beside it; each can be cancelled (its 出納簿 entry
goes with it). Every write is one undo step (:func:`~kyodo_desktop.ui.commands.save_with_undo`).
Figures: :func:`kyodo_desktop.services.dues.status.dues_status`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.dues import STATUS_LABELS
from kyodo_desktop.domain.formatting import format_date, format_number, format_yen
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.accounting import accounts
from kyodo_desktop.services.accounting import common as reference
from kyodo_desktop.services.dues import payments, rates
from kyodo_desktop.services.dues.rows import DuesLine, DuesStatus
from kyodo_desktop.services.dues.status import dues_status
from kyodo_desktop.ui.accounts.ledger_accounts import _table, default_day, fill
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.dues.printing import DuesPrinting
from kyodo_desktop.ui.shell.dialog_fit import titled_box
from kyodo_desktop.ui.shell.message_line import MessageLine
from kyodo_desktop.ui.shell.table_fit import ColumnFit

COLUMNS = (N_("Neighbourhood association"), N_("Member households"), N_("Billed"),
           N_("Amount paid"), N_("Outstanding"), N_("Payment status"))
PAYMENT_COLUMNS = (N_("No."), N_("Date"), N_("Amount (yen)"), N_("Account"))
PRINTS = ((N_("Invoices…"), "dues-invoices"), (N_("Receipts…"), "dues-receipts"),
          (N_("Status list…"), "dues-status"))


class DuesTab(QWidget):
    """会費 of the context's council-year; ``reload()`` after changes."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.status: DuesStatus | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(self._rate_bar())
        self.summary = QLabel(self, objectName="totalsLabel")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        body = QHBoxLayout()
        self.table = _table(COLUMNS, self)
        self.table.setObjectName("duesTable")
        self.table.itemSelectionChanged.connect(self._selected)
        self.column_fit = ColumnFit(self.table, free=(0,), drop=(1, 3))
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)  # the list only
            shortcut.activated.connect(self.start_payment)
        body.addWidget(self.table, 2)
        body.addLayout(self._side_panel(), 1)
        layout.addLayout(body, 1)
        self.message = MessageLine(self, name="duesMessage")
        self.message.clear_when_edited(self.household_edit, self.association_edit,
                                       self.day_edit, self.amount_edit, self.account_combo)
        layout.addLayout(self._bottom_bar())
        self.printing = DuesPrinting(context, status=self.message, parent=self)
        self.reload()

    # building ----------------------------------------------------------------------------------

    def _rate_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.household_edit = QLineEdit(self, objectName="duesPerHousehold")
        self.association_edit = QLineEdit(self, objectName="duesPerAssociation")
        for title, edit in ((_("Per member household (yen)"), self.household_edit),
                            (_("Per association (yen)"), self.association_edit)):
            edit.setMaximumWidth(120)
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.returnPressed.connect(self.save_rate)
            bar.addWidget(QLabel(title, self))
            bar.addWidget(edit)
        self.rate_button = QPushButton(_("Save the fee"), self)
        self.rate_button.clicked.connect(self.save_rate)
        bar.addWidget(self.rate_button)
        bar.addStretch(1)
        return bar

    def _bottom_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.addWidget(self.message, 1)
        bar.addWidget(QLabel(_("Print:"), self))
        for text, kind in PRINTS:
            button = QPushButton(_(text), self)
            button.clicked.connect(lambda _checked=False, k=kind: self.printing.print_paper(k))
            bar.addWidget(button)
        return bar

    def _side_panel(self) -> QVBoxLayout:
        side = QVBoxLayout()
        box = titled_box(_("Record a payment"), self)
        grid = QGridLayout(box)
        self.chosen = QLabel(box, objectName="duesChosen")
        self.chosen.setWordWrap(True)
        self.day_edit = QLineEdit(box, objectName="duesPaidOn")
        self.amount_edit = QLineEdit(box, objectName="duesAmount")
        self.amount_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount_edit.returnPressed.connect(self.record)
        self.day_edit.returnPressed.connect(self.amount_edit.setFocus)
        self.account_combo = QComboBox(box)
        self.account_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.account_combo.setMinimumContentsLength(6)
        self.record_button = QPushButton(_("Record the payment"), box)
        self.record_button.clicked.connect(self.record)
        grid.addWidget(self.chosen, 0, 0, 1, 2)
        for row, (title, widget) in enumerate(((_("Date"), self.day_edit),
                                               (_("Amount (yen)"), self.amount_edit),
                                               (_("Account"), self.account_combo)), start=1):
            grid.addWidget(QLabel(title, box), row, 0)
            grid.addWidget(widget, row, 1)
        grid.addWidget(self.record_button, 4, 0, 1, 2)
        side.addWidget(box)
        header = QHBoxLayout()
        header.addWidget(QLabel(_("Payments of the association"), self), 1)
        self.cancel_button = QPushButton(_("Cancel the payment"), self)
        self.cancel_button.clicked.connect(self.cancel_payment)
        header.addWidget(self.cancel_button)
        side.addLayout(header)
        self.payments = _table(PAYMENT_COLUMNS, self)
        self.payments.setObjectName("duesPayments")
        self.payments_fit = ColumnFit(self.payments, free=(3,), drop=(0,))
        side.addWidget(self.payments, 1)
        return side

    # data --------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Refill the rate, the list, the accounts and the selected 自治会's payments."""
        store, council, year = self.context.store, self.context.council_id, self.context.fiscal_year
        keep = self.selected_line()
        self.status = None if council is None else dues_status(store, council, year)
        rate = None if self.status is None else self.status.rate
        self.household_edit.setText("" if rate is None else format_number(rate.per_household))
        self.association_edit.setText("" if rate is None else format_number(rate.per_association))
        self._fill_accounts()
        if not self.day_edit.text().strip():
            self.day_edit.setText(format_date(default_day(year), "short"))
        self._fill_lines()
        self._fill_summary()
        closed = council is not None and reference.is_closed(store, council, year)
        for widget in (self.household_edit, self.association_edit, self.rate_button,
                       self.day_edit, self.amount_edit, self.account_combo, self.record_button,
                       self.cancel_button):
            widget.setEnabled(council is not None and not closed)
        self.select_association(keep.organization_id if keep else None)

    def _fill_accounts(self) -> None:
        keep = self.account_combo.currentData()
        self.account_combo.clear()
        council = self.context.council_id
        names = {} if council is None else accounts.account_names(self.context.store, council)
        for account_id, name in names.items():
            self.account_combo.addItem(name, account_id)
        self.account_combo.setCurrentIndex(max(self.account_combo.findData(keep), 0))

    def _fill_lines(self) -> None:
        lines = self.status.lines if self.status else ()
        rows = [(line.name, "" if line.member_households is None
                 else format_number(line.member_households), format_yen(line.billed),
                 format_yen(line.paid), format_yen(line.balance), _(STATUS_LABELS[line.status]))
                for line in lines]
        if self.status is not None:
            rows.append((_("Total"), format_number(sum(
                line.member_households or 0 for line in lines)), format_yen(self.status.billed),
                format_yen(self.status.paid), format_yen(self.status.balance), ""))
        self.table.blockSignals(True)
        fill(self.table, rows, right=(1, 2, 3, 4))
        if self.status is not None:
            bold = QFont(self.table.font())
            bold.setBold(True)
            for column in range(len(COLUMNS)):
                item = self.table.item(len(rows) - 1, column)
                item.setFont(bold)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
        self.table.blockSignals(False)

    def _fill_summary(self) -> None:
        status = self.status
        if status is None:
            self.summary.clear()
            return
        counts = "・".join(f"{_(label)} {status.count(code)}"
                          for code, label in STATUS_LABELS.items() if status.count(code))
        text = _("{count} associations: {counts} — billed {billed} yen, paid {paid} yen, "
                 "outstanding {balance} yen").format(
            count=len(status.lines), counts=counts, billed=format_yen(status.billed),
            paid=format_yen(status.paid), balance=format_yen(status.balance))
        if status.rate is None:
            text = _("Enter the fee of the year first.")
        if status.other_income:
            text += " " + _("The cash book has {amount} yen of membership fees not recorded "
                            "here.").format(amount=format_yen(status.other_income))
        self.summary.setText(text)

    def selected_line(self) -> DuesLine | None:
        """The 自治会 selected in the list (None: none, or the 合計 row)."""
        row = self.table.currentRow()
        lines = self.status.lines if self.status else ()
        return lines[row] if 0 <= row < len(lines) and self.table.selectedItems() else None

    def select_association(self, organization_id: int | None) -> None:
        """Select the 自治会 ``organization_id`` in the list (the first one when None/absent)."""
        lines = self.status.lines if self.status else ()
        row = next((i for i, line in enumerate(lines)
                    if line.organization_id == organization_id), 0)
        if lines:
            self.table.selectRow(row)
        self._selected()

    def _selected(self) -> None:
        line = self.selected_line()
        self.chosen.setText("" if line is None else _("{name}: outstanding {amount} yen").format(
            name=line.name, amount=format_yen(line.balance)))
        self.amount_edit.setText("" if line is None or line.balance <= 0
                                 else format_number(line.balance))
        payments_of = line.payments if line else ()
        names = {self.account_combo.itemData(i): self.account_combo.itemText(i)
                 for i in range(self.account_combo.count())}
        fill(self.payments, [(str(p.receipt_no), format_date(p.paid_on, "short"),
                              format_yen(p.amount), names.get(p.account_id, ""))
                             for p in payments_of], right=(0, 2))

    # actions -----------------------------------------------------------------------------------

    def start_payment(self) -> None:
        """Enter on the list: the cursor goes to 納入額 with the 残額 selected."""
        if self.selected_line() is not None and self.amount_edit.isEnabled():
            self.amount_edit.setFocus()
            self.amount_edit.selectAll()

    def save_rate(self) -> bool:
        """Save the 世帯割 and 均等割 typed (one undo step)."""
        context = self.context
        household, association = self.household_edit.text(), self.association_edit.text()
        return self._save(_("Set the membership fee"), lambda: rates.set_rate(
            context.store, context.council_id, context.fiscal_year, household, association),
            _("The membership fee was saved."))

    def record(self) -> bool:
        """Book the payment typed for the selected 自治会, then select the next one."""
        line = self.selected_line()
        if line is None:
            self.message.say(_("Choose an association in the list first."), "error")
            return False
        context = self.context
        day, amount = self.day_edit.text(), self.amount_edit.text()
        account = self.account_combo.currentData()
        saved = self._save(_("Record a membership fee payment"), lambda: payments.record_payment(
            context.store, context.council_id, context.fiscal_year, line.organization_id, day,
            amount, account), _("The payment of {name} was recorded in the cash book.").format(
            name=line.name))
        if saved:
            lines = self.status.lines if self.status else ()
            index = next((i for i, x in enumerate(lines)
                          if x.organization_id == line.organization_id), -1)
            following = lines[index + 1] if 0 <= index < len(lines) - 1 else None
            self.select_association(following.organization_id if following else
                                    line.organization_id)
            self.table.setFocus()
        return saved

    def cancel_payment(self) -> bool:
        """Delete the payment selected in the payments list with its 出納簿 entry."""
        line, row = self.selected_line(), self.payments.currentRow()
        if line is None or not 0 <= row < len(line.payments):
            self.message.say(_("Choose the payment to cancel in the list of payments."), "error")
            return False
        payment = line.payments[row]
        return self._save(_("Cancel a membership fee payment"), lambda: payments.delete_payment(
            self.context.store, payment.id), _("The payment and its cash book entry were "
                                              "deleted."))

    def _save(self, step: str, operation, done: str) -> bool:
        try:
            save_with_undo(self.context, step, operation)
        except ValidationError as error:
            self.message.say(error.message, "error")
            self._focus(error.field)
            return False
        except UserError as error:
            self.message.say(error.message, "error")
            return False
        self.message.say(done)
        return True

    def _focus(self, field: str) -> None:
        widget = {"per_household": self.household_edit,
                  "per_association": self.association_edit, "paid_on": self.day_edit,
                  "amount": self.amount_edit, "account_id": self.account_combo}.get(field)
        if widget is not None:
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()

