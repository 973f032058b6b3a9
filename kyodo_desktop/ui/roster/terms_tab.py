"""The 役員・任期 tab of the roster page: every term of the council, its groups and 部会 (current
ones, or the history too), with 任命 / 交代 / 修正 / 削除 through :class:`TermDialog`, and the 監事
warning (:func:`officers.auditor_warnings`) shown above the list."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPushButton, QWidget

from kyodo_desktop.domain import formatting
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.roster import officers
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.roster.editors import confirm_delete
from kyodo_desktop.ui.roster.models import Column, kana_key, selected_id, setup_table
from kyodo_desktop.ui.roster.term_dialog import TermDialog

COLUMNS = [
    Column("Body", lambda r: r["body_name"], lambda r: r["_order"]),
    Column("Role", lambda r: r["role_name"], lambda r: (r["role_order"], r["_order"])),
    Column("Name", lambda r: r["person_name"], kana_key("person_name", "person_kana")),
    Column("Starts on", lambda r: formatting.format_date(r["starts_on"], "short"),
           lambda r: r["starts_on"]),
    Column("Ends on", lambda r: formatting.format_date(r["ends_on"], "short"),
           lambda r: r["ends_on"]),
    Column("Notes", lambda r: r["notes"], stretch=True, free=True, droppable=True),
]
COLUMN_TITLES = (N_("Body"), N_("Role"), N_("Full name"), N_("Starts on"), N_("Ends on"), N_("Notes"))
#: Filter of the list: (English label msgid, predicate on a term dict).
FILTERS = (
    (N_("Council officers"), lambda t: t["body_kind"] == officers.COUNCIL),
    (N_("Neighborhood association presidents"),
     lambda t: t["org_kind"] == "neighborhood_association" and t["role"] == "president"),
    (N_("Member groups"), lambda t: t["body_kind"] == officers.ORGANIZATION),
    (N_("Subcommittees"), lambda t: t["body_kind"] == officers.SUBCOMMITTEE),
    (N_("Everything"), lambda t: True),
)


class TermsTab:
    """Wires the widgets of the roster page's 役員・任期 tab (``page``: the loaded page form)."""

    def __init__(self, context: AppContext, page: QWidget) -> None:
        self.context = context
        self.page = page
        self.table = page.findChild(QWidget, "termTable")
        self.model = setup_table(self.table, COLUMNS, [_(t) for t in COLUMN_TITLES])
        self.filter = page.findChild(QComboBox, "termFilter")
        for label, _predicate in FILTERS:
            self.filter.addItem(_(label))
        self.history = page.findChild(QCheckBox, "termHistoryCheck")
        self.warning = page.findChild(QLabel, "termWarningLabel")
        self.warning.setProperty("role", "error")
        self.filter.activated.connect(lambda _i: self.reload())
        self.history.toggled.connect(lambda _c: self.reload())
        buttons = {"appointButton": self.appoint, "changeHolderButton": self.change_holder,
                   "editTermButton": self.edit, "deleteTermButton": self.delete}
        for name, slot in buttons.items():
            page.findChild(QPushButton, name).clicked.connect(slot)
        self.table.doubleClicked.connect(lambda _i: self.edit())

    def reload(self) -> None:
        """Reload the terms of the current council on the 年度's reference date."""
        council = self.context.council_id
        if council is None:
            self.model.set_rows([])
            return
        on = officers.reference_date(self.context.fiscal_year)
        terms = officers.list_terms(self.context.store, council, on=on,
                                    current_only=not self.history.isChecked())
        predicate = FILTERS[max(0, self.filter.currentIndex())][1]
        rows = [t for t in terms if predicate(t)]
        for order, row in enumerate(rows):
            row["_order"] = order
        self.model.set_rows(rows)
        warnings = officers.auditor_warnings(self.context.store, council)
        self.warning.setText("\n".join(warnings))
        self.warning.setVisible(bool(warnings))

    def _selected(self) -> dict | None:
        term_id = selected_id(self.table)
        return next((r for r in self.model.rows if r["id"] == term_id), None)

    def _warn(self, warnings: list[str]) -> None:
        if warnings:
            self.warning.setText("\n".join(warnings))
            self.warning.show()

    def appoint(self) -> None:
        """任命: a new term in any body."""
        store = self.context.store

        def submit(values: dict) -> None:
            _term_id, _changes, warnings = save_with_undo(
                self.context, _("Appoint"), lambda: officers.appoint(
                    store, values["person_id"], values["role"], values["body"],
                    values["starts_on"], values["ends_on"], values["notes"]))
            self._warn(warnings)

        TermDialog(self.context, "appoint", submit, parent=self.page).exec()

    def change_holder(self) -> None:
        """交代: hand the selected term's role to someone else from a given day."""
        term = self._selected()
        if term is None:
            return
        store = self.context.store

        def submit(values: dict) -> None:
            _new_id, _changes, warnings = save_with_undo(
                self.context, _("Change of {role}").format(role=term["role_name"]),
                lambda: officers.change_holder(
                    store, term["id"], values["person_id"], values["starts_on"],
                    ends_on=values["ends_on"], notes=values["notes"]))
            self._warn(warnings)

        TermDialog(self.context, "change", submit, term=term, parent=self.page).exec()

    def edit(self) -> None:
        """修正: correct the dates or notes of the selected term."""
        term = self._selected()
        if term is None:
            return
        store = self.context.store

        def submit(values: dict) -> None:
            after = {k: values[k] for k in ("starts_on", "ends_on", "notes")}
            _changes, warnings = save_with_undo(
                self.context, _("Edit term"),
                lambda: officers.update_term(store, term["id"], **after))
            self._warn(warnings)

        TermDialog(self.context, "edit", submit, term=term, parent=self.page).exec()

    def delete(self) -> None:
        """Delete the selected term (a mistake; ended terms are history) — undoable."""
        term = self._selected()
        if term is None:
            return
        store = self.context.store
        label = f"{term['body_name']} {term['role_name']} {term['person_name']}"
        if not confirm_delete(self.page, label, [_("the history of this role")]):
            return
        save_with_undo(self.context, _("Delete term"),
                       lambda: officers.delete_term(store, term["id"]))

