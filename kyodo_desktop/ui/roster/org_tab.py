"""The 構成団体 tab of the roster page: the list (search, 種別 filter, totals of the 年度) and the
editor beside it (``forms/roster_organization.ui``) with the 世帯数 of the 年度 and the 班数
(services/roster/han.py: 回覧 copies of the 配布部数表).

Saving sends the changed fields and figures to :mod:`kyodo_desktop.services.roster.organizations`; a bad value
shows a red message under its field. Additions, edits and deletions go on the undo stack.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain import formatting, wareki
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.roster import han
from kyodo_desktop.services.roster import organizations as roster
from kyodo_desktop.services.roster.validate import RosterValidationError
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.forms import load_form
from kyodo_desktop.ui.roster.editors import FieldForm, confirm_delete
from kyodo_desktop.ui.roster.models import Column, kana_key, select_id, selected_id, setup_table


def _count(value) -> str:
    return "" if value is None else formatting.format_number(value)


COLUMNS = [
    Column("Name", lambda r: r["name"], kana_key(), stretch=True),
    Column("Kind", lambda r: r["kind_name"], lambda r: list(roster.organization_kinds()).index(
        (r["kind"], r["kind_name"])), free=True, droppable=True),  # hidden after 代表者
    Column("Representative", lambda r: r["representative"], free=True, droppable=True),
    Column("Households", lambda r: _count(r["households"]), lambda r: r["households"], True),
    Column("Members", lambda r: _count(r["member_households"]),
           lambda r: r["member_households"], True),
    Column("Rate", lambda r: "" if r["membership_rate"] is None else formatting.format_percent(
        r["membership_rate"]), lambda r: r["membership_rate"], True),
]
COLUMN_TITLES = (N_("Group name"), N_("Kind"), N_("Representative"), N_("Households"), N_("Member households"),
                 N_("Membership rate"))


def pin_below(scroll: QScrollArea, widgets: list[QWidget]) -> QWidget:
    """Move ``widgets`` (e.g. 保存 / 元に戻す) into a bar under ``scroll``, so they stay in view
    however long the form is on a 1366×768 screen; returns the bar."""
    splitter = scroll.parentWidget()
    index = splitter.indexOf(scroll)
    container = QWidget(splitter)
    layout = QVBoxLayout(container)
    layout.setContentsMargins(0, 0, 0, 0)
    bar = QWidget(container)
    row = QHBoxLayout(bar)
    row.setContentsMargins(8, 4, 8, 4)
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    layout.addWidget(scroll, 1)
    layout.addWidget(bar)
    splitter.insertWidget(index, container)
    return bar


class OrganizationTab:
    """Wires the widgets of the roster page's 構成団体 tab (``page``: the loaded page form)."""

    def __init__(self, context: AppContext, page: QWidget) -> None:
        self.context = context
        self.page = page
        self.table = page.findChild(QWidget, "orgTable")
        self.model = setup_table(self.table, COLUMNS, [_(t) for t in COLUMN_TITLES])
        self.search = page.findChild(QLineEdit, "orgSearch")
        self.kind_filter = page.findChild(QComboBox, "kindFilter")
        self.include_left = page.findChild(QCheckBox, "includeLeftCheck")
        self.totals = page.findChild(QLabel, "totalsLabel")
        holder = page.findChild(QWidget, "orgEditorHolder")
        self.editor = load_form("roster_organization", holder)
        holder.layout().addWidget(self.editor)
        self.save_button = self.editor.findChild(QPushButton, "saveButton")
        self.revert_button = self.editor.findChild(QPushButton, "revertButton")
        self.fields = FieldForm(self.editor, roster.ORGANIZATION_FIELDS)
        self.figures = FieldForm(self.editor, ("households", "member_households"))
        self.heading = self.editor.findChild(QLabel, "orgHeading")
        self.heading.setProperty("role", "heading")
        self.status = self.editor.findChild(QLabel, "statusLabel")
        pin_below(page.findChild(QScrollArea, "orgEditorScroll"),
                  [self.save_button, self.revert_button, self.status])
        self.current_id: int | None = None
        self.han, self.han_error = self._han_row()
        self._han_loaded = ""
        kinds = self.editor.findChild(QComboBox, "kindEdit")
        self.kind_filter.addItem(_("All kinds"))
        for code, name in roster.organization_kinds():
            kinds.addItem(name, code)
            self.kind_filter.addItem(name, code)
        self._connect()

    def _han_row(self) -> tuple[QLineEdit, QLabel]:
        """The 班数 field under the 世帯数 (回覧 copies of the 配布部数表 are one per 班)."""
        edit, error = QLineEdit(), QLabel()
        edit.setObjectName("hanCountEdit")
        edit.setPlaceholderText(_("Empty: one circular per 10 households"))
        edit.setMaxLength(12)
        error.setProperty("role", "error")
        error.setWordWrap(True)
        error.hide()
        edit.textEdited.connect(lambda _t: error.hide())
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(edit)
        box.addWidget(error)
        self.editor.findChild(QFormLayout, "householdsForm").addRow(_("Number of 班"), box)
        return edit, error

    def _han_edit(self) -> str | None:
        """The 班数 typed when it differs from the stored one, else None."""
        typed = self.han.text().strip()
        return None if typed == self._han_loaded else typed

    def _show_han(self, organization_id: int | None) -> None:
        counts = han.han_counts(self.context.store, self.context.council_id) if (
            organization_id is not None) else {}
        self._han_loaded = str(counts[organization_id]) if organization_id in counts else ""
        self.han.setText(self._han_loaded)
        self.han_error.hide()

    def _connect(self) -> None:
        self.search.textChanged.connect(lambda _t: self.reload())
        self.kind_filter.activated.connect(lambda _i: self.reload())
        self.include_left.toggled.connect(lambda _c: self.reload())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.show_selected())
        self.page.findChild(QPushButton, "addOrgButton").clicked.connect(self.new)
        self.page.findChild(QPushButton, "deleteOrgButton").clicked.connect(self.delete)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.show_selected)

    # showing ------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Reload the list and totals of the current council and 年度, keeping the selection."""
        council, year = self.context.council_id, self.context.fiscal_year
        if council is None:
            self.model.set_rows([])
            return
        keep = self.current_id
        self.model.set_rows(roster.list_organizations(
            self.context.store, council, year, kind=self.kind_filter.currentData(),
            search=self.search.text(), include_left=self.include_left.isChecked()))
        totals = roster.roster_totals(self.context.store, council, year)
        self.totals.setText(_("{year}: {count} neighborhood associations, {households} households, "
                              "{members} members, membership rate {rate}").format(
            year=wareki.format_fiscal_year(year), count=totals.associations,
            households=_count(totals.households) or "—",
            members=_count(totals.member_households) or "—",
            rate=formatting.format_percent(totals.membership_rate)))
        self.editor.findChild(QWidget, "householdsBox").setTitle(
            _("Households as of April 1 ({year})").format(year=wareki.format_fiscal_year(year)))
        if not (keep and select_id(self.table, keep)):
            self.show_selected()

    def show_selected(self) -> None:
        """Fill the editor with the selected group (or leave it empty)."""
        organization_id = selected_id(self.table)
        if organization_id is None:
            self.new(focus=False)
            return
        self.current_id = organization_id
        row = next(r for r in self.model.rows if r["id"] == organization_id)
        self.fields.fill(roster.get_organization(self.context.store, organization_id))
        self.figures.fill(row)
        self.heading.setText(row["name"])
        self._show_han(organization_id)
        self.editor.findChild(QLabel, "representativeEdit").setText(
            row["representative"] or _("(not set)"))
        self.editor.findChild(QLabel, "rateEdit").setText(
            formatting.format_percent(row["membership_rate"]))
        self.status.clear()

    def new(self, *, focus: bool = True) -> None:
        """Empty the editor for a new group (自治会 by default)."""
        self.current_id = None
        if focus:
            self.table.clearSelection()
        self.fields.fill({"kind": roster.NEIGHBORHOOD})
        self.figures.fill({})
        self._show_han(None)
        self.heading.setText(_("New group"))
        self.editor.findChild(QLabel, "representativeEdit").setText(_("(not set)"))
        self.editor.findChild(QLabel, "rateEdit").clear()
        self.status.clear()
        if focus:
            self.fields.edits["name"].setFocus()

    # actions ------------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save the editor; True when saved (or nothing changed), False on bad input."""
        edited, figures, han_typed = self.fields.edited(), self.figures.edited(), self._han_edit()
        if not edited and not figures and han_typed is None and self.current_id is not None:
            self.status.setText(_("No changes to save."))
            return True
        try:
            if han_typed is not None:
                han.clean_han(han_typed)
        except ValidationError as error:
            self.han_error.setText(error.message)
            self.han_error.show()
            self.status.setText(_("Not saved: correct the fields marked in red."))
            return False
        try:
            if figures:
                roster.clean_household_figures(*self.figures.values().values())
            if self.current_id is None:
                self._create(self.fields.values(), figures and self.figures.values(), han_typed)
            else:
                self._update(edited, figures and self.figures.values(), han_typed)
        except RosterValidationError as error:
            (self.figures if set(error.errors) <= {"households", "member_households"}
             else self.fields).show_errors(error)
            self.status.setText(_("Not saved: correct the fields marked in red."))
            return False
        self.status.setText(_("Saved."))
        return True

    def _create(self, values: dict, figures: dict | None, han_typed: str | None = None) -> None:
        store, year, council = self.context.store, self.context.fiscal_year, self.context.council_id

        def create():  # the new group is selected when the page reloads on the Changes
            organization_id, changes = roster.create_organization(store, council, values)
            if figures:
                changes |= roster.set_households(store, organization_id, year, *figures.values())
            if han_typed:
                changes |= han.set_han_count(store, organization_id, han_typed)
            self.current_id = organization_id
            return changes

        save_with_undo(self.context, _("Add group {name}").format(name=values["name"]), create)
        select_id(self.table, self.current_id)

    def _update(self, edited: dict, figures: dict | None, han_typed: str | None = None) -> None:
        store, year, organization_id = self.context.store, self.context.fiscal_year, self.current_id
        stored = roster.get_organization(store, organization_id)

        def update():
            changes = roster.update_organization(store, organization_id, edited) if edited else Changes()
            if figures:
                changes |= roster.set_households(store, organization_id, year, *figures.values())
            if han_typed is not None:
                changes |= han.set_han_count(store, organization_id, han_typed)
            return changes

        save_with_undo(self.context, _("Edit group {name}").format(name=stored["name"]), update)

    def delete(self) -> None:
        """Delete the selected group after a confirmation when others use it (undoable)."""
        organization_id = selected_id(self.table)
        if organization_id is None:
            return
        store = self.context.store
        name = roster.get_organization(store, organization_id)["name"]
        if not confirm_delete(self.page, name, roster.organization_usage(store, organization_id)):
            return
        save_with_undo(self.context, _("Delete group {name}").format(name=name),
                       lambda: roster.delete_organization(store, organization_id))
