"""交付申請書 (様式第1号) with its attachments 事業計画書 and 収支予算書, and the 交付請求書
(概算払) and 変更承認申請書. ``kyodo-desktop report application|payment-request|change-request``.

The 申請額 in figures is the sum of the 内訳 rows, which are the 交付金 lines of the 収支予算書
(checked by :func:`~kyodo_desktop.services.forms.application.application_data`).
"""

from __future__ import annotations

from reportlab.lib.units import mm

from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.reports import grant_letter as gl
from kyodo_desktop.reports.grant_layout import Section, build_sections
from kyodo_desktop.reports.grant_projects import plan_story
from kyodo_desktop.reports.grant_statements import statement_story
from kyodo_desktop.reports.page import PageFurniture
from kyodo_desktop.reports.registry import ReportKind, ReportRequest
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.forms import application as fa
from kyodo_desktop.services.forms import common as fd


def furniture(form_no: str, title: str, council: str) -> PageFurniture:
    """The furniture of a grant form: 様式番号 (or, for an attachment without one, its title)
    top left, page x / y and the council name at the foot."""
    return PageFurniture(title=title, form_no=form_no or title, footer_left=council)


def application_section(store: Store, council_id: int, fiscal_year: int, gate: fd.Gate) -> Section:
    """The 交付申請書 page."""
    data = fa.application_data(store, council_id, fiscal_year, gate)
    words = data.words
    story = gl.letter_head(data, fd.fiscal_year_text(fiscal_year))
    story += [gl.numbered(1, words.get("amount_label"), gl.amount_text(data.amount, words)),
              gl.gap(),
              gl.numbered(2, words.get("parts_heading")),
              gl.indented(gl.amount_table([words.get("part_column"), words.get("amount_column")],
                                          data.rows, words)),
              gl.gap()]
    story += gl.attachments(3, data)
    return Section(furniture(data.letterhead.form_no, data.title,
                             data.letterhead.applicant.name), story)


def business_plan_section(store: Store, council_id: int, fiscal_year: int,
                          _gate: fd.Gate) -> Section:
    """The 事業計画書 pages."""
    data = fa.business_plan_data(store, council_id, fiscal_year)
    return Section(furniture(data.words.form_no, data.title, data.council), plan_story(data),
                   landscape=True)


def budget_statement_section(store: Store, council_id: int, fiscal_year: int,
                             _gate: fd.Gate) -> Section:
    """The 収支予算書 pages (当初予算額)."""
    data = fa.statement_data(store, council_id, fiscal_year, "budget_statement")
    return Section(furniture(data.words.form_no, data.title, data.council),
                   statement_story(data, settlement=False))


def payment_request_section(store: Store, council_id: int, fiscal_year: int,
                            gate: fd.Gate, number: int | None = None) -> Section:
    """The 交付請求書 (概算払) page of the ``number``-th request (None: the latest)."""
    data = fa.payment_request_data(store, council_id, fiscal_year, gate, number)
    words = data.words
    amount_label = words.get("amount_label") + (f"（{data.ordinal}）" if data.ordinal else "")
    story = gl.letter_head(data, fd.fiscal_year_text(fiscal_year))
    story += [gl.numbered(1, amount_label, gl.amount_text(data.amount, words)),
              gl.gap(), gl.numbered(2, words.get("table_label")),
              gl.indented(gl.amount_table(words.get("columns"), data.rows, words)),
              gl.gap(), gl.numbered(3, words.get("bank_label")),
              gl.indented(gl.blank_box([label for label, _value in data.bank],
                                       values=[value for _label, value in data.bank]))]
    return Section(furniture(data.letterhead.form_no, data.title,
                             data.letterhead.applicant.name), story)


def payment_request_sections(store: Store, council_id: int, fiscal_year: int, gate: fd.Gate,
                             which: str = "latest") -> list[Section]:
    """The 交付請求書 of one 概算払 (``which`` '1', '2' …, or 'latest') or one per 概算払
    (``which`` 'all'). Raises UserError for a ``which`` that is neither."""
    if which == "all":
        count = len(fa.request_days(store, council_id, fiscal_year))
        return [payment_request_section(store, council_id, fiscal_year, gate, n)
                for n in range(1, count + 1)] or [
            payment_request_section(store, council_id, fiscal_year, gate)]
    if which in ("latest", "", None):
        return [payment_request_section(store, council_id, fiscal_year, gate)]
    if not str(which).isdigit():
        raise UserError(_("Choose the payment request by its number (1, 2 …) or all."))
    return [payment_request_section(store, council_id, fiscal_year, gate, int(which))]


def change_request_section(store: Store, council_id: int, fiscal_year: int,
                           gate: fd.Gate) -> Section:
    """The 変更承認申請書 page."""
    data = fa.change_request_data(store, council_id, fiscal_year, gate)
    words = data.words
    story = gl.letter_head(data, fd.fiscal_year_text(fiscal_year))
    story += [gl.numbered(1, words.get("table_label")),
              gl.indented(gl.amount_table(words.get("columns"), data.rows, words)),
              gl.gap(), gl.numbered(2, words.get("reason_label")),
              gl.indented(gl.blank_box([""], height=30 * mm)), gl.gap()]
    story += gl.attachments(3, data)
    return Section(furniture(data.letterhead.form_no, data.title,
                             data.letterhead.applicant.name), story)


def build_one(section_maker, store: Store, request: ReportRequest) -> bytes:
    """Build one form: prerequisites refused (MissingPrerequisite) unless ``request.draft``."""
    gate = fd.Gate(draft=request.draft)
    section = section_maker(store, request.council_id, request.fiscal_year, gate)
    return build_sections([section], title=section.furniture.title, draft=request.draft)


def build_application(store: Store, request: ReportRequest) -> bytes:
    """``report application``: the 交付申請書 alone (the set is ``application-set``)."""
    return build_one(application_section, store, request)


def build_payment_request(store: Store, request: ReportRequest) -> bytes:
    """``report payment-request [--payment N|all]``: the 交付請求書 of one 概算払 (the latest
    by default) or one per 概算払."""
    gate = fd.Gate(draft=request.draft)
    sections = payment_request_sections(store, request.council_id, request.fiscal_year, gate,
                                        str(request.options.get("payment") or "latest"))
    return build_sections(sections, title=sections[0].furniture.title, draft=request.draft)


def build_change_request(store: Store, request: ReportRequest) -> bytes:
    """``report change-request``: the 変更承認申請書."""
    return build_one(change_request_section, store, request)


REPORTS = [
    ReportKind("application", N_("Grant application (交付申請書)"), build_application, order=10),
    ReportKind("payment-request", N_("Payment request (交付請求書)"), build_payment_request,
               order=12),
    ReportKind("change-request", N_("Change request (変更承認申請書)"), build_change_request,
               order=14),
]
