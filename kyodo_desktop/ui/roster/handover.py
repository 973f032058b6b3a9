"""The yearly handover wizard (``forms/handover_wizard.ui``): choose the new 年度, decide every role
whose term ends (再任 / 交代 / 空席; type a new name to register a new person), correct the 世帯数
carried from last year, then carry it out in one go (:func:`handover.apply_handover`) and see
this year's 自治会長 list, which can be saved to Excel. Keyboard: Tab walks the choices row by
row; typing a successor's name switches the row to 交代.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
    QWizard,
    QWizardPage,
)

from kyodo_desktop.domain import formatting, wareki
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.io import roster_export
from kyodo_desktop.services.roster import handover
from kyodo_desktop.services.roster import people as roster_people
from kyodo_desktop.services.roster.handover import KEEP, REPLACE, VACATE, Decision
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.forms import load_form
from kyodo_desktop.ui.privacy import provision
from kyodo_desktop.ui.roster.editors import EDITOR_STYLE
from kyodo_desktop.ui.shell.dialog_fit import fit_dialog
from kyodo_desktop.ui.shell.errors import show_error
from kyodo_desktop.ui.shell.table_fit import ColumnFit
from kyodo_desktop.ui.shell.text_scale import set_scaled_style_sheet

ACTION_LABELS = ((KEEP, N_("Keep (reappoint)")), (REPLACE, N_("Hand over")),
                 (VACATE, N_("Leave empty")))
GROUPS = (("", N_("All roles")), ("council", N_("Council officers")),
          ("association", N_("Neighborhood association presidents")),
          ("organization", N_("Other member groups")), ("subcommittee", N_("Subcommittees")))
_READING = re.compile(r"^(?P<name>[^（(]+)[（(](?P<kana>[^）)]*)[）)]\s*$")


def _item(text: str, *, editable: bool = False, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item

#: Width and height of the wizard, in full-width characters of the text size in use.
WIZARD_SIZE = (69, 42)


class HandoverWizard:
    """The wizard (``self.wizard``, a QWizard built from the form; ``exec()`` shows it)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.context = context
        self.wizard: QWizard = load_form("handover_wizard", parent)
        set_scaled_style_sheet(self.wizard, EDITOR_STYLE)
        self.wizard.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        # once handed over there is nothing to cancel: only 完了 on the last page
        self.wizard.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        find = self.wizard.findChild
        self.year_combo = find(QComboBox, "yearCombo")
        self.roles = find(QTableWidget, "rolesTable")
        self.households = find(QTableWidget, "householdsTable")
        self.presidents = find(QTableWidget, "presidentsTable")
        # 自治会, 会長 and 電話 whole at every text size; 住所 takes the rest and wraps
        self.presidents_fit = ColumnFit(self.presidents, free=(3,), wrap_rows=True)
        self.group_filter = find(QComboBox, "groupFilter")
        self.items: list[handover.HandoverItem] = []
        self.carried: list[dict] = []
        self.result: handover.HandoverResult | None = None
        commit = find(QWizardPage, "householdsPage")
        commit.setCommitPage(True)
        self.wizard.setButtonText(QWizard.WizardButton.CommitButton, _("Carry out the handover"))
        for error in ("rolesError", "householdsError"):
            find(QLabel, error).setProperty("role", "error")
        current = context.fiscal_year
        for year in range(current - 1, current + 3):
            self.year_combo.addItem(wareki.format_fiscal_year(year), year)
        start = handover.default_fiscal_year(context.store, context.council_id, current)
        self.year_combo.setCurrentIndex(self.year_combo.findData(start))
        for key, label in GROUPS:
            self.group_filter.addItem(_(label), key)  # "" = all (None data crashes PySide6)
        self.year_combo.currentIndexChanged.connect(lambda _i: self._summarise())
        self.group_filter.currentIndexChanged.connect(lambda _i: self._filter())
        find(QPushButton, "keepAllButton").clicked.connect(self.keep_all)
        find(QPushButton, "exportPresidentsButton").clicked.connect(self.export_presidents)
        self.wizard.currentIdChanged.connect(self._entered)
        self._people_model = self._make_people_model(
            roster_people.list_people(context.store, context.council_id))
        self._summarise()
        fit_dialog(self.wizard, *WIZARD_SIZE)

    @property
    def fiscal_year(self) -> int:
        """The new 年度 chosen."""
        return self.year_combo.currentData()

    def exec(self) -> int:
        """Show the wizard modally."""
        return self.wizard.exec()

    def _summarise(self) -> None:
        self.items = handover.handover_items(self.context.store, self.context.council_id,
                                             self.fiscal_year)
        associations = sum(1 for i in self.items if i.group == handover.ASSOCIATION)
        self.wizard.findChild(QLabel, "yearSummary").setText(_(
            "{count} roles end before {year} begins, {associations} of them neighborhood "
            "association presidents.").format(count=len(self.items), associations=associations,
                                              year=wareki.format_fiscal_year(self.fiscal_year)))
        self._fill_roles()

    def _entered(self, page_id: int) -> None:
        page = self.wizard.page(page_id)
        name = page.objectName() if page is not None else ""
        if name == "householdsPage" and not self.carried:
            self._fill_households()
        elif name == "donePage" and self.result is None:
            self._carry_out()

    # roles ----------------------------------------------------------------------------------------

    def _fill_roles(self) -> None:
        table = self.roles
        table.clear()
        titles = [_("Body"), _("Role"), _("Current holder"), _("Term ends"), _("Decision"),
                  _("Successor (choose, or type a new name)")]
        table.setColumnCount(len(titles))
        table.setHorizontalHeaderLabels(titles)
        table.setRowCount(len(self.items))
        table.verticalHeader().hide()
        previous = None
        for row, item in enumerate(self.items):
            table.setItem(row, 0, _item(item.body_name))
            table.setItem(row, 1, _item(item.role_name))
            table.setItem(row, 2, _item(item.person_name))
            table.setItem(row, 3, _item(formatting.format_date(item.ends_on, "short")))
            action, successor = self._choosers(row)
            table.setCellWidget(row, 4, action)
            table.setCellWidget(row, 5, successor)
            if previous is not None:
                QWidget.setTabOrder(previous, action)
            QWidget.setTabOrder(action, successor)
            previous = successor
        header = table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self._filter()

    def _choosers(self, row: int) -> tuple[QComboBox, QComboBox]:
        action = QComboBox()
        for code, label in ACTION_LABELS:
            action.addItem(_(label), code)
        successor = QComboBox()
        successor.setEditable(True)
        successor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        successor.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        successor.setModel(self._people_model)  # one model for every row
        successor.setCurrentIndex(0)
        successor.editTextChanged.connect(
            lambda text, a=action: text.strip() and a.setCurrentIndex(a.findData(REPLACE)))
        action.activated.connect(
            lambda _i, a=action, s=successor: a.currentData() != REPLACE and s.setCurrentIndex(0))
        return action, successor

    def _make_people_model(self, people: list[dict]) -> QStandardItemModel:
        """The successor choices shared by every row: "" then 「氏名（ふりがな）」 with the id
        (few Python calls: PySide6 leaks a reference to None on each ``addItem``)."""
        model = QStandardItemModel(self.wizard)
        model.appendRow(QStandardItem(""))
        for person in people:
            item = QStandardItem(f"{person['name']}（{person['name_kana']}）")
            item.setData(person["id"], Qt.ItemDataRole.UserRole)
            model.appendRow(item)
        return model

    def _filter(self) -> None:
        group = self.group_filter.currentData()
        for row, item in enumerate(self.items):
            self.roles.setRowHidden(row, bool(group) and item.group != group)

    def keep_all(self) -> None:
        """Set every shown row to 再任."""
        for row in range(len(self.items)):
            if not self.roles.isRowHidden(row):
                self.roles.cellWidget(row, 4).setCurrentIndex(0)
                self.roles.cellWidget(row, 5).setCurrentIndex(0)

    def choose(self, row: int, action: str, successor: str = "") -> None:
        """Set row ``row``'s decision (tests and keyboard macros): ``successor`` is typed."""
        if successor:
            self.roles.cellWidget(row, 5).setEditText(successor)
        combo = self.roles.cellWidget(row, 4)
        combo.setCurrentIndex(combo.findData(action))

    def decisions(self) -> list[Decision]:
        """The decisions of every row (a typed name that is nobody of the roster is a new
        person; 「氏名（ふりがな）」 gives the reading too)."""
        found = []
        for row, item in enumerate(self.items):
            action = self.roles.cellWidget(row, 4).currentData()
            chooser = self.roles.cellWidget(row, 5)
            text = chooser.currentText().strip()
            index = chooser.findText(text) if text else 0
            person_id = chooser.itemData(index) if index > 0 else None
            new_person = None
            if action == REPLACE and person_id is None and text:
                match = _READING.match(text)
                new_person = ({"name": match["name"], "name_kana": match["kana"]} if match
                              else {"name": text})
            found.append(Decision(item.term_id, action, person_id, new_person))
        return found

    # households and the result -------------------------------------------------------------------

    def _fill_households(self) -> None:
        self.carried = handover.carried_households(self.context.store, self.context.council_id,
                                                   self.fiscal_year)
        table = self.households
        titles = [_("Neighborhood association"), _("Households"), _("Member households"),
                  _("Figures from")]
        table.setColumnCount(len(titles))
        table.setHorizontalHeaderLabels(titles)
        table.setRowCount(len(self.carried))
        table.verticalHeader().hide()
        for row, entry in enumerate(self.carried):
            table.setItem(row, 0, _item(entry["name"]))
            for column, key in ((1, "households"), (2, "member_households")):
                value = entry[key]
                table.setItem(row, column, _item(
                    "" if value is None else formatting.format_number(value), editable=True,
                    right=True))
            source = wareki.format_fiscal_year(entry["from_year"]) if entry["from_year"] else ""
            table.setItem(row, 3, _item(source))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # figures, 年度
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def household_values(self) -> dict[int, tuple[str, str]]:
        """``{organization id: (世帯数 text, 加入世帯数 text)}`` of every row with figures."""
        found = {}
        for row, entry in enumerate(self.carried):
            total = self.households.item(row, 1).text().strip()
            members = self.households.item(row, 2).text().strip()
            if total or members:
                found[entry["id"]] = (total, members)
        return found

    def _carry_out(self) -> None:
        try:
            store, council, year = self.context.store, self.context.council_id, self.fiscal_year
            decisions, households = self.decisions(), self.household_values()
            self.result = save_with_undo(
                self.context, _("Handover for {year}").format(
                    year=wareki.format_fiscal_year(year)),
                lambda: handover.apply_handover(store, council, year, decisions, households))
        except ValidationError as error:
            label = self.wizard.findChild(QLabel, "householdsError")
            label.setText(error.message)
            self.wizard.back()
            return
        result = self.result
        lines = [_("Kept: {kept}, handed over: {replaced} ({new} new people), left empty: "
                   "{vacated}. Household figures saved for {households} neighborhood "
                   "associations.").format(kept=result.kept, replaced=result.replaced,
                                           new=result.new_people, vacated=result.vacated,
                                           households=result.households), *result.warnings]
        self.wizard.findChild(QLabel, "resultLabel").setText("\n".join(lines))
        self._fill_presidents()

    def _fill_presidents(self) -> None:
        rows = handover.neighborhood_presidents(self.context.store, self.context.council_id,
                                                self.fiscal_year)
        titles = [_("Neighborhood association"), _("President"), _("Phone"), _("Address")]
        table = self.presidents
        table.setColumnCount(len(titles))
        table.setHorizontalHeaderLabels(titles)
        table.setRowCount(len(rows))
        table.verticalHeader().hide()
        for row, entry in enumerate(rows):
            for column, key in enumerate(("organization", "name", "phone", "address")):
                table.setItem(row, column, _item(entry[key] or _("(vacant)")
                                                 if key == "name" else entry[key]))

    def export_presidents(self) -> None:
        """Save the 自治会長 list to an Excel file the user chooses."""
        name = _("Presidents {year}.xlsx").format(
            year=wareki.format_fiscal_year(self.fiscal_year))
        path, _filter = QFileDialog.getSaveFileName(self.wizard, _("Save the list"), name,
                                                    _("Excel workbook (*.xlsx)"))
        if not path:
            return
        store, council = self.context.store, self.context.council_id
        document = _("List of neighborhood association presidents")
        people = roster_export.people_with_contacts(store, council, self.fiscal_year,
                                                    "presidents")
        go_on, answer = provision.ask_provision(self.context, self.wizard, document, people)
        if not go_on:
            return
        try:
            message = provision.write_recorded(
                self.context, "presidents", document, people, answer,
                lambda: roster_export.export_presidents(store, council, self.fiscal_year, path),
                self.wizard)
        except UserError as error:
            show_error(error, self.wizard)
            return
        if message is None:
            return
        self.wizard.findChild(QLabel, "resultLabel").setText(message)
