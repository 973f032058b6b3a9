"""The 協議会 page: the profile form with the 担当者 and the bank accounts (left), the 年度
overview (right), and the first-run panel shown while the data file holds no council. The widgets come from ``forms/council_page.ui``.

Saving (保存 or Ctrl+S) sends only the fields that changed to
:func:`~kyodo_desktop.services.council.profile.update_profile`; a bad value shows a red message
under its field and nothing is saved. A good save is pushed on the undo stack.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain import formatting
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.council import profile as council_profile
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.council.accounts_view import AccountsBox
from kyodo_desktop.ui.council.overview_view import OverviewView
from kyodo_desktop.ui.forms import load_form
from kyodo_desktop.ui.shell.message_line import keep_lines
from kyodo_desktop.ui.shell.props import get_property
from kyodo_desktop.ui.shell.scroll_fit import keep_contents_width
from kyodo_desktop.ui.shell.text_scale import set_scaled_style_sheet

#: profile field → object name prefix in the form (``<prefix>Edit`` and ``<prefix>Error``).
FIELDS = {"name": "name", "name_kana": "nameKana", "district_id": "districtId",
          "postal_code": "postalCode", "address": "address", "phone": "phone", "fax": "fax",
          "email": "email", "established_on": "establishedOn", "notes": "notes",
          "contact_name": "contactName", "contact_kana": "contactKana",
          "contact_phone": "contactPhone", "contact_email": "contactEmail"}
CARD_MIN_WIDTH = 130
STYLE = """
QLabel[role="error"] { color: #c62828; }
QLabel#overviewTitle, QLabel#firstRunTitle { font-size: 16pt; font-weight: bold; }
QLabel#grantsHeading, QLabel#fundsHeading { font-weight: bold; margin-top: 8px; }
QFrame[card="true"] { background: #f5f8fc; border: 1px solid #c9d6e6; border-radius: 6px; }
QFrame[card="true"] QLabel { background: transparent; border: none; }
QLabel[cardValue="true"] { font-size: 18pt; font-weight: bold; color: #1f3a5f; }
QLabel[cardCaption="true"] { color: #444; }
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"] { border: 2px solid #c62828; }
"""


class CouncilPage(QWidget):
    """The 協議会 area. ``context`` supplies the store, the council, the 年度 and the signals."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.form = load_form("council_page", self)
        QVBoxLayout(self).addWidget(self.form)
        self.layout().setContentsMargins(0, 0, 0, 0)
        self.stack = self.form.findChild(QStackedWidget, "stack")
        self.edits = {key: self.form.findChild(QWidget, f"{prefix}Edit")
                      for key, prefix in FIELDS.items()}
        self.errors = {key: self.form.findChild(QLabel, f"{prefix}Error")
                       for key, prefix in FIELDS.items()}
        self.center_label = self.form.findChild(QLabel, "communityCenterLabel")
        self.save_status = self.form.findChild(QLabel, "saveStatus")
        self.save_button = self.form.findChild(QPushButton, "saveButton")
        self.revert_button = self.form.findChild(QPushButton, "revertButton")
        self.first_name = self.form.findChild(QLineEdit, "firstNameEdit")
        self.first_district = self.form.findChild(QComboBox, "firstDistrictEdit")
        self.first_error = self.form.findChild(QLabel, "firstNameError")
        self.overview = OverviewView(self.form)
        self.accounts = AccountsBox(context, self.form)
        # beside the overview (the wider half), below the funds: the 振込先 of the 交付金 shown above
        self.form.findChild(QWidget, "overviewPanel").layout().addWidget(self.accounts)
        self._loaded: dict[str, object] = {}
        # the form as wide as its fields need at every text size; the overview takes the rest
        keep_contents_width(self.form.findChild(QScrollArea, "profileScroll"))
        self._decorate()
        set_scaled_style_sheet(self, STYLE)  # after _decorate: the rules match its dynamic properties
        self._connect()
        self.reload()

    # wiring -------------------------------------------------------------------------------------

    def _decorate(self) -> None:
        for label in [*self.errors.values(), self.first_error]:
            label.setProperty("role", "error")
            label.hide()
        for name in self.overview.values:
            card = self.form.findChild(QWidget, f"{name}Card")
            card.setProperty("card", True)
            # equal columns: the grid's stretch decides the width, not the caption's length
            card.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            card.setMinimumWidth(CARD_MIN_WIDTH)
            self.overview.values[name].setProperty("cardValue", True)
            self.form.findChild(QLabel, f"{name}Caption").setProperty("cardCaption", True)
        keep_lines(self.save_status, 1)  # always there: a message never moves the buttons
        self.center_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.center_label.setWordWrap(True)  # a long name wraps instead of widening the form
        self.center_button = self._beside(self.center_label, _("Change…"))
        self.center_button.setObjectName("centerButton")
        self.center_button.setToolTip(_("Name, address, phone and opening hours of the "
                                        "community centre (printed in the handbook)."))
        self.first_district.setEditable(True)
        self.first_district.lineEdit().setPlaceholderText(_("Choose or type the district"))

    def _beside(self, label: QLabel, text: str) -> QPushButton:
        """Put a button right of ``label`` in the form's grid; return the button."""
        holder = QWidget(label.parentWidget())
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        grid = self.form.findChild(QGridLayout, "profileGrid")
        grid.replaceWidget(label, holder)
        row.addWidget(label, 1)
        button = QPushButton(text, holder)
        row.addWidget(button)
        return button

    def edit_center(self) -> int:
        """Open the 地域交流センター dialog (modal); its result code."""
        from kyodo_desktop.ui.council.center_dialog import CenterDialog

        return CenterDialog(self.context, self).exec()

    def _connect(self) -> None:
        self.center_button.clicked.connect(self.edit_center)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.form.findChild(QPushButton, "registerButton").clicked.connect(self.register)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for key, edit in self.edits.items():
            if isinstance(edit, QLineEdit):
                edit.returnPressed.connect(self.focusNextChild)
                edit.textEdited.connect(lambda _text, key=key: self._clear_error(key))
        self.edits["notes"].textChanged.connect(lambda: self._clear_error("notes"))
        self.first_name.returnPressed.connect(self.register)
        self.context.add_leave_guard(self.may_leave)
        self.context.changed.connect(self._on_changed)
        self.context.stepped.connect(self._status)  # 「元に戻しました: …」 replaces 「保存しました。」
        self.context.council_changed.connect(lambda _id: self.reload())
        self.context.fiscal_year_changed.connect(lambda _fy: self.reload_overview())

    def _on_changed(self, changes: Changes) -> None:
        if changes.concerns(self.context.council_id):
            self.reload()

    # showing ------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Show the first-run panel (no council) or the current council's profile and overview."""
        if self.context.council_id is None:
            self._fill_districts(self.first_district, blank=False)
            self.stack.setCurrentWidget(self.form.findChild(QWidget, "firstRunPanel"))
            return
        self.stack.setCurrentWidget(self.form.findChild(QWidget, "profilePanel"))
        self.reload_profile()
        self.reload_overview()
        self.accounts.reload()

    def reload_profile(self) -> None:
        """Fill the form from the stored profile, dropping unsaved edits and messages."""
        profile = council_profile.get_profile(self.context.store, self.context.council_id)
        self._fill_districts(self.edits["district_id"], blank=True)
        self._loaded = {key: self._display(key, profile[key]) for key in FIELDS}
        for key, value in self._loaded.items():
            self._set_value(key, value)
            self._clear_error(key)
        self.center_label.setText(profile["community_center_name"] or _("(not set)"))

    def reload_overview(self) -> None:
        """Recompute the overview of the current council and 年度."""
        if self.context.council_id is not None:
            self.overview.show(council_profile.council_overview(
                self.context.store, self.context.council_id, self.context.fiscal_year))

    def _fill_districts(self, combo: QComboBox, *, blank: bool) -> None:
        combo.blockSignals(True)
        combo.clear()
        if blank:
            combo.addItem(_("(not set)"), None)
        for district in council_profile.district_choices(self.context.store):
            combo.addItem(district["name"], district["id"])
        combo.blockSignals(False)
        if not blank:
            combo.setCurrentIndex(-1)
            combo.lineEdit().setPlaceholderText(
                _("Choose or type the district") if combo.count()
                else _("Type the district's name, e.g. 湯田"))

    @staticmethod
    def _display(key: str, value):
        if key == "established_on":
            return formatting.format_date(value) if value else ""
        if key == "district_id":
            return value
        return "" if value is None else str(value)

    def _value(self, key: str):
        edit = self.edits[key]
        if isinstance(edit, QComboBox):
            return edit.currentData()
        if isinstance(edit, QPlainTextEdit):
            return edit.toPlainText()
        return edit.text()

    def _set_value(self, key: str, value) -> None:
        edit = self.edits[key]
        if isinstance(edit, QComboBox):
            edit.setCurrentIndex(max(0, edit.findData(value)))
        elif isinstance(edit, QPlainTextEdit):
            edit.setPlainText(value)
        else:
            edit.setText(value)
            edit.setCursorPosition(0)  # show the start of a long address, not its end

    def edited_values(self) -> dict:
        """``{field: form value}`` of the fields that differ from what was loaded."""
        values = {key: self._value(key) for key in FIELDS}
        return {key: value for key, value in values.items() if value != self._loaded.get(key)}

    # actions ------------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save the edited fields; True when saved (or nothing to save), False on bad input."""
        edited = self.edited_values()
        if not edited:
            self._status(_("No changes to save."))
            return True
        store, council_id = self.context.store, self.context.council_id
        try:
            save_with_undo(self.context, _("Edit of the council profile"),
                           lambda: council_profile.update_profile(store, council_id, edited))
        except council_profile.ProfileValidationError as error:
            self._show_errors(error.errors)
            self._status(_("Not saved: correct the fields marked in red."))
            return False
        self._status(_("Saved."))
        return True

    def may_leave(self) -> bool:
        """Before switching away: with unsaved edits ask 保存 / 破棄 / キャンセル; False = stay."""
        if self.context.council_id is None or not self.edited_values():
            return True
        answer = QMessageBox.question(
            self, _("Unsaved changes"),
            _("The council profile has changes that are not saved yet. Save them?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.reload_profile()
            return True
        return False

    def revert(self) -> None:
        """Discard unsaved edits."""
        self.reload_profile()
        self._status(_("Changes discarded."))

    def register(self) -> None:
        """First run: register the council typed in the short form and show it."""
        name, district = self.first_name.text(), self.first_district.currentText().strip()
        self.first_error.hide()
        try:
            council_id, changes = council_profile.create_council(
                self.context.store, name, district_name=district)
        except ValidationError as error:
            self.first_error.setText(error.message)
            self.first_error.show()
            self.first_name.setFocus()
            return
        self.first_name.clear()
        self.context.set_council(council_id)
        self.context.notify(changes)

    def _status(self, text: str) -> None:
        self.save_status.setText(text)

    def _show_errors(self, errors: dict[str, str]) -> None:
        for key, message in errors.items():
            self.errors[key].setText(message)
            self.errors[key].show()
            self._mark(self.edits[key], True)
        self.edits[next(iter(errors))].setFocus()

    def _clear_error(self, key: str) -> None:
        self._status("")  # new input: the old 「保存しました。」 or error line goes
        self.errors[key].hide()
        self._mark(self.edits[key], False)

    @staticmethod
    def _mark(widget: QWidget, invalid: bool) -> None:
        if get_property(widget, "invalid", False) != invalid:
            widget.setProperty("invalid", invalid)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
