"""The one error dialog: a UserError shows its plain Japanese message; anything else is a bug and
shows a short apology with the details folded away (and logged), never a raw traceback.

:func:`install_excepthook` routes every uncaught exception of the GUI thread here.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

log = logging.getLogger(__name__)
_showing = False


def error_dialog(error: BaseException, parent: QWidget | None = None) -> QMessageBox:
    """Build (not show) the dialog for ``error``: a UserError's message, or the apology."""
    box = QtWidgets.QMessageBox(parent)  # the class is made when first shown (start-up)
    box.setTextFormat(Qt.TextFormat.PlainText)  # messages name what files hold: never markup
    box.setWindowTitle(_("kyodo-desktop"))
    if isinstance(error, UserError):
        box.setIcon(QtWidgets.QMessageBox.Icon.Warning)
        box.setText(error.message)
        if error.detail:
            box.setDetailedText(error.detail)
    else:
        box.setIcon(QtWidgets.QMessageBox.Icon.Critical)
        box.setText(_("Sorry, something went wrong inside the app."))
        box.setInformativeText(_("What you saved before is safe. If this happens again, tell the "
                                 "person who looks after this computer and show them the details."))
        box.setDetailedText("".join(traceback.format_exception(error)))
    box.setStandardButtons(QtWidgets.QMessageBox.StandardButton.Ok)
    return box


def show_error(error: BaseException, parent: QWidget | None = None) -> None:
    """Show the dialog for ``error`` and wait; while one is open, further errors are only logged."""
    global _showing
    if not isinstance(error, UserError):
        log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        error_dialog(error, parent or QApplication.activeWindow()).exec()
    finally:
        _showing = False


def _excepthook(kind: type[BaseException], error: BaseException,
                trace: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    if error.__traceback__ is None:
        error = error.with_traceback(trace)
    show_error(error)


def install_excepthook() -> None:
    """Send uncaught exceptions to :func:`show_error` instead of the terminal."""
    sys.excepthook = _excepthook
