"""ヘルプ menu: the 使い方ガイド (F1, at the section of the page shown) and バージョン情報."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from kyodo_desktop import __version__
from kyodo_desktop.i18n import _


def show_guide(parent: QWidget, area: str) -> QWidget:
    """Open the guide window of ``parent`` at the page of the sidebar area ``area``; return it."""
    from kyodo_desktop.ui.guide.window import guide_window_for

    window = guide_window_for(parent)
    window.show_area(area)
    return window


def show_about(parent: QWidget | None) -> None:
    """Show the version and what the app is for."""
    QMessageBox.about(parent, _("About kyodo-desktop"), _(
        "kyodo-desktop {version}\nRecords, plan, grant accounting and forms of a community "
        "development council. Works without the internet.").format(version=__version__))
