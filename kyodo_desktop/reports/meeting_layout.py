"""Layout pieces shared by the 議事録 and the 総会議案書: long texts as paragraphs that break
across pages (never inside a table cell, which cannot), a ruled two-column 項目 table for short
fields, and the 署名欄.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from kyodo_desktop.reports.fonts import MINCHO
from kyodo_desktop.reports.grant_layout import FRAME_WIDTH, escape, styles
from kyodo_desktop.reports.tables import GRID_COMMANDS, HEADER_FILL


def text_block(text: str, style: ParagraphStyle | None = None, *, indent: float = 0) -> list:
    """``text`` as one Paragraph per line (blank lines keep a small gap), so a text of any
    length wraps and flows over pages; ``indent`` in points. Empty text gives []."""
    base = style or styles().body
    if indent:
        base = ParagraphStyle(f"{base.name}-indented", parent=base, leftIndent=indent)
    story: list = []
    for line in text.splitlines():
        if line.strip():
            story.append(Paragraph(escape(line), base))
        elif story:
            story.append(Spacer(1, base.fontSize * 0.6))
    return story


def fields_table(rows: Sequence[tuple[str, str]], *, label_width: float = 30 * mm) -> Table:
    """A ruled table of short ``(label, value)`` rows: the labels shaded in the first column,
    values wrapped (line breaks kept)."""
    st = styles()
    data = [[Paragraph(escape(label), st.cell_center), Paragraph(escape(value), st.cell)]
            for label, value in rows]
    table = Table(data, colWidths=[label_width, FRAME_WIDTH - label_width])
    commands = [c for c in GRID_COMMANDS if c[0] != "BACKGROUND"]
    commands.append(("BACKGROUND", (0, 0), (0, -1), HEADER_FILL))
    table.setStyle(TableStyle(commands))
    return table


def signature_block(rows: Sequence[tuple[str, str]], *, seal: str = "印") -> Table:
    """署名欄: per ``(role, printed name)`` a line to sign on and the 印 mark; the printed name
    (as recorded) stands small above the line so the signer is known."""
    st = styles()
    small = ParagraphStyle("signer", parent=st.small, textColor=colors.Color(0.35, 0.35, 0.35))
    data = [[Paragraph(escape(role), st.body), Paragraph(escape(name), small), "",
             Paragraph(seal, st.body_center)] for role, name in rows]
    table = Table(data, colWidths=[34 * mm, 40 * mm, 40 * mm, 10 * mm],
                  rowHeights=[13 * mm] * len(data), hAlign="RIGHT")
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), MINCHO),
                               ("LINEBELOW", (1, 0), (2, -1), 0.6, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    return table
