"""The city table model: one row per council of a 年度 (:class:`~kyodo_desktop.services.city
.summary.CityRow`), formatted text for display and the plain figure under :data:`SORT_ROLE`, so
a QSortFilterProxyModel sorts numbers as numbers (a missing figure sorts first)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from kyodo_desktop.domain.formatting import format_number, format_percent, format_yen
from kyodo_desktop.i18n import _
from kyodo_desktop.services.city.columns import CityColumn, columns_for, pair_text
from kyodo_desktop.services.city.summary import CityRow

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_MISSING = "—"


def text_of(column: CityColumn, row: CityRow) -> str:
    """The shown text of ``column`` for ``row`` (a missing figure: 「—」)."""
    value = column.value(row)
    if column.kind == "text":
        return value or ""
    if column.kind == "rate":
        return format_percent(value)
    if column.kind == "pair":
        return pair_text(value)
    if value is None:
        return _MISSING
    return format_yen(value) if column.kind == "yen" else format_number(value)


def sort_value(column: CityColumn, row: CityRow):
    """The figure ``column`` sorts ``row`` by (a missing figure first; a pair by its first)."""
    value = column.value(row)
    if value is None:
        return float("-inf")
    return value[0] * 1000 + value[1] if column.kind == "pair" else value


class CityTableModel(QAbstractTableModel):
    """The rows of one 年度 (read-only) in the columns the city's preset chose
    (services/city/columns.py)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.columns: tuple[CityColumn, ...] = columns_for(None)
        self.rows: tuple[CityRow, ...] = ()
        self.texts: list[list[str]] = []

    def set_rows(self, rows: tuple[CityRow, ...],
                 columns: tuple[CityColumn, ...] | None = None) -> None:
        """Show ``rows`` (in ``columns`` when given) instead of the current ones; their texts
        are formatted once, here."""
        self.beginResetModel()
        self.columns = tuple(columns) if columns else self.columns
        self.rows = tuple(rows)
        self.texts = [[text_of(column, row) for column in self.columns] for row in self.rows]
        self.endResetModel()

    def column_of(self, key: str) -> int | None:
        """The number of the column ``key`` (None when the preset does not show it)."""
        return next((n for n, column in enumerate(self.columns) if column.key == key), None)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(self.columns[section].title)
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts[index.row()][index.column()]
        if role == SORT_ROLE:
            return sort_value(column, row)
        if role == ID_ROLE:
            return row.return_id
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind != "text":
            return _RIGHT
        return None
