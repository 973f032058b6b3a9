"""The 出納簿 entry panel: keyboard-first entry of one line, below the table.

Tab moves between fields, Enter saves and starts the next line with the same date (fund and 収支
kept), Esc leaves editing. Dates as 「R7.4.1」「4/1」 (in the chosen 年度); amounts with or without
commas; 摘要 and 支払先 complete from earlier entries. The checks' findings show while typing and
run again, synchronously, on Enter: an error (outside the 年度, amount ≤ 0, no 費目, a closed year …)
is never saved past; warnings are asked about once, then the line is saved.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from kyodo_desktop.domain.accounting import EXPENSE, INCOME, CashBookEntryInput, refusal_text
from kyodo_desktop.domain.formatting import format_date, format_yen
from kyodo_desktop.domain.money import parse_yen
from kyodo_desktop.domain.wareki import fiscal_year_start, parse_date
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import cash_book, checks
from kyodo_desktop.services.accounting import common as reference
from kyodo_desktop.services.plan import projects
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext

CHECK_DELAY_MS = 250
HISTORY_SIZE = 500
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
        self._build()
        self.reload()

    # building --------------------------------------------------------------------------------

    def _build(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 0)
        self.date_edit = self._line("", "dateEdit")
        self.fund_combo, self.direction_combo = QComboBox(self), QComboBox(self)
        self.category_combo = QComboBox(self)
        self.category_combo.setEditable(True)
        self.category_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.category_combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.category_combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.description_edit = self._line(_("What was bought or received"), "descriptionEdit")
        self.amount_edit = self._line(_("1,000"), "amountEdit")
        self.amount_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.payee_edit = self._line(_("Shop or person"), "payeeEdit")
        self.voucher_edit = self._line(_("No."), "voucherEdit")
        self.project_combo = QComboBox(self)
        self.memo_edit = self._line("", "memoEdit")
        self.save_button = QPushButton(_("Record (Enter)"), self)
        self.cancel_button = QPushButton(_("New line (Esc)"), self)
        self.message = QLabel(self, objectName="entryMessage", wordWrap=True)
        self.findings = QLabel(self, objectName="entryFindings", wordWrap=True)
        self.findings.setTextFormat(Qt.TextFormat.RichText)
        for direction, label in ((EXPENSE, _("Expense")), (INCOME, _("Income"))):
            self.direction_combo.addItem(label, direction)
        row = [(_("Date"), self.date_edit), (_("Fund"), self.fund_combo),
               (_("In/out"), self.direction_combo), (_("Category"), self.category_combo),
               (_("Description"), self.description_edit), (_("Amount (yen)"), self.amount_edit),
               (_("Payee"), self.payee_edit), (_("Receipt no."), self.voucher_edit),
               (_("Project"), self.project_combo), (_("Memo"), self.memo_edit)]
        # two lines of fields: 日付 会計 収支 費目 摘要 金額 / 支払先 領収書番号 事業 メモ
        places = [(0, 0, 1), (0, 1, 1), (0, 2, 1), (0, 3, 1), (0, 4, 2), (0, 6, 1),
                  (1, 0, 2), (1, 2, 1), (1, 3, 2), (1, 5, 2)]
        for (title, widget), (line, column, span) in zip(row, places, strict=True):
            grid.addWidget(QLabel(title, self), 2 * line, column, 1, span)
            grid.addWidget(widget, 2 * line + 1, column, 1, span)
        for column, stretch in enumerate((2, 2, 1, 3, 3, 3, 2)):
            grid.setColumnStretch(column, stretch)
        grid.addWidget(self.save_button, 1, 7)
        grid.addWidget(self.cancel_button, 3, 7)
        grid.addWidget(self.message, 4, 0, 1, 8)
        grid.addWidget(self.findings, 5, 0, 1, 8)
        order = [w for _t, w in row] + [self.save_button]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        for widget in [w for _t, w in row]:
            widget.installEventFilter(self)
            signal = getattr(widget, "textEdited", None) or widget.currentIndexChanged
            signal.connect(self._schedule_check)
        self.category_combo.lineEdit().installEventFilter(self)
        self.category_combo.editTextChanged.connect(self._schedule_check)
        self.direction_combo.currentIndexChanged.connect(self._fill_categories)
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
        for code, name in reference.fund_names(store).items():
            self.fund_combo.addItem(name, code)
        self.fund_combo.setCurrentIndex(max(self.fund_combo.findData(keep), 0))
        self._fill_categories()
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
            grant_id=self._kept_grant_id())

    def _kept_grant_id(self) -> int | None:
        if self.editing is None or self._grant_link is None:
            return None
        grant_id, fund, direction = self._grant_link
        same = (self.fund_combo.currentData(), self.direction_combo.currentData()) == (
            fund, direction)
        return grant_id if same else None

    # checks as the user types ----------------------------------------------------------------

    def _schedule_check(self, *_args) -> None:
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

    def _store(self, entry: CashBookEntryInput) -> bool:
        store, council, year = self.context.store, self.context.council_id, self.context.fiscal_year
        try:
            if self.editing is None:
                entry_id, _changes = save_with_undo(
                    self.context, _("Entry of {description}").format(
                        description=entry.description),
                    lambda: cash_book.record_entry(store, council, year, entry))
            else:
                entry_id = self.editing
                save_with_undo(self.context, _("Change of {description}").format(
                    description=entry.description),
                    lambda: cash_book.update_entry(store, entry_id, entry))
        except UserError as error:  # ValidationError, YearClosed (a closed year) …
            self._show_message(error.message, error=True)
            return False
        self.start_new(keep_date=True)
        self._show_message(_("Saved: {date} {description} {amount} yen").format(
            date=format_date(entry.entry_date, "short"), description=entry.description,
            amount=format_yen(entry.amount)), error=False)
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.KeyPress:
            action = {**dict.fromkeys(_ENTER, self.save), Qt.Key.Key_Escape: self.start_new}.get(
                event.key())
            if action is not None and not _popup_open(watched):
                action()
                return True
        return super().eventFilter(watched, event)


def _popup_open(watched: QObject) -> bool:
    """True while a completion list or a combo box list is open (Enter then picks from it)."""
    completer = watched.completer() if hasattr(watched, "completer") else None
    if completer is not None and completer.popup().isVisible():
        return True
    return isinstance(watched, QComboBox) and watched.view().isVisible()
