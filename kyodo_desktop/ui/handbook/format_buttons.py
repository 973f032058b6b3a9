"""The 手引き editor's format buttons (太字, 見出し, 箇条書き, 表): the markup is put around the
selection for the user (:mod:`kyodo_desktop.domain.handbook_editing`); the stored text stays
the markup, and the live preview follows as after typing. One undo step of the text box per
press (Ctrl+Z in the box takes it back)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QBoxLayout, QPlainTextEdit, QPushButton, QWidget

from kyodo_desktop.domain import handbook_editing as editing
from kyodo_desktop.i18n import N_, _

#: object name → (English label msgid, tooltip msgid, the edit)
BUTTONS: dict[str, tuple[str, str, Callable[[str, int, int], editing.Edit]]] = {
    "boldButton": (N_("Bold"), N_("Print the selected words in bold"), editing.bold),
    "headingButton": (N_("Heading"), N_("Make the line a heading"), editing.heading),
    "listButton": (N_("List"), N_("Make the selected lines a bulleted list"),
                   editing.bullet_list),
    "tableButton": (N_("Table"), N_("Insert a small table to fill in"), editing.table),
}


def _index(text: str, position: int) -> int:
    """The str index of a QTextCursor position (Qt counts UTF-16 units)."""
    units = 0
    for index, character in enumerate(text):
        if units >= position:
            return index
        units += 2 if ord(character) > 0xFFFF else 1
    return len(text)


def _position(text: str, index: int) -> int:
    """The QTextCursor position of a str index."""
    return len(text[:index].encode("utf-16-le")) // 2


def apply_edit(box: QPlainTextEdit, edit: Callable[[str, int, int], editing.Edit]) -> None:
    """Run ``edit`` on the box's text and selection as one undo step of the box."""
    if box.isReadOnly():
        return
    text = box.toPlainText()
    cursor = box.textCursor()
    start = _index(text, cursor.selectionStart())
    end = _index(text, cursor.selectionEnd())
    change = edit(text, start, end)
    cursor.beginEditBlock()
    cursor.setPosition(_position(text, change.start))
    cursor.setPosition(_position(text, change.end), QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(change.replacement)
    cursor.endEditBlock()
    after = change.apply(text)
    cursor.setPosition(_position(after, change.select_start))
    cursor.setPosition(_position(after, change.select_end), QTextCursor.MoveMode.KeepAnchor)
    box.setTextCursor(cursor)
    box.setFocus()


class FormatButtons:
    """The four buttons, put at the start of ``row`` and acting on ``box``."""

    def __init__(self, box: QPlainTextEdit, row: QBoxLayout, parent: QWidget) -> None:
        self.box = box
        self.buttons: dict[str, QPushButton] = {}
        for position, (name, (label, tip, edit)) in enumerate(BUTTONS.items()):
            button = QPushButton(_(label), parent)
            button.setObjectName(name)
            button.setToolTip(_(tip))
            button.clicked.connect(lambda _checked=False, e=edit: apply_edit(self.box, e))
            row.insertWidget(position, button)
            self.buttons[name] = button
