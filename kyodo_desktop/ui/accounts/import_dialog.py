"""The 出納簿 import dialog: choose a file, see every row as it would be imported (row numbers as
the spreadsheet shows them, errors and notes), match unknown 費目 names, then confirm.

Nothing is written until 取り込む is pressed; rows with errors block the import unless the user
ticks 「問題のある行を除いて取り込む」. The entries are written under a progress dialog whose
キャンセル leaves nothing imported (one transaction). The file's 前年度繰越 is taken or checked as in the CLI
(:func:`kyodo_desktop.io.cash_book_kinds.import_with_opening`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.formatting import format_date, format_number, format_yen
from kyodo_desktop.domain.labels import DIRECTION_LABELS
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.io.cash_book_import import ImportPreview
from kyodo_desktop.io.cash_book_kinds import (
    check_duplicate,
    import_with_opening,
    preview_for_fund,
)
from kyodo_desktop.io.sheet_limits import ImportCancelled
from kyodo_desktop.services.accounting import common as reference
from kyodo_desktop.services.accounting import funders
from kyodo_desktop.services.accounting.opening_balance import take_import_opening
from kyodo_desktop.ui.accounts.worker import confirm_duplicate, run_with_progress
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.shell.dialog_fit import fit_dialog, titled_box
from kyodo_desktop.ui.shell.errors import show_error
from kyodo_desktop.ui.shell.table_fit import ColumnFit

HEADERS = (N_("Row"), N_("Status"), N_("Date"), N_("Category"), N_("Description"), N_("Amount"),
           N_("Errors and notes"))
_ERROR = QBrush(QColor("#fde7e7"))
_SKIPPED = QBrush(QColor("#eeeeee"))


#: Rows of a large file shown in the table (a 100,000-row book is previewed, not listed).
MAX_SHOWN_ROWS = 2_000


def _shown_rows(preview: ImportPreview) -> list:
    """The rows to list, in file order: every row with an error, and the first
    :data:`MAX_SHOWN_ROWS` of the others (good and skipped)."""
    others = sorted([*(r for r in preview.rows if r.ok), *preview.skipped],
                    key=lambda row: row.row_number)[:MAX_SHOWN_ROWS]
    return sorted([*preview.bad_rows, *others], key=lambda row: row.row_number)

#: Width and height of the dialog, in full-width characters of the text size in use.
IMPORT_SIZE = (63, 40)


class ImportDialog(QDialog):
    """Import a 出納簿 file into the context's council-year. ``preview`` is the last preview;
    ``outcome_message`` says what happened to the 前年度繰越 after a successful import."""

    def __init__(self, context: AppContext, fund_code: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.path: Path | None = None
        self.preview: ImportPreview | None = None
        self.outcome_message = ""
        self.mapping: dict[str, str] = {}
        self.setWindowTitle(_("Import a cash book"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.file_label = QLabel(_("No file chosen yet."), self)
        choose = QPushButton(_("Choose a file…"), self)
        choose.clicked.connect(self.choose_file)
        self.fund_combo = QComboBox(self)
        for code, name in reference.fund_names(context.store, context.council_id).items():
            self.fund_combo.addItem(name, code)
        self.fund_combo.setCurrentIndex(max(self.fund_combo.findData(fund_code or "own_funds"), 0))
        self.fund_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        # the file's name (its folder in the tooltip) and the fund on lines of their own: a long
        # name or path never makes the dialog wider than the screen at とても大きい
        self.file_label.setWordWrap(True)
        top.addWidget(choose)
        top.addWidget(self.file_label, 1)
        layout.addLayout(top)
        fund_row = QHBoxLayout()
        fund_row.addWidget(QLabel(_("Fund of rows without one:"), self))
        fund_row.addWidget(self.fund_combo)
        fund_row.addStretch(1)
        layout.addLayout(fund_row)
        self.summary = QLabel(self, wordWrap=True, objectName="importSummary")
        layout.addWidget(self.summary)
        self.mapping_box = titled_box(_("Categories to match"), self)
        self.mapping_form = QFormLayout(self.mapping_box)
        self.mapping_box.hide()
        layout.addWidget(self.mapping_box)
        self.table = QTableWidget(0, len(HEADERS), self, objectName="previewTable")
        self.table.setHorizontalHeaderLabels([_(h) for h in HEADERS])
        self.table.verticalHeader().hide()
        # 行 … 費目 and 金額 whole at every text size; 摘要 and エラー・注意 share the rest and wrap
        self.column_fit = ColumnFit(self.table, free=(4, 6), wrap_rows=True)
        layout.addWidget(self.table, 1)
        self.skip_bad = QCheckBox(_("Import without the rows that have errors"), self)
        self.skip_bad.toggled.connect(lambda _on: self._update_button())
        layout.addWidget(self.skip_bad)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(_("Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update_button()
        fit_dialog(self, *IMPORT_SIZE)

    # preview -----------------------------------------------------------------------------------

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Choose a cash book"), "", _("Excel or CSV (*.xlsx *.xlsm *.csv)"))
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> None:
        """Preview ``path`` (read in the background) and show it."""
        self.path, self.mapping = path, {}
        self.file_label.setText(path.name)
        self.file_label.setToolTip(str(path))
        self.refresh()

    def refresh(self) -> None:
        """Preview the chosen file again with the chosen fund and 費目 matches."""
        if self.path is None:
            return
        path, year, fund = self.path, self.context.fiscal_year, self.fund_combo.currentData()
        mapping = dict(self.mapping)
        own = funders.own_fund_codes(self.context.store, self.context.council_id)
        try:
            self.preview = run_with_progress(
                self, _("Reading the file…"), lambda progress: preview_for_fund(
                    path, year, fund, category_map=mapping, progress=progress, own_funds=own))
        except UserError as error:
            self.preview = None
            self.summary.setText(error.message)
            self.table.setRowCount(0)
            self._update_button()
            return
        self._show_preview()

    def _show_preview(self) -> None:
        preview = self.preview
        income, expense = preview.totals()
        lines = [_("Rows to import: {count} (income {income} yen, expense {expense} yen)").format(
            count=len(preview.entries), income=format_yen(income), expense=format_yen(expense))]
        if preview.bad_rows:
            lines.append(_("Rows with errors: {count}").format(count=len(preview.bad_rows)))
        lines += [take_import_opening(self.context.store, self.context.council_id,
                                      self.context.fiscal_year, fund, amount,
                                      dry_run=True).message
                  for fund, (amount, _row) in preview.openings.items()]
        self.summary.setText("\n".join(lines))
        self._show_mapping(preview.unknown_categories)
        rows = _shown_rows(preview)
        if len(preview.rows) + len(preview.skipped) > len(rows):
            lines.append(_("The table shows the first {shown} rows and every row with an error; "
                           "all {count} rows are imported.").format(
                shown=format_number(MAX_SHOWN_ROWS), count=format_number(len(preview.entries))))
            self.summary.setText("\n".join(lines))
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            self._fill_row(index, row)
        self._update_button()

    def _fill_row(self, index: int, row) -> None:
        entry = getattr(row, "entry", None)
        if hasattr(row, "reason"):
            status, notes, brush = _("Skipped"), row.reason, _SKIPPED
        elif row.ok:
            status, notes, brush = _("OK"), "　".join(row.warnings), None
        else:
            status, notes, brush = _("Error"), "　".join(row.errors), _ERROR
        values = [str(row.row_number), status, "", "", " ".join(c for c in row.cells[:3] if c), "",
                  notes]
        if entry is not None:
            values[2:6] = [format_date(entry.entry_date, "short"), self._category_name(entry),
                           entry.description, format_yen(entry.amount)]
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if brush is not None:
                item.setBackground(brush)
            self.table.setItem(index, column, item)

    def _category_name(self, entry) -> str:
        names = reference.category_names(self.context.store)
        return f"{DIRECTION_LABELS[entry.direction]}・{names.get(entry.category_code, '')}"

    def _show_mapping(self, unknown: list[str]) -> None:
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        pending = [name for name in unknown if name not in self.mapping]
        self.mapping_box.setVisible(bool(pending))
        store = self.context.store
        for name in pending:
            combo = QComboBox(self.mapping_box)
            combo.addItem(_("(choose)"), None)
            for category in reference.expense_categories(store):
                combo.addItem(_("Expense: {name}").format(name=category.name), category.code)
            for category in reference.income_categories(store):
                combo.addItem(_("Income: {name}").format(name=category.name), category.code)
            combo.currentIndexChanged.connect(
                lambda _i, name=name, combo=combo: self.map_category(name, combo.currentData()))
            self.mapping_form.addRow(name, combo)

    def map_category(self, name: str, code: str | None) -> None:
        """Read the file's 費目 ``name`` as the app's category ``code`` and preview again."""
        if code:
            self.mapping[name] = code
            self.refresh()

    # confirming --------------------------------------------------------------------------------

    def _update_button(self) -> None:
        preview = self.preview
        ready = bool(preview and preview.entries) and (
            not preview.bad_rows or self.skip_bad.isChecked())
        self.import_button.setEnabled(ready)

    def confirm(self) -> bool:
        """Write the previewed rows (and the 前年度繰越); close on success."""
        if self.preview is None:
            return False
        context = self.context
        preview, skip_bad = self.preview, self.skip_bad.isChecked()
        if not confirm_duplicate(self, _("Import a cash book"), lambda: check_duplicate(
                context.store, context.council_id, context.fiscal_year, preview)):
            return False
        try:  # written off the GUI thread under a progress dialog, inside the undo recording
            _changes, outcomes = save_with_undo(context, _("Import of the cash book"), lambda: (
                run_with_progress(self, _("Writing the entries…"), lambda progress: (
                    import_with_opening(context.store, context.council_id, context.fiscal_year,
                                        preview, skip_bad_rows=skip_bad, progress=progress)))))
        except ImportCancelled:  # one transaction: nothing of it was kept
            self.summary.setText(_("The import was cancelled. Nothing was imported."))
            return False
        except UserError as error:
            show_error(error, self)
            return False
        self.outcome_message = "\n".join(outcome.message for outcome in outcomes)
        self.accept()
        return True
