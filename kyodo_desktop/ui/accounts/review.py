"""The 点検 tab (every finding of the year: what is wrong and how to fix it) and the 履歴 tab (the
変更履歴 of the entry chosen in the 出納簿: when, what, before → after)."""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.formatting import format_date, format_yen
from kyodo_desktop.domain.labels import (
    DIRECTION_LABELS,
    EXPENSE_CATEGORY_LABELS,
    FUND_LABELS,
    INCOME_CATEGORY_LABELS,
)
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.accounting import cash_book, checks
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.shell.table_fit import ColumnFit

_ERROR = QBrush(QColor("#c62828"))
_WARNING = QBrush(QColor("#9a6700"))
ACTION_LABELS = {"insert": N_("Entered"), "update": N_("Changed"), "delete": N_("Deleted"),
                 "close": N_("Year closed"), "reopen": N_("Year reopened")}
#: Fields of an entry shown in the history, with their English label msgids.
FIELD_LABELS = {
    "entry_date": N_("Date"), "fund_code": N_("Fund"), "direction": N_("In/out"),
    "income_category_code": N_("Category"), "expense_category_code": N_("Category"),
    "description": N_("Description"), "amount": N_("Amount (yen)"), "payee": N_("Payee"),
    "voucher_no": N_("Receipt no."), "project_id": N_("Project"), "memo": N_("Memo"),
    "file_name": N_("File"), "organization": N_("Neighbourhood association"),
    "receipt_no": N_("Membership fee receipt no."),
}
#: What a change of a row belonging to the entry was: (table, action) → label msgid.
CHILD_ACTION_LABELS = {
    ("entry_attachments", "insert"): N_("Evidence file attached"),
    ("entry_attachments", "delete"): N_("Evidence file removed"),
    ("entry_attachments", "update"): N_("Evidence file changed"),
    ("dues_payments", "insert"): N_("Recorded as a membership fee payment"),
    ("dues_payments", "delete"): N_("Membership fee payment deleted"),
    ("dues_payments", "update"): N_("Membership fee payment changed"),
}


class ChecksTab(QWidget):
    """The findings of the year, errors first. Double-click a finding about an entry to open
    it: signal ``entry_chosen(int)``."""

    entry_chosen = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.findings: list = []
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.summary = QLabel(self, objectName="checksSummary", wordWrap=True)
        again = QPushButton(_("Check again"), self)
        again.clicked.connect(self.reload)
        bar.addWidget(self.summary, 1)
        bar.addWidget(again)
        layout.addLayout(bar)
        self.table = QTableWidget(0, 3, self, objectName="findingsTable")
        self.table.setHorizontalHeaderLabels([_("Kind"), _("What is wrong"), _("How to fix it")])
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the 種類 column keeps its width; the message and how to fix it share the rest and wrap
        self.column_fit = ColumnFit(self.table, free=(1, 2), wrap_rows=True)
        self.table.cellDoubleClicked.connect(self._open)
        layout.addWidget(self.table)

    def reload(self) -> None:
        """Run every check of the year and list the findings."""
        council = self.context.council_id
        self.findings = [] if council is None else checks.year_findings(
            self.context.store, council, self.context.fiscal_year)
        self.table.setRowCount(len(self.findings))
        for row, finding in enumerate(self.findings):
            kind = QTableWidgetItem(_("Error") if finding.is_error else _("Warning"))
            kind.setForeground(_ERROR if finding.is_error else _WARNING)
            self.table.setItem(row, 0, kind)
            self.table.setItem(row, 1, QTableWidgetItem(finding.message))
            self.table.setItem(row, 2, QTableWidgetItem(finding.how_to_fix))
        self.table.resizeRowsToContents()
        errors = sum(f.is_error for f in self.findings)
        self.summary.setText(
            _("No problems were found.") if not self.findings else
            _("{errors} errors and {warnings} warnings. Errors must be fixed before the year "
              "is closed; warnings never block.").format(errors=errors,
                                                         warnings=len(self.findings) - errors))

    def _open(self, row: int, _column: int) -> None:
        entry_id = self.findings[row].entry_id
        if entry_id is not None:
            self.entry_chosen.emit(entry_id)


class HistoryTab(QWidget):
    """The 変更履歴 of one 出納簿 entry, oldest first."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.entry_id: int | None = None
        layout = QVBoxLayout(self)
        self.title = QLabel(self, objectName="historyTitle")
        layout.addWidget(self.title)
        self.table = QTableWidget(0, 3, self, objectName="historyTable")
        self.table.setHorizontalHeaderLabels([_("When"), _("What"), _("Before → after")])
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # 日時 and 操作 (証拠書類を添付, 会費の納入として記録 …) as wide as their text; the
        # changes take the rest and wrap
        self.column_fit = ColumnFit(self.table, free=(2,), wrap_rows=True)
        layout.addWidget(self.table)
        self.show_entry(None)

    def show_entry(self, entry_id: int | None) -> None:
        """List the history of ``entry_id`` (None: ask the user to choose an entry)."""
        self.entry_id = entry_id
        rows = [] if entry_id is None else cash_book.entry_history(self.context.store, entry_id)
        self.title.setText(_("Choose an entry in the cash book to see its history.")
                           if entry_id is None else
                           _("History of entry no. {number}").format(number=entry_id))
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            values = [row["occurred_at"].replace("T", " "), action_label(row),
                      describe_change(row)]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(index, column, item)
        self.table.resizeRowsToContents()


def action_label(row: dict) -> str:
    """What a history row did, in Japanese: 入力 / 変更 / 削除 of the entry, 証拠書類を添付 …"""
    label = CHILD_ACTION_LABELS.get((row.get("table_name", ""), row["action"]))
    return _(label or ACTION_LABELS.get(row["action"], row["action"]))


def describe_change(row: dict) -> str:
    """「摘要: コピー用紙 → 印刷用紙」 lines for the fields that changed in a log row (all shown
    fields of an insert or delete)."""
    before, after = row["before"] or {}, row["after"] or {}
    lines = []
    for field, label in FIELD_LABELS.items():
        old, new = before.get(field), after.get(field)
        if old == new or (old is None and new in (None, "")) or (new is None and old in (None, "")):
            continue
        shown = [_value(field, v) for v in (old, new)]
        if not before:
            lines.append(f"{_(label)}: {shown[1]}")
        elif not after:
            lines.append(f"{_(label)}: {shown[0]}")
        else:
            lines.append(f"{_(label)}: {shown[0]} → {shown[1]}")
    return "\n".join(lines)


def _value(field: str, value) -> str:
    """A logged value as the user knows it: 和暦 dates, 円 amounts, Japanese names of codes."""
    if value is None:
        return ""
    if field == "entry_date":
        return format_date(date.fromisoformat(value), "short")
    if field == "amount":
        return format_yen(value)
    labels = {"fund_code": FUND_LABELS, "direction": DIRECTION_LABELS,
              "income_category_code": INCOME_CATEGORY_LABELS,
              "expense_category_code": EXPENSE_CATEGORY_LABELS}.get(field)
    if labels is not None:
        return labels.get(value, value)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
