"""The one way the app asks for a line of text (a passphrase, a reason, a title): a QInputDialog
whose question wraps and whose width is in characters of the text size in use.

Qt's ``QInputDialog.getText`` puts the question on one line: with a backup's file name in it
(「….sqlite3.enc は暗号化されています。…」) the dialog was wider than a 1366×768 screen at
とても大きい. Tests replace :func:`ask_text` (``text_input.ask_text``), as they did getText.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QInputDialog, QLabel, QLineEdit, QWidget

from kyodo_desktop.ui.shell.dialog_fit import fit_dialog

#: Width of the dialog, in full-width characters of the text size in use.
TEXT_WIDTH = 30


def text_dialog(parent: QWidget | None, title: str, label: str, *, text: str = "",
                echo: QLineEdit.EchoMode = QLineEdit.EchoMode.Normal) -> QInputDialog:
    """Build (not show) the dialog asking ``label`` (wrapped), the field holding ``text``."""
    dialog = QInputDialog(parent)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    dialog.setTextEchoMode(echo)
    for question in dialog.findChildren(QLabel):
        question.setWordWrap(True)
    fit_dialog(dialog, TEXT_WIDTH)
    return dialog


def ask_text(parent: QWidget | None, title: str, label: str, *, text: str = "",
             echo: QLineEdit.EchoMode = QLineEdit.EchoMode.Normal) -> tuple[str, bool]:
    """Ask for a line of text: ``(text, True)`` after OK, ``(…, False)`` when cancelled (as
    ``QInputDialog.getText``)."""
    dialog = text_dialog(parent, title, label, text=text, echo=echo)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    value = dialog.textValue()
    dialog.deleteLater()
    return value, accepted
