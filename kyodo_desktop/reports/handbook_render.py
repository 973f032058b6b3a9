"""Laying out the 自治会活動の手引き: cover, 目次 with page numbers, chapters with a running
header and page numbers; A4, or A5 pages imposed as a booklet; normal or large print.

Page numbers count from the first chapter page (1); the cover and the 目次 carry none. The
目次's numbers are those printed at the foot of the pages where the chapters start (reportlab
``multiBuild`` repeats the layout until they agree). Fonts are embedded (IPAex, subsets).
Input is the plain :class:`~kyodo_desktop.services.handbook.build.Handbook`, so this runs
off the GUI thread without the store.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from kyodo_desktop.reports.fonts import GOTHIC, MINCHO, register_fonts
from kyodo_desktop.reports.handbook_booklet import ImposingCanvas
from kyodo_desktop.reports.handbook_flowables import (
    ACCENT,
    LARGE_PRINT_SCALE,
    HandbookStyles,
    Pictures,
    block_flowables,
    handbook_styles,
    inline,
    keep_heading_with_next,
)
from kyodo_desktop.services.handbook.build import Handbook

TOC_TITLE = "目次"


class _ChapterTitle(Paragraph):
    """A chapter's title paragraph; the document records where it lands for the 目次."""

    def __init__(self, text: str, style: ParagraphStyle, plain: str) -> None:
        super().__init__(text, style)
        self.plain = plain


class HandbookDocument(BaseDocTemplate):
    """The booklet's document: page templates ``cover``, ``front`` (目次) and ``body``."""

    def __init__(self, buffer, handbook: Handbook, styles: HandbookStyles, *, pagesize,
                 margin: float, links: bool) -> None:
        super().__init__(buffer, pagesize=pagesize, leftMargin=margin, rightMargin=margin,
                         topMargin=margin + 6 * mm * styles.scale, bottomMargin=margin + 4 * mm,
                         title=f"{handbook.title}（{handbook.year_label}）",
                         author=handbook.council_name, creator="kyodo-desktop")
        self.handbook = handbook
        self.styles = styles
        self.links = links
        self.body_start: int | None = None
        self.chapter_title = ""
        self.chapter_count = 0
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="main")
        self.addPageTemplates([
            PageTemplate("cover", [frame], onPage=self._cover_page),
            PageTemplate("front", [frame]),
            PageTemplate("body", [frame], onPage=self._body_begins, onPageEnd=self._furniture),
        ])

    def beforeDocument(self):  # noqa: N802 (reportlab API)
        self.body_start = None
        self.chapter_title = ""
        self.chapter_count = 0

    def body_page_number(self) -> int:
        """The printed number of the current page (1 = first chapter page)."""
        return self.page - (self.body_start or self.page) + 1

    def afterFlowable(self, flowable):  # noqa: N802 (reportlab API)
        if isinstance(flowable, _ChapterTitle):
            self.chapter_title = flowable.plain
            self.chapter_count += 1
            key = f"chapter-{self.chapter_count}" if self.links else None
            if key:
                self.canv.bookmarkPage(key)
                self.canv.addOutlineEntry(flowable.plain, key, level=0)
            self.notify("TOCEntry", (0, inline(flowable.plain), self.body_page_number(), key))

    def _body_begins(self, canvas, document) -> None:
        if self.body_start is None:
            self.body_start = self.page

    def _cover_page(self, canvas, document) -> None:
        width, height = self.pagesize
        inset = 10 * mm
        canvas.saveState()
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(2)
        canvas.rect(inset, inset, width - 2 * inset, height - 2 * inset)
        canvas.setLineWidth(0.5)
        canvas.rect(inset + 3, inset + 3, width - 2 * inset - 6, height - 2 * inset - 6)
        canvas.restoreState()

    def _furniture(self, canvas, document) -> None:
        width, height = self.pagesize
        scale = self.styles.scale
        top = height - self.topMargin + 4 * mm * scale
        canvas.saveState()
        canvas.setFont(GOTHIC, 8.5 * scale)
        canvas.setFillColor(ACCENT)
        canvas.drawString(self.leftMargin, top,
                          f"{self.handbook.title}（{self.handbook.year_label}）")
        canvas.drawRightString(width - self.rightMargin, top, self.chapter_title)
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(0.6)
        canvas.line(self.leftMargin, top - 2.5 * mm, width - self.rightMargin, top - 2.5 * mm)
        canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont(MINCHO, 10 * scale)
        canvas.drawCentredString(width / 2, self.bottomMargin - 9 * mm,
                                 f"- {self.body_page_number()} -")
        canvas.restoreState()


