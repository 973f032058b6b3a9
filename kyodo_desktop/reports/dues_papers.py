"""会費 papers: ``report dues-invoices`` (a 請求書 per 自治会, one page each) and ``report
dues-receipts`` (a 領収書 per 納入, two to a page with a cut line), both in 五十音順 of the 自治会
and in one PDF. The receipt has its number, date, amount, 但し書き 「令和N年度 会費として」 and the
council as issuer with its 代表者 — and no 収入印紙 box: a non-profit council's receipt is an
営業に関しない受取書 (see :mod:`kyodo_desktop.services.dues.papers`). Data:
:mod:`kyodo_desktop.services.dues.papers`.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.formatting import format_number, format_yen
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.reports.fonts import GOTHIC, MINCHO
from kyodo_desktop.reports.grant_layout import (
    FRAME_WIDTH,
    Section,
    build_sections,
    escape,
    form_table,
    styles,
    width,
)
from kyodo_desktop.reports.grant_letter import address_parts, fitted
from kyodo_desktop.reports.page import PageFurniture
from kyodo_desktop.reports.registry import ReportKind, ReportRequest
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.dues.papers import Invoice, Issuer, Receipt, invoices, issuer, receipts
from kyodo_desktop.services.forms.common import Gate

NBSP3 = "\u00a0" * 3


def paper_date(request: ReportRequest) -> date:
    """The date printed on the 請求書 (``--date``, 西暦 or 和暦; default today)."""
    raw = str(request.options.get("date") or "").strip()
    return wareki.parse_date(raw) if raw else date.today()


def _issuer_block(who: Issuer) -> Table:
    st = styles()
    postal, _space, address = who.address.partition(" ") if who.address.startswith("〒") \
        else ("", "", who.address)
    parts = [[("", postal)], address_parts(address), [("", who.name)],
             [("", who.role), (NBSP3, who.representative)]]
    rows = [[fitted([(sep, p) for sep, p in value if p], st.body, 95 * mm - 6)]
            for value in parts if any(p for _sep, p in value)]
    table = Table(rows, colWidths=[95 * mm], hAlign="RIGHT")
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), MINCHO),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _addressee(name: str, representative: str) -> str:
    return f"{name}{NBSP3}会長{NBSP3}{representative}{NBSP3}様" if representative else \
        f"{name}{NBSP3}御中"


def _amount_box(label: str, amount: int, *, box_width: float = 110 * mm) -> Table:
    st = styles()
    text = (f'<font name="{GOTHIC}" size="16">{escape(label)}{NBSP3}金{NBSP3}'
            f'{format_yen(amount)}円</font>')
    table = Table([[Paragraph(text, st.body_center)]], colWidths=[box_width],
                  rowHeights=[14 * mm])
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                               ("FONT", (0, 0), (-1, -1), MINCHO),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


def _invoice_story(invoice: Invoice, who: Issuer, day: date) -> list:
    st = styles()
    line, rate = invoice.line, invoice.rate
    year = wareki.format_fiscal_year(rate.fiscal_year)
    members = line.member_households
    rows = []
    if rate.per_household:
        rows.append(("line", ("世帯割", f"{format_yen(rate.per_household)}円 × "
                              f"{format_number(members or 0)}世帯",
                              rate.per_household * (members or 0))))
    if rate.per_association:
        rows.append(("line", ("均等割", "1自治会あたり", rate.per_association)))
    rows.append(("total", ("請求額", "", line.billed)))
    if line.paid:
        rows += [("line", ("納入済額", "", line.paid)),
                 ("total", ("差引請求額", "", max(line.balance, 0)))]
    story = [Paragraph(escape(wareki.format_wareki(day)), st.body_right), Spacer(1, 4 * mm),
             Paragraph(escape(_addressee(line.name, line.representative)), st.heading),
             Spacer(1, 2 * mm), _issuer_block(who), Spacer(1, 10 * mm),
             Paragraph(escape(f"{year}　会費請求書"), st.title), Spacer(1, 2 * mm),
             Paragraph(escape(f"{year}の会費を下記のとおり請求いたします。"
                              "ご納入くださいますようお願いいたします。"), st.body),
             Spacer(1, 6 * mm),
             _amount_box("ご請求金額", line.balance if 0 < line.paid < line.billed
                         else line.billed),
             Spacer(1, 8 * mm), Paragraph("記", st.body_center), Spacer(1, 2 * mm),
             form_table(["区分", "算定", "金額（円）"], rows, width(0.25, 0.45, 0.3),
                        aligns=["left", "left", "right"]),
             Spacer(1, 6 * mm)]
    notes = [f"加入世帯数は{year}（4月1日現在）の届出によります。"]
    if line.paid >= line.billed:
        notes.insert(0, "納入済みです。ありがとうございました（控えとしてお納めください）。")
    if who.payee:
        notes.append(f"振込先：{who.payee}")
    story += [Paragraph(escape(note), st.body) for note in notes]
    return story


def build_invoices(store: Store, request: ReportRequest) -> bytes:
    """``report dues-invoices``: one 請求書 page per 自治会 billed (五十音順)."""
    day = paper_date(request)
    found = invoices(store, request.council_id, request.fiscal_year,
                     unpaid_only=bool(request.options.get("unpaid_only")))
    if not found:
        raise UserError(_("No neighbourhood association has a membership fee to bill in "
                          "{fiscal_year}.").format(
            fiscal_year=wareki.format_fiscal_year(request.fiscal_year)))
    who = issuer(store, request.council_id, day, Gate(draft=request.draft))
    sections = [Section(PageFurniture(title="会費請求書", footer_left=who.name, numbered=False),
                        _invoice_story(invoice, who, day)) for invoice in found]
    return build_sections(sections, title="会費請求書", draft=request.draft)


RECEIPT_HEIGHT = 118 * mm


def _receipt(receipt: Receipt, who: Issuer) -> Table:
    st = styles()
    payment = receipt.payment
    year = wareki.format_fiscal_year(payment.fiscal_year)
    inner = [
        [Paragraph(escape(f"No.{NBSP3}第{payment.receipt_no}号"), st.body),
         Paragraph(escape(wareki.format_wareki(payment.paid_on)), st.body_right)],
        [Paragraph("領　収　書", st.title), ""],
        [Paragraph(escape(f"{payment.organization}{NBSP3}様"), st.heading), ""],
        [_amount_box("", payment.amount, box_width=FRAME_WIDTH - 30 * mm), ""],
        [Paragraph(escape(f"但し{NBSP3}{year}{NBSP3}会費として"), st.body), ""],
        [Paragraph("上記の金額を正に領収いたしました。", st.body), ""],
        [_issuer_block(who), ""],
    ]
    table = Table(inner, colWidths=[(FRAME_WIDTH - 10 * mm) / 2] * 2,
                  rowHeights=[8 * mm, 14 * mm, 11 * mm, 18 * mm, 9 * mm, 9 * mm, 24 * mm])
    table.setStyle(TableStyle([
        ("SPAN", (0, 1), (1, 1)), ("SPAN", (0, 2), (1, 2)), ("SPAN", (0, 3), (1, 3)),
        ("SPAN", (0, 4), (1, 4)), ("SPAN", (0, 5), (1, 5)), ("SPAN", (0, 6), (1, 6)),
        ("ALIGN", (0, 3), (1, 3), "CENTER"), ("ALIGN", (0, 6), (1, 6), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONT", (0, 0), (-1, -1), MINCHO)]))
    frame = Table([[table]], colWidths=[FRAME_WIDTH], rowHeights=[RECEIPT_HEIGHT])
    frame.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.5, colors.black),
                               ("FONT", (0, 0), (-1, -1), MINCHO),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    return frame


def _cut_line() -> Table:
    line = Table([[""]], colWidths=[FRAME_WIDTH], rowHeights=[8 * mm])
    line.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.6, colors.grey, None, (3, 3)),
                              ("FONT", (0, 0), (-1, -1), MINCHO)]))
    return line


def build_receipts(store: Store, request: ReportRequest) -> bytes:
    """``report dues-receipts``: a 領収書 per 納入, two to a page (五十音順, then by date)."""
    found = receipts(store, request.council_id, request.fiscal_year)
    if not found:
        raise UserError(_("No membership fee was paid in {fiscal_year}: there is no receipt to "
                          "print.").format(
            fiscal_year=wareki.format_fiscal_year(request.fiscal_year)))
    gate = Gate(draft=request.draft)
    sections = []
    for start in range(0, len(found), 2):
        pair = found[start:start + 2]
        who = issuer(store, request.council_id, pair[0].payment.paid_on, gate)
        story = [_receipt(pair[0], who)]
        if len(pair) > 1:
            story += [_cut_line(), Spacer(1, 8 * mm), _receipt(pair[1], issuer(
                store, request.council_id, pair[1].payment.paid_on, gate))]
        sections.append(Section(PageFurniture(footer_left=who.name, numbered=False), story))
    return build_sections(sections, title="会費領収書", draft=request.draft)


REPORTS = [
    ReportKind("dues-invoices", N_("Membership fee invoices (会費請求書)"), build_invoices,
               order=70),
    ReportKind("dues-receipts", N_("Membership fee receipts (会費領収書)"), build_receipts,
               order=71),
]
