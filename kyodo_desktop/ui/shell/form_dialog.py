"""The one layout of the app's small form dialogs (口座, 事業, 計画 …): the form, one error
line that wraps in red below it, then OK / キャンセル."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLayout, QVBoxLayout

from kyodo_desktop.ui.shell.dialog_fit import fit_dialog

ERROR_STYLE = "color: #c62828;"
#: Width of a form dialog, in full-width characters (about 480 px at 標準).
FORM_WIDTH = 30


def lay_out_form_dialog(dialog: QDialog, form: QLayout, *, width: float = FORM_WIDTH) -> QLabel:
    """Put ``form``, an error line and the OK/キャンセル buttons into ``dialog`` (OK accepts,
    キャンセル rejects) and size it ``width`` full-width characters of the text size in use
    wide (ui/shell/dialog_fit.py), as tall as the form needs. Call it when the form is
    complete. Returns the error label, empty until a message is shown."""
    error = QLabel()
    error.setStyleSheet(ERROR_STYLE)
    error.setWordWrap(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(error)
    layout.addWidget(buttons)
    fit_dialog(dialog, width)
    return error
