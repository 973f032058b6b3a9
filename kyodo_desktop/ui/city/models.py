"""The city table model: one row per council of a 年度 (:class:`~kyodo_desktop.services.city
.summary.CityRow`), formatted text for display and the plain figure under :data:`SORT_ROLE`, so
a QSortFilterProxyModel sorts numbers as numbers (a missing figure sorts first)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from kyodo_desktop.domain.formatting import format_number, format_percent, format_yen
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.city.summary import CityRow

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_MISSING = "—"


def _yen(value: int | None) -> str:
    return _MISSING if value is None else format_yen(value)


def _count(value: int | None) -> str:
    return _MISSING if value is None else format_number(value)


#: (English header msgid, value of a row, text of the value) per column.
COLUMNS = (
    (N_("District"), lambda r: r.district, str),
    (N_("Decided grant"), lambda r: r.decided_amount, _yen),
    (N_("Eligible expenses"), lambda r: r.eligible, _yen),
    (N_("Refund"), lambda r: r.refund_amount, _yen),
    (N_("Execution rate"), lambda r: r.execution_rate, format_percent),
    (N_("Households"), lambda r: r.households, _count),
    (N_("Member households"), lambda r: r.member_households, _count),
    (N_("Membership rate"), lambda r: r.membership_rate, format_percent),
    (N_("Number of projects"), lambda r: r.projects, _count),
    (N_("Achievement rate"), lambda r: r.achievement_rate, format_percent),
    (N_("Review (errors / notes)"), lambda r: (r.findings_errors, r.findings_notes),
     lambda v: f"{v[0]} / {v[1]}"),
)


class CityTableModel(QAbstractTableModel):
    """The rows of one 年度 (read-only)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: tuple[CityRow, ...] = ()
        self.texts: list[list[str]] = []

    def set_rows(self, rows: tuple[CityRow, ...]) -> None:
        """Show ``rows`` instead of the current ones (their texts formatted once, here)."""
        self.beginResetModel()
        self.rows = tuple(rows)
        self.texts = [[text_of(value_of(row)) for _title, value_of, text_of in COLUMNS]
                      for row in self.rows]
        self.endResetModel()

    def column_texts(self, column: int) -> list[str]:
        """The header and every row's text of ``column`` (to size it)."""
        return [_(COLUMNS[column][0])] + [texts[column] for texts in self.texts]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section][0])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        _title, value_of, _text_of = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts[index.row()][index.column()]
        if role == SORT_ROLE:
            value = value_of(row)
            return float("-inf") if value is None else value if not isinstance(
                value, tuple) else value[0] * 1000 + value[1]
        if role == ID_ROLE:
            return row.return_id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return _RIGHT
        return None
