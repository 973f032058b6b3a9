"""The roster import dialog (``forms/roster_import.ui``): choose a file, see how its columns are
read (and change that), see every row's errors with its row number, then import — everything,
or only the rows without errors. Nothing is written before the user presses a button. Reading
the file runs off the GUI thread with a cancellable progress dialog
(:func:`kyodo_desktop.ui.accounts.worker.run_with_progress`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from kyodo_desktop.domain import wareki
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.io import roster_columns
from kyodo_desktop.io.roster_import import RosterPreview, preview_roster
from kyodo_desktop.io.roster_import_apply import (
    apply_roster_import,
    describe_preview,
    describe_result,
)
from kyodo_desktop.services.imports.history import check_not_imported
from kyodo_desktop.ui.accounts.worker import confirm_duplicate, run_with_progress
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.forms import load_form
from kyodo_desktop.ui.shell.dialog_fit import fit_dialog
from kyodo_desktop.ui.shell.errors import show_error

KINDS = ((roster_columns.ORGANIZATIONS, N_("Member groups (自治会 …)")),
         (roster_columns.PEOPLE, N_("People")))

#: Width and height of the dialog, in full-width characters of the text size in use.
IMPORT_SIZE = (56, 40)


class RosterImportDialog:
    """The dialog (``self.dialog``); ``exec()`` shows it. ``path`` may be given up front."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, *,
                 path: Path | None = None) -> None:
        self.context = context
        self.dialog = load_form("roster_import", parent)
        find = self.dialog.findChild
        self.kind = find(QComboBox, "kindCombo")
        self.year = find(QComboBox, "yearCombo")
        self.mapping = find(QTableWidget, "mappingTable")
        self.report = find(QPlainTextEdit, "reportText")
        self.file_label = find(QLabel, "fileLabel")
        self.import_button = find(QPushButton, "importButton")
        self.import_good = find(QPushButton, "importGoodButton")
        for code, label in KINDS:
            self.kind.addItem(_(label), code)
        for year in range(context.fiscal_year - 1, context.fiscal_year + 2):
            self.year.addItem(wareki.format_fiscal_year(year), year)
        self.year.setCurrentIndex(1)
        self.path: Path | None = None
        self.preview: RosterPreview | None = None
        self.summary = ""
        find(QPushButton, "chooseFileButton").clicked.connect(self.choose_file)
        find(QPushButton, "cancelButton").clicked.connect(self.dialog.reject)
        self.import_button.clicked.connect(lambda: self.do_import(skip_bad_rows=False))
        self.import_good.clicked.connect(lambda: self.do_import(skip_bad_rows=True))
        self.kind.activated.connect(lambda _i: self.check())
        self.year.activated.connect(lambda _i: self.check())
        self._buttons()
        fit_dialog(self.dialog, *IMPORT_SIZE)
        if path is not None:
            self.path = Path(path)
            self.check()

    def exec(self) -> int:
        """Show the dialog modally."""
        return self.dialog.exec()

    def choose_file(self) -> None:
        """Ask for the file, then check it."""
        path, _filter = QFileDialog.getOpenFileName(
            self.dialog, _("Choose the roster file"), "",
            _("Excel or CSV (*.xlsx *.xlsm *.csv);;All files (*)"))
        if path:
            self.path = Path(path)
            self.check()

    def check(self, mapping: dict[int, str | None] | None = None) -> None:
        """Read and check the file (with ``mapping`` when the user changed a column)."""
        if self.path is None:
            return
        self.file_label.setText(str(self.path))
        kind, year = self.kind.currentData(), self.year.currentData()
        store, council = self.context.store, self.context.council_id
        try:
            self.preview = run_with_progress(
                self.dialog, _("Reading the file…"),
                lambda progress: preview_roster(store, council, self.path, kind=kind,
                                                fiscal_year=year, mapping=mapping,
                                                progress=progress))
        except UserError as error:
            self.preview = None
            self.report.setPlainText(error.message)
            self.mapping.setRowCount(0)
            self._buttons()
            return
        self.report.setPlainText(describe_preview(self.preview))
        self._fill_mapping()
        self._buttons()

    def _fill_mapping(self) -> None:
        preview = self.preview
        table = self.mapping
        table.clear()
        table.setColumnCount(2)
        table.setHorizontalHeaderLabels([_("Column in the file"), _("Read as")])
        table.setRowCount(len(preview.headers))
        table.verticalHeader().hide()
        fields = roster_columns.fields_of(preview.kind)
        for index, header in enumerate(preview.headers):
            table.setItem(index, 0, QTableWidgetItem(header))
            combo = QComboBox()
            combo.addItem(_("(not imported)"))
            for name in fields:
                combo.addItem(roster_columns.FIELD_LABELS.get(name, name), name)
            combo.setCurrentIndex(max(0, combo.findData(preview.mapping.get(index))))
            combo.activated.connect(lambda _i: self.check(self.chosen_mapping()))
            table.setCellWidget(index, 1, combo)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def chosen_mapping(self) -> dict[int, str | None]:
        """``{column index: field or None}`` as chosen in the table."""
        return {row: self.mapping.cellWidget(row, 1).currentData()
                for row in range(self.mapping.rowCount())}

    def _buttons(self) -> None:
        preview = self.preview
        usable = preview is not None and not preview.problems and bool(preview.good_rows)
        self.import_button.setEnabled(usable and not preview.bad_rows)
        self.import_good.setEnabled(usable and bool(preview.bad_rows))

    def do_import(self, *, skip_bad_rows: bool) -> bool:
        """Write the checked rows; True when done (the dialog closes)."""
        if self.preview is None:
            return False
        store, council, preview = self.context.store, self.context.council_id, self.preview
        if not confirm_duplicate(self.dialog, _("Import of the roster"), lambda: (
                check_not_imported(store, council, preview.kind, preview.sha256))):
            return False
        try:
            result = save_with_undo(self.context, _("Import of the roster"), lambda: (
                apply_roster_import(store, council, preview, skip_bad_rows=skip_bad_rows)))
        except UserError as error:
            show_error(error, self.dialog)
            return False
        self.summary = describe_result(result)
        self.dialog.accept()
        return True
