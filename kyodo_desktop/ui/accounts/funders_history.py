"""The 変更履歴 of the council's own funds and programmes, opened from the 会計区分・助成 tab
(「変更履歴…」): one row per logged change, oldest first — when, what was done, and the values
(:func:`kyodo_desktop.services.accounting.funders_history.fund_changes`). Read only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting.funders_history import FundChange
from kyodo_desktop.ui.shell.dialog_fit import fit_dialog
from kyodo_desktop.ui.shell.table_fit import ColumnFit

#: Width and height of the dialog, in full-width characters of the text size in use.
HISTORY_SIZE = (51, 29)


class FundHistoryDialog(QDialog):
    """The changes ``changes`` in a table (日時, 操作, 内容) with one 閉じる button."""

    def __init__(self, changes: list[FundChange], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Change history of the council's own funds and programmes"))
        layout = QVBoxLayout(self)
        if not changes:
            layout.addWidget(QLabel(_("No change has been recorded yet."), self))
        self.table = QTableWidget(len(changes), 3, self, objectName="fundHistoryTable")
        self.table.setHorizontalHeaderLabels([_("When"), _("What"), _("Before → after")])
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        for row, change in enumerate(changes):
            for column, value in enumerate((change.occurred_at, change.what, change.details)):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
        self.column_fit = ColumnFit(self.table, free=(2,), wrap_rows=True)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_dialog(self, *HISTORY_SIZE)

    def rows(self) -> list[tuple[str, str, str]]:
        """The table's cells (for tests and screenshots)."""
        return [tuple(self.table.item(row, column).text() for column in range(3))
                for row in range(self.table.rowCount())]
