"""Page furniture and PDF building shared by every form and booklet.

:func:`build_pdf` lays out a story of flowables on A4 portrait (or another size) with the common
header and footer: 様式番号 top-left, an optional right header (e.g. the date in 和暦), the council
name and ``page x / y`` at the foot, and a 「未確定」 watermark on drafts.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from kyodo_desktop.reports.fonts import GOTHIC, MINCHO, register_fonts

MARGIN = 18 * mm


@dataclass(frozen=True)
class PageFurniture:
    """What every page carries. ``form_no`` e.g. 「様式第1号」; empty strings print nothing."""

    title: str = ""
    form_no: str = ""
    header_right: str = ""
    footer_left: str = ""
    draft: bool = False
    numbered: bool = True
    first_page_number: int = 1


def _numbered_canvas(furniture: PageFurniture):
    """A canvas class that defers pages so each can print ``x / y`` with the final count."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            kwargs.setdefault("initialFontName", MINCHO)
            super().__init__(*args, **kwargs)
            self._saved: list[dict] = []

        def showPage(self):  # noqa: N802 (reportlab API)
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                draw_furniture(self, furniture, self._pageNumber, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def draw_furniture(c: rl_canvas.Canvas, f: PageFurniture, number: int, total: int) -> None:
    """Draw the header, footer, page x / y and draft watermark of one page onto ``c``."""
    width, height = c._pagesize
    c.saveState()
    if f.form_no:
        c.setFont(MINCHO, 10)
        c.drawString(MARGIN, height - 12 * mm, f.form_no)
    if f.header_right:
        c.setFont(MINCHO, 10)
        c.drawRightString(width - MARGIN, height - 12 * mm, f.header_right)
    c.setFont(GOTHIC, 8)
    if f.footer_left:
        c.drawString(MARGIN, 10 * mm, f.footer_left)
    if f.numbered:
        first = f.first_page_number
        c.drawRightString(width - MARGIN, 10 * mm,
                          f"{number + first - 1} / {total + first - 1}")
    if f.draft:
        c.setFont(GOTHIC, 72)
        c.setFillGray(0.6)
        c.setFillAlpha(0.25)
        c.translate(width / 2, height / 2)
        c.rotate(35)
        c.drawCentredString(0, 0, "未確定")
    c.restoreState()


def build_pdf(story: Sequence[Flowable], furniture: PageFurniture | None = None, *,
              pagesize=A4, margins: tuple[float, float, float, float] | None = None) -> bytes:
    """Lay out ``story`` and return the PDF bytes (fonts embedded as subsets).

    ``margins`` are (left, right, top, bottom) in points; default 18 mm with room for the header.
    """
    register_fonts()
    furniture = furniture or PageFurniture()
    left, right, top, bottom = margins or (MARGIN, MARGIN, MARGIN + 4 * mm, MARGIN)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=pagesize, leftMargin=left, rightMargin=right, topMargin=top,
        bottomMargin=bottom, title=furniture.title, author="kyodo-desktop",
        creator="kyodo-desktop",
    )
    document.build(list(story), canvasmaker=_numbered_canvas(furniture))
    return buffer.getvalue()
