"""Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) for the whole window.

A text field keeps its own undo only while it holds text typed since the last save; otherwise
(the cursor rests in a field after 保存 or 記帳, as it always does) the keys undo and redo the
app's last saved step (編集 › 元に戻す / やり直し) instead of the field's typing.
:class:`UndoKeys` is installed on the QApplication by the main window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit

from kyodo_desktop.ui.shell.props import get_property

_EDITED_IN = "kyodo_edited_in_generation"
_UNDO_KEYS = (QKeySequence.StandardKey.Undo,)
_REDO_KEYS = (QKeySequence.StandardKey.Redo,)
_EDITING_KEYS = (QKeySequence.StandardKey.Paste, QKeySequence.StandardKey.Cut,
                 QKeySequence.StandardKey.Delete, QKeySequence.StandardKey.Backspace)


def _text_field(widget: QObject | None) -> QObject | None:
    """The text widget behind ``widget`` (an editable combo box's line edit), or None."""
    if isinstance(widget, QComboBox) and widget.isEditable():
        return widget.lineEdit()
    if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
        return widget
    return None


def _undo_available(field: QObject) -> bool:
    if isinstance(field, QLineEdit):
        return field.isUndoAvailable()
    return field.document().isUndoAvailable()


def _redo_available(field: QObject) -> bool:
    if isinstance(field, QLineEdit):
        return field.isRedoAvailable()
    return field.document().isRedoAvailable()


def _is_redo(event: QKeyEvent) -> bool:
    return any(event.matches(key) for key in _REDO_KEYS) or (
        event.keyCombination().toCombined() == QKeySequence("Ctrl+Y")[0].toCombined())


class UndoKeys(QObject):
    """Routes the undo keys: ``undo()`` / ``redo()`` are the app's steps (the undo group)."""

    def __init__(self, undo: Callable[[], None], redo: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._undo, self._redo = undo, redo
        self.generation = 0

    def saved(self, *_args) -> None:
        """A write happened (a save, an undo, a redo): fields typed in before it are clean."""
        self.generation += 1

    def field_owns(self, field: QObject, redo: bool) -> bool:
        """True when ``field`` holds text typed since the last save that it can undo/redo."""
        if get_property(field, _EDITED_IN) != self.generation:
            return False
        return _redo_available(field) if redo else _undo_available(field)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind == QEvent.Type.InputMethod and event.commitString():
            self._mark(watched)
        elif kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return self._key(watched, event)
        return False

    def _mark(self, watched: QObject) -> None:
        field = _text_field(watched)
        if field is not None:
            field.setProperty(_EDITED_IN, self.generation)

    def _key(self, watched: QObject, event: QKeyEvent) -> bool:
        undo_key = any(event.matches(key) for key in _UNDO_KEYS)
        redo_key = _is_redo(event)
        field = _text_field(watched)
        if not (undo_key or redo_key):
            typing = event.text().isprintable() and event.text() or any(
                event.matches(key) for key in _EDITING_KEYS)
            if event.type() == QEvent.Type.KeyPress and typing:
                self._mark(watched)
            return False
        if field is None or watched is not QApplication.focusWidget():
            return False  # tables, lists …: the window's 元に戻す shortcut takes the key
        if self.field_owns(field, redo_key):
            return False  # the field undoes its own unsaved typing
        if event.type() == QEvent.Type.KeyPress:
            (self._redo if redo_key else self._undo)()
        event.accept()
        return True  # the field never sees it
