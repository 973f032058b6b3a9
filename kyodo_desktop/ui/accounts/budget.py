"""The 予算 tab (budget lines per fund with 当初 and 補正, 予算の流用) and the 予算対比 tab
(予算額, 補正, 流用, 決算額, 差引, 執行率 per fund and 費目: the 収支決算書's numbers)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.accounting import EXPENSE, INCOME
from kyodo_desktop.domain.formatting import format_date, format_percent, format_yen
from kyodo_desktop.domain.labels import DIRECTION_LABELS, FUND_LABELS
from kyodo_desktop.domain.money import parse_yen
from kyodo_desktop.domain.wareki import parse_date
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.accounting import budget
from kyodo_desktop.services.accounting import common as reference
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.shell.errors import show_error
from kyodo_desktop.ui.shell.example_edit import ExampleLineEdit
from kyodo_desktop.ui.shell.flow_layout import FlowLayout
from kyodo_desktop.ui.shell.table_fit import ColumnFit

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_OVER = QBrush(QColor("#c62828"))
LINE_HEADERS = (N_("In/out"), N_("Category"), N_("Original budget"), N_("Revised budget"))
REPORT_HEADERS = (N_("Fund"), N_("In/out"), N_("Category"), N_("Original budget"),
                  N_("Revised budget"), N_("Transfer"), N_("Current budget"), N_("Actual"),
                  N_("Difference"), N_("Execution rate"))


def _item(text: str, *, right: bool = False, editable: bool = False, bold: bool = False,
          data=None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    item.setFlags(flags | Qt.ItemFlag.ItemIsEditable if editable else flags)
    if right:
        item.setTextAlignment(_RIGHT)
    if bold:
        font = QFont()
        font.setBold(True)
        item.setFont(font)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


class BudgetTab(QWidget):
    """Budget lines of one fund: type an amount in 当初 or 補正 and press Enter to save it.
    Below, the 予算の流用 form and the transfers of the year."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.fund_combo = QComboBox(self)
        self._fill_funds()
        self.fund_combo.currentIndexChanged.connect(lambda _i: self.reload())
        bar.addWidget(QLabel(_("Fund"), self))
        bar.addWidget(self.fund_combo)
        bar.addWidget(QLabel(_("Type an amount and press Enter to save it."), self), 1)
        layout.addLayout(bar)
        self.table = QTableWidget(0, len(LINE_HEADERS), self, objectName="budgetTable")
        self.table.setHorizontalHeaderLabels([_(h) for h in LINE_HEADERS])
        self.table.verticalHeader().hide()
        self.column_fit = ColumnFit(self.table, stretch=1)
        self.table.itemChanged.connect(self._amount_changed)
        layout.addWidget(self.table, 3)
        self.totals_label = QLabel(self, objectName="budgetTotals", wordWrap=True)
        layout.addWidget(self.totals_label)
        layout.addWidget(QLabel(_("Budget transfer between expense categories"), self))
        layout.addLayout(self._transfer_form())
        self.transfers = QTableWidget(0, 4, self, objectName="transferTable")
        self.transfers.setHorizontalHeaderLabels([_("Date"), _("From → to"), _("Amount (yen)"),
                                                  _("Reason")])
        self.transfers.verticalHeader().hide()
        self.transfer_fit = ColumnFit(self.transfers, free=(3,), drop=(3,))  # 理由 may be cut
        layout.addWidget(self.transfers, 1)
        self.reload()

    def _transfer_form(self) -> FlowLayout:
        """The 流用 row: one line at 標準, wrapping at large text so every example stays
        readable."""
        form = FlowLayout()
        self.from_combo, self.to_combo = QComboBox(self), QComboBox(self)
        for category in reference.expense_categories(self.context.store):
            for combo in (self.from_combo, self.to_combo):
                combo.addItem(category.name, category.code)
        self.transfer_amount = ExampleLineEdit(self, placeholderText=_("Amount (yen)"))
        # 和暦 like everywhere else (R8.4.1); 2026/4/1 and 4/1 are read too
        self.transfer_date = ExampleLineEdit(self, objectName="transferDate",
                                             placeholderText=_("e.g. R8.4.1 or 2026-04-01"))
        self.transfer_reason = QLineEdit(self, placeholderText=_("Reason"))
        button = QPushButton(_("Record the transfer"), self)
        button.clicked.connect(self.record_transfer)
        for widget, stretch in ((self.from_combo, 1), (QLabel("→", self), 0), (self.to_combo, 1),
                                (self.transfer_amount, 1), (self.transfer_date, 0),
                                (self.transfer_reason, 2), (button, 0)):
            form.add(widget, stretch)
        return form

    def _fill_funds(self) -> None:
        """The city's funds and the council's own, keeping the chosen one."""
        keep = self.fund_combo.currentData()
        self.fund_combo.blockSignals(True)
        self.fund_combo.clear()
        for code, name in reference.fund_names(self.context.store,
                                               self.context.council_id).items():
            self.fund_combo.addItem(name, code)
        self.fund_combo.setCurrentIndex(max(self.fund_combo.findData(keep), 0))
        self.fund_combo.blockSignals(False)

    def reload(self) -> None:
        """Show the lines of the chosen fund (every category, budgeted or not)."""
        self._fill_funds()
        store, council, year = self.context.store, self.context.council_id, self.context.fiscal_year
        fund = self.fund_combo.currentData()
        lines = {} if council is None else budget.fund_lines(store, council, year, fund)
        categories = [(INCOME, c) for c in reference.income_categories(store)] + [
            (EXPENSE, c) for c in reference.expense_categories(store)]
        self.table.blockSignals(True)
        self.table.setRowCount(len(categories))
        for row, (direction, category) in enumerate(categories):
            line = lines.get((direction, category.code), {})
            revised = line.get("revised_budget")
            indent = "　" if getattr(category, "parent_code", None) else ""
            self.table.setItem(row, 0, _item(DIRECTION_LABELS[direction]))
            self.table.setItem(row, 1, _item(indent + category.name, data=(direction,
                                                                           category.code)))
            self.table.setItem(row, 2, _item(format_yen(line["budget"]) if line else "",
                                             right=True, editable=True))
            self.table.setItem(row, 3, _item("" if revised is None else format_yen(revised),
                                             right=True, editable=True))
        self.table.blockSignals(False)
        self._show_totals(budget.fund_budget_totals(lines))
        self.transfer_date.setText(format_date(date(year, 4, 1), "short"))
        rows = [] if council is None else budget.list_transfers(store, council, year)
        names = reference.category_names(store)
        funds = reference.fund_names(store, council)
        self.transfers.setRowCount(len(rows))
        for index, t in enumerate(rows):
            values = [format_date(t["transferred_on"], "short"),
                      f"{funds.get(t['fund_code'], '')}: {names[t['from_category_code']]} → "
                      f"{names[t['to_category_code']]}", format_yen(t["amount"]), t["reason"]]
            for column, value in enumerate(values):
                self.transfers.setItem(index, column, _item(value, right=column == 2))

    def _show_totals(self, totals: budget.FundBudgetTotals) -> None:
        text = _("Income total {income} yen, expense total {expense} yen, difference "
                 "{difference} yen").format(income=format_yen(totals.income),
                                            expense=format_yen(totals.expense),
                                            difference=format_yen(totals.difference))
        if totals.difference:
            text += "\n" + _("The budget does not balance: make the income total and the "
                             "expense total equal (e.g. with a reserve line, 予備費).")
        self.totals_label.setText(text)
        self.totals_label.setStyleSheet("font-weight: bold;" + (
            " color: #c62828;" if totals.difference else ""))

    def _amount_changed(self, item: QTableWidgetItem) -> None:
        direction, code = self.table.item(item.row(), 1).data(Qt.ItemDataRole.UserRole)
        text = item.text().strip()
        context, fund = self.context, self.fund_combo.currentData()
        write = budget.set_budget_line if item.column() == 2 else budget.revise_budget_line
        try:
            amount = parse_yen(text) if text else (0 if item.column() == 2 else None)
            save_with_undo(context, _("Budget"), lambda: write(
                context.store, context.council_id, context.fiscal_year, fund, direction, code,
                amount))
        except UserError as error:
            show_error(error, self)
            self.reload()

    def record_transfer(self) -> bool:
        """Record the 予算の流用 of the form. Returns True when it was stored."""
        context = self.context
        try:
            values = (self.fund_combo.currentData(), self.from_combo.currentData(),
                      self.to_combo.currentData(), parse_yen(self.transfer_amount.text()),
                      parse_date(self.transfer_date.text(), fiscal_year=context.fiscal_year),
                      self.transfer_reason.text())
            save_with_undo(context, _("Budget transfer between expense categories"),
                           lambda: budget.transfer_budget(context.store, context.council_id,
                                                          context.fiscal_year, *values))
        except UserError as error:
            show_error(error, self)
            return False
        self.transfer_amount.clear()
        self.transfer_reason.clear()
        return True


