"""The 交付金 tab: each grant of the year with its lifecycle at a glance (申請 → 交付決定 → 概算払
→ 変更申請 → 変更承認 → 実績報告 → 精算, each step's date and amount), and one form to record
the next step: choose the grant and the step, type the date (and amount or number), press 記録.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.formatting import format_date, format_yen
from kyodo_desktop.domain.money import parse_yen
from kyodo_desktop.domain.wareki import parse_date
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.accounting import grants
from kyodo_desktop.services.council import presets
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.shell.errors import show_error
from kyodo_desktop.ui.shell.example_edit import ExampleLineEdit
from kyodo_desktop.ui.shell.flow_layout import FlowLayout
from kyodo_desktop.ui.shell.table_fit import ColumnFit

_CURRENT = QBrush(QColor("#fff3c4"))
#: step code → (English label msgid, needs an amount)
ACTIONS = {
    "applied": (N_("Application"), True),
    "decided": (N_("Grant decision"), True),
    "paid": (N_("Advance payment received"), True),
    "change_requested": (N_("Change request"), True),
    "change_approved": (N_("Change approved"), False),
    "reported": (N_("Performance report"), False),
    "settled": (N_("Settlement"), False),
    "refunded": (N_("Refund paid back (booked in the cash book)"), False),
}


class GrantsTab(QWidget):
    """The grants of the context's council-year and the step form."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.states: list[grants.GrantState] = []
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 1 + len(grants.STEPS), self, objectName="grantTable")
        self.table.setHorizontalHeaderLabels([_("Programme")] + [_(label)
                                                                 for _c, label in grants.STEPS])
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._size_rows()  # again after every change of the text size (eventFilter)
        self.table.installEventFilter(self)
        self.column_fit = ColumnFit(self.table, free=(0,))  # the programme's name wraps
        layout.addWidget(self.table, 1)
        self.summary = QLabel(self, wordWrap=True, objectName="grantSummary")
        layout.addWidget(self.summary)
        layout.addLayout(self._form())
        self.reload()

    def _size_rows(self) -> None:
        """Rows two lines high (a step's date and amount) at the text size in use."""
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(self.table.fontMetrics().lineSpacing() * 2 + 12)
        for row in range(self.table.rowCount()):  # rows there already keep their old height
            rows.resizeSection(row, rows.defaultSectionSize())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        """A new text size (設定): the rows follow it (they were cut after a change)."""
        if watched is self.table and event.type() == QEvent.Type.FontChange:
            self._size_rows()
        return super().eventFilter(watched, event)

    def _form(self) -> FlowLayout:
        """The row that records a step: one line at 標準, wrapping at large text so every
        example stays readable."""
        form = FlowLayout()
        self.program_combo, self.step_combo = QComboBox(self), QComboBox(self)
        for code, (label, _needs) in ACTIONS.items():
            self.step_combo.addItem(_(label), code)
        example = f"R{self.context.fiscal_year - 2018}.4.15"  # a day of the 年度 shown
        self.date_edit = ExampleLineEdit(self, placeholderText=_("Date, e.g. {example}").format(
            example=example))
        self.amount_edit = ExampleLineEdit(self, placeholderText=_("Amount (yen)"))
        self.number_edit = ExampleLineEdit(self, placeholderText=_("Notice number"))
        button = QPushButton(_("Record"), self)
        button.clicked.connect(self.record_step)
        self.step_combo.currentIndexChanged.connect(self._step_chosen)
        for widget, stretch in ((QLabel(_("Grant"), self), 0), (self.program_combo, 2),
                                (self.step_combo, 2), (self.date_edit, 1),
                                (self.amount_edit, 1), (self.number_edit, 1), (button, 0)):
            form.add(widget, stretch)
        self.date_edit.returnPressed.connect(self.record_step)
        self.amount_edit.returnPressed.connect(self.record_step)
        self._step_chosen()
        return form

    def _step_chosen(self, *_args) -> None:
        code = self.step_combo.currentData()
        self.amount_edit.setEnabled(ACTIONS[code][1])
        self.number_edit.setEnabled(code == "decided")

    def reload(self) -> None:
        """Show the grants of the year and the programmes one can apply for."""
        store, council, year = self.context.store, self.context.council_id, self.context.fiscal_year
        self.states = [] if council is None else grants.list_grants(store, council, year)
        self.table.setRowCount(len(self.states))
        for row, state in enumerate(self.states):
            self.table.setItem(row, 0, QTableWidgetItem(state.program_name))
            for column, step in enumerate(state.steps, start=1):
                text = (f"✔ {format_date(step.on, 'short')}" if step.done else "—")
                if step.done and step.amount is not None:
                    text += f"\n{format_yen(step.amount)}円"
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if step.code == state.current:
                    item.setBackground(_CURRENT)
                self.table.setItem(row, column, item)
        self.summary.setText("\n".join(self._summary(s) for s in self.states)
                             or _("No grant has been applied for in this fiscal year yet."))
        keep = self.program_combo.currentData()
        self.program_combo.clear()
        if council is not None:
            for _fund, (_program_id, rules) in presets.program_rules(store, council).items():
                self.program_combo.addItem(rules.name, rules.code)
        self.program_combo.setCurrentIndex(max(self.program_combo.findData(keep), 0))

    def _summary(self, state: grants.GrantState) -> str:
        text = _("{program}: amount in force {amount} yen, received {received} yen").format(
            program=state.program_name, amount=format_yen(state.amount_in_force or 0),
            received=format_yen(state.received))
        if state.refund is not None:
            text += _(", refund {refund} yen").format(refund=format_yen(state.refund))
        return text

    def _grant_id(self, program_code: str) -> int:
        for state in self.states:
            if state.program_code == program_code:
                return state.grant_id
        raise UserError(_("Record the application of this grant first."))

    def record_step(self) -> bool:
        """Record the chosen step with the typed date (and amount). True when stored."""
        store, program = self.context.store, self.program_combo.currentData()
        code = self.step_combo.currentData()
        try:
            on = parse_date(self.date_edit.text(), fiscal_year=self.context.fiscal_year)
            amount = parse_yen(self.amount_edit.text()) if ACTIONS[code][1] else None
            save_with_undo(self.context, _(ACTIONS[code][0]),
                           lambda: self._apply(store, program, code, on, amount))
        except (UserError, ValidationError) as error:
            show_error(error, self)
            return False
        self.date_edit.clear()
        self.amount_edit.clear()
        self.number_edit.clear()
        return True

    def _apply(self, store, program: str, code: str, on, amount):
        if code == "applied":
            return grants.apply_grant(store, self.context.council_id, self.context.fiscal_year,
                                      program, amount, on)[1]
        grant_id = self._grant_id(program)
        if code == "decided":
            return grants.decide_grant(store, grant_id, amount, on, self.number_edit.text())
        if code == "paid":
            return grants.record_payment(store, grant_id, amount, on)[1]
        if code == "change_requested":
            return grants.request_change(store, grant_id, amount, on)
        if code == "change_approved":
            return grants.approve_change(store, grant_id, on)
        if code == "reported":
            return grants.report_grant(store, grant_id, on)
        if code == "refunded":
            return grants.pay_refund(store, grant_id, on)
        return grants.settle_grant(store, grant_id, on)[1]
