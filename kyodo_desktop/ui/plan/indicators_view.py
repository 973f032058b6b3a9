"""The 数値目標 tab: the plan's indicators with 現状値, 中間・最終の目標値, the latest 実績値 and the
進み具合 (progress against target), and below them the 目標値 / 実績値 of every 年度 of the
selected indicator. Cells are edited in place; edits are emitted for the page to save.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain import formatting, wareki
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.plan.common import format_figure
from kyodo_desktop.services.plan.indicators import Indicator
from kyodo_desktop.ui.shell.list_room import ListFirstSplitter
from kyodo_desktop.ui.shell.table_fit import ColumnFit

#: Columns of the upper table: (key, English header). Keys with an edit meaning are editable.
COLUMNS = (("name", N_("Indicator")), ("unit", N_("Unit")), ("baseline", N_("Baseline")),
           ("baseline_year", N_("Baseline year")), ("mid", N_("Mid-term target")),
           ("final", N_("Final target")), ("latest", N_("Latest actual")),
           ("progress", N_("Progress")))
COLUMN_KEYS = tuple(key for key, _header in COLUMNS)
EDITABLE = {"name", "unit", "baseline", "baseline_year", "mid", "final"}
ID_ROLE = Qt.ItemDataRole.UserRole


class IndicatorsView(QWidget):
    """Signals: ``field_edited(id, key, text)`` for name/unit/baseline/baseline_year,
    ``value_edited(id, 年度, "target"|"actual", text)``, ``add_requested()``,
    ``delete_requested(id)``."""

    field_edited = Signal(int, str, str)
    value_edited = Signal(int, int, str, str)
    add_requested = Signal()
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.milestones = (0, 0)
        self.years: list[int] = []
        self.indicators: list[Indicator] = []
        self._filling = False
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([_(h) for _k, h in COLUMNS])
        self.table.setWordWrap(True)
        # 指標 wraps onto two lines at most (the whole name is its tooltip); at large text
        # 現状値の年度, 単位 and 中間目標 give way
        self.column_fit = ColumnFit(self.table, free=(0,), drop=(3, 1, 4), wrap_rows=True,
                                    max_lines=2)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.years_table = QTableWidget(0, 2)
        self.years_table.setHorizontalHeaderLabels([_("Target value"), _("Actual value")])
        self.years_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.years_caption = QLabel()
        add = QPushButton(_("Add indicator"))
        self.delete_button = QPushButton(_("Delete indicator"))
        add.clicked.connect(self.add_requested)
        self.delete_button.clicked.connect(self._delete)
        buttons = QHBoxLayout()
        # short, so that the list keeps its rows at large text; what 達成度 means is the
        # tooltip of its header (and of this line)
        progress = _("Progress: how far the latest actual has come from the baseline to the "
                     "final target.")
        self.table.horizontalHeaderItem(COLUMN_KEYS.index("progress")).setToolTip(progress)
        hint = QLabel(_("Double-click a cell to edit it."))
        hint.setToolTip(progress)
        hint.setWordWrap(True)  # never widens the window
        buttons.addWidget(hint, 1)
        buttons.addWidget(add)
        buttons.addWidget(self.delete_button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.years_caption)
        lower_layout.addWidget(self.years_table)
        # the list keeps five rows at every text size; the values by 年度 give way (they scroll)
        split = ListFirstSplitter(self.table, lower)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        self.table.itemChanged.connect(self._table_edited)
        self.table.currentCellChanged.connect(lambda *_a: self._fill_years())
        self.years_table.itemChanged.connect(self._year_edited)

    def show_indicators(self, indicators: list[Indicator], years: list[int],
                        milestones: tuple[int, int]) -> None:
        """Show the indicators of a plan with ``years`` (its period) and (中間, 最終) 年度."""
        self.indicators, self.years, self.milestones = indicators, years, milestones
        mid, final = milestones
        self.table.horizontalHeaderItem(4).setText(
            _("Mid-term target") + f"\n{wareki.format_fiscal_year(mid, 'short')}")
        self.table.horizontalHeaderItem(5).setText(
            _("Final target") + f"\n{wareki.format_fiscal_year(final, 'short')}")
        row_before = max(0, self.table.currentRow())
        self._filling = True
        self.table.setRowCount(len(indicators))
        for row, ind in enumerate(indicators):
            latest = ind.latest
            cells = {
                "name": ind.name, "unit": ind.unit, "baseline": format_figure(ind.baseline),
                "baseline_year": wareki.format_fiscal_year(ind.baseline_year, "short")
                if ind.baseline_year else "",
                "mid": format_figure(ind.targets.get(mid)),
                "final": format_figure(ind.targets.get(final)),
                "latest": f"{format_figure(latest[1])}（{wareki.format_fiscal_year(latest[0], 'short')}）"
                if latest else "",
                "progress": formatting.format_percent(ind.progress, 0)}
            for column, (key, _h) in enumerate(COLUMNS):
                item = QTableWidgetItem(cells[key])
                item.setData(ID_ROLE, ind.id)
                if key == "name":
                    item.setToolTip(ind.name)  # two lines at most are shown
                if key not in EDITABLE:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if key not in ("name", "unit"):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if key == "progress" and ind.progress is not None:
                    good = ind.progress >= 1
                    item.setBackground(QBrush(QColor("#d8f0d2" if good else "#fff4d6")))
                self.table.setItem(row, column, item)
        self._filling = False
        self.delete_button.setEnabled(bool(indicators))
        if indicators:
            self.table.setCurrentCell(min(row_before, len(indicators) - 1), 0)
        self._fill_years()

    def current_id(self) -> int | None:
        row = self.table.currentRow()
        return self.indicators[row].id if 0 <= row < len(self.indicators) else None

    def _fill_years(self) -> None:
        row = self.table.currentRow()
        ind = self.indicators[row] if 0 <= row < len(self.indicators) else None
        self._filling = True
        self.years_table.setRowCount(len(self.years) if ind else 0)
        self.years_caption.setText(_("Targets and actuals by fiscal year: {name}").format(
            name=ind.name) if ind else "")
        for r, year in enumerate(self.years if ind else []):
            self.years_table.setVerticalHeaderItem(
                r, QTableWidgetItem(wareki.format_fiscal_year(year, "short")))
            target, actual = ind.values.get(year, (None, None))
            for c, value in enumerate((target, actual)):
                item = QTableWidgetItem(format_figure(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.years_table.setItem(r, c, item)
        self._filling = False

    def _table_edited(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        key = COLUMNS[item.column()][0]
        ind_id = item.data(ID_ROLE)
        if key in ("mid", "final"):
            year = self.milestones[0 if key == "mid" else 1]
            self.value_edited.emit(ind_id, year, "target", item.text())
        else:
            self.field_edited.emit(ind_id, key, item.text())

    def _year_edited(self, item: QTableWidgetItem) -> None:
        ind_id = self.current_id()
        if self._filling or ind_id is None:
            return
        self.value_edited.emit(ind_id, self.years[item.row()],
                               "target" if item.column() == 0 else "actual", item.text())

    def _delete(self) -> None:
        ind_id = self.current_id()
        if ind_id is not None:
            self.delete_requested.emit(ind_id)
