"""The people tab of the roster page: the list in 五十音順 with each person's current roles, and
the editor (``forms/roster_person.ui``; 郵便番号・住所・電話・メール are marked personal)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.roster import people as roster_people
from kyodo_desktop.services.roster.officers import reference_date
from kyodo_desktop.services.roster.validate import RosterValidationError
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.forms import load_form
from kyodo_desktop.ui.roster.editors import FieldForm, confirm_delete
from kyodo_desktop.ui.roster.models import Column, kana_key, select_id, selected_id, setup_table

COLUMNS = [
    Column("Name", lambda r: r["name"], kana_key()),
    Column("Reading", lambda r: r["name_kana"], kana_key()),
    Column("Phone", lambda r: r["phone"]),
    Column("Current roles", lambda r: r["roles"], stretch=True, free=True, droppable=True),
]
COLUMN_TITLES = (N_("Full name"), N_("Reading (ふりがな)"), N_("Phone"), N_("Current roles"))


class PeopleTab:
    """Wires the widgets of the roster page's people tab (``page``: the loaded page form)."""

    def __init__(self, context: AppContext, page: QWidget) -> None:
        self.context = context
        self.page = page
        self.table = page.findChild(QWidget, "peopleTable")
        self.model = setup_table(self.table, COLUMNS, [_(t) for t in COLUMN_TITLES])
        self.search = page.findChild(QLineEdit, "personSearch")
        holder = page.findChild(QWidget, "personEditorHolder")
        self.editor = load_form("roster_person", holder)
        holder.layout().addWidget(self.editor)
        self.fields = FieldForm(self.editor, roster_people.PERSON_FIELDS)
        self.heading = self.editor.findChild(QLabel, "personHeading")
        self.heading.setProperty("role", "heading")
        self.status = self.editor.findChild(QLabel, "statusLabel")
        self.current_id: int | None = None
        self.search.textChanged.connect(lambda _t: self.reload())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.show_selected())
        page.findChild(QPushButton, "addPersonButton").clicked.connect(self.new)
        page.findChild(QPushButton, "deletePersonButton").clicked.connect(self.delete)
        self.editor.findChild(QPushButton, "saveButton").clicked.connect(self.save)
        self.editor.findChild(QPushButton, "revertButton").clicked.connect(self.show_selected)

    def _on(self) -> date:
        return reference_date(self.context.fiscal_year)

    def reload(self) -> None:
        """Reload the list, keeping the selection."""
        if self.context.council_id is None:
            self.model.set_rows([])
            return
        keep = self.current_id
        self.model.set_rows(roster_people.list_people(
            self.context.store, self.context.council_id, search=self.search.text(), on=self._on()))
        if not (keep and select_id(self.table, keep)):
            self.show_selected()

    def show_selected(self) -> None:
        """Fill the editor with the selected person (or empty it)."""
        person_id = selected_id(self.table)
        if person_id is None:
            self.new(focus=False)
            return
        self.current_id = person_id
        row = next(r for r in self.model.rows if r["id"] == person_id)
        self.fields.fill(row)
        self.heading.setText(row["name"])
        self.editor.findChild(QLabel, "rolesEdit").setText(row["roles"] or _("(none)"))
        self.status.clear()

    def new(self, *, focus: bool = True) -> None:
        """Empty the editor for a new person."""
        self.current_id = None
        if focus:
            self.table.clearSelection()
        self.fields.fill({})
        self.heading.setText(_("New person"))
        self.editor.findChild(QLabel, "rolesEdit").setText(_("(none)"))
        self.status.clear()
        if focus:
            self.fields.edits["name"].setFocus()

    def save(self) -> bool:
        """Save the editor; True when saved (or nothing changed), False on bad input."""
        store = self.context.store
        edited = self.fields.edited()
        if not edited and self.current_id is not None:
            self.status.setText(_("No changes to save."))
            return True
        try:
            if self.current_id is None:
                values, council = self.fields.values(), self.context.council_id

                def create():  # the new person is selected when the page reloads
                    self.current_id, changes = roster_people.create_person(store, council, values)
                    return changes

                save_with_undo(self.context, _("Add person {name}").format(name=values["name"]),
                               create)
            else:
                person_id = self.current_id
                stored = roster_people.get_person(store, person_id)
                save_with_undo(self.context, _("Edit person {name}").format(name=stored["name"]),
                               lambda: roster_people.update_person(store, person_id, edited))
        except RosterValidationError as error:
            self.fields.show_errors(error)
            self.status.setText(_("Not saved: correct the fields marked in red."))
            return False
        select_id(self.table, self.current_id)
        self.status.setText(_("Saved."))
        return True

    def delete(self) -> None:
        """Delete the selected person (and their terms, after a confirmation; undoable)."""
        person_id = selected_id(self.table)
        if person_id is None:
            return
        store = self.context.store
        name = roster_people.get_person(store, person_id)["name"]
        if not confirm_delete(self.page, name, roster_people.person_usage(store, person_id)):
            return
        save_with_undo(self.context, _("Delete person {name}").format(name=name),
                       lambda: roster_people.delete_person(store, person_id))
