"""ヘルプ menu: a short 使い方 and バージョン情報."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from kyodo_desktop import __version__
from kyodo_desktop.i18n import _


def usage_text() -> str:
    """The short 使い方 (translated)."""
    return _("Choose an area on the left. At the top, choose the council and the year.\n\n"
             "On the Council page, correct the details on the left and press Save (Ctrl+S). "
             "Edit › Undo (Ctrl+Z) takes back the last save.\n\n"
             "Make a backup now and then: File › Create backup…")


def show_usage(parent: QWidget | None) -> None:
    """Show :func:`usage_text` in a message box."""
    QMessageBox.information(parent, _("How to use"), usage_text())


def show_about(parent: QWidget | None) -> None:
    """Show the version and what the app is for."""
    QMessageBox.about(parent, _("About kyodo-desktop"), _(
        "kyodo-desktop {version}\nRecords, plan, grant accounting and forms of a community "
        "development council. Works without the internet.").format(version=__version__))
