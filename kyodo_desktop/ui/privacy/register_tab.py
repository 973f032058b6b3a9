"""The 個人情報 tab of the roster page: every person with their answers per 利用目的 (○ 同意,
× 不同意, blank 未回答), the 要支援者 mark and 退会等; the editor of the selected person (one undo
step per save); the prints of the register — the person's 同意書, a blank one, the
避難行動要支援者名簿 (asks to whom: a 提供記録) and the 提供記録 list — and the 保存期間 dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain import formatting, text
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.reports.registry import ReportRequest
from kyodo_desktop.services.privacy import register
from kyodo_desktop.services.privacy.retention import retention_rule
from kyodo_desktop.services.privacy.terms import LEFT_REASONS, PURPOSES
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.privacy import provision
from kyodo_desktop.ui.privacy.editor import EntryEditor
from kyodo_desktop.ui.roster.models import Column, kana_key, select_id, selected_id, setup_table
from kyodo_desktop.ui.shell.errors import show_error
from kyodo_desktop.ui.shell.pdf_save import save_pdf


def _mark(code: str) -> Callable[[dict], str]:
    def show(row: dict) -> str:
        answer = row["consents"].get(code)
        return "" if answer is None else ("○" if answer["agreed"] else "×")
    return show


def _left(row: dict) -> str:
    if not row["left_on"]:
        return ""
    return f"{LEFT_REASONS[row['left_reason']]} {formatting.format_date(row['left_on'], 'short')}"


COLUMNS = [Column("Name", lambda r: r["name"], kana_key()),
           *[Column(code, _mark(code)) for code in PURPOSES],
           Column("Support", lambda r: "要" if r["needs_evacuation_support"] else "",
                  droppable=True),
           Column("Left", _left, stretch=True, free=True, droppable=True)]
#: Short headers (the editor names each purpose in full).
COLUMN_TITLES = (N_("Full name"), "名簿", "連絡網", "避難", "写真", N_("Support"),
                 N_("Left (退会等)"))


class PrivacyTab(QWidget):
    """The tab (added to the roster page's ``tabs``). ``context`` is the page's AppContext."""

    def __init__(self, context, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self.context = context
        self.current_id: int | None = None
        intro = QLabel(_("Which purposes each person agreed to in writing (同意書). Prints for a "
                         "purpose show only those who agreed; a print with contacts asks to "
                         "whom it is given and is recorded (提供記録)."))
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setObjectName("privacySearch")
        self.search.setPlaceholderText(_("Search by name or reading"))
        self.table = QTableView()
        self.table.setObjectName("privacyTable")
        self.model = setup_table(self.table, COLUMNS, [_(t) for t in COLUMN_TITLES])
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.editor = EntryEditor()
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        splitter = QSplitter()
        splitter.addWidget(self._list_side())
        splitter.addWidget(self._editor_side())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([720, 380])
        layout.addWidget(splitter, 1)
        layout.addLayout(self._print_row())
        self.search.textChanged.connect(lambda _t: self.reload())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.show_selected())
        tabs.addTab(self, _("Personal data"))

    def _list_side(self) -> QWidget:
        side = QWidget()
        box = QVBoxLayout(side)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.search)
        box.addWidget(self.table, 1)
        return side

    def _editor_side(self) -> QWidget:
        side = QWidget()
        side.setMaximumWidth(520)
        box = QVBoxLayout(side)
        box.setContentsMargins(8, 0, 0, 0)
        box.addWidget(self.heading)
        box.addWidget(self.editor)
        buttons = QHBoxLayout()
        for label, slot in ((_("Save"), self.save), (_("Revert"), self.show_selected),
                            (_("Print the consent form…"), self.print_form)):
            button = QPushButton(label)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        box.addWidget(self.status)
        box.addStretch(1)
        return side

    def _print_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for label, slot in ((_("Blank consent form…"), lambda: self.print_form(blank=True)),
                            (_("Evacuation support list…"), self.print_evacuation_list),
                            (_("Record of data given out…"), self.print_provisions),
                            (_("Retention and deletion…"), self.open_retention)):
            button = QPushButton(label)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        return row

    # list and editor ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Reload the list, keeping the selection."""
        council = self.context.council_id
        if council is None:
            self.model.set_rows([])
            return
        keep = retention_rule(self.context.store, council).keep_years
        needle = text.to_hiragana(text.normalize(self.search.text())).replace(" ", "")
        rows = [{**r, "id": r["person_id"]}
                for r in register.register_rows(self.context.store, council, keep)
                if needle in text.to_hiragana(text.normalize(r["name"] + r["name_kana"]))
                .replace(" ", "")]
        selected = self.current_id
        self.model.set_rows(rows)
        if not (selected and select_id(self.table, selected)):
            self.show_selected()

    def show_selected(self) -> None:
        """Fill the editor with the selected person (or empty it)."""
        self.current_id = selected_id(self.table)
        self.status.clear()
        if self.current_id is None:
            self.heading.setText(_("Choose a person in the list."))
            self.editor.fill(None)
            self.editor.setEnabled(False)
            return
        self.editor.setEnabled(True)
        entry = register.person_privacy(self.context.store, self.current_id)
        row = next(r for r in self.model.rows if r["id"] == self.current_id)
        self.heading.setText(row["name"])
        self.editor.fill(entry)

    def save(self) -> bool:
        """Save the selected person's entry as one undo step; False on bad input."""
        person = self.current_id
        if person is None:
            return False
        store, values = self.context.store, self.editor.values()
        name = next(r["name"] for r in self.model.rows if r["id"] == person)
        try:
            save_with_undo(self.context, _("Personal data of {name}").format(name=name),
                           lambda: register.save_person_privacy(store, person, values))
        except ValidationError as error:
            self.editor.show_error(error.field or "", error.message)
            self.status.setText(_("Not saved: correct the fields marked in red."))
            return False
        except UserError as error:  # the person was deleted meanwhile
            show_error(error, self)
            self.reload()
            return False
        select_id(self.table, person)
        self.status.setText(_("Saved."))
        return True

    # prints ------------------------------------------------------------------------------------

    def _save_pdf(self, build: Callable[[], bytes], suggested: str, *, kind: str = "",
                  document: str = "", people: int = 0, path: Path | str | None = None
                  ) -> Path | None:
        go_on, answer = provision.ask_provision(self.context, self, document, people)
        if not go_on:
            return None
        path = provision.write_recorded(
            self.context, kind, document, people, answer,
            lambda: save_pdf(self, build, path, suggested, self.context.store.path), self)
        if path is None:
            return None
        self.status.setText(_("Saved the PDF: {path}").format(path=path))
        return path

    def print_form(self, *, blank: bool = False, path: Path | str | None = None) -> Path | None:
        """The 同意書 of the selected person (or a blank one) to a PDF."""
        from kyodo_desktop.reports.consent_form import build_consent_form

        person = None if blank else self.current_id
        if not blank and person is None:
            return None
        request = ReportRequest(self.context.council_id, options={"person": person})
        return self._save_pdf(lambda: build_consent_form(self.context.store, request),
                              _("Consent_form.pdf"), path=path)

    def print_evacuation_list(self, path: Path | str | None = None) -> Path | None:
        """The 避難行動要支援者名簿 (people who agreed only) to a PDF, after asking to whom."""
        from kyodo_desktop.reports.evacuation_support import (
            build_evacuation_support,
            listed_people,
        )

        request = ReportRequest(self.context.council_id)
        store = self.context.store
        return self._save_pdf(lambda: build_evacuation_support(store, request),
                              _("Evacuation_support_list.pdf"), kind="evacuation-support",
                              document=_("List of people needing evacuation support"),
                              people=listed_people(store, request), path=path)

    def print_provisions(self, path: Path | str | None = None) -> Path | None:
        """The 提供記録 list to a PDF."""
        from kyodo_desktop.reports.data_provisions import build_data_provisions

        request = ReportRequest(self.context.council_id)
        return self._save_pdf(lambda: build_data_provisions(self.context.store, request),
                              _("Data_provisions.pdf"), path=path)

    def open_retention(self):
        """The 保存期間 and deletion dialog (modal)."""
        from kyodo_desktop.ui.privacy.retention_dialog import RetentionDialog

        dialog = RetentionDialog(self.context, self)
        dialog.exec()
        return dialog
