"""The 年次計画 grid: actions × 年度 of the plan period, each cell 検討, 準備, 実施, 継続 (→),
見直し・実施, 完了 or empty.

Edited in place: double-click (or F2) opens a list of statuses; typing 1–6 sets the n-th status
directly, Delete/Backspace clears the selected cells, and the same key on several selected cells
sets them all at once. Every edit goes through :attr:`ScheduleView.cells_edited` so the page can
write it with an undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from kyodo_desktop.domain import labels, wareki
from kyodo_desktop.i18n import _
from kyodo_desktop.services.plan.schedule import STATUSES, ScheduleGrid
from kyodo_desktop.ui.shell.table_fit import ColumnFit

#: Cell colours by status (light, printable-looking).
COLOURS = {"study": "#fff4d6", "prepare": "#ffe8c2", "implement": "#d8f0d2",
           "continue": "#e8f5e4", "revise": "#fde0dc", "complete": "#dde6f5"}
CODE_ROLE = Qt.ItemDataRole.UserRole


def cell_text(status: str | None) -> str:
    """How a cell reads on screen: 「→」 for 継続, the label otherwise."""
    if status == "continue":
        return "→"
    return labels.label_of(labels.SCHEDULE_STATUS_LABELS, status)


class ScheduleModel(QAbstractTableModel):
    """Rows: actions (header 整理番号 + title); columns: 年度. Data role UserRole is the code."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.grid = ScheduleGrid([], [])

    def set_grid(self, grid: ScheduleGrid) -> None:
        self.beginResetModel()
        self.grid = grid
        self.endResetModel()

    def rowCount(self, parent=None) -> int:  # noqa: N802 (Qt API)
        return 0 if parent is not None and parent.isValid() else len(self.grid.rows)

    def columnCount(self, parent=None) -> int:  # noqa: N802 (Qt API)
        return 0 if parent is not None and parent.isValid() else len(self.grid.years)

    def status(self, index: QModelIndex) -> str | None:
        row = self.grid.rows[index.row()]
        return row.cells.get(self.grid.years[index.column()])

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        status = self.status(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(status)
        if role == Qt.ItemDataRole.ToolTipRole and status:
            return labels.SCHEDULE_STATUS_LABELS[status]
        if role == Qt.ItemDataRole.BackgroundRole and status:
            return QBrush(QColor(COLOURS[status]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == CODE_ROLE:
            return status
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return wareki.format_fiscal_year(self.grid.years[section], "short")
        row = self.grid.rows[section]
        return f"{row.code}  {row.title}"

    def flags(self, index: QModelIndex):
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def address(self, index: QModelIndex) -> tuple[int, int]:
        """(action_id, 年度) of a cell."""
        return self.grid.rows[index.row()].action_id, self.grid.years[index.column()]


class StatusDelegate(QStyledItemDelegate):
    """A drop-down list of the statuses (and 「（空欄）」) as the cell editor."""

    def __init__(self, view: ScheduleView) -> None:
        super().__init__(view)
        self.view = view

    def createEditor(self, parent, option, index):  # noqa: N802 (Qt API)
        combo = QComboBox(parent)
        combo.addItem(_("(empty)"), None)
        for number, code in enumerate(STATUSES, start=1):
            combo.addItem(f"{number}  {labels.SCHEDULE_STATUS_LABELS[code]}", code)
        return combo

    def setEditorData(self, editor, index) -> None:  # noqa: N802 (Qt API)
        editor.setCurrentIndex(max(0, editor.findData(index.data(CODE_ROLE))))

    def setModelData(self, editor, model, index) -> None:  # noqa: N802 (Qt API)
        status = editor.currentData()
        if status != index.data(CODE_ROLE):
            self.view.cells_edited.emit([(*model.address(index), status)])


#: More 年度 than any plan has (a plan runs 5 to 10 years).
MAX_YEARS = 30


class ScheduleView(QTableView):
    """The grid. ``cells_edited([(action_id, 年度, status or None), …])`` asks for a write."""

    cells_edited = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.schedule_model = ScheduleModel(self)
        self.setModel(self.schedule_model)
        self.setItemDelegate(StatusDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # the 年度 share the width; at large text 「見直し・実施」 wraps onto two lines
        self.setWordWrap(True)
        self.column_fit = ColumnFit(self, free=range(MAX_YEARS), wrap_rows=True)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft
                                                  | Qt.AlignmentFlag.AlignVCenter)
        self.setToolTip(_("Double-click a cell to choose, or type 1 to 6; Delete clears."))

    def set_grid(self, grid: ScheduleGrid) -> None:
        """Show ``grid``, keeping the current cell where possible."""
        current = self.currentIndex()
        self.schedule_model.set_grid(grid)
        if current.isValid() and current.row() < self.schedule_model.rowCount():
            self.setCurrentIndex(self.schedule_model.index(current.row(), current.column()))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override: 1–6 and Delete
        key = event.key()
        status: str | None | bool = False
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_6:
            status = STATUSES[key - Qt.Key.Key_1]
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            status = None
        if status is False or self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        cells = [(*self.schedule_model.address(i), status)
                 for i in sorted(self.selectedIndexes(), key=lambda i: (i.row(), i.column()))
                 if i.data(CODE_ROLE) != status]
        if cells:
            self.cells_edited.emit(cells)
