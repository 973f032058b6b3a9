"""The 会計区分・助成 tab: the funds the council added itself (共同募金配分金, 社協助成金, 指定管理料 …)
and the programmes of other funders that pay into them (name, 交付元, 会計区分, allowed 費目,
対象外 keywords, 上限額, 繰越, the form of the report). The city's three funds and programmes
are not edited here. Writes go through :func:`~kyodo_desktop.ui.commands.save_with_undo` (one
undo step each); the rules live in :mod:`kyodo_desktop.services.accounting.funders`."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.domain.money import parse_yen
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.accounting import common as reference
from kyodo_desktop.services.accounting import funders
from kyodo_desktop.ui.accounts.ledger_accounts import _table, fill
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.shell.errors import show_error
from kyodo_desktop.ui.shell.flow_layout import FlowLayout
from kyodo_desktop.ui.shell.form_dialog import lay_out_form_dialog
from kyodo_desktop.ui.shell.table_fit import ColumnFit

FUND_COLUMNS = (N_("Fund"), N_("Programme paying into it"))
PROGRAM_COLUMNS = (N_("Funder's programme"), N_("Funder (交付元)"), N_("Fund"), N_("Maximum (yen)"),
                   N_("Surplus"), N_("Report form"))
_KEYWORD_SPLIT = re.compile(r"[、,，\s]+")


def split_keywords(text: str) -> tuple[str, ...]:
    """The keywords typed in one line, separated by 「、」, commas or spaces."""
    return tuple(k for k in _KEYWORD_SPLIT.split(text or "") if k)


class FundDialog(QDialog):
    """The name of a new fund or a fund's new name."""

    def __init__(self, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Rename the fund") if name else _("Add a fund"))
        form = QFormLayout()
        self.name = QLineEdit(name, self, objectName="fundName",
                              placeholderText=_("e.g. 共同募金配分金"))
        self.name.setMaxLength(funders.MAX_NAME * 2)
        form.addRow(_("Name of the fund"), self.name)
        self.error = lay_out_form_dialog(self, form, width=26)

    def show_error(self, message: str) -> None:
        """Show why the fund was not saved."""
        self.error.setText(message)


class ProgramDialog(QDialog):
    """Enter or change a programme of another funder; :meth:`values` raises ValidationError
    for an amount that cannot be read (the service checks the rest)."""

    def __init__(self, store, council_id: int, program: funders.CouncilProgram | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Edit the programme") if program else _("Add a programme"))
        form = QFormLayout()
        self.name = QLineEdit(self, objectName="programName",
                              placeholderText=_("e.g. 赤い羽根共同募金 地域配分金"))
        self.funder = QLineEdit(self, objectName="programFunder",
                                placeholderText=_("e.g. 山口県共同募金会"))
        self.fund = QComboBox(self, objectName="programFund")
        taken = {f.code for f in funders.list_funds(store, council_id) if f.program_id}
        own = program.values.fund_code if program else None
        for fund in funders.list_funds(store, council_id):
            if fund.code not in taken or fund.code == own:
                self.fund.addItem(fund.name, fund.code)
        self.categories = QListWidget(self, objectName="programCategories")
        for category in reference.expense_categories(store):
            item = QListWidgetItem(("　" if category.parent_code else "") + category.name)
            item.setData(Qt.ItemDataRole.UserRole, category.code)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.categories.addItem(item)
        self.categories.setFixedHeight(self.fontMetrics().lineSpacing() * 8 + 8)
        self.keywords = QLineEdit(self, objectName="programKeywords",
                                  placeholderText=_("e.g. 懇親会、慶弔、商品券"))
        self.cap = QLineEdit(self, objectName="programCap", placeholderText=_("blank: none"))
        self.carry = QCheckBox(_("A surplus may be carried forward (else it is refunded)"), self)
        self.layout_box = QComboBox(self, objectName="programLayout")
        for code, label in funders.REPORT_LAYOUTS.items():
            self.layout_box.addItem(_(label), code)
        for caption, widget in ((_("Name of the programme"), self.name),
                                (_("Funder (交付元)"), self.funder), (_("Fund"), self.fund),
                                (_("Expense categories it pays"), self.categories),
                                (_("Keywords of expenses it does not pay"), self.keywords),
                                (_("Maximum amount (yen)"), self.cap), ("", self.carry),
                                (_("Form of the report"), self.layout_box)):
            form.addRow(caption, widget)
        self.error = lay_out_form_dialog(self, form, width=35)
        if program is not None:
            self._show(program.values)

    def _show(self, values: funders.ProgramInput) -> None:
        self.name.setText(values.name)
        self.funder.setText(values.funder)
        self.fund.setCurrentIndex(max(0, self.fund.findData(values.fund_code)))
        allowed = set(values.allowed_categories)
        for row in range(self.categories.count()):
            item = self.categories.item(row)
            if item.data(Qt.ItemDataRole.UserRole) in allowed:
                item.setCheckState(Qt.CheckState.Checked)
        self.keywords.setText("、".join(values.ineligible_keywords))
        self.cap.setText("" if values.max_amount is None else format_yen(values.max_amount))
        self.carry.setChecked(values.allows_carry_forward)
        self.layout_box.setCurrentIndex(max(0, self.layout_box.findData(values.report_layout)))

    def values(self) -> funders.ProgramInput:
        """What was entered. Raises ValidationError when the 上限額 cannot be read."""
        cap_text = self.cap.text().strip()
        cap = parse_yen(cap_text) if cap_text else None
        checked = tuple(self.categories.item(row).data(Qt.ItemDataRole.UserRole)
                        for row in range(self.categories.count())
                        if self.categories.item(row).checkState() == Qt.CheckState.Checked)
        return funders.ProgramInput(
            self.name.text(), self.funder.text(), self.fund.currentData() or "", checked,
            split_keywords(self.keywords.text()), cap, self.carry.isChecked(),
            self.layout_box.currentData())

    def show_error(self, message: str) -> None:
        """Show why the programme was not saved."""
        self.error.setText(message)


class FundersTab(QWidget):
    """The council's own funds and programmes of other funders; ``reload()`` after changes."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.funds: list[funders.CouncilFund] = []
        self.programs: list[funders.CouncilProgram] = []
        layout = QVBoxLayout(self)
        hint = QLabel(_("Money the city grant does not cover gets a fund of its own here; a "
                        "programme of another funder (共同募金, 社会福祉協議会 …) pays into one "
                        "of them and gets the checks and the report of its own. The city's "
                        "three funds and the city's forms stay as they are."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.fund_table = self._box(layout, _("The council's own funds"), FUND_COLUMNS, (
            (_("Add a fund…"), self.add_fund), (_("Rename…"), self.rename_fund),
            (_("Delete"), self.delete_fund)))
        self.program_table = self._box(layout, _("Programmes of other funders"),
                                       PROGRAM_COLUMNS, (
            (_("Add a programme…"), self.add_program), (_("Edit…"), self.edit_program),
            (_("Change history…"), self.show_history)))
        self.program_table.doubleClicked.connect(lambda _index: self.edit_program())
        self.fits = (ColumnFit(self.fund_table, free=(0, 1)),
                     ColumnFit(self.program_table, free=(0, 1, 2), drop=(4,)))
        self.reload()

    def _box(self, layout: QVBoxLayout, title: str, columns, buttons):
        """A list under a title line holding its buttons (no frame and no line of buttons of
        its own: the two lists keep five rows each at large text)."""
        bar = FlowLayout()  # the buttons follow the title; under it when the line is too short
        caption = QLabel(title, self)
        caption.setStyleSheet("font-weight: bold;")
        bar.add(caption, 0)
        for text, slot in buttons:
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            bar.add(button, 0)
        table = _table(columns, self)
        layout.addLayout(bar)
        layout.addWidget(table, 1)
        return table

    def reload(self) -> None:
        """Re-read the council's funds and programmes."""
        store, council = self.context.store, self.context.council_id
        self.funds = [] if council is None else funders.list_funds(store, council)
        self.programs = [] if council is None else funders.list_programs(store, council)
        names = {p.program_id: p.name for p in self.programs}
        fill(self.fund_table, [(f.name, names.get(f.program_id, _("none yet")))
                               for f in self.funds])
        fill(self.program_table, [(
            p.name, p.values.funder, p.fund_name,
            _("none") if p.values.max_amount is None else format_yen(p.values.max_amount),
            _("carried forward") if p.values.allows_carry_forward else _("refunded"),
            p.layout_label) for p in self.programs], right=(3,))

    def show_history(self) -> None:
        """Open the 変更履歴 of the council's own funds and programmes."""
        from kyodo_desktop.services.accounting.funders_history import fund_changes
        from kyodo_desktop.ui.accounts.funders_history import FundHistoryDialog

        council = self.context.council_id
        changes = [] if council is None else fund_changes(self.context.store, council)
        FundHistoryDialog(changes, self).exec()

    def _chosen(self, table, items: list):
        row = table.currentRow()
        return items[row] if 0 <= row < len(items) else None

    def add_fund(self) -> None:
        """Ask for the name of a new fund and add it."""
        self._fund_dialog(FundDialog("", self), None)

    def rename_fund(self) -> None:
        """Rename the chosen fund."""
        fund = self._chosen(self.fund_table, self.funds)
        if fund is not None:
            self._fund_dialog(FundDialog(fund.name, self), fund.code)

    def _fund_dialog(self, dialog: FundDialog, code: str | None) -> None:
        store, council = self.context.store, self.context.council_id
        if council is None:
            return
        while dialog.exec() == QDialog.DialogCode.Accepted:
            name = dialog.name.text()
            try:
                if code is None:
                    save_with_undo(self.context, _("Addition of a fund"),
                                   lambda typed=name: funders.add_fund(store, council, typed))
                else:
                    save_with_undo(self.context, _("Rename of a fund"),
                                   lambda typed=name: funders.rename_fund(store, council, code,
                                                                          typed))
            except UserError as error:
                dialog.show_error(error.message)
                continue
            self.reload()
            return

    def delete_fund(self) -> None:
        """Delete the chosen fund after asking (refused while anything uses it)."""
        fund = self._chosen(self.fund_table, self.funds)
        if fund is None:
            return
        answer = QMessageBox.question(self, _("Delete"), _(
            "Delete the fund {name}?").format(name=fund.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        store, council = self.context.store, self.context.council_id
        try:
            save_with_undo(self.context, _("Deletion of a fund"),
                           lambda: funders.delete_fund(store, council, fund.code))
        except UserError as error:
            show_error(error, self)
        self.reload()

    def add_program(self) -> None:
        """Enter a new programme (a fund without one must exist first)."""
        store, council = self.context.store, self.context.council_id
        if council is None:
            return
        if not any(f.program_id is None for f in funders.list_funds(store, council)):
            QMessageBox.information(self, _("Add a programme"), _(
                "First add the fund the programme pays into (for example 共同募金配分金)."))
            return
        self._program_dialog(ProgramDialog(store, council, None, self), None)

    def edit_program(self) -> None:
        """Change the chosen programme."""
        program = self._chosen(self.program_table, self.programs)
        if program is not None:
            self._program_dialog(ProgramDialog(self.context.store, self.context.council_id,
                                               program, self), program.program_id)

    def _program_dialog(self, dialog: ProgramDialog, program_id: int | None) -> None:
        store, council = self.context.store, self.context.council_id
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                values = dialog.values()
                if program_id is None:
                    save_with_undo(self.context, _("Addition of a programme"),
                                   lambda typed=values: funders.add_program(store, council,
                                                                            typed))
                else:
                    save_with_undo(self.context, _("Edit of a programme"),
                                   lambda typed=values: funders.update_program(
                                       store, council, program_id, typed))
            except (UserError, ValidationError) as error:
                dialog.show_error(error.message)
                continue
            self.reload()
            return
