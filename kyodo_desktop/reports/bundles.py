"""Bundles: the 年度末一式 (year-end set) and the 交付申請書類一式 (application set), each one PDF
with its forms in the city's order (preset ``forms.year_end_set.order`` /
``forms.application_set.order``). Each form keeps its own 様式番号 and page numbering.
``kyodo-desktop report year-end|application-set``.

Prerequisites of every form are checked first (all messages at once) unless drafting.
"""

from __future__ import annotations

from collections.abc import Callable

from kyodo_desktop.i18n import N_
from kyodo_desktop.reports import grant_application as ga
from kyodo_desktop.reports import grant_results as gr
from kyodo_desktop.reports.audit_report import audit_section
from kyodo_desktop.reports.budget_status import budget_status_section
from kyodo_desktop.reports.cash_book_report import cash_book_sections
from kyodo_desktop.reports.grant_layout import Section, build_sections
from kyodo_desktop.reports.receipts_summary import receipts_summary_section
from kyodo_desktop.reports.registry import ReportKind, ReportRequest
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.forms import common as fd

Maker = Callable[[Store, int, int, fd.Gate], list[Section]]


def _one(maker) -> Maker:
    return lambda *args: [maker(*args)]


#: Preset form key → the sections it prints.
MAKERS: dict[str, Maker] = {
    "grant_application": _one(ga.application_section),
    "business_plan": _one(ga.business_plan_section),
    "budget_statement": _one(ga.budget_statement_section),
    "payment_request": _one(ga.payment_request_section),
    "change_request": _one(ga.change_request_section),
    "performance_report": _one(gr.performance_report_section),
    "business_results": _one(gr.business_results_section),
    "settlement_statement": _one(gr.settlement_statement_section),
    "settlement": _one(gr.settlement_section),
    "audit_report": _one(audit_section),
    "budget_status": _one(budget_status_section),
    "cash_book": cash_book_sections,
    "receipts_summary": _one(receipts_summary_section),
}


def bundle_sections(store: Store, council_id: int, fiscal_year: int, bundle: str,
                    gate: fd.Gate) -> list[Section]:
    """The sections of bundle ``bundle`` ('year_end_set' or 'application_set') in the order the
    preset gives. Without a draft, every form's prerequisites are checked before any is laid
    out, and all missing ones are named in one MissingPrerequisite."""
    words = fd.wording(store, council_id, bundle)
    order = words.get("order")
    unknown = [key for key in order if key not in MAKERS]
    if unknown:
        raise KeyError(f"preset bundle {bundle!r} names unknown forms {unknown}")
    collecting = fd.Gate(draft=True)
    sections = [s for key in order
                for s in MAKERS[key](store, council_id, fiscal_year, collecting)]
    missing = list(dict.fromkeys(collecting.missing))
    if missing and not gate.draft:
        raise fd.MissingPrerequisite("\n".join(missing))
    gate.missing.extend(missing)
    return sections


def _build(bundle: str) -> Callable[[Store, ReportRequest], bytes]:
    def build(store: Store, request: ReportRequest) -> bytes:
        sections = bundle_sections(store, request.council_id, request.fiscal_year, bundle,
                                   fd.Gate(draft=request.draft))
        title = fd.wording(store, request.council_id, bundle).title
        return build_sections(sections, title=title, draft=request.draft)

    build.__doc__ = f"``report``: the bundle {bundle!r} as one PDF."
    return build


build_year_end = _build("year_end_set")
build_application_set = _build("application_set")

REPORTS = [
    ReportKind("year-end", N_("Year-end set (年度末一式)"), build_year_end, order=5),
    ReportKind("application-set", N_("Application set (交付申請書類一式)"),
               build_application_set, order=6),
]
