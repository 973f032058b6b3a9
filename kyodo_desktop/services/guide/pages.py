"""使い方ガイド (the user guide): the pages shipped in ``resources/guide/``, in order.

``resources/guide/guide.json`` lists them::

    {"format": 1, "pages": [
        {"slug": "first-application", "title": "はじめての交付申請", "file": "00_first.txt",
         "part": "start"},
        {"slug": "council", "title": "協議会", "file": "10_council.txt", "part": "area",
         "area": "council"},
        {"slug": "step-budget", "title": "予算", "file": "31_budget.txt", "part": "step",
         "step": "budget"}, …]}

Each page's text is the handbook's markup (:mod:`kyodo_desktop.domain.handbook_markup`), with
``[画面:name]`` lines where a screenshot of :data:`SCREENS` goes. ``area`` names the sidebar
area whose F1 opens the page (ui/areas.py keys), ``step`` the year's step it explains
(services/year_path/steps.py keys). The app shows the pages (F1), ``kyodo-desktop report
user-guide`` prints them (reports/user_guide.py).

The screenshots are one set of PNGs shipped in ``resources/guide/screens/`` (``<name>.png``,
made by scripts/guide_screens.py from the demo at 1366×768): both the printed guide and the
app's guide window show them (:func:`screen_path`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kyodo_desktop.domain.handbook_markup import Block, parse
from kyodo_desktop.i18n import N_
from kyodo_desktop.resources import resource_path

MANIFEST = "guide.json"
#: The folder of the shipped screenshots, inside resources/guide/.
SCREENS_FOLDER = "screens"
#: Under every screenshot (printed and in the app): the pictures show the demo council.
PICTURE_CAPTION = "画面の例（見本の協議会のデータです）"
FORMAT = 1
TITLE = "協働デスク 使い方ガイド"
#: The parts of the guide, in print order, with their Japanese headings.
PARTS = {"start": "はじめに", "area": "画面ごとの使い方", "step": "一年の仕事の順番",
         "windows": "Windows で使うとき"}


@dataclass(frozen=True)
class GuidePage:
    """One page of the guide: ``slug``, ``title``, ``part`` (a key of :data:`PARTS`), ``area``
    and ``step`` keys ("" when none) and its parsed ``blocks``."""

    slug: str
    title: str
    part: str
    area: str
    step: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Screen:
    """A screenshot of the guide: ``name`` (``[画面:name]`` and ``name.png``), the sidebar
    ``area`` and the English msgid of its ``tab`` ("" for the page as it opens)."""

    name: str
    area: str
    tab: str = ""


#: The screenshots the guide shows (scripts/guide_screens.py grabs them from the demo).
SCREENS = (
    Screen("year_path", "year_path"),
    Screen("council", "council"),
    Screen("roster", "roster"),
    Screen("plan", "plan"),
    Screen("projects", "plan", N_("Projects")),
    Screen("cash_book", "accounts", N_("Cash book")),
    Screen("budget", "accounts", N_("Budget")),
    Screen("grants", "accounts", N_("Grants")),
    Screen("reports", "reports"),
    Screen("handbook", "handbook"),
    Screen("settings", "settings"),
)


def screens_folder() -> Path:
    """The folder of the guide's screenshots (``resources/guide/screens``)."""
    return resource_path("guide") / SCREENS_FOLDER


def screen_path(name: str, folder: Path | None = None) -> Path | None:
    """The PNG of the screenshot ``name`` in ``folder`` (default :func:`screens_folder`); None
    when it is not there (the guide is then shown and printed without that picture)."""
    found = (folder or screens_folder()) / f"{name}.png"
    return found if found.is_file() else None


def screen_named(name: str) -> Screen | None:
    """The :data:`SCREENS` entry called ``name`` (None for an unknown name)."""
    return next((screen for screen in SCREENS if screen.name == name), None)


@cache
def guide_pages() -> tuple[GuidePage, ...]:
    """Every page of the guide in order. Raises RuntimeError when the shipped files are broken
    (a packaging bug, not a user error)."""
    folder = resource_path("guide")
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        pages = tuple(GuidePage(item["slug"], item["title"], item["part"],
                                item.get("area", ""), item.get("step", ""),
                                tuple(parse((folder / item["file"]).read_text(encoding="utf-8"))))
                      for item in data["pages"])
    except (OSError, ValueError, KeyError) as error:
        raise RuntimeError(f"user guide unreadable: {error}") from error
    if data.get("format") != FORMAT:
        raise RuntimeError(f"user guide: format must be {FORMAT}")
    if len({page.slug for page in pages}) != len(pages):
        raise RuntimeError("user guide: a slug is used twice")
    return pages


def page_for_area(area: str) -> GuidePage:
    """The page F1 opens on the sidebar area ``area``; the first page for an area without one."""
    pages = guide_pages()
    return next((page for page in pages if page.area == area), pages[0])


def page_for_step(step: str) -> GuidePage | None:
    """The page explaining the year's step ``step`` (None when there is none)."""
    return next((page for page in guide_pages() if page.step == step), None)
