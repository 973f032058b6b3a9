"""The printable kind ``handbook``: 自治会活動の手引き of a council's 年度.

``kyodo-desktop report handbook --db FILE --council C --fiscal-year 2026 [--edition
public|staff] [--large-print] [--booklet] -o FILE.pdf``. The public edition (配布用) carries no
person's phone number or address; the staff edition (事務局用) does. The layout is in
:mod:`kyodo_desktop.reports.handbook_render`; the content comes from
:func:`kyodo_desktop.services.handbook.build.assemble`.
"""

from __future__ import annotations

from datetime import date

from kyodo_desktop.i18n import N_
from kyodo_desktop.reports.handbook_render import render_handbook
from kyodo_desktop.reports.registry import ReportKind, ReportRequest
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.handbook.build import assemble, contact_people


def build_handbook(store: Store, request: ReportRequest, *, today: date | None = None) -> bytes:
    """The handbook PDF for ``request`` (options ``edition`` "public"/"staff", ``large_print``,
    ``booklet``). Raises ValidationError / UnknownPlaceholderError / UserError (Japanese)."""
    options = request.options or {}
    handbook = assemble(store, request.council_id, request.fiscal_year,
                        edition=options.get("edition") or "public", today=today)
    return render_handbook(handbook, large_print=bool(options.get("large_print")),
                           booklet=bool(options.get("booklet")))


def handbook_contact_people(store: Store, request: ReportRequest) -> int:
    """How many people's contacts the requested edition prints (0 for the public edition)."""
    return contact_people(store, request.council_id, request.fiscal_year,
                          (request.options or {}).get("edition") or "public")


REPORTS = [ReportKind("handbook", N_("Handbook for neighborhood association leaders"),
                      build_handbook, needs_fiscal_year=True, order=80,
                      personal_data=handbook_contact_people)]