def _cover(handbook: Handbook, styles: HandbookStyles, height: float) -> list:
    line = styles.cover_line
    small = ParagraphStyle("hb_cover_small", parent=line, fontSize=line.fontSize * 0.75,
                           leading=line.leading * 0.75)
    story = [Spacer(1, height * 0.18), Paragraph(inline(handbook.year_label), line),
             Spacer(1, 6 * mm), Paragraph(inline(handbook.title), styles.cover_title),
             Spacer(1, height * 0.25), Paragraph(inline(handbook.council_name), line)]
    if handbook.center_name:
        story += [Paragraph(inline(handbook.center_name), small)]
    if handbook.center_contact:
        story += [Paragraph(inline(handbook.center_contact), small)]
    story += [Spacer(1, 8 * mm), Paragraph(inline(f"{handbook.issued_on} 発行"), small)]
    if handbook.edition_note:
        story += [Spacer(1, 6 * mm), Paragraph(inline(f"【{handbook.edition_note}】"), small)]
    return story


def _toc(styles: HandbookStyles) -> list:
    toc = TableOfContents()
    toc.levelStyles = [styles.toc]
    toc.dotsMinLevel = 0
    toc.tableStyle = TableStyle([("FONT", (0, 0), (-1, -1), GOTHIC),
                                 ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                 ("TOPPADDING", (0, 0), (-1, -1), 0),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])
    return [Paragraph(TOC_TITLE, styles.chapter), Spacer(1, 4 * mm), toc]


def story_of(handbook: Handbook, styles: HandbookStyles, width: float, height: float, *,
             pictures: Pictures | None = None) -> list:
    """Every flowable of the booklet: cover, 目次, then each chapter from a new page
    (``pictures`` finds the PNG of a ``[画面:name]`` block)."""
    story = [*_cover(handbook, styles, height), NextPageTemplate("front"), PageBreak(),
             *_toc(styles), NextPageTemplate("body")]
    for chapter in handbook.chapters:
        body = [flowable for block in chapter.blocks
                for flowable in block_flowables(block, styles, width, pictures=pictures)]
        story += [PageBreak(), _ChapterTitle(inline(chapter.title), styles.chapter, chapter.title),
                  *keep_heading_with_next(body)]
    return story


def render_handbook(handbook: Handbook, *, large_print: bool = False,
                    booklet: bool = False, pictures: Pictures | None = None) -> bytes:
    """The PDF of ``handbook``: A4 pages, or with ``booklet`` A5 pages imposed two to an A4
    sheet; ``large_print`` scales every size by :data:`LARGE_PRINT_SCALE`; ``pictures`` finds
    the screenshots of ``[画面:name]`` blocks (the user guide)."""
    register_fonts()
    styles = handbook_styles(LARGE_PRINT_SCALE if large_print else 1.0)
    pagesize, margin = (A5, 13 * mm) if booklet else (A4, 20 * mm)
    buffer = io.BytesIO()
    document = HandbookDocument(buffer, handbook, styles, pagesize=pagesize, margin=margin,
                                links=not booklet)
    story = story_of(handbook, styles, document.width, document.height, pictures=pictures)
    if booklet:
        document.multiBuild(story, canvasmaker=ImposingCanvas)
    else:
        document.multiBuild(story)
    return buffer.getvalue()
