"""The letter part of the city's grant forms, as the paper forms lay it out: date (和暦) top
right, addressee (山口市長 様) left, the applicant block (所在地, 団体名, 代表者 職・氏名) right,
the centred title, the request sentence, 「記」, then numbered items (amount in figures, tables,
attachments, boxes to fill by hand). Every word comes from the city preset via the data.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.reports.fonts import MINCHO
from kyodo_desktop.reports.grant_layout import escape, form_table, styles, width
from kyodo_desktop.services.forms.application import AmountRow, LetterData
from kyodo_desktop.services.forms.common import Letterhead, Wording

#: Paragraphs collapse U+3000 like any white space: three no-break spaces take its width.
FULL_SPACE = "\u00a0" * 3
ITEM_WIDTHS = (8 * mm, 34 * mm)


#: The applicant block: label and value columns; the smallest size a value shrinks to.
APPLICANT_WIDTHS = (20 * mm, 82 * mm)
SMALLEST = 7.0
#: After a house number (1-20, ４番地の2) an address may break before what follows (a building).
_AFTER_NUMBER = re.compile(r"(?<=[0-9０-９])(?![0-9０-９\-－‐−ー番号丁目階FＦ])")


def address_parts(address: str) -> list[tuple[str, str]]:
    """The address as ``(separator, part)`` pieces a line may break between: at its spaces (the
    〒 number, town, building) and, within a piece, after a house number; the separator is what
    joins the piece to the one before on the same line (" " or "")."""
    parts: list[tuple[str, str]] = []
    for token in address.split():
        pieces = [p for p in _AFTER_NUMBER.split(token) if p]
        parts += [(" " if parts and i == 0 else "", p) for i, p in enumerate(pieces)]
    return parts


def fitted(parts: Sequence[tuple[str, str]], style: ParagraphStyle, room: float) -> Paragraph:
    """A value of the applicant block broken only between ``parts`` (a name is one part: never
    broken) and printed smaller, down to :data:`SMALLEST` pt, until every part fits ``room``
    (pt); parts join on a line while they fit. A part longer than the line at the smallest
    size wraps by 禁則 like any text."""
    size = style.fontSize
    while size > SMALLEST and max(
            (stringWidth(p, style.fontName, size) for _sep, p in parts), default=0) > room:
        size = max(SMALLEST, size - 0.5)
    lines: list[str] = []
    for sep, part in parts:
        joined = lines[-1] + sep + part if lines else part
        if lines and stringWidth(joined, style.fontName, size) <= room:
            lines[-1] = joined
        else:
            lines.append(part)
    fitted_style = ParagraphStyle("fitted", parent=style, fontSize=size,
                                  leading=style.leading * size / style.fontSize)
    return Paragraph("<br/>".join(escape(line) for line in lines), fitted_style)


def word_parts(value: str) -> list[tuple[str, str]]:
    """A value such as 口座名義 「湯田地域づくり協議会 会長（ユダチイキ… カイチョウ）」 as the
    parts a line may break between: at its spaces and before a bracket (its フリガナ), never
    inside a word."""
    parts: list[tuple[str, str]] = []
    for piece in re.split(r"(?=（)", value):
        for number, word in enumerate(piece.split(" ")):
            if word:
                parts.append((" " if number else "", word))
    return parts or [("", "")]


def _applicant_rows(head: Letterhead, words: Wording) -> list[tuple[str, list[tuple[str, str]]]]:
    """所在地, (フリガナ,) 団体名, 代表者 (with the 印 when the preset asks for seals), and the
    担当者 with phone and e-mail when entered on the 協議会 page: each value as the parts a line
    may break between (the address at its parts, the 代表者 between 職 and 氏名, the 担当者
    before the フリガナ; a name never)."""
    a = head.applicant
    rows = [(words.get("address"), address_parts(a.address))]
    if a.kana:
        rows.append((words.get("kana"), [("", a.kana)]))
    representative = [("", a.role), (FULL_SPACE, a.representative)]
    if head.seal:
        representative.append((FULL_SPACE * 3, words.get("seal_mark")))
    rows += [(words.get("organization"), [("", a.name)]),
             (words.get("representative"), representative)]
    c = head.contact
    if c is not None:
        name = [("", c.name)] + ([("", f"（{c.kana}）")] if c.kana else [])
        rows += [(words.get("contact_label"), name),
                 (words.get("contact_phone"), [("", c.phone)]),
                 (words.get("contact_email"), [("", c.email)])]
    return [(label, [(sep, p) for sep, p in parts if p]) for label, parts in rows
            if any(p for _sep, p in parts) or label != words.get("kana")]


def _applicant_block(head: Letterhead, words: Wording) -> Table:
    st = styles()
    data = [[Paragraph(escape(label), st.body), fitted(parts, st.body, APPLICANT_WIDTHS[1])]
            for label, parts in _applicant_rows(head, words)]
    table = Table(data, colWidths=list(APPLICANT_WIDTHS), hAlign="RIGHT")
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), MINCHO), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (1, 0), (1, -1), 0),
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
        Paragraph(escape(data.sentence), ParagraphStyle(
            "sentence", parent=st.body, firstLineIndent=st.body.fontSize)),
        Spacer(1, 5 * mm),
        Paragraph(escape(data.words.get("record")), st.body_center),
        Spacer(1, 4 * mm),
    ]


def numbered(number: int, label: str, text: str = "") -> Table:
    """An item under 「記」: 「1　交付申請額　　金 10,247,000円」 (``text`` is markup)."""
    st = styles()
    full = width(1.0)[0]
    if text:
        cells = [Paragraph(str(number), st.body), Paragraph(escape(label), st.body),
                 Paragraph(text, st.body)]
        widths = [*ITEM_WIDTHS, full - sum(ITEM_WIDTHS)]
    else:
        cells = [Paragraph(str(number), st.body), Paragraph(escape(label), st.body)]
        widths = [ITEM_WIDTHS[0], full - ITEM_WIDTHS[0]]
    table = Table([cells], colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), MINCHO), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


def amount_text(amount: int | None, words: Wording) -> str:
    """Markup of 「金　10,247,000円」 (the figure large and underlined), or a blank line to
    fill in when unknown."""
    figure = format_yen(amount) if amount is not None else FULL_SPACE * 8
    return (f"{escape(words.get('amount_prefix'))}{FULL_SPACE}<font size=\"13\"><u>"
            f"{FULL_SPACE}{figure}{FULL_SPACE}</u></font>{escape(words.get('yen'))}")


def amount_table(header: Sequence[str], rows: Sequence[AmountRow], words: Wording, *,
                 total: bool = True, last_is_total: bool = False) -> Table:
    """The grant table under 「記」: the programme, then its amounts (円); with ``total`` a
    合計 row summing each column (blank cells count as 0; a column of blanks stays blank);
    ``last_is_total`` shades the last row, which already is a total."""
    body = [("line", (r.label, *r.amounts)) for r in rows]
    if last_is_total and body:
        body[-1] = ("total", body[-1][1])
    elif total and rows:
        columns = len(rows[0].amounts)
        sums = [None if all(r.amounts[i] is None for r in rows)
                else sum(r.amounts[i] or 0 for r in rows) for i in range(columns)]
        body.append(("total", (words.get("total"), *sums)))
    first = 0.34 if len(header) > 3 else 0.5
    rest = (1 - first) / (len(header) - 1)
    return form_table(header, body, inner_width(first, *[rest] * (len(header) - 1)),
                      aligns=["left"] + ["right"] * (len(header) - 1))


def inner_width(*fractions: float) -> list[float]:
    """Column widths as fractions of the width left of an indented item."""
    return [(width(1.0)[0] - ITEM_WIDTHS[0]) * f for f in fractions]


def indented(item) -> Table:
    """``item`` (a flowable) indented under its numbered line."""
    table = Table([[item]], colWidths=[width(1.0)[0] - ITEM_WIDTHS[0]], hAlign="RIGHT")
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), MINCHO), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return table


def attachments(number: int, data: LetterData) -> list:
    """「n　添付書類」 and the list (1) … (k) of the attachments."""
    st = styles()
    story = [numbered(number, data.words.get("attachments_label"))]
    style = ParagraphStyle("attachment", parent=st.body, leftIndent=ITEM_WIDTHS[0])
    story += [Paragraph(escape(f"({i}){FULL_SPACE}{name}"), style)
              for i, name in enumerate(data.attachments, start=1)]
    return story


def blank_box(label_rows: Sequence[str], height: float = 9 * mm,
              values: Sequence[str] = ()) -> Table:
    """Ruled boxes: one row per label (振込先 …) with its ``values`` (blank ones are filled by
    hand), or one free box when the labels are empty (変更の理由)."""
    st = styles()
    if any(label_rows):
        filled = list(values) + [""] * (len(label_rows) - len(values))
        widths = inner_width(0.25, 0.75)
        data = [[Paragraph(escape(label), st.cell),
                 fitted(word_parts(value), st.body, widths[1] - 12)]  # 6 pt padding each side
                for label, value in zip(label_rows, filled, strict=True)]
    else:  # one free box (変更の理由)
        data, widths = [[""] for _label in label_rows], inner_width(1.0)
    filled_in = any(values)
    table = Table(data, colWidths=widths,
                  rowHeights=None if filled_in else [height] * len(data))
    if filled_in:  # rows as high as their text, at least a hand-written line's
        table.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 5),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), MINCHO), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


def gap(height_mm: float = 4) -> Spacer:
    """Vertical space between the items."""
    return Spacer(1, height_mm * mm)
