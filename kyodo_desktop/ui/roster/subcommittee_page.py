"""The 専門部会 page (``forms/subcommittee_page.ui``): the 部会 in their order (move up/down), the
editor (name, purpose, 事務局 mark), the members — people through 任期 (部会長, 副部会長, 部員) and
member groups — and the 推進項目 and 事業 assigned by the plan. Edits, additions, deletions and
member changes go on the undo stack; deleting a 部会 others use asks first."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain import formatting, wareki
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.roster import officers, subcommittees
from kyodo_desktop.services.roster import organizations as roster
from kyodo_desktop.services.roster.validate import RosterValidationError
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.forms import load_form
from kyodo_desktop.ui.roster.editors import EDITOR_STYLE, FieldForm, confirm_delete
from kyodo_desktop.ui.roster.models import Column, select_id, selected_id, setup_table
from kyodo_desktop.ui.roster.term_dialog import TermDialog
from kyodo_desktop.ui.shell.table_fit import ColumnFit
from kyodo_desktop.ui.shell.text_scale import set_scaled_style_sheet

COLUMNS = [
    Column("Subcommittee", lambda r: r["name"], lambda r: r["sort_order"], stretch=True),
    Column("Chair", lambda r: r["chair"], free=True, droppable=True),
    Column("Members", lambda r: str(r["people"]), lambda r: r["people"], True),
    Column("Actions", lambda r: str(r["actions"]), lambda r: r["actions"], True),
]
COLUMN_TITLES = (N_("Subcommittee"), N_("Chair"), N_("Number of members"), N_("Plan actions"))


class SubcommitteePage(QWidget):
    """The 専門部会 area. ``context`` supplies the store, council, 年度, signals and undo stack."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.form = load_form("subcommittee_page", self)
        QVBoxLayout(self).addWidget(self.form)
        self.layout().setContentsMargins(0, 0, 0, 0)
        set_scaled_style_sheet(self, EDITOR_STYLE)
        find = self.form.findChild
        self.table = find(QWidget, "subTable")
        self.model = setup_table(self.table, COLUMNS, [_(t) for t in COLUMN_TITLES])
        self.fields = FieldForm(self.form, subcommittees.SUBCOMMITTEE_FIELDS)
        self.heading = find(QLabel, "subHeading")
        self.status = find(QLabel, "statusLabel")
        self.members = find(QTableWidget, "memberTable")
        self.org_list = find(QListWidget, "orgList")
        self.org_combo = find(QComboBox, "orgCombo")
        self.work = find(QListWidget, "workList")
        for name in ("subHeading", "membersHeading", "groupsHeading", "workHeading"):
            find(QLabel, name).setProperty("role", "heading")
        find(QWidget, "detailScroll").setMinimumWidth(460)
        splitter = find(QSplitter, "splitter")
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        self.current_id: int | None = None
        slots = {"addButton": self.new, "deleteButton": self.delete,
                 "upButton": lambda: self.move(-1), "downButton": lambda: self.move(1),
                 "saveButton": self.save, "revertButton": self.show_selected,
                 "addMemberButton": self.add_member, "endMemberButton": self.end_member,
                 "addOrgButton": self.add_group, "removeOrgButton": self.remove_group}
        for name, slot in slots.items():
            find(QPushButton, name).clicked.connect(slot)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.show_selected())
        context.changed.connect(self._on_changed)
        context.council_changed.connect(lambda _id: self.reload())
        context.fiscal_year_changed.connect(lambda _fy: self.reload())
        self.reload()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches("roster", "plan") and changes.concerns(self.context.council_id):
            self.reload()

    def _on(self) -> date:
        return officers.reference_date(self.context.fiscal_year)

    def reload(self) -> None:
        """Reload the list (keeping the selection) and the detail."""
        if self.context.council_id is None:
            self.model.set_rows([])
            return
        keep = self.current_id
        self.model.set_rows(subcommittees.list_subcommittees(
            self.context.store, self.context.council_id, on=self._on()))
        if not (keep and select_id(self.table, keep)):
            if self.model.rows and keep is None:
                self.table.selectRow(0)
            self.show_selected()

    def show_selected(self) -> None:
        """Show the selected 部会 (or an empty editor for a new one)."""
        sub_id = selected_id(self.table)
        if sub_id is None:
            self.new(focus=False)
            return
        self.current_id = sub_id
        store = self.context.store
        record = subcommittees.get_subcommittee(store, sub_id)
        self.fields.fill(record)
        self.heading.setText(record["name"])
        self.status.clear()
        found = subcommittees.members(store, sub_id, on=self._on())
        self._fill_members(found["people"])
        self.org_list.clear()
        for group in found["organizations"]:
            self.org_list.addItem(group["name"])
            self.org_list.item(self.org_list.count() - 1).setData(256, group["id"])
        self.org_combo.clear()
        for org in roster.list_organizations(store, self.context.council_id,
                                             self.context.fiscal_year):
            self.org_combo.addItem(org["name"], org["id"])
        work = subcommittees.assigned_work(store, sub_id)
        self.work.clear()
        for action in work["actions"]:
            self.work.addItem(f"{action['code']} {action['title']}")
        for project in work["projects"]:
            self.work.addItem(_("{year} project: {name}").format(
                year=wareki.format_fiscal_year(project["fiscal_year"]), name=project["name"]))
        if not work["actions"] and not work["projects"]:
            self.work.addItem(_("(nothing assigned yet)"))

    def _fill_members(self, terms: list[dict]) -> None:
        titles = [_("Role"), _("Full name"), _("Starts on"), _("Ends on")]
        self.members.setColumnCount(len(titles))
        self.members.setHorizontalHeaderLabels(titles)
        self.members.setRowCount(len(terms))
        self.members.verticalHeader().hide()
        self._terms = terms
        for row, term in enumerate(terms):
            values = (term["role_name"], term["person_name"],
                      formatting.format_date(term["starts_on"], "short"),
                      formatting.format_date(term["ends_on"], "short"))
            for column, value in enumerate(values):
                self.members.setItem(row, column, QTableWidgetItem(value))
        if getattr(self, "members_fit", None) is None:
            self.members_fit = ColumnFit(self.members, stretch=1)
        self.members_fit.schedule()

    def new(self, *, focus: bool = True) -> None:
        """Empty the editor for a new 部会."""
        self.current_id = None
        if focus:
            self.table.clearSelection()
        self.fields.fill({})
        self.heading.setText(_("New subcommittee"))
        self._fill_members([])
        self.org_list.clear()
        self.work.clear()
        if focus:
            self.fields.edits["name"].setFocus()

    def save(self) -> bool:
        """Save the editor; True when saved (or nothing changed)."""
        store, council = self.context.store, self.context.council_id
        edited = self.fields.edited()
        if not edited and self.current_id is not None:
            self.status.setText(_("No changes to save."))
            return True
        try:
            if self.current_id is None:
                values = self.fields.values()

                def create():  # the new 部会 is selected when the page reloads on the Changes
                    self.current_id, changes = subcommittees.create_subcommittee(
                        store, council, values)
                    return changes

                save_with_undo(self.context, _("Add subcommittee {name}").format(
                    name=values["name"]), create)
            else:
                sub_id = self.current_id
                stored = subcommittees.get_subcommittee(store, sub_id)
                save_with_undo(
                    self.context, _("Edit subcommittee {name}").format(name=stored["name"]),
                    lambda: subcommittees.update_subcommittee(store, sub_id, edited))
        except RosterValidationError as error:
            self.fields.show_errors(error)
            self.status.setText(_("Not saved: correct the fields marked in red."))
            return False
        self.status.setText(_("Saved."))
        return True

    def delete(self) -> None:
        """Delete the selected 部会 (asking first when others use it; undoable)."""
        sub_id = selected_id(self.table)
        if sub_id is None:
            return
        store = self.context.store
        name = subcommittees.get_subcommittee(store, sub_id)["name"]
        if not confirm_delete(self, name, subcommittees.subcommittee_usage(store, sub_id)):
            return
        self.current_id = None
        save_with_undo(self.context, _("Delete subcommittee {name}").format(name=name),
                       lambda: subcommittees.delete_subcommittee(store, sub_id))

    def move(self, step: int) -> None:
        """Move the selected 部会 up (−1) or down (+1); undoable."""
        sub_id = selected_id(self.table)
        if sub_id is None:
            return
        store = self.context.store
        save_with_undo(self.context, _("Reorder subcommittees"),
                       lambda: subcommittees.move_subcommittee(store, sub_id, step))

    def add_member(self) -> None:
        """Appoint a 部会長 / 副部会長 / 部員 of this 部会."""
        if self.current_id is None:
            return
        store = self.context.store

        def submit(values: dict) -> None:
            save_with_undo(self.context, _("Appoint"), lambda: officers.appoint(
                store, values["person_id"], values["role"], values["body"],
                values["starts_on"], values["ends_on"], values["notes"]))

        body = officers.Body(officers.SUBCOMMITTEE, self.current_id)
        TermDialog(self.context, "appoint", submit, body=body, parent=self).exec()

    def end_member(self) -> None:
        """End the selected member's term yesterday (history is kept); undoable."""
        row = self.members.currentRow()
        if self.current_id is None or not 0 <= row < len(self._terms):
            return
        term, store = self._terms[row], self.context.store
        ends = max(term["starts_on"], date.today() - timedelta(days=1))
        save_with_undo(self.context, _("End membership"), lambda: officers.update_term(
            store, term["id"], starts_on=term["starts_on"], ends_on=ends, notes=term["notes"]))

    def add_group(self) -> None:
        """Add the group chosen in the combo box as a member (undoable)."""
        organization_id = self.org_combo.currentData()
        if self.current_id is None or organization_id is None:
            return
        store, sub_id = self.context.store, self.current_id
        save_with_undo(self.context, _("Add member group"),
                       lambda: subcommittees.add_organization(store, sub_id, organization_id))

    def remove_group(self) -> None:
        """Take the selected member group out (undoable)."""
        item = self.org_list.currentItem()
        if self.current_id is None or item is None:
            return
        store, sub_id, organization_id = self.context.store, self.current_id, item.data(256)
        save_with_undo(self.context, _("Remove member group"),
                       lambda: subcommittees.remove_organization(store, sub_id, organization_id))
