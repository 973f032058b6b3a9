"""The 出納簿 tab: filter bar, the lazy table with the totals of the filtered rows, the entry
panel, and the import / export / delete actions.

Double-click or Enter on a row loads it into the entry panel for changing; Delete removes it after
a question (undoable). The filter text is applied after a short pause in typing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.formatting import format_number, format_yen
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import accounts, cash_book
from kyodo_desktop.services.accounting import common as reference
from kyodo_desktop.services.plan import projects
from kyodo_desktop.ui.accounts.entry import EntryPanel
from kyodo_desktop.ui.accounts.evidence import EvidenceStrip
from kyodo_desktop.ui.accounts.message_room import MessageRoom
from kyodo_desktop.ui.accounts.models import CashBookModel
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.shell.errors import show_error
from kyodo_desktop.ui.shell.flow_layout import FlowLayout
from kyodo_desktop.ui.shell.table_fit import ColumnFit

FILTER_DELAY_MS = 200
MONTHS = (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3)


class CashBookTab(QWidget):
    """The 出納簿 of the context's council-year. Signal ``entry_selected(object)`` carries the id
    of the entry chosen in the table (None when none), for the 履歴 tab."""

    entry_selected = Signal(object)
    import_requested = Signal()
    export_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = CashBookModel(context.store, context.council_id, context.fiscal_year, self)
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filters)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)  # the 出納簿 list keeps the room at large text
        self.totals_label = QLabel(self, objectName="totalsLabel")
        self.filters = QWidget(self, objectName="cashBookFilters")
        self.filters.setLayout(self._filter_bar())
        layout.addWidget(self.filters)
        self.table = self._table()
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals_label)
        self.panel = EntryPanel(context, self)
        layout.addWidget(self.panel)
        # a message too long for the room beside the buttons gets a line of its own above the
        # entry fields; the filters and totals step aside while it shows
        self.message_room = MessageRoom(self.panel.message_area, self.panel.fields, layout,
                                        self.panel, [self.filters, self.totals_label])
        self.evidence = EvidenceStrip(context, self)
        layout.addWidget(self.evidence)
        self.panel.saved.connect(self._after_save)
        self.entry_selected.connect(self.evidence.set_entry)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.delete_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.table.activated.connect(lambda index: self.panel.edit_entry(
            self.model.entry_id(index.row())))
        self.reload_choices()
        self.show_totals()

    def _filter_bar(self) -> FlowLayout:
        bar = FlowLayout()
        self.fund_filter, self.category_filter = QComboBox(self), QComboBox(self)
        self.project_filter, self.month_filter = QComboBox(self), QComboBox(self)
        self.account_filter = QComboBox(self, objectName="accountFilter")
        self.text_filter = QLineEdit(self, objectName="textFilter")
        self.text_filter.setPlaceholderText(_("Search description, payee, receipt no."))
        self.text_filter.setClearButtonEnabled(True)
        for title, widget in ((_("Fund"), self.fund_filter), (_("Category"), self.category_filter),
                              (_("Project"), self.project_filter), (_("Month"), self.month_filter),
                              (_("Account"), self.account_filter),
                              (_("Search"), self.text_filter)):
            pair = QWidget(self)
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(QLabel(title, pair))
            row.addWidget(widget, 1)
            pair.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            bar.add(pair, 3 if widget is self.text_filter else 1)
            if isinstance(widget, QComboBox):
                widget.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                widget.setMinimumContentsLength(6)
                widget.currentIndexChanged.connect(self.apply_filters)
        self.text_filter.textChanged.connect(lambda _t: self._filter_timer.start())
        self.month_filter.addItem(_("All months"), None)
        for month in MONTHS:
            self.month_filter.addItem(_("Month {month}").format(month=month), month)
        buttons = ((_("Import…"), self.import_requested.emit),
                   (_("Export…"), self.export_requested.emit),
                   (_("Delete"), self.delete_selected))
        for text, slot in buttons:
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            bar.add(button, 0)
        return bar

    def _table(self) -> QTableView:
        table = QTableView(self, objectName="cashBookTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # 日付, 摘要, 収入, 支出, 残高 stay whole; 支払先 and 事業 may be cut short, and at large
        # text 事業, 証拠, 口座, 領収書番号, 支払先, 会計区分, 収支, 費目 give way (in this order)
        self.column_fit = ColumnFit(table, free=(8, 10), drop=(10, 12, 11, 9, 8, 1, 2, 3),
                                    stretch=4, wrap=(4,))  # a long 摘要 wraps last
        table.selectionModel().currentRowChanged.connect(
            lambda current, _old: self.entry_selected.emit(self.model.entry_id(current.row())))
        return table

    # choices, filters, totals ------------------------------------------------------------------

    def reload_choices(self) -> None:
        """Refill the filter choices (funds, 費目, 事業) keeping what was chosen."""
        store, council = self.context.store, self.context.council_id
        choices = {
            self.fund_filter: [(_("All funds"), None)] + [
                (name, code) for code, name in reference.fund_names(store, council).items()],
            self.category_filter: [(_("All categories"), None)] + [
                (c.name, c.code) for c in reference.income_categories(store)] + [
                (("　" if c.parent_code else "") + c.name, c.code)
                for c in reference.expense_categories(store)],
            self.project_filter: [(_("All projects"), None)] + ([] if council is None else [
                (name, project_id) for project_id, name in projects.project_names(
                    store, council, self.context.fiscal_year)]),
            self.account_filter: [(_("All accounts"), None)] + ([] if council is None else [
                (name, account_id) for account_id, name in accounts.account_names(
                    store, council).items()]),
        }
        for combo, items in choices.items():
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(combo.findData(keep), 0))
            combo.blockSignals(False)

    def apply_filters(self, *_args) -> None:
        """Show the rows matching the filter bar."""
        self._filter_timer.stop()
        self.model.set_filters(fund=self.fund_filter.currentData(),
                               category=self.category_filter.currentData(),
                               project_id=self.project_filter.currentData(),
                               month=self.month_filter.currentData(),
                               text=self.text_filter.text().strip(),
                               account_id=self.account_filter.currentData())
        self.show_totals()

    def show_totals(self) -> None:
        totals = self.model.totals
        self.totals_label.setText(_(
            "{count} entries shown — income {income} yen, expense {expense} yen, "
            "difference {net} yen").format(count=format_number(totals.count),
                                           income=format_yen(totals.income),
                                           expense=format_yen(totals.expense),
                                           net=format_yen(totals.net)))

    def reload(self) -> None:
        """Re-read everything (after a change, or another council or 年度)."""
        self.reload_choices()
        self.model.set_scope(self.context.council_id, self.context.fiscal_year)
        self.show_totals()
        self.panel.reload()
        self.evidence.reload()

    def _after_save(self, entry_id: int) -> None:
        self.evidence.set_entry(entry_id)  # the receipt of the line just recorded
        row = self.model.cached_row_of(entry_id)
        if row is not None:
            self.table.scrollTo(self.model.index(row, 0))

    # deleting ----------------------------------------------------------------------------------

    def selected_entry(self) -> int | None:
        """The id of the entry of the current row (None when no row is chosen)."""
        index = self.table.currentIndex()
        return self.model.entry_id(index.row()) if index.isValid() else None

    def delete_selected(self) -> bool:
        """Ask, then delete the chosen entry (undoable). Returns True when it was deleted."""
        entry_id = self.selected_entry()
        if entry_id is None:
            return False
        try:
            row = cash_book.get_entry(self.context.store, entry_id)
            answer = QMessageBox.question(
                self, _("Delete the entry"),
                _("Delete the entry of {description} ({amount} yen)?").format(
                    description=row.description, amount=format_yen(row.amount)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
            save_with_undo(self.context, _("Deletion of {description}").format(
                description=row.description),
                lambda: cash_book.delete_entry(self.context.store, entry_id))
        except UserError as error:
            show_error(error, self)
            return False
        return True
