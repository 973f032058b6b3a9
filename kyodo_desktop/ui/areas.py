"""The sidebar's areas and the page each one shows. Only 協議会 is built; the others show a
friendly placeholder with one sentence of what will be there."""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from kyodo_desktop.i18n import N_, _

if TYPE_CHECKING:  # the window's frame uses AREAS before any data file is open (start-up)
    from kyodo_desktop.ui.context import AppContext


@dataclass(frozen=True)
class Area:
    """A sidebar entry: ``key``, English ``title``/``description`` msgids, the name of a standard
    icon (a ``QStyle.StandardPixmap`` member, looked up when the sidebar is built)."""

    key: str
    title: str
    icon: str
    description: str = ""


AREAS = (
    Area("year_path", N_("This year's steps"), "SP_ArrowForward"),
    Area("council", N_("Council"), "SP_DirHomeIcon"),
    Area("roster", N_("Member groups and officers"), "SP_FileDialogDetailedView",
         N_("Here you will keep the member groups, their households and the officers' terms.")),
    Area("subcommittees", N_("Subcommittees"), "SP_FileDialogListView",
         N_("Here you will keep the subcommittees, their chairs and members.")),
    Area("plan", N_("Community plan"), "SP_FileDialogContentsView",
         N_("Here you will write the community plan: goals, measures, actions and their "
            "yearly schedule.")),
    Area("accounts", N_("Budget and cash book"), "SP_DriveHDIcon",
         N_("Here you will enter the budget and every receipt and payment of the year.")),
    Area("meetings", N_("Meetings"), "SP_FileDialogInfoView",
         N_("Here you will keep the general assembly, board and subcommittee meetings with "
            "their minutes.")),
    Area("reports", N_("Print forms"), "SP_FileIcon",
         N_("Here you will print the grant application, the performance report and other "
            "forms.")),
    Area("handbook", N_("Handbook"), "SP_DialogHelpButton",
         N_("Here you will edit and print the handbook for neighborhood association leaders.")),
    Area("settings", N_("Settings"), "SP_ComputerIcon",
         N_("Here you will choose the font size and other settings.")),
    Area("city", N_("City overview"), "SP_FileDialogListView"),
)
#: The areas of a city file (services/city): the 市 page and 設定; a council's file shows the
#: others.
CITY_AREAS = frozenset({"city", "settings"})


#: The page class of each area as ``(module under kyodo_desktop.ui, class name)``.
PAGES = {
    "year_path": ("year_path.page", "YearPathPage"),
    "council": ("council.page", "CouncilPage"),
    "roster": ("roster.page", "RosterPage"),
    "subcommittees": ("roster.subcommittee_page", "SubcommitteePage"),
    "plan": ("plan.page", "PlanPage"),
    "accounts": ("accounts.page", "AccountsPage"),
    "meetings": ("meetings.page", "MeetingsPage"),
    "reports": ("reports.page", "ReportsPage"),
    "handbook": ("handbook.page", "HandbookPage"),
    "settings": ("settings.page", "SettingsPage"),
    "city": ("city.page", "CityPage"),
}


def shown_in(key: str, city_file: bool) -> bool:
    """Whether the area ``key`` is in the sidebar of a city file (or of a council's file)."""
    return key in CITY_AREAS if city_file else key != "city"


def area_row(key: str) -> int:
    """The sidebar row of the area ``key``. Raises KeyError for an unknown key."""
    for row, area in enumerate(AREAS):
        if area.key == key:
            return row
    raise KeyError(key)


def create_page(area: Area, context: AppContext, parent: QWidget | None = None) -> QWidget:
    """Build the page of ``area`` with the injected ``context`` (imported on first use, so
    start-up loads only the page shown); an area whose page is not built yet shows a friendly
    placeholder."""
    module_name, class_name = PAGES[area.key]
    qualified = f"kyodo_desktop.ui.{module_name}"
    if importlib.util.find_spec(qualified) is not None:
        page_class = getattr(importlib.import_module(qualified), class_name)
        return page_class(context, parent)
    from kyodo_desktop.ui.shell.placeholder import PlaceholderPage

    return PlaceholderPage(_(area.title), _(area.description), parent)
