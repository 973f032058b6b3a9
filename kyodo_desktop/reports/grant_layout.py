"""Layout shared by the grant forms: documents made of sections, each with its own page
furniture (様式番号, page x / y counted within the section), the letter to the city (date,
addressee, applicant block, title, sentence, 「記」) and ruled tables with section and total rows.

A bundle (年度末一式) is the sections of several forms in one PDF: each form keeps its own
様式番号 and page numbering, as if printed alone.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.reports.fonts import MINCHO, register_fonts
from kyodo_desktop.reports.page import MARGIN, PageFurniture, draw_furniture
from kyodo_desktop.reports.styles import Styles, make_styles
from kyodo_desktop.reports.tables import GRID_COMMANDS, TOTAL_FILL

FRAME_WIDTH = A4[0] - 2 * MARGIN
FRAME_HEIGHT = A4[1] - (MARGIN + 4 * mm) - MARGIN
SECTION_FILL = colors.Color(0.93, 0.93, 0.93)
GROUP_FILL = colors.Color(0.975, 0.975, 0.975)


@dataclass(frozen=True)
class Section:
    """One form of a document: its furniture and its story (flowables); ``landscape`` puts its
    pages on A4 landscape (wide tables such as the 事業計画書)."""

    furniture: PageFurniture
    story: list
    landscape: bool = False


class _SectionMark(Flowable):
    """Zero-size marker: the pages from here on belong to section ``index``."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, *_args):
        return 0, 0

    def draw(self):
        self.canv._kd_section = self.index


def _section_canvas(furnitures: Sequence[PageFurniture]):
    class SectionCanvas(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            kwargs.setdefault("initialFontName", MINCHO)
            super().__init__(*args, **kwargs)
            self._saved: list[dict] = []
            self._kd_section = 0

        def showPage(self):  # noqa: N802 (reportlab API)
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            totals = Counter(state["_kd_section"] for state in self._saved)
            seen: Counter = Counter()
            for state in self._saved:
                self.__dict__.update(state)
                index = state["_kd_section"]
                seen[index] += 1
                draw_furniture(self, furnitures[index], seen[index], totals[index])
                super().showPage()
            super().save()

    return SectionCanvas


def build_sections(sections: Sequence[Section], *, title: str = "", draft: bool = False) -> bytes:
    """Lay out the sections on A4 portrait, each starting on a new page; return PDF bytes.

    ``draft`` puts the 「未確定」 watermark on every page.
    """
    register_fonts()
    furnitures = [replace(s.furniture, draft=s.furniture.draft or draft) for s in sections]
    story: list = []
    for index, section in enumerate(sections):
        if index:
            story += [NextPageTemplate(_template(section)), PageBreak()]
        story.append(_SectionMark(index))
        story.extend(section.story)
    buffer = io.BytesIO()
    document = BaseDocTemplate(buffer, pagesize=A4, title=title, author="kyodo-desktop",
                               creator="kyodo-desktop", leftMargin=MARGIN, rightMargin=MARGIN,
                               topMargin=MARGIN + 4 * mm, bottomMargin=MARGIN)
    templates = [_page_template("form", A4), _page_template("wide", landscape(A4))]
    if sections and sections[0].landscape:
        templates.reverse()  # the first template is the first page's
    document.addPageTemplates(templates)
    document.build(story, canvasmaker=_section_canvas(furnitures))
    return buffer.getvalue()


def _template(section: Section) -> str:
    return "wide" if section.landscape else "form"


def _page_template(name: str, pagesize) -> PageTemplate:
    """A page of ``pagesize`` with one frame inside the margins (room for the header)."""
    frame = Frame(MARGIN, MARGIN, pagesize[0] - 2 * MARGIN, pagesize[1] - (MARGIN + 4 * mm) - MARGIN,
                  id=f"{name}-body", leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0)
    return PageTemplate(id=name, frames=[frame], pagesize=pagesize)


def escape(text: str) -> str:
    """Text made safe for a Paragraph (``&``, ``<``, ``>``; newlines become line breaks; the
    full-width space U+3000, which a Paragraph would collapse, becomes no-break spaces)."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\n", "<br/>").replace("\u3000", "\u00a0" * 3))


def styles() -> Styles:
    """The styles of the grant forms (normal size)."""
    return make_styles()


@dataclass(frozen=True)
class Indented:
    """A table text indented by ``level`` steps (a 費目 under its parent: 需用費 › 消耗品費)."""

    text: str
    level: int = 1


def _cell(value, st: Styles, align: str):
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return Paragraph(format_yen(value), st.cell_right)
    if isinstance(value, Indented):
        style = ParagraphStyle("indented", parent=st.cell, leftIndent=st.cell.fontSize * value.level)
        return Paragraph(escape(value.text), style)
    style = {"left": st.cell, "right": st.cell_right, "center": st.cell_center}[align]
    return Paragraph(escape(str(value)), style)


def form_table(header: Sequence[str], rows: Sequence[tuple[str, Sequence]], widths: Sequence[float],
               *, aligns: Sequence[str] | None = None, repeat_header: bool = True) -> Table:
    """A ruled table: a shaded header, then ``rows`` as ``(kind, cells)``.

    Kinds: ``"line"`` a plain row; ``"group"`` a lightly shaded subtotal row; ``"section"`` a
    shaded row whose first cell spans the table (収入の部); ``"total"`` a shaded total row with a
    heavy rule above, kept on one page with the row before it (never a page of its own). Int
    cells print as yen, right-aligned; :class:`Indented` text is indented; None prints nothing.
    """
    st = styles()
    aligns = list(aligns or ["left"] * len(header))
    data = [[Paragraph(escape(h), st.cell_header) for h in header]]
    commands = list(GRID_COMMANDS)
    for number, (kind, cells) in enumerate(rows, start=1):
        if kind == "section":
            data.append([_cell(cells[0], st, "left")] + [""] * (len(header) - 1))
            commands += [("SPAN", (0, number), (-1, number)),
                         ("BACKGROUND", (0, number), (-1, number), SECTION_FILL)]
            continue
        data.append([_cell(v, st, aligns[i]) for i, v in enumerate(cells)])
        if kind == "group":
            commands.append(("BACKGROUND", (0, number), (-1, number), GROUP_FILL))
        if kind == "total":
            commands += [("BACKGROUND", (0, number), (-1, number), TOTAL_FILL),
                         ("LINEABOVE", (0, number), (-1, number), 1.0, colors.black)]
            if number > 1:
                # A total never starts a page alone: the line above goes over with it.
                commands.append(("NOSPLIT", (0, number - 1), (-1, number)))
    table = Table(data, colWidths=list(widths), repeatRows=1 if repeat_header else 0)
    table.setStyle(TableStyle(commands))
    return table


def heading(text: str, *, fiscal_year: str = "", council: str = "") -> list:
    """The heading of an attachment (事業計画書 …): centred title, then 年度 and council."""
    st = styles()
    story = [Paragraph(escape(f"{fiscal_year}　{text}" if fiscal_year else text), st.title)]
    if council:
        story.append(Paragraph(escape(council), st.body_right))
    story.append(Spacer(1, 3 * mm))
    return story


#: The frame width of a landscape section (A4 landscape between the margins).
WIDE_FRAME_WIDTH = A4[1] - 2 * MARGIN


def width(*fractions: float, wide: bool = False) -> list[float]:
    """Column widths as fractions of the frame width (they should sum to 1); ``wide`` for a
    landscape section."""
    return [(WIDE_FRAME_WIDTH if wide else FRAME_WIDTH) * f for f in fractions]