class BudgetVsActualTab(QWidget):
    """The 予算対比 table with an export button (signal ``export_requested``)."""

    export_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.carried_label = QLabel(self, objectName="carriedLabel", wordWrap=True)
        export = QPushButton(_("Export to Excel…"), self)
        export.clicked.connect(self.export_requested.emit)
        bar.addWidget(self.carried_label, 1)
        bar.addWidget(export)
        layout.addLayout(bar)
        self.table = QTableWidget(0, len(REPORT_HEADERS), self, objectName="budgetVsActualTable")
        self.table.setHorizontalHeaderLabels([_(h) for h in REPORT_HEADERS])
        self.table.verticalHeader().hide()
        # at large text 当初予算額, 流用 and 会計区分 give way to 予算現額, 決算額, 差引
        self.column_fit = ColumnFit(self.table, drop=(3, 5, 0), stretch=2)
        layout.addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        """Recompute and show the 予算対比."""
        council = self.context.council_id
        if council is None:
            self.table.setRowCount(0)
            return
        report = budget.budget_vs_actual(self.context.store, council, self.context.fiscal_year)
        self.table.setRowCount(len(report.rows))
        funds = reference.fund_names(self.context.store, council)
        for index, row in enumerate(report.rows):
            bold = row.kind != "line"
            name = (_("Total") if row.kind == "total" else "　" * row.level + row.name)
            rate = row.execution_rate
            values = [funds.get(row.fund_code, ""), DIRECTION_LABELS[row.direction], name]
            values += [format_yen(v) for v in (row.budget, row.revised, row.transfer, row.current,
                                               row.actual, row.difference)]
            values.append(format_percent(rate))
            for column, value in enumerate(values):
                item = _item(value, right=column >= 3, bold=bold)
                if column == 9 and row.direction == EXPENSE and rate is not None and rate > 1:
                    item.setForeground(_OVER)
                self.table.setItem(index, column, item)
        self.carried_label.setText(_("Carried over to the next year: {funds}").format(
            funds="、".join(f"{funds.get(f, FUND_LABELS.get(f, f))} {format_yen(v)}円"
                           for f, v in report.carried_out.items())))
