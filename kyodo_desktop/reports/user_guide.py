"""The printable kind ``user-guide``: 協働デスク 使い方ガイド, the pages of ``resources/guide/``
(:mod:`kyodo_desktop.services.guide.pages`) laid out like the handbook (cover, 目次 with page
numbers, one chapter per page of the guide; A4, IPAex fonts embedded).

``kyodo-desktop report user-guide -o guide.pdf [--screens FOLDER] [--large-print]`` needs no
data file. Screenshots (``[画面:name]``) are embedded from ``--screens`` or, without it, from
the PNGs shipped in ``resources/guide/screens`` — the same files the app's guide window shows;
a picture without a PNG is left out.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kyodo_desktop import __version__
from kyodo_desktop.domain.formatting import format_date
from kyodo_desktop.i18n import N_
from kyodo_desktop.reports.handbook_render import render_handbook
from kyodo_desktop.reports.registry import ReportKind, ReportRequest
from kyodo_desktop.services.guide.pages import TITLE, guide_pages, screen_path, screens_folder
from kyodo_desktop.services.handbook.build import BuiltChapter, Handbook


def default_screens_folder() -> Path:
    """The shipped screenshots (``resources/guide/screens``, scripts/guide_screens.py)."""
    return screens_folder()


def guide_book(today: date | None = None) -> Handbook:
    """The guide as a :class:`Handbook` (cover texts and one chapter per guide page)."""
    chapters = tuple(BuiltChapter(page.slug, page.title, page.blocks) for page in guide_pages())
    return Handbook(title=TITLE, council_name="地域づくり協議会の事務局と自治会長のために",
                    year_label=f"バージョン {__version__}", center_name="", center_contact="",
                    issued_on=format_date(today or date.today()), edition="public",
                    edition_note="", chapters=chapters)


def build_user_guide(_store, request: ReportRequest, *, today: date | None = None) -> bytes:
    """The guide PDF (options ``screens``: a folder of ``<name>.png``; ``large_print``).
    The data file is not read (``_store`` may be None)."""
    options = request.options or {}
    folder = Path(options.get("screens") or default_screens_folder())
    return render_handbook(guide_book(today), large_print=bool(options.get("large_print")),
                           pictures=lambda name: screen_path(name, folder))


REPORTS = [ReportKind("user-guide", N_("User guide (使い方ガイド)"), build_user_guide,
                      needs_fiscal_year=False, needs_data_file=False, order=90)]
