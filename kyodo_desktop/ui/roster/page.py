"""The 構成団体・役員 page (``forms/roster_page.ui``): four tabs — 構成団体 with 世帯数 and totals
of the 年度, people, 役員・任期, 個人情報 (ui/privacy: consents, 提供記録, 保存期間) — plus the yearly handover wizard, the import from Excel/CSV and
the export to Excel. Every list is in 五十音順 and sortable by its headers; edits and deletions
go on the undo stack. Refreshes on ``changed`` (roster), council and 年度 changes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain import wareki
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.io import roster_export
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.ui.accounts.worker import run_in_background
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.forms import load_form
from kyodo_desktop.ui.privacy import provision
from kyodo_desktop.ui.privacy.register_tab import PrivacyTab
from kyodo_desktop.ui.roster.editors import EDITOR_STYLE
from kyodo_desktop.ui.roster.handover import HandoverWizard
from kyodo_desktop.ui.roster.import_dialog import RosterImportDialog
from kyodo_desktop.ui.roster.org_tab import OrganizationTab
from kyodo_desktop.ui.roster.people_tab import PeopleTab
from kyodo_desktop.ui.roster.terms_tab import TermsTab
from kyodo_desktop.ui.shell.errors import show_error
from kyodo_desktop.ui.shell.example_edit import keep_example_whole
from kyodo_desktop.ui.shell.flow_layout import keep_together, reflow_row
from kyodo_desktop.ui.shell.scroll_fit import keep_contents_width
from kyodo_desktop.ui.shell.text_scale import set_scaled_style_sheet


class RosterPage(QWidget):
    """The roster area. ``context`` supplies the store, council, 年度, signals and undo stack."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.form = load_form("roster_page", self)
        QVBoxLayout(self).addWidget(self.form)
        self.layout().setContentsMargins(0, 0, 0, 0)
        self.tabs = self.form.findChild(QTabWidget, "tabs")
        self.organizations = OrganizationTab(context, self.form)
        self.people = PeopleTab(context, self.form)
        self.terms = TermsTab(context, self.form)
        self.privacy = PrivacyTab(context, self.tabs)
        set_scaled_style_sheet(self, EDITOR_STYLE)
        for name in ("orgSplitter", "peopleSplitter"):
            splitter = self.form.findChild(QSplitter, name)
            splitter.setStretchFactor(0, 3)
            splitter.setStretchFactor(1, 2)
            splitter.setSizes([600, 450])  # the list wide, the editor at its readable width
        for name in ("orgEditorScroll", "personEditorScroll"):  # never cut at large text
            keep_contents_width(self.form.findChild(QScrollArea, name), least=450)
        self.form.findChild(QLabel, "totalsLabel").setProperty("role", "heading")
        org_layout = self.form.findChild(QVBoxLayout, "orgTabLayout")
        reflow_row(self.form.findChild(QHBoxLayout, "orgTotalsRow"), org_layout)  # wraps at large text
        # the search box shows its grey example 「名称・ふりがなで検索」 whole: its row wraps instead,
        # the two buttons together
        keep_example_whole(self.form.findChild(QLineEdit, "orgSearch"))
        filters = self.form.findChild(QHBoxLayout, "orgFilterRow")
        keep_together(filters, [self.form.findChild(QPushButton, name)
                                for name in ("addOrgButton", "deleteOrgButton")])
        reflow_row(filters, org_layout)
        org_layout.setStretchFactor(self.form.findChild(QSplitter, "orgSplitter"), 1)
        buttons = {"handoverButton": self.open_handover, "importButton": self.open_import,
                   "exportButton": self.export}
        for name, slot in buttons.items():
            self.form.findChild(QPushButton, name).clicked.connect(slot)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save_current,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.focus_search,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        context.changed.connect(self._on_changed)
        context.council_changed.connect(lambda _id: self.reload())
        context.fiscal_year_changed.connect(lambda _fy: self.reload())
        self.reload()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches("roster", "council") and changes.concerns(self.context.council_id):
            self.reload()

    def reload(self) -> None:
        """Reload every tab."""
        self.organizations.reload()
        self.people.reload()
        self.terms.reload()
        self.privacy.reload()

    def save_current(self) -> None:
        """Ctrl+S: save the editor of the tab shown."""
        index = self.tabs.currentIndex()
        if index == 0:
            self.organizations.save()
        elif index == 1:
            self.people.save()
        elif index == 3:
            self.privacy.save()

    def focus_search(self) -> None:
        """Ctrl+F: jump to the search field of the tab shown."""
        name = ("orgSearch", "personSearch", "termFilter", "privacySearch")[
            self.tabs.currentIndex()]
        self.findChild(QWidget, name).setFocus()

    def open_handover(self) -> HandoverWizard | None:
        """Open the yearly handover wizard (modal)."""
        if self.context.council_id is None:
            return None
        wizard = HandoverWizard(self.context, self)
        wizard.exec()
        if getattr(wizard, "result", None) is not None:  # handed over: show the new 年度
            self.context.set_fiscal_year(wizard.fiscal_year)
        return wizard

    def open_import(self) -> None:
        """Open the import dialog (modal)."""
        if self.context.council_id is None:
            return
        dialog = RosterImportDialog(self.context, self)
        if dialog.exec():
            self.form.findChild(QLabel, "totalsLabel").setToolTip(dialog.summary)

    def export(self) -> None:
        """Export the roster of the 年度 to an Excel file the user chooses."""
        council, year = self.context.council_id, self.context.fiscal_year
        if council is None:
            return
        name = _("Roster {year}.xlsx").format(year=wareki.format_fiscal_year(year))
        path, _filter = QFileDialog.getSaveFileName(self, _("Export to Excel"), name,
                                                    _("Excel workbook (*.xlsx)"))
        if not path:
            return
        store = self.context.store
        document = _("Member groups, people and membership rates")
        people = roster_export.people_with_contacts(store, council, year, "organizations")
        go_on, answer = provision.ask_provision(self.context, self, document, people)
        if not go_on:
            return
        try:
            message = provision.write_recorded(
                self.context, "organizations", document, people, answer,
                lambda: run_in_background(self, _("Writing the file…"), lambda: (
                    roster_export.export_organizations(store, council, year, path))), self)
        except UserError as error:
            show_error(error, self)
            return
        if message is None:
            return
        self.form.findChild(QLabel, "totalsLabel").setToolTip(message)
