"""The one layout of the app's small form dialogs (口座, 事業, 計画 …): the form, one error
line that wraps in red below it, then OK / キャンセル."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLayout, QVBoxLayout

ERROR_STYLE = "color: #c62828;"


def lay_out_form_dialog(dialog: QDialog, form: QLayout, *, width: int | None = None) -> QLabel:
    """Put ``form``, an error line and the OK/キャンセル buttons into ``dialog`` (OK accepts,
    キャンセル rejects); ``width`` px sets the starting width. Returns the error label, empty
    until a message is shown."""
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
    if width is not None:
        dialog.resize(width, 0)
    return error
