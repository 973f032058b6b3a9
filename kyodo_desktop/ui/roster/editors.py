"""A small binder between a loaded form and a record's fields: fill, read what changed, and show
inline Japanese messages (red text under the field, a red frame) from a RosterValidationError.

A field ``name_kana`` with prefix ``nameKana`` uses the widgets ``nameKanaEdit`` (QLineEdit,
QPlainTextEdit, QComboBox with codes as item data, or QCheckBox) and ``nameKanaError`` (QLabel).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from kyodo_desktop.domain import formatting
from kyodo_desktop.services.roster.validate import RosterValidationError
from kyodo_desktop.ui.shell.props import get_property

EDITOR_STYLE = """
QLabel[role="error"] { color: #c62828; }
QLabel[role="hint"] { color: #555; }
QLabel[role="heading"] { font-weight: bold; font-size: 12pt; }
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"] {
    border: 2px solid #c62828; }
"""


def camel(field: str) -> str:
    """``name_kana`` → ``nameKana``."""
    head, *rest = field.split("_")
    return head + "".join(part.capitalize() for part in rest)


class FieldForm:
    """Binds ``fields`` of a record to the widgets of ``form`` (see the module doc)."""

    def __init__(self, form: QWidget, fields: tuple[str, ...]) -> None:
        self.form = form
        self.edits = {f: form.findChild(QWidget, f"{camel(f)}Edit") for f in fields}
        self.errors = {f: form.findChild(QLabel, f"{camel(f)}Error") for f in fields}
        self.loaded: dict[str, object] = {}
        for field, label in self.errors.items():
            if label is not None:
                label.setProperty("role", "error")
                label.setWordWrap(True)
                label.hide()
            edit = self.edits[field]
            if isinstance(edit, QLineEdit):
                edit.textEdited.connect(lambda _t, f=field: self.clear_error(f))
                edit.returnPressed.connect(lambda e=edit: focus_next(e))
            elif isinstance(edit, QPlainTextEdit):
                edit.textChanged.connect(lambda f=field: self.clear_error(f))
                edit.setTabChangesFocus(True)
            elif isinstance(edit, QComboBox):
                edit.activated.connect(lambda _i, f=field: self.clear_error(f))

    def fill(self, record: dict) -> None:
        """Show ``record``'s values (dates in 和暦) and forget messages and edits."""
        self.loaded = {f: self._display(record.get(f)) for f in self.edits}
        for field, value in self.loaded.items():
            self._set(field, value)
            self.clear_error(field)

    @staticmethod
    def _display(value):
        if isinstance(value, date):
            return formatting.format_date(value)
        if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
            return formatting.format_date(date.fromisoformat(value))
        return "" if value is None else value

    def _set(self, field: str, value) -> None:
        edit = self.edits[field]
        if isinstance(edit, QComboBox):
            edit.setCurrentIndex(max(0, edit.findData(value)))
        elif isinstance(edit, QCheckBox):
            edit.setChecked(bool(value))
        elif isinstance(edit, QPlainTextEdit):
            edit.setPlainText(str(value))
        else:
            edit.setText(str(value))

    def value(self, field: str):
        """What the widget of ``field`` holds now."""
        edit = self.edits[field]
        if isinstance(edit, QComboBox):
            return edit.currentData()
        if isinstance(edit, QCheckBox):
            return 1 if edit.isChecked() else 0
        if isinstance(edit, QPlainTextEdit):
            return edit.toPlainText()
        return edit.text()

    def values(self) -> dict:
        """Every field's current value."""
        return {f: self.value(f) for f in self.edits}

    def edited(self) -> dict:
        """The fields whose value differs from what :meth:`fill` showed."""
        return {f: v for f, v in self.values().items() if v != self.loaded.get(f)}

    def show_errors(self, error: RosterValidationError) -> None:
        """Show each message under its field (unknown fields go to the first) and focus the
        first bad field."""
        first = None
        for field, message in error.errors.items():
            target = field if field in self.edits else next(iter(self.edits))
            label = self.errors.get(target)
            if label is not None:
                label.setText(message)
                label.show()
            mark(self.edits[target], True)
            first = first or self.edits[target]
        if first is not None:
            first.setFocus()

    def clear_error(self, field: str) -> None:
        """Hide the message of ``field``."""
        label = self.errors.get(field)
        if label is not None:
            label.hide()
        mark(self.edits[field], False)

    def clear_errors(self) -> None:
        """Hide every message."""
        for field in self.edits:
            self.clear_error(field)


def focus_next(widget: QWidget) -> None:
    """Move the focus to the next widget that takes Tab focus (Enter moves on, like Tab)."""
    candidate = widget.nextInFocusChain()
    while candidate is not None and candidate is not widget:
        if (candidate.focusPolicy() & Qt.FocusPolicy.TabFocus and candidate.isEnabled()
                and candidate.isVisible()):
            candidate.setFocus(Qt.FocusReason.TabFocusReason)
            return
        candidate = candidate.nextInFocusChain()


def mark(widget: QWidget | None, invalid: bool) -> None:
    """Frame ``widget`` in red (``invalid``) or not."""
    if widget is not None and get_property(widget, "invalid", False) != invalid:
        widget.setProperty("invalid", invalid)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def confirm_delete(parent: QWidget, name: str, usage: list[str]) -> bool:
    """Ask before deleting ``name`` when other records use it (``usage``: Japanese lines from
    the service); True to go ahead. Nothing used: no question (元に戻す can bring it back)."""
    from PySide6.QtWidgets import QMessageBox

    from kyodo_desktop.i18n import _

    if not usage:
        return True
    answer = QMessageBox.question(
        parent, _("Delete"),
        _("「{name}」 is used by other records:\n{usage}\n\nDelete it together with them? "
          "(Edit › Undo brings everything back.)").format(
            name=name, usage="\n".join(f"・{line}" for line in usage)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes
