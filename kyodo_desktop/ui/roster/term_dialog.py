"""The 任期 dialog (``forms/roster_term.ui``): appoint someone, hand a role over, or correct a
term's dates. ``submit(values)`` does the work; a ValidationError keeps the dialog open with the
message under its field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QDialogButtonBox, QLabel, QLineEdit, QWidget

from kyodo_desktop.domain import formatting, wareki
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.roster import officers, subcommittees
from kyodo_desktop.services.roster import organizations as roster
from kyodo_desktop.services.roster import people as roster_people
from kyodo_desktop.services.roster.validate import RosterValidationError, clean_date, to_date
from kyodo_desktop.ui.forms import load_form
from kyodo_desktop.ui.roster.editors import EDITOR_STYLE, FieldForm
from kyodo_desktop.ui.shell.dialog_fit import fit_dialog
from kyodo_desktop.ui.shell.text_scale import set_scaled_style_sheet

FIELDS = ("body", "role", "person", "starts_on", "ends_on", "notes")


def body_choices(store, council_id: int, fiscal_year: int) -> list[tuple[str, officers.Body]]:
    """``[(label, Body)]``: the council, its groups (五十音順), its 部会 (their order)."""
    found = [(_("Council"), officers.Body(officers.COUNCIL, council_id))]
    found += [(o["name"], officers.Body(officers.ORGANIZATION, o["id"]))
              for o in roster.list_organizations(store, council_id, fiscal_year)]
    found += [(s["name"], officers.Body(officers.SUBCOMMITTEE, s["id"]))
              for s in subcommittees.list_subcommittees(store, council_id)]
    return found

#: Width of the dialog, in full-width characters of the text size in use.
TERM_WIDTH = 35


class TermDialog:
    """The dialog (``self.dialog``, a QDialog built from the form; ``exec()`` shows it).

    ``mode``: ``"appoint"``, ``"change"`` or ``"edit"``; ``term`` the term changed or edited
    (a dict of :func:`officers.list_terms`); ``submit(values)`` with ``values`` = ``{"body":
    Body, "role", "person_id", "starts_on": date, "ends_on": date | None, "notes"}``."""

    def __init__(self, context, mode: str, submit: Callable[[dict], None], *,
                 term: dict | None = None, body: officers.Body | None = None,
                 parent: QWidget | None = None) -> None:
        self.context, self.mode, self.submit, self.term = context, mode, submit, term
        self.dialog = load_form("roster_term", parent)
        set_scaled_style_sheet(self.dialog, EDITOR_STYLE)
        self.fields = FieldForm(self.dialog, FIELDS)
        self.body_combo = self.fields.edits["body"]
        self.role_combo = self.fields.edits["role"]
        self.person_combo = self.fields.edits["person"]
        self.message = self.dialog.findChild(QLabel, "messageLabel")
        self.message.setProperty("role", "error")
        buttons = self.dialog.findChild(QDialogButtonBox, "buttonBox")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.dialog.reject)
        self._fill(body)
        fit_dialog(self.dialog, TERM_WIDTH)

    def _fill(self, body: officers.Body | None) -> None:
        store, council, year = self.context.store, self.context.council_id, self.context.fiscal_year
        for label, choice in body_choices(store, council, year):
            self.body_combo.addItem(label, choice)
        self.person_combo.setEditable(True)
        self.person_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.person_combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.person_combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.person_combo.addItem("")
        for person in roster_people.list_people(store, council, on=date.today()):
            self.person_combo.addItem(f"{person['name']}（{person['name_kana']}）", person["id"])
        self.body_combo.currentIndexChanged.connect(lambda _i: self._fill_roles())
        start = wareki.fiscal_year_start(year)
        intro = self.dialog.findChild(QLabel, "termIntro")
        if self.term is None:
            if body is not None:
                index = next((i for i in range(self.body_combo.count())
                              if self.body_combo.itemData(i) == body), 0)
                self.body_combo.setCurrentIndex(index)
            self._fill_roles()
            self._set_dates(start, wareki.fiscal_year_end(year + 1))
            intro.setText(_("Appoint a person to a role. Leave the end empty for a term without "
                            "a fixed end."))
            return
        term = self.term
        index = next(i for i in range(self.body_combo.count())
                     if self.body_combo.itemData(i) == officers.Body(term["body_kind"],
                                                                     term["body_id"]))
        self.body_combo.setCurrentIndex(index)
        self._fill_roles()
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(term["role"])))
        self.body_combo.setEnabled(False)
        self.role_combo.setEnabled(False)
        if self.mode == "change":
            self._set_dates(officers.reference_date(year), term["ends_on"])
            intro.setText(_("Hand over {role} of {body} from {name}: the current term ends the "
                            "day before the new holder starts.").format(
                role=term["role_name"], body=term["body_name"], name=term["person_name"]))
            self.person_combo.setFocus()
        else:
            self.person_combo.setCurrentIndex(max(0, self.person_combo.findData(term["person_id"])))
            self.person_combo.setEnabled(False)
            self._set_dates(term["starts_on"], term["ends_on"])
            self.fields.edits["notes"].setText(term["notes"])
            intro.setText(_("Correct the dates or notes of this term."))

    def _set_dates(self, starts: date | None, ends: date | None) -> None:
        self.fields.edits["starts_on"].setText(formatting.format_date(starts))
        self.fields.edits["ends_on"].setText(formatting.format_date(ends))

    def _fill_roles(self) -> None:
        body = self.body_combo.currentData()
        org_kind = None
        if body.kind == officers.ORGANIZATION:
            org_kind = roster.get_organization(self.context.store, body.id)["kind"]
        self.role_combo.clear()
        for role in officers.ROLES_BY_BODY[body.kind]:
            self.role_combo.addItem(officers.role_title(role, org_kind), role)

    def values(self) -> dict:
        """The dialog's values (dates parsed). Raises RosterValidationError for a bad date or
        a person not chosen."""
        errors, found = {}, {}
        for key in ("starts_on", "ends_on"):
            try:
                found[key] = to_date(clean_date(self.fields.edits[key].text(), key))
            except ValidationError as error:
                errors[key] = error.message
        person_id = self.person_combo.currentData()
        if self.person_combo.currentText().strip() and self.person_combo.findText(
                self.person_combo.currentText()) < 0:
            person_id = None
        if person_id is None:
            errors["person"] = _("Choose a person of this council.")
        if errors:
            raise RosterValidationError(errors)
        return {"body": self.body_combo.currentData(), "role": self.role_combo.currentData(),
                "person_id": person_id, "notes": self.fields.edits["notes"].text(), **found}

    def _accept(self) -> None:
        self.fields.clear_errors()
        self.message.clear()
        try:
            self.submit(self.values())
        except RosterValidationError as error:
            self.fields.show_errors(error)
            return
        except ValidationError as error:
            field = {"person_id": "person"}.get(error.field, error.field)
            if field in self.fields.edits:
                self.fields.show_errors(RosterValidationError({field: error.message}))
            else:
                self.message.setText(error.message)
            return
        self.dialog.accept()

    def exec(self) -> int:
        """Show the dialog modally; QDialog.Accepted when the work was done."""
        return self.dialog.exec()

    def person_line(self) -> QLineEdit:
        """The person chooser's text field (tests type into it)."""
        return self.person_combo.lineEdit()
