"""The letter part of the city's grant forms, as the paper forms lay it out: date (和暦) top
right, addressee (山口市長 様) left, the applicant block (所在地, 団体名, 代表者 職・氏名) right,
the centred title, the request sentence, 「記」, then numbered items (amount in figures, tables,
attachments, boxes to fill by hand). Every word comes from the city preset via the data.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.reports.fonts import MINCHO
from kyodo_desktop.reports.grant_layout import escape, form_table, styles, width
from kyodo_desktop.services.form_data import Letterhead, Wording
from kyodo_desktop.services.form_data_application import AmountRow, LetterData

FULL_SPACE = "\u3000"


def _applicant_block(head: Letterhead, words: Wording) -> Table:
    st = styles()
    a = head.applicant
    rows = [(words.get("address"), a.address), (words.get("organization"), a.name),
            (words.get("representative"), f"{a.role}{FULL_SPACE}{a.representative}")]
    data = [[Paragraph(escape(label), st.body), Paragraph(escape(value), st.body)]
            for label, value in rows]
    table = Table(data, colWidths=[20 * mm, 82 * mm], hAlign="RIGHT")
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), MINCHO), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return table


def letter_head(data: LetterData, fiscal_year: str) -> list:
    """Date, addressee, applicant block, title, sentence and 「記」 of a letter to the city."""
    st = styles()
    head = data.letterhead
    return [
        Paragraph(escape(head.date_text), st.body_right),
        Spacer(1, 4 * mm),
        Paragraph(escape(head.addressee), st.body),
        Spacer(1, 4 * mm),
        _applicant_block(head, data.words),
        Spacer(1, 10 * mm),
        Paragraph(escape(f"{fiscal_year}{data.title}"), st.title),
        Spacer(1, 4 * mm),
        Paragraph(escape(FULL_SPACE + data.sentence), st.body),
        Spacer(1, 5 * mm),
        Paragraph(escape(data.words.get("record")), st.body_center),
        Spacer(1, 4 * mm),
    ]


def numbered(number: int, label: str, text: str = "") -> Paragraph:
    """An item under 「記」: 「1　交付申請額　　金 10,247,000円」."""
    st = styles()
    tail = f"{FULL_SPACE * 2}{text}" if text else ""
    return Paragraph(escape(f"{number}{FULL_SPACE}{label}{tail}"), st.body)


def amount_text(amount: int | None, words: Wording) -> str:
    """「金　10,247,000円」, or the blank 「金　　　　　　　円」 when unknown."""
    figure = format_yen(amount) if amount is not None else FULL_SPACE * 6
    return f"{words.get('amount_prefix')}{FULL_SPACE}{figure}{words.get('yen')}"


def amount_table(header: Sequence[str], rows: Sequence[AmountRow], words: Wording, *,
                 total: bool = True, last_is_total: bool = False) -> Table:
    """The grant table under 「記」: the programme, then its amounts (円); with ``total`` a
    合計 row summing each column (blank cells count as 0); ``last_is_total`` shades the last
    row, which already is a total."""
    body = [("line", (r.label, *r.amounts)) for r in rows]
    if last_is_total and body:
        body[-1] = ("total", body[-1][1])
    elif total and rows:
        columns = len(rows[0].amounts)
        sums = [sum(r.amounts[i] or 0 for r in rows) for i in range(columns)]
        body.append(("total", (words.get("total"), *sums)))
    first = 0.34 if len(header) > 3 else 0.5
    rest = (1 - first) / (len(header) - 1)
    return form_table(header, body, width(first, *[rest] * (len(header) - 1)),
                      aligns=["left"] + ["right"] * (len(header) - 1))


def indented(item) -> Table:
    """``item`` (a flowable) indented under its numbered line."""
    table = Table([[item]], colWidths=[width(1.0)[0] - 8 * mm], hAlign="RIGHT")
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def attachments(number: int, data: LetterData) -> list:
    """「n　添付書類」 and the list (1) … (k) of the attachments."""
    st = styles()
    story = [numbered(number, data.words.get("attachments_label"))]
    story += [Paragraph(escape(f"{FULL_SPACE * 2}({i}){FULL_SPACE}{name}"), st.body)
              for i, name in enumerate(data.attachments, start=1)]
    return story


def blank_box(label_rows: Sequence[str], height: float = 9 * mm) -> Table:
    """Ruled boxes to fill by hand: one row per label (振込先, 変更の理由 …)."""
    st = styles()
    data = [[Paragraph(escape(label), st.cell), ""] for label in label_rows]
    table = Table(data, colWidths=width(0.25, 0.75), rowHeights=[height] * len(data))
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return KeepTogether([table])


def gap(height_mm: float = 4) -> Spacer:
    """Vertical space between the items."""
    return Spacer(1, height_mm * mm)
