"""Table helpers: ruled tables with Gothic text, shaded headers, right-aligned amounts and a
bold total row, as the city's forms print them."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.platypus import Paragraph, Table, TableStyle

from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.reports.fonts import GOTHIC
from kyodo_desktop.reports.styles import Styles

HEADER_FILL = colors.Color(0.9, 0.9, 0.9)
TOTAL_FILL = colors.Color(0.96, 0.96, 0.96)
#: The TableStyle commands every ruled form table starts from: Gothic text, a thin grid in a
#: heavy frame, the header row shaded, cells centred vertically with small paddings.
GRID_COMMANDS = (
    ("FONT", (0, 0), (-1, -1), GOTHIC),
    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
    ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
    ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
)


def cell(value, styles: Styles, *, align: str = "left") -> Paragraph:
    """A wrapped table cell: ints are formatted as yen (right-aligned), text as is."""
    if isinstance(value, int) and not isinstance(value, bool):
        return Paragraph(format_yen(value), styles.cell_right)
    style = {"left": styles.cell, "right": styles.cell_right, "center": styles.cell_center}[align]
    return Paragraph("" if value is None else _escape(str(value)), style)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def ruled_table(header: Sequence[str], rows: Sequence[Sequence], styles: Styles, *,
                col_widths: Sequence[float], total_rows: int = 0,
                aligns: Sequence[str] | None = None, repeat_header: bool = True) -> Table:
    """A grid table: ``header`` shaded, ``rows`` as cells (ints → yen right-aligned), the last
    ``total_rows`` rows shaded as totals. ``aligns`` gives "left"/"right"/"center" per column."""
    aligns = aligns or ["left"] * len(header)
    data = [[Paragraph(_escape(h), styles.cell_header) for h in header]]
    data += [[cell(value, styles, align=aligns[i]) for i, value in enumerate(row)] for row in rows]
    table = Table(data, colWidths=list(col_widths), repeatRows=1 if repeat_header else 0)
    commands = list(GRID_COMMANDS)
    if total_rows:
        commands.append(("BACKGROUND", (0, -total_rows), (-1, -1), TOTAL_FILL))
        commands.append(("LINEABOVE", (0, -total_rows), (-1, -total_rows), 1.0, colors.black))
    table.setStyle(TableStyle(commands))
    return table
