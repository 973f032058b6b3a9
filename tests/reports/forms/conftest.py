"""Fixtures of the printed-forms tests: the demo data file and its private copy (from
tests/conftest.py) under the names these tests use, and the demo council's id."""

from __future__ import annotations

import pytest


@pytest.fixture
def demo_file(demo_template):
    """Path of the closed demo data file (built once per session; copy it before writing)."""
    return demo_template


@pytest.fixture
def demo(demo_store):
    """An open Store on a private copy of the demo file."""
    return demo_store


@pytest.fixture
def council_id(demo) -> int:
    """The id of the fully populated demo council (湯田地域づくり協議会)."""
    return demo.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")


class Reviews:
    """What the review dialogs were shown (findings' lines) and the answer to give."""

    def __init__(self) -> None:
        self.shown: list[list[str]] = []
        self.print_anyway = True


@pytest.fixture
def reviews(monkeypatch) -> Reviews:
    """The 点検 dialogs never block: their findings are recorded; 「このまま印刷」 answers
    ``reviews.print_anyway``."""
    found = Reviews()

    def confirm(findings, summary, parent):
        found.shown.append([summary, *(f.line() for f in findings)])
        return found.print_anyway

    def show(findings, summary, parent):
        found.shown.append([summary, *(f.line() for f in findings)])

    monkeypatch.setattr("kyodo_desktop.ui.reports.page.confirm_printing", confirm)
    monkeypatch.setattr("kyodo_desktop.ui.reports.page.show_findings", show)
    return found


@pytest.fixture
def page(qapp, qtbot, demo, council_id, tmp_path, reviews):
    """A shown ReportsPage on the demo council, 令和8年度, 1366×768 (QSettings in tmp_path)."""
    from PySide6.QtCore import QSettings

    from kyodo_desktop.ui.app import create_application
    from kyodo_desktop.ui.context import AppContext
    from kyodo_desktop.ui.reports.page import ReportsPage

    create_application()
    context = AppContext(demo, council_id, 2026)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    widget = ReportsPage(context, settings=settings)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget
