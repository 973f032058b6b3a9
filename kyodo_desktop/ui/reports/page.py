"""The 帳票印刷 page: choose a form (every printable kind of the registry, the 年度末一式 first)
and the 年度, then preview it in the app, print it through the print dialog or save it as PDF.
The widgets come from ``forms/reports_page.ui``.

The PDF is made off the GUI thread with a busy dialog (a long set takes a moment); a missing
prerequisite shows its message (what to enter) in the preview area, under its zoom buttons and
whole at every text size (the list of forms keeps its room), with the draft box to print anyway
marked 「未確定」. The folder of the last save is remembered (QSettings
``reports/last_folder``). The 点検 button runs the 提出前の点検 of the chosen 年度; printing or
saving a set (application-set, year-end) runs it first and lists its findings with
「このまま印刷」 / 「戻って直す」.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop import fileops
from kyodo_desktop.domain import wareki
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.reports.registry import ReportRequest, report_kinds
from kyodo_desktop.services.changes import HANDBOOK, Changes
from kyodo_desktop.services.forms.application import request_days
from kyodo_desktop.services.review.run import REVIEWED_SETS, run_review, summary
from kyodo_desktop.services.year_path.steps import record_print
from kyodo_desktop.ui.accounts.worker import run_in_background
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.forms import load_form
from kyodo_desktop.ui.privacy import provision
from kyodo_desktop.ui.reports.kind_options import MINUTES, KindOptions
from kyodo_desktop.ui.reports.preview import PreviewPane
from kyodo_desktop.ui.reports.printing import print_with_dialog
from kyodo_desktop.ui.reports.review_dialog import confirm_printing, show_findings
from kyodo_desktop.ui.shell.errors import show_error
from kyodo_desktop.ui.shell.list_room import set_main_list
from kyodo_desktop.ui.shell.message_line import ShownLine
from kyodo_desktop.ui.shell.pdf_save import remembered_folder
from kyodo_desktop.ui.shell.text_scale import set_scaled_style_sheet

LAST_FOLDER = "reports/last_folder"
YEARS_BACK = 5
PAYMENT_REQUEST = "payment-request"  # the kind with one letter per 概算払
STYLE = """
QLabel#pageTitle { font-size: 16pt; font-weight: bold; }
QLabel#messageLabel { color: #b3261e; }
QLabel#statusLabel { color: #1f3a5f; }
QPushButton { min-height: 30px; }
QListWidget#kindList::item { padding: 5px 4px; }
"""


class ReportsPage(QWidget):
    """The 帳票印刷 area. ``settings`` keeps the last folder (default: the app's QSettings)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, *,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.settings = settings if settings is not None else QSettings()
        self.form = load_form("reports_page", self)
        QVBoxLayout(self).addWidget(self.form)
        self.layout().setContentsMargins(0, 0, 0, 0)
        find = self.form.findChild
        self.kind_list = find(QListWidget, "kindList")
        self.year_combo = find(QComboBox, "yearCombo")
        self.payment_combo = find(QComboBox, "paymentCombo")
        self.payment_caption = find(QLabel, "paymentCaption")
        self.draft_check = find(QCheckBox, "draftCheck")
        self.status = find(QLabel, "statusLabel")
        self.buttons = {name: find(QPushButton, f"{name}Button")
                        for name in ("preview", "print", "save", "review")}
        self.kind_options = KindOptions(find(QFormLayout, "optionsLayout"), self.form)
        self.preview = PreviewPane(self.form)
        find(QWidget, "previewArea").layout().addWidget(self.preview)
        # what is missing, in the preview area under its buttons (no button moves when it
        # shows) and as long as it needs (a whole line of steps at とても大きい); the list of
        # forms keeps its room on the left
        self.message = ShownLine(self.preview, name="messageLabel")
        self.preview.layout().insertWidget(1, self.message)
        self.kind_list.setWordWrap(True)
        set_main_list(self.kind_list)  # five forms or more shown at every text size
        set_scaled_style_sheet(self, STYLE)
        self._pdf: tuple[tuple, bytes] | None = None  # (what, bytes) of the last PDF made
        self._fill_kinds()
        self._fill_years()
        self._connect()
        self._add_return_button()

    def _add_return_button(self) -> None:
        """市へ提出するファイル… under the 点検 button (ui/city/return_export.py)."""
        from kyodo_desktop.ui.city.return_export import ReturnExport

        self.return_export = ReturnExport(self.context, self.year_combo.currentData, self,
                                          self.settings)
        review = self.buttons["review"]
        layout = review.parentWidget().layout()
        layout.insertWidget(layout.indexOf(review) + 1, self.return_export.button())

    # wiring -------------------------------------------------------------------------------------

    def _connect(self) -> None:
        self.buttons["preview"].clicked.connect(self.show_preview)
        self.buttons["print"].clicked.connect(self.print_form)
        self.buttons["save"].clicked.connect(self.save_dialog)
        self.buttons["review"].clicked.connect(self.review)
        self.kind_list.itemActivated.connect(lambda _item: self.show_preview())
        self.kind_list.currentItemChanged.connect(lambda *_args: self._choice_changed())
        self.year_combo.currentIndexChanged.connect(lambda _i: self._choice_changed())
        self.payment_combo.currentIndexChanged.connect(lambda _i: self._payment_changed())
        for choice in (self.kind_options.meeting, self.kind_options.distribution_kind):
            choice.currentIndexChanged.connect(lambda _i: self._payment_changed())
        self.kind_options.spares.valueChanged.connect(lambda _v: self._payment_changed())
        self.draft_check.toggled.connect(lambda _on: self._choice_changed())
        self.context.council_changed.connect(lambda _id: self._reset())
        self.context.fiscal_year_changed.connect(lambda _fy: self._fill_years())
        self.context.changed.connect(lambda _changes: self._reset())

    def _fill_kinds(self) -> None:
        self.kind_list.clear()
        for kind in report_kinds().values():
            if kind.scope != "council":
                continue
            item = QListWidgetItem(_(kind.title))
            item.setData(Qt.ItemDataRole.UserRole, kind.name)
            self.kind_list.addItem(item)
        self.kind_list.setCurrentRow(0)

    def _fill_years(self) -> None:
        current = self.context.fiscal_year
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in range(current + 1, current - YEARS_BACK, -1):
            self.year_combo.addItem(wareki.format_fiscal_year(year, "with_western"), year)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(current)))
        self.year_combo.blockSignals(False)
        self._choice_changed()

    def _choice_changed(self) -> None:
        self.message.clear()
        self.status.clear()
        kind = self.current_kind()
        name = None if kind is None else kind.name
        # the 議事録's 年度 chooses which meetings are listed
        self.year_combo.setEnabled(kind is None or kind.needs_fiscal_year or name == MINUTES)
        self._fill_payments(name == PAYMENT_REQUEST)
        self.kind_options.show_for(name)
        if name == MINUTES:
            self.kind_options.fill_meetings(self.context.store, self.context.council_id,
                                            self.year_combo.currentData())

    def _payment_changed(self) -> None:
        self.message.clear()
        self.status.clear()

    def _fill_payments(self, shown: bool) -> None:
        """The 交付請求書 choice (最新の回, すべての回, 第1回 …) for the chosen 年度."""
        self.payment_caption.setVisible(shown)
        self.payment_combo.setVisible(shown)
        if not shown or self.context.council_id is None:
            return
        chosen = self.payment_combo.currentData()
        self.payment_combo.blockSignals(True)
        self.payment_combo.clear()
        self.payment_combo.addItem(_("The latest request"), "latest")
        self.payment_combo.addItem(_("Every request (one letter each)"), "all")
        days = request_days(self.context.store, self.context.council_id,
                            self.year_combo.currentData())
        for number, day in enumerate(days, start=1):
            self.payment_combo.addItem(_("Request {number} ({date})").format(
                number=number, date=wareki.format_wareki(day, "short")), str(number))
        self.payment_combo.setCurrentIndex(max(0, self.payment_combo.findData(chosen)))
        self.payment_combo.blockSignals(False)

    def _reset(self) -> None:
        self._pdf = None
        self.preview.clear()
        self._choice_changed()

    # choices ------------------------------------------------------------------------------------

    def choose(self, kind_name: str, fiscal_year: int | None = None) -> None:
        """Select a kind (its CLI name, e.g. 'application-set') and optionally the 年度."""
        for row in range(self.kind_list.count()):
            if self.kind_list.item(row).data(Qt.ItemDataRole.UserRole) == kind_name:
                self.kind_list.setCurrentRow(row)
        if fiscal_year is not None:
            self.year_combo.setCurrentIndex(self.year_combo.findData(fiscal_year))

    def current_kind(self):
        """The chosen ReportKind (None when the list is empty)."""
        item = self.kind_list.currentItem()
        return None if item is None else report_kinds().get(item.data(Qt.ItemDataRole.UserRole))

    def request(self) -> ReportRequest | None:
        """What to print now, or None when no council is open."""
        kind = self.current_kind()
        if kind is None or self.context.council_id is None:
            return None
        year = self.year_combo.currentData() if kind.needs_fiscal_year else None
        return ReportRequest(self.context.council_id, year, draft=self.draft_check.isChecked(),
                             options={"edition": "public", "large_print": False,
                                      "booklet": False,
                                      "payment": self.payment_combo.currentData() or "latest",
                                      **self.kind_options.options()})

    def title(self) -> str:
        """The chosen form's Japanese title with the 年度."""
        kind, request = self.current_kind(), self.request()
        year = request.fiscal_year if request else None
        prefix = f"{wareki.format_fiscal_year(year)} " if year else ""
        return prefix + (_(kind.title) if kind else "")

    # actions ------------------------------------------------------------------------------------

    def make_pdf(self) -> bytes | None:
        """The chosen form's PDF (made in the background, reused while nothing changed);
        None when a prerequisite is missing (its message is shown) or no council is open."""
        kind, request = self.current_kind(), self.request()
        if request is None:
            self.message.setText(_("Open or register a council first."))
            return None
        what = (kind.name, request.council_id, request.fiscal_year, request.draft,
                request.options.get("payment"))
        if self._pdf is not None and self._pdf[0] == what:
            return self._pdf[1]
        store = self.context.store
        try:
            pdf = run_in_background(self, _("Making {title}…").format(title=self.title()),
                                    lambda: kind.build(store, request))
        except UserError as error:
            self.message.setText(error.message + "\n" + _(
                "To print it anyway, tick “Print as a draft” (every page is then marked 未確定)."))
            return None
        self.message.clear()
        self._pdf = (what, pdf)
        return pdf

    def show_preview(self) -> bool:
        """Make the PDF and show it; True when shown."""
        pdf = self.make_pdf()
        if pdf is None:
            return False
        self.preview.show_pdf(pdf, self.title())
        return True

    def _review_year(self) -> int | None:
        """The 年度 the 点検 looks at: the chosen one (or the page's year)."""
        request = self.request()
        if request is None:
            return None
        return request.fiscal_year or self.context.fiscal_year

    def findings(self) -> list:
        """The 提出前の点検 of the chosen 年度 (empty when no council is open)."""
        year = self._review_year()
        if year is None:
            return []
        return run_review(self.context.store, self.context.council_id, year)

    def review(self) -> list:
        """The 点検 button: run the review of the chosen 年度 and show its findings."""
        year = self._review_year()
        if year is None:
            self.message.setText(_("Open or register a council first."))
            return []
        try:
            found = self.findings()
        except UserError as error:
            show_error(error, self)
            return []
        self.status.setText(summary(found, year))
        show_findings(found, summary(found, year), self)
        return found

    def _reviewed_before_printing(self) -> bool:
        """A printed set runs the review first; with findings the user chooses 「このまま印刷」
        (True) or 「戻って直す」 (False). Other forms print at once."""
        kind, year = self.current_kind(), self._review_year()
        if kind is None or kind.name not in REVIEWED_SETS or year is None:
            return True
        try:
            found = self.findings()
        except UserError as error:
            show_error(error, self)
            return False
        return not found or confirm_printing(found, summary(found, year), self)

    def print_form(self) -> bool:
        """Make the PDF and print it through the print dialog (a printed set is reviewed
        first); True when printed."""
        if not self._reviewed_before_printing():
            return False
        pdf = self.make_pdf()
        if pdf is None:
            return False
        go_on, provided = self._ask_provision()
        if not go_on:
            return False
        try:
            done = bool(self._write_recorded(
                provided, lambda: print_with_dialog(pdf, self.title(), self)))
        except UserError as error:
            show_error(error, self)
            return False
        self.status.setText(_("Sent to the printer.") if done else "")
        if done:
            self._record_print()
        return done

    def _ask_provision(self) -> tuple[bool, tuple | None]:
        """For a form holding personal data (the 避難行動要支援者名簿 …): ask to whom it is given;
        ``(go on, (kind, title, people, answer) or None)``."""
        kind, request = self.current_kind(), self.request()
        if kind is None or request is None or kind.personal_data is None:
            return True, None
        try:
            people = kind.personal_data(self.context.store, request)
        except UserError as error:
            show_error(error, self)
            return False, None
        go_on, answer = provision.ask_provision(self.context, self, self.title(), people)
        return go_on, (kind.name, self.title(), people, answer) if answer else None

    def _write_recorded(self, provided: tuple | None, write):
        """``write()`` (print or save) with the 提供記録 of a form with personal data
        (``provided``) written before it and taken back when nothing was written."""
        if provided is None:
            return write()
        kind_name, document, people, answer = provided
        return provision.write_recorded(self.context, kind_name, document, people, answer,
                                        write, self)

    def _record_print(self) -> None:
        """A final print or save completes its step of 今年度の流れ (e.g. 手引きの印刷)."""
        kind, request = self.current_kind(), self.request()
        if kind is not None and request is not None and record_print(
                self.context.store, kind.name, request.council_id, request.fiscal_year,
                draft=request.draft):
            self.context.notify(Changes(frozenset({HANDBOOK}), request.council_id))

    def default_path(self) -> Path:
        """Where the save dialog starts: the last folder used, with the form's name."""
        folder = remembered_folder(self.settings, LAST_FOLDER)
        name = self.title().replace(" ", "_").replace("/", "_") or "form"
        return folder / f"{name}.pdf"

    def save_dialog(self) -> Path | None:
        """Ask where to save (starting in the last folder) and save; the path or None."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Save as PDF"), str(self.default_path()), _("PDF files (*.pdf)"))
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        return path if self.save_to(path) else None

    def save_to(self, path: Path) -> bool:
        """Write the chosen form's PDF to ``path`` (a printed set is reviewed first) and
        remember its folder; True when saved."""
        open_data = self.context.store.path
        try:  # never onto the data file or a backup; checked before the work
            fileops.check_output(path, open_data=open_data)
        except UserError as error:
            show_error(error, self)
            return False
        if not self._reviewed_before_printing():
            return False
        pdf = self.make_pdf()
        if pdf is None:
            return False
        go_on, provided = self._ask_provision()
        if not go_on:
            return False
        try:
            written = self._write_recorded(provided, lambda: (
                fileops.write_bytes(path, pdf, open_data=open_data), True)[1])
        except UserError as error:
            show_error(error, self)
            return False
        if not written:
            return False
        self.settings.setValue(LAST_FOLDER, str(path.parent))
        self.status.setText(_("Saved to {path}.").format(path=path))
        self._record_print()
        return True
