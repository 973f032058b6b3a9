"""The 市 page, shown when the open file is a city file: one sortable table of every council's
return for a 年度 (QTableView over :class:`~.models.CityTableModel`) and, one click away, the
selected council's detail, read-only (the city never edits a council's books)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.formatting import format_fiscal_year, format_number
from kyodo_desktop.i18n import _
from kyodo_desktop.services.city.city_file import (
    removed_returns,
    removed_text,
    return_years,
    stored_return,
)
from kyodo_desktop.services.city.columns import city_columns
from kyodo_desktop.services.city.detail import council_detail
from kyodo_desktop.services.city.summary import city_summary
from kyodo_desktop.ui.city.detail_view import detail_html
from kyodo_desktop.ui.city.models import ID_ROLE, SORT_ROLE, CityTableModel
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.shell.table_fit import ColumnFit

#: The page title's size against the page's text.
TITLE_SCALE = 1.4
#: The most withdrawn or replaced returns listed under the count.
REMOVED_SHOWN = 3


class CityPage(QWidget):
    """The city file's councils for the chosen 年度; selecting a row shows its detail."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        title = self.title = QLabel(_("Annual returns of the councils"), self)
        title.setObjectName("pageTitle")
        self._scale_title()
        self.year_combo = QComboBox(self)
        self.year_combo.setObjectName("cityYearCombo")
        self.count_label = QLabel(self)
        self.count_label.setWordWrap(True)
        self.withdraw_button = QPushButton(_("Withdraw the return…"), self)
        self.withdraw_button.setObjectName("cityWithdraw")
        self.withdraw_button.setToolTip(_("Take the selected council's return out of this "
                                          "table (it stays in the file, listed as withdrawn)."))
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.removed_label = QLabel(self)
        self.removed_label.setObjectName("cityRemoved")
        self.removed_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(QLabel(_("Year:"), self))
        top.addWidget(self.year_combo)
        layout.addLayout(top)
        counts = QHBoxLayout()
        counts.addWidget(self.count_label, 1)
        counts.addWidget(self.withdraw_button)
        layout.addLayout(counts)
        layout.addWidget(self.removed_label)
        self.model = CityTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = self._table()
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("cityDetail")
        self.detail.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.year_combo.currentIndexChanged.connect(lambda _i: self.show_year())
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.show_detail(current))
        self.context.changed.connect(lambda _changes: self.refresh())
        self.refresh()

    def _scale_title(self) -> None:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * TITLE_SCALE)
        font.setBold(True)
        self.title.setFont(font)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Follow a text-size change (設定): the title and the columns' widths."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "table"):
            self._scale_title()

    def _table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("cityTable")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the city file's order first
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        self.column_fit: ColumnFit | None = None
        return table

    def _fit_columns(self) -> None:
        """加入世帯数, 世帯数, 事業数 and 数値目標 (achieved / judged; 達成率 stays) give way at
        large text; the last column takes the room left (the columns are the city preset's)."""
        model = self.model
        drop = [n for key in ("member_households", "households", "projects", "indicators")
                if (n := model.column_of(key)) is not None]
        if self.column_fit is not None:
            self.column_fit.deleteLater()
            for column in range(model.columnCount()):
                self.table.setColumnHidden(column, False)  # the old fit's dropped columns
        self.column_fit = ColumnFit(self.table, drop=drop, stretch=len(model.columns) - 1)

    def refresh(self) -> None:
        """Re-read the years of the city file, keeping the chosen one when it is still there."""
        chosen = self.year_combo.currentData()
        years = return_years(self.context.store)
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in years:
            self.year_combo.addItem(f"{format_fiscal_year(year)} ({year})", year)
        index = self.year_combo.findData(chosen)
        self.year_combo.setCurrentIndex(index if index >= 0 else 0)
        self.year_combo.blockSignals(False)
        self.show_year()

    def show_year(self) -> None:
        """Show the table of the chosen 年度 (empty when the file has no returns yet)."""
        year = self.year_combo.currentData()
        rows = (city_summary(self.context.store, year).rows
                if year is not None else ())
        columns = city_columns(self.context.store)
        changed = columns != self.model.columns or self.column_fit is None
        self.model.set_rows(rows, columns)
        if changed:
            self._fit_columns()
        self.count_label.setText(
            _("{count} returns. Click a council to see its return.").format(count=len(rows))
            if year is not None else _("No annual return has been imported into this file yet "
                                       "(kyodo-desktop city import-return)."))
        self._show_removed(year)
        self.withdraw_button.setEnabled(bool(rows))
        self.detail.clear()
        if rows:
            self.table.selectRow(0)

    def _show_removed(self, year: int | None) -> None:
        """The 年度's withdrawn and replaced returns with their times, under the count (at most
        :data:`REMOVED_SHOWN`, then how many more)."""
        removed = removed_returns(self.context.store, year) if year is not None else []
        lines = [removed_text(stored) for stored in removed[:REMOVED_SHOWN]]
        if len(removed) > REMOVED_SHOWN:
            lines.append(_("… and {count} more.").format(
                count=format_number(len(removed) - REMOVED_SHOWN)))
        self.removed_label.setText(_("Withdrawn or replaced:") + "\n" + "\n".join(lines)
                                   if lines else "")
        self.removed_label.setVisible(bool(lines))

    def withdraw_selected(self) -> bool:
        """Withdraw the selected council's return after a confirmation naming it (one undo
        step); True when it was withdrawn."""
        from kyodo_desktop.ui.city.withdrawal import withdraw_chosen

        index = self.table.currentIndex()
        if not index.isValid():
            return False
        return_id = self.proxy.index(index.row(), 0).data(ID_ROLE)
        return withdraw_chosen(self.context, self, stored_return(self.context.store, return_id))

    def show_detail(self, index) -> None:
        """Show the detail of the council in the table row ``index`` (a proxy index)."""
        if not index.isValid():
            self.detail.clear()
            return
        return_id = self.proxy.index(index.row(), 0).data(ID_ROLE)
        self.detail.setHtml(detail_html(council_detail(self.context.store, return_id)))
