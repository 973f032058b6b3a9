"""The 出納簿 entry panel: keyboard-first entry of one line, below the table.

Tab moves between fields, Enter saves and starts the next line with the same date (fund, 収支 and
口座 kept), Esc leaves editing. Every line names its 口座 (the last one used, at first 現金); the
収支 choice 振替 records a transfer between two 口座 (預入・引出) instead of an entry: the 費目
field then chooses the account the money goes to, and the line is never income or expense. Dates as 「R7.4.1」「4/1」 (in the chosen 年度); amounts with or without
commas; 摘要 and 支払先 complete from earlier entries. The checks' findings show while typing and
run again, synchronously, on Enter: an error (outside the 年度, amount ≤ 0, no 費目, a closed year …)
is never saved past; warnings are asked about once, then the line is saved.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.accounting import EXPENSE, INCOME, CashBookEntryInput, refusal_text
from kyodo_desktop.domain.formatting import format_date, format_yen
from kyodo_desktop.domain.money import parse_yen
from kyodo_desktop.domain.wareki import fiscal_year_start, parse_date
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import accounts, cash_book, checks, transfers
from kyodo_desktop.services.accounting import common as reference
from kyodo_desktop.services.plan import projects
from kyodo_desktop.services.settings import TEXT_SIZES
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.shell.flow_layout import FlowLayout, labelled
from kyodo_desktop.ui.shell.message_line import MessageArea, ShownLine

CHECK_DELAY_MS = 250
#: The 収支 choice that records a 振替 between two 口座 instead of a 出納簿 entry.
TRANSFER = "transfer"
HISTORY_SIZE = 500
#: The scale of とても大きい (文字の大きさ), where the message area has no lines to spare.
EXTRA_LARGE = TEXT_SIZES["extra_large"][1]
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EntryPanel(QWidget):
    """One line of the 出納簿 being typed (new) or edited (``editing`` = entry id).

    Signal ``saved(int)`` carries the id of the entry just recorded or changed.
    """

    saved = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.editing: int | None = None
        #: The 交付金 link of the entry being edited, with the fund and 収支 it belongs to: kept
        #: while those stay, so changing a receipt's 摘要 never drops its link to the grant.
        self._grant_link: tuple[int, str, str] | None = None
        self._is_correction = False
        self._timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._timer.timeout.connect(self.show_findings)
        self._message_kind: str | None = None  # what the message line says: "error", "done"
        self._build()
        self.reload()
        # after 元に戻す / やり直し: say what was undone instead of the stale 「保存しました」
        context.stepped.connect(lambda text: self._show_message(text, error=False))

    # building --------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 4, 0, 0)
        flow = FlowLayout()
        self.date_edit = self._line("", "dateEdit")
        self.fund_combo, self.direction_combo = QComboBox(self), QComboBox(self)
        self.category_combo = QComboBox(self)
        self.category_combo.setEditable(True)
        self.category_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.category_combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.category_combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.description_edit = self._line(_("e.g. Electricity (April)"), "descriptionEdit")
        self.amount_edit = self._line(_("1,000"), "amountEdit")
        self.amount_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.payee_edit = self._line(_("Shop or person"), "payeeEdit")
        self.voucher_edit = self._line(_("No."), "voucherEdit")
        self.project_combo = QComboBox(self)
        self.memo_edit = self._line("", "memoEdit")
        self.account_combo, self.to_account_combo = QComboBox(self), QComboBox(self)
        self.account_combo.setObjectName("accountCombo")
        self.to_account_combo.setObjectName("toAccountCombo")
        self._last_account: int | None = None
        self.save_button = QPushButton(_("Record (Enter)"), self)
        self.cancel_button = QPushButton(_("New line (Esc)"), self)
        self.message = ShownLine(self, name="entryMessage")
        self.findings = ShownLine(self, name="entryFindings")
        self.findings.setTextFormat(Qt.TextFormat.RichText)
        for direction, label in ((EXPENSE, _("Expense")), (INCOME, _("Income")),
                                 (TRANSFER, _("Transfer (預入・引出)"))):
            self.direction_combo.addItem(label, direction)
        row = [(_("Date"), self.date_edit), (_("Fund"), self.fund_combo),
               (_("In/out"), self.direction_combo), (_("Category"), self.category_combo),
               (_("Description"), self.description_edit), (_("Amount (yen)"), self.amount_edit),
               (_("Account"), self.account_combo), (_("Payee"), self.payee_edit),
               (_("Receipt no."), self.voucher_edit), (_("Project"), self.project_combo),
               (_("Memo"), self.memo_edit)]
        # two lines of fields (日付 会計 収支 費目 摘要 金額 / 口座 支払先 領収書番号 事業 メモ),
        # which wrap onto more lines at large text
        stretches = (2, 2, 1, 3, 6, 3, 2, 4, 1, 5, 5)
        self.titles: dict[QWidget, QLabel] = {}
        for number, ((title, widget), stretch) in enumerate(zip(row, stretches, strict=True)):
            group = labelled(title, widget, self)
            self.titles[widget] = group.layout().itemAt(0).widget()
            if widget is self.category_combo:  # 振替: the receiving account takes its place
                group.layout().addWidget(self.to_account_combo)
            flow.add(group, stretch)
            if number == 5:  # the buttons, and the messages beside them (no lines of their own)
                buttons = labelled("", self.save_button, self)
                flow.add(buttons, 0)
                flow.add(labelled("", self.cancel_button, self), 0)
                self.message_area = MessageArea([self.message, self.findings], buttons, self,
                                                name="entryMessages")
                # two more lines (a refusal and its finding whole) where the list keeps its
                # five rows on 1366×768 with them: not at とても大きい, where they scroll
                self.message_area.extra_lines = lambda scale: 2 if scale < EXTRA_LARGE else 0
                flow.add(self.message_area, 12)  # the room the buttons leave, 金額 kept short
                flow.add_break()
                self.fields = flow  # (a long message leaves it: ui/accounts/message_room.py)
        self.to_account_combo.hide()
        for combo in (self.account_combo, self.to_account_combo, self.project_combo):
            combo.setSizeAdjustPolicy(  # long names must not widen the line past the screen
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        outer.addLayout(flow)
        # Tab: the fields as before, the 口座 last (it keeps the last one used); for a 振替 the
        # receiving 口座 takes the 費目's place
        order = [w for _t, w in row if w is not self.account_combo]
        order.insert(order.index(self.category_combo) + 1, self.to_account_combo)
        order += [self.account_combo, self.save_button]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        for widget in [w for _t, w in row]:
            widget.installEventFilter(self)
            signal = getattr(widget, "textEdited", None) or widget.currentIndexChanged
            signal.connect(self._schedule_check)
        self.category_combo.lineEdit().installEventFilter(self)
        self.to_account_combo.installEventFilter(self)
        self.category_combo.editTextChanged.connect(self._schedule_check)
        self.direction_combo.currentIndexChanged.connect(self._fill_categories)
        self.direction_combo.currentIndexChanged.connect(self._show_kind)
        self.to_account_combo.currentIndexChanged.connect(self._schedule_check)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.start_new)
        for edit in (self.description_edit, self.payee_edit):
            edit.setCompleter(QCompleter([], self, filterMode=Qt.MatchFlag.MatchContains))

    def _line(self, placeholder: str, name: str) -> QLineEdit:
        return QLineEdit(self, objectName=name, placeholderText=placeholder)

    # data --------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Refill the choices (funds, 費目, 事業) and the autocomplete history."""
        store, council = self.context.store, self.context.council_id
        keep = self.fund_combo.currentData()
        self.fund_combo.clear()
        for code, name in reference.fund_names(store, council).items():
            self.fund_combo.addItem(name, code)
        self.fund_combo.setCurrentIndex(max(self.fund_combo.findData(keep), 0))
        self._fill_categories()
        self._fill_accounts()
        self.project_combo.clear()
        self.project_combo.addItem("", None)
        if council is not None:
            for project_id, name in projects.project_names(store, council,
                                                           self.context.fiscal_year):
                self.project_combo.addItem(name, project_id)
            for edit, field in ((self.description_edit, "description"),
                                (self.payee_edit, "payee")):
                values = cash_book.history_values(store, council, field, limit=HISTORY_SIZE)
                edit.completer().model().setStringList(values)
        first = fiscal_year_start(self.context.fiscal_year)
        self.date_edit.setPlaceholderText(_("{example} or 4/1").format(
            example=format_date(first, "short")))
        closed = council is not None and reference.is_closed(store, council,
                                                             self.context.fiscal_year)
        self._show_message(_("This fiscal year is closed: entries cannot be added or changed.")
                           if closed else "", error=True)

    def _fill_accounts(self) -> None:
        """The council's 口座 in both account choices; the last used (else 現金) chosen."""
        council = self.context.council_id
        names = {} if council is None else accounts.account_names(self.context.store, council)
        for combo in (self.account_combo, self.to_account_combo):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for account_id, name in names.items():
                combo.addItem(name, account_id)
            combo.setCurrentIndex(max(combo.findData(keep), 0))
            combo.blockSignals(False)
        if self._last_account is not None:
            self.account_combo.setCurrentIndex(
                max(self.account_combo.findData(self._last_account), 0))
        if self.to_account_combo.currentIndex() == self.account_combo.currentIndex():
            self.to_account_combo.setCurrentIndex(1 if self.to_account_combo.count() > 1 else 0)

    def is_transfer(self) -> bool:
        """Whether the line is a 振替 between two 口座."""
        return self.direction_combo.currentData() == TRANSFER

    def _show_kind(self, *_args) -> None:
        """振替 swaps the 費目 field for the receiving 口座 and leaves out what an entry has."""
        transfer = self.is_transfer()
        self.category_combo.setVisible(not transfer)
        self.to_account_combo.setVisible(transfer)
        self.titles[self.category_combo].setText(_("To account") if transfer else _("Category"))
        self.titles[self.account_combo].setText(_("From account") if transfer else _("Account"))
        for widget in (self.fund_combo, self.payee_edit, self.voucher_edit, self.project_combo):
            widget.setEnabled(not transfer)

    def _fill_categories(self) -> None:
        direction = self.direction_combo.currentData()
        keep = self.category_combo.currentData()
        self.category_combo.clear()
        self.category_combo.addItem("", None)
        categories = (reference.income_categories if direction == INCOME
                      else reference.expense_categories)(self.context.store)
        for category in categories:
            indent = "　" if getattr(category, "parent_code", None) else ""
            self.category_combo.addItem(indent + category.name, category.code)
        found = self.category_combo.findData(keep)
        self.category_combo.setCurrentIndex(max(found, 0))

    def _category_code(self) -> str | None:
        text = self.category_combo.currentText().strip()
        if not text:
            return None
        for index in range(self.category_combo.count()):
            if self.category_combo.itemText(index).strip() == text:
                return self.category_combo.itemData(index)
        raise ValidationError(_("{name} is not a category. Choose one from the list.")
                              .format(name=text), field="category_code")

    def entry(self) -> CashBookEntryInput:
        """The line as typed. Raises ValidationError naming the field that cannot be read."""
        year = self.context.fiscal_year
        entry_date = parse_date(self.date_edit.text(), fiscal_year=year)
        category = self._category_code()
        if category is None:
            raise ValidationError(_("Choose a category."), field="category_code")
        # 0 and negative amounts are read, then refused by the 出納簿's rule (entry_refusals)
        amount = parse_yen(self.amount_edit.text(), allow_negative=True)
        return CashBookEntryInput(
            entry_date=entry_date, fund_code=self.fund_combo.currentData(),
            direction=self.direction_combo.currentData(), category_code=category,
            description=self.description_edit.text().strip(), amount=amount,
            payee=self.payee_edit.text().strip(), voucher_no=self.voucher_edit.text().strip(),
            project_id=self.project_combo.currentData(), memo=self.memo_edit.text().strip(),
            grant_id=self._kept_grant_id(), account_id=self.account_combo.currentData())

    def _kept_grant_id(self) -> int | None:
        if self.editing is None or self._grant_link is None:
            return None
        grant_id, fund, direction = self._grant_link
        same = (self.fund_combo.currentData(), self.direction_combo.currentData()) == (
            fund, direction)
        return grant_id if same else None

    def transfer(self) -> transfers.TransferInput:
        """The 振替 as typed. Raises ValidationError naming the field that cannot be read."""
        return transfers.TransferInput(
            parse_date(self.date_edit.text(), fiscal_year=self.context.fiscal_year),
            self.account_combo.currentData(), self.to_account_combo.currentData(),
            parse_yen(self.amount_edit.text()), self.description_edit.text().strip(),
            self.memo_edit.text().strip())

    # checks as the user types ----------------------------------------------------------------

    def _schedule_check(self, *_args) -> None:
        if self._message_kind is not None:  # an old error or 「保存しました」 goes with new input
            self.message.clear()
            self._message_kind = None
        if self.isVisible():
            self._timer.start()

    def hideEvent(self, event) -> None:  # Qt override: no check after the page went away
        self._timer.stop()
        super().hideEvent(event)

    def show_findings(self) -> list:
        """Check the line as typed and show the findings; return them (empty when unreadable)."""
        self._timer.stop()
        if not self.date_edit.text().strip() or not self.amount_edit.text().strip():
            self.findings.setText("")
            return []
        if self.is_transfer():
            return self._transfer_findings()
        try:
            entry = self.entry()
        except ValidationError as error:
            self.findings.setText(f'<span style="color:#c62828">{error.message}</span>')
            return []
        found = checks.entry_findings(self.context.store, self.context.council_id,
                                      self.context.fiscal_year, entry, entry_id=self.editing)
        if self._is_correction and entry.amount != 0:  # a 訂正 may stay negative
            found = [f for f in found if f.code != "amount_not_positive"]
        self._render(found)
        return found

    def _transfer_findings(self) -> list:
        """A 振替 has no findings: only whether it can be stored (shown in red)."""
        try:
            transfers.check_transfer(self.context.store, self.context.council_id,
                                     self.context.fiscal_year, self.transfer())
        except ValidationError as error:
            self.findings.setText(f'<span style="color:#c62828">{error.message}</span>')
            return []
        self.findings.setText("")
        return []

    def _render(self, found: list) -> None:
        lines = [f'<span style="color:{"#c62828" if f.is_error else "#9a6700"}">'
                 f'{"✖" if f.is_error else "⚠"} {f.message} {f.how_to_fix}</span>' for f in found]
        self.findings.setText("<br>".join(lines))

    # saving ------------------------------------------------------------------------------------

    def save(self) -> bool:
        """Record the line (or save the edited entry). Returns True when it was stored.

        The checks run now, not a moment later: an error (dated outside the 年度, amount ≤ 0, no
        費目, a 費目 the grant does not allow …) is shown in red and nothing is saved; warnings
        (対象外経費の可能性, no 領収書番号 …) are asked about once, and saving goes on when the user
        agrees. The service refuses the same errors again (cash_book.check_entry).
        """
        if self.is_transfer():
            return self._store_transfer()
        try:
            entry = self.entry()
        except ValidationError as error:
            self.findings.setText("")
            self._show_message(error.message, error=True)
            return False
        found = self.show_findings()
        refused = [f for f in found if f.is_error]
        if refused:
            self._render([f for f in found if f is not refused[0]])  # shown once, as the message
            self._show_message(refusal_text(refused[0]), error=True)
            return False
        if found and not self._confirm_warnings(found):
            self._show_message(_("Not saved. Correct the line, or press Enter again and choose "
                                 "to save."), error=True)
            return False
        return self._store(entry)

    def _confirm_warnings(self, found: list) -> bool:
        """Ask once whether to save despite the warnings listed; True to save."""
        lines = "\n".join(f"・{f.message}" for f in found)
        answer = QMessageBox.question(
            self, _("Save with warnings?"),
            _("This line has warnings:\n{lines}\n\nSave it as it is?").format(lines=lines),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        return answer == QMessageBox.StandardButton.Yes

    def _store_transfer(self) -> bool:
        """Record the line as a 振替 (one row, two sides; never income or expense)."""
        store, council, year = self.context.store, self.context.council_id, self.context.fiscal_year
        try:
            transfer = self.transfer()
            kind = transfers.transfer_kind(store, transfer)
            save_with_undo(self.context, _("{kind} of {amount} yen").format(
                kind=kind, amount=format_yen(transfer.amount)),
                lambda: transfers.record_transfer(store, council, year, transfer))
        except UserError as error:
            self._show_message(error.message, error=True)
            return False
        self._last_account = transfer.from_account_id
        self.start_new(keep_date=True)
        self._show_message(_("Saved: {date} {description} {amount} yen").format(
            date=format_date(transfer.transfer_date, "short"), description=kind,
            amount=format_yen(transfer.amount)), error=False)
        return True

    def _store(self, entry: CashBookEntryInput) -> bool:
        store, council, year = self.context.store, self.context.council_id, self.context.fiscal_year
        try:
            if self.editing is None:
                entry_id, _changes = save_with_undo(
                    self.context, entry_text(entry),
                    lambda: cash_book.record_entry(store, council, year, entry))
            else:
                entry_id = self.editing
                save_with_undo(self.context, _("Change of {entry}").format(
                    entry=entry_text(entry)),
                    lambda: cash_book.update_entry(store, entry_id, entry))
        except UserError as error:  # ValidationError, YearClosed (a closed year) …
            self._show_message(error.message, error=True)
            return False
        self._last_account = entry.account_id
        self.start_new(keep_date=True)
        self._show_message(_("Saved: {entry}").format(entry=entry_text(entry)), error=False)
        self.saved.emit(entry_id)
        return True

    def start_new(self, *_args, keep_date: bool = False) -> None:
        """Empty the line for a new entry (keeping date, fund and 収支 when ``keep_date``)."""
        self.editing, self._is_correction, self._grant_link = None, False, None
        self.save_button.setText(_("Record (Enter)"))
        if not keep_date:
            self.date_edit.clear()
        for edit in (self.description_edit, self.amount_edit, self.payee_edit, self.voucher_edit,
                     self.memo_edit):
            edit.clear()
        self.category_combo.setCurrentIndex(0)
        self.project_combo.setCurrentIndex(0)
        self.findings.setText("")
        self.message.setText("")
        self.date_edit.setFocus()
        self.date_edit.selectAll()

    def edit_entry(self, entry_id: int) -> None:
        """Load a stored entry into the line for changing it."""
        row = cash_book.get_entry(self.context.store, entry_id)
        self.editing = entry_id
        self._is_correction = row.correction_of_id is not None
        self._grant_link = (None if row.grant_id is None
                            else (row.grant_id, row.fund_code, row.direction))
        self.date_edit.setText(format_date(row.entry_date, "short"))
        self.fund_combo.setCurrentIndex(self.fund_combo.findData(row.fund_code))
        self.direction_combo.setCurrentIndex(self.direction_combo.findData(row.direction))
        self.category_combo.setCurrentIndex(self.category_combo.findData(row.category_code))
        self.account_combo.setCurrentIndex(max(self.account_combo.findData(row.account_id), 0))
        for edit, value in ((self.description_edit, row.description),
                            (self.payee_edit, row.payee), (self.voucher_edit, row.voucher_no),
                            (self.memo_edit, row.memo)):
            edit.setText(value)
        self.amount_edit.setText(format_yen(row.amount))
        self.project_combo.setCurrentIndex(max(self.project_combo.findData(row.project_id), 0))
        self.save_button.setText(_("Save the change (Enter)"))
        self.message.setText(_("Changing the entry of {date}.").format(
            date=format_date(row.entry_date)))
        self.show_findings()
        self.description_edit.setFocus()

    def _show_message(self, text: str, *, error: bool) -> None:
        self.message.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")
        self.message.setText(text)
        self._message_kind = "error" if error else "done"

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.KeyPress:
            action = {**dict.fromkeys(_ENTER, self.save), Qt.Key.Key_Escape: self.start_new}.get(
                event.key())
            if action is not None and not _popup_open(watched):
                action()
                return True
        return super().eventFilter(watched, event)


def entry_text(entry: CashBookEntryInput) -> str:
    """An entry as the user reads it in messages and 元に戻す: 「R8.6.1 電気代 500円」."""
    return _("{date} {description} {amount} yen").format(
        date=format_date(entry.entry_date, "short"),
        description=entry.description or _("(no description)"), amount=format_yen(entry.amount))


def _popup_open(watched: QObject) -> bool:
    """True while a completion list or a combo box list is open (Enter then picks from it)."""
    completer = watched.completer() if hasattr(watched, "completer") else None
    if completer is not None and completer.popup().isVisible():
        return True
    return isinstance(watched, QComboBox) and watched.view().isVisible()
