"""Table models of the roster screens: rows of dicts shown through :class:`Column` specs, sortable
by a proxy that sorts names by their ふりがな (五十音順), numbers as numbers, empty cells last."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

from kyodo_desktop.domain import text
from kyodo_desktop.ui.shell.table_fit import ColumnFit

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column:
    """A column: English ``title`` msgid (translated by the caller), ``show(row) -> str``,
    ``sort(row)`` (default: the shown text), ``numeric`` right-aligns, ``stretch`` takes the
    spare width, ``free`` (free text: 備考, 役職の一覧) may be cut short when the text is large,
    ``droppable`` hidden (right to left) when even that does not fit; the other columns always
    show their whole text."""

    title: str
    show: Callable[[dict], str]
    sort: Callable[[dict], object] | None = None
    numeric: bool = False
    stretch: bool = False
    free: bool = False
    droppable: bool = False


def kana_key(name_key: str = "name", kana_key_name: str = "name_kana") -> Callable[[dict], object]:
    """A sort function ordering rows by ふりがな (五十音順) of ``name_key`` / ``kana_key_name``."""
    return lambda row: text.name_sort_key(row.get(name_key) or "", row.get(kana_key_name) or "")


class RowsModel(QAbstractTableModel):
    """Rows (dicts with an ``id``) shown through columns; read-only."""

    def __init__(self, columns: list[Column], titles: list[str], parent=None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.titles = titles
        self.rows: list[dict] = []

    def set_rows(self, rows: list[dict]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=None) -> int:  # Qt override
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent=None) -> int:  # Qt override
        return 0 if parent is not None and parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # Qt override
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.show(row)
        if role == SORT_ROLE:
            value = column.sort(row) if column.sort else column.show(row)
            return (value is None or value == "", value if value is not None else 0)
        if role == ID_ROLE:
            return row.get("id")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.numeric else _LEFT
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None


class SortProxy(QSortFilterProxyModel):
    """Sorts by :data:`SORT_ROLE` values (python comparison: kana keys, ints, dates)."""

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:  # Qt override
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)


def setup_table(view: QTableView, columns: list[Column], titles: list[str]) -> RowsModel:
    """Give ``view`` a RowsModel behind a SortProxy, sorted by the first column; return the
    model. Rows are selected whole, one at a time."""
    model = RowsModel(columns, titles, view)
    proxy = SortProxy(view)
    proxy.setSourceModel(model)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    free = [index for index, column in enumerate(columns) if column.free]
    stretch = next((index for index, column in enumerate(columns) if column.stretch), None)
    drop = [index for index, column in enumerate(columns) if column.droppable][::-1]
    # the key column (団体名, 氏名) wraps onto two lines when even after dropping it cannot fit
    view.column_fit = ColumnFit(view, free=free, drop=drop, stretch=stretch,
                                wrap=[] if stretch is None else [stretch])
    return model


def selected_id(view: QTableView) -> int | None:
    """The ``id`` of the selected row (None when nothing is selected)."""
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].data(ID_ROLE) if rows else None


def select_id(view: QTableView, row_id: int | None) -> bool:
    """Select (and scroll to) the row with ``row_id``; False when it is not shown."""
    model = view.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(ID_ROLE) == row_id:
            view.selectRow(row)
            view.scrollTo(index)
            return True
    return False
