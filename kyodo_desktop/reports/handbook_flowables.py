"""The handbook's blocks (:mod:`kyodo_desktop.domain.handbook_markup`) as reportlab flowables.

Body text is IPAex Mincho, headings and tables IPAex Gothic; bold runs print in Gothic (IPAex
has no bold face). Every size comes from :func:`kyodo_desktop.reports.styles.make_styles` with
the edition's ``scale`` (1.0, or :data:`LARGE_PRINT_SCALE` for the 大きな文字版).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kyodo_desktop.domain import handbook_markup as markup
from kyodo_desktop.reports.fonts import GOTHIC, MINCHO
from kyodo_desktop.reports.styles import Styles, make_styles
from kyodo_desktop.services.guide.pages import PICTURE_CAPTION

LARGE_PRINT_SCALE = 1.45
HEADER_FILL = colors.Color(0.9, 0.92, 0.95)
ACCENT = colors.Color(0.16, 0.3, 0.5)
SECTION_FILL = colors.Color(0.93, 0.95, 0.98)
SHORT_COLUMN = 8
_NUMBER = re.compile(r"^[△¥￥]?\s?[\d,]+(?:円|世帯|人|%)?$")


@dataclass(frozen=True)
class HandbookStyles:
    """The shared styles plus the handbook's own: chapter title, section heading, list items."""

    base: Styles
    chapter: ParagraphStyle
    section: ParagraphStyle
    subsection: ParagraphStyle
    item: ParagraphStyle
    cover_title: ParagraphStyle
    cover_line: ParagraphStyle
    toc: ParagraphStyle

    @property
    def scale(self) -> float:
        return self.base.scale


def handbook_styles(scale: float = 1.0) -> HandbookStyles:
    """The handbook's styles at ``scale`` (body 10.5 pt × scale)."""
    base = make_styles(scale)
    s = scale
    return HandbookStyles(
        base=base,
        chapter=ParagraphStyle("hb_chapter", fontName=GOTHIC, fontSize=17 * s, leading=24 * s,
                               textColor=ACCENT, spaceAfter=10 * s, wordWrap="CJK"),
        section=ParagraphStyle("hb_section", fontName=GOTHIC, fontSize=12.5 * s,
                               leading=17 * s, backColor=SECTION_FILL, borderPadding=(3, 4, 3, 4),
                               spaceBefore=10 * s, spaceAfter=6 * s, wordWrap="CJK"),
        subsection=ParagraphStyle("hb_subsection", fontName=GOTHIC, fontSize=11 * s,
                                  leading=15 * s, spaceBefore=6 * s, spaceAfter=3 * s,
                                  wordWrap="CJK"),
        item=ParagraphStyle("hb_item", parent=base.body, leftIndent=16 * s, bulletIndent=4 * s,
                            spaceAfter=2 * s, bulletFontName=MINCHO, bulletFontSize=10.5 * s),
        cover_title=ParagraphStyle("hb_cover_title", fontName=GOTHIC, fontSize=30 * s,
                                   leading=40 * s, alignment=1, textColor=ACCENT,
                                   wordWrap="CJK"),
        cover_line=ParagraphStyle("hb_cover_line", fontName=GOTHIC, fontSize=15 * s,
                                  leading=24 * s, alignment=1, wordWrap="CJK"),
        toc=ParagraphStyle("hb_toc", fontName=GOTHIC, fontSize=11.5 * s, leading=22 * s,
                           wordWrap="CJK"),
    )


def inline(text: str) -> str:
    """reportlab paragraph markup of handbook text: escaped, **bold** in Gothic, line breaks."""
    parts = []
    for run, bold in markup.inline_runs(text):
        escaped = run.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        escaped = escaped.replace("\n", "<br/>").replace("\u3000", "\u00a0\u00a0")
        parts.append(f'<font name="{GOTHIC}">{escaped}</font>' if bold else escaped)
    return "".join(parts)


def _column_widths(block: markup.Table, width: float, font_size: float) -> list[float]:
    """Column widths summing to ``width``: short columns (≤ 8 characters) get what their
    longest text needs, the long ones share the rest by their average length."""
    columns = []
    for index in range(len(block.header)):
        lengths = [len(markup.plain_text(t)) for t in
                   (block.header[index], *(row[index] for row in block.rows))]
        longest = max(max(lengths), 2)
        average = max(sum(lengths) / len(lengths), 4)
        columns.append((longest, min(longest, 40) * font_size + 12, average))
    total = sum(need for _longest, need, _average in columns)
    fixed = sum(need for longest, need, _average in columns if longest <= SHORT_COLUMN)
    if total <= width or fixed >= width * 0.7 or fixed == total:
        return [need * width / total for _longest, need, _average in columns]
    weights = sum(average for longest, _need, average in columns if longest > SHORT_COLUMN)
    return [need if longest <= SHORT_COLUMN else (width - fixed) * average / weights
            for longest, need, average in columns]


def _is_number(text: str) -> bool:
    return bool(_NUMBER.match(markup.plain_text(text).strip()))


def table(block: markup.Table, styles: HandbookStyles, width: float) -> Table:
    """A ruled table: shaded header, Gothic cells; empty rows are tall enough to write in."""
    base = styles.base
    data = [[Paragraph(inline(h), base.cell_header) for h in block.header]]
    heights: list[float | None] = [None]
    for row in block.rows:
        data.append([Paragraph(inline(c), base.cell_right if _is_number(c) else base.cell)
                     for c in row])
        empty = sum(1 for c in row if not c.strip())
        heights.append(base.cell.leading * 2.0 if empty * 2 >= len(row) else None)
    result = Table(data, colWidths=_column_widths(block, width, base.cell.fontSize), rowHeights=heights,
                   repeatRows=1, hAlign="LEFT")
    result.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), GOTHIC),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2 * styles.scale),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * styles.scale),
    ]))
    return result


def writing_lines(count: int, styles: HandbookStyles, width: float) -> Table:
    """``count`` ruled empty lines to write on."""
    rows = [[""] for _ in range(count)]
    result = Table(rows, colWidths=[width], rowHeights=[styles.base.body.leading * 1.6] * count)
    result.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), MINCHO),
                                ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.grey)]))
    return result


#: Finds the PNG of a ``[画面:name]`` picture (None: the picture is left out).
Pictures = Callable[[str], Path | None]
PICTURE_WIDTH = 0.92
PICTURE_HEIGHT = 0.62


def picture(path: Path, width: float, caption: ParagraphStyle) -> list[Flowable]:
    """A screenshot at most ``PICTURE_WIDTH`` of the frame wide and ``PICTURE_HEIGHT`` of it
    high (aspect kept), thinly framed, with :data:`PICTURE_CAPTION` under it in ``caption``;
    one flowable, so a heading keeps it on its page."""
    image = Image(str(path))
    ratio = image.imageHeight / image.imageWidth
    drawn = min(width * PICTURE_WIDTH, width * PICTURE_HEIGHT / ratio)
    image.drawWidth, image.drawHeight = drawn, drawn * ratio
    framed = Table([[image]], hAlign="CENTER")
    framed.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), MINCHO),  # not reportlab's Helvetica
                                ("BOX", (0, 0), (-1, -1), 0.5, colors.grey),
                                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                ("TOPPADDING", (0, 0), (-1, -1), 0),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    note = ParagraphStyle("hb_picture_caption", parent=caption, alignment=1, textColor=colors.grey)
    return [KeepTogether([Spacer(1, 4), framed, Spacer(1, 3), Paragraph(PICTURE_CAPTION, note),
                          Spacer(1, 6)])]


def block_flowables(block: markup.Block, styles: HandbookStyles, width: float, *,
                    pictures: Pictures | None = None) -> list[Flowable]:
    """The flowables of one block (``width`` is the frame's width in points); a picture is
    printed when ``pictures(name)`` gives an existing file, else left out."""
    if isinstance(block, markup.Heading):
        style = styles.section if block.level == 1 else styles.subsection
        return [Paragraph(inline(block.text), style)]
    if isinstance(block, markup.Paragraph):  # one Paragraph per line: a <br/> after a full
        lines = block.text.split("\n")     # line would leave an empty line
        return [*(Paragraph(inline(line), styles.base.body) for line in lines),
                Spacer(1, 4 * styles.scale)]
    if isinstance(block, markup.BulletList):
        items = []
        for offset, text in enumerate(block.items):
            bullet = f"{block.start + offset}." if block.numbered else "・"
            items.append(Paragraph(inline(text), styles.item, bulletText=bullet))
        return [*items, Spacer(1, 4 * styles.scale)]
    if isinstance(block, markup.Table):
        return [table(block, styles, width), Spacer(1, 8 * styles.scale)]
    if isinstance(block, markup.PageBreak):
        return [PageBreak()]
    if isinstance(block, markup.WritingLines):
        return [writing_lines(block.count, styles, width)]
    if isinstance(block, markup.Picture):
        found = pictures(block.name) if pictures else None
        if found is None or not found.is_file():
            return []
        return picture(found, width, styles.base.small)
    raise TypeError(f"not a handbook block: {block!r}")


def keep_heading_with_next(flowables: list[Flowable]) -> list[Flowable]:
    """Glue each section heading to the flowable after it, so no heading ends a page."""
    result: list[Flowable] = []
    index = 0
    while index < len(flowables):
        item = flowables[index]
        is_heading = isinstance(item, Paragraph) and item.style.name in ("hb_section",
                                                                          "hb_subsection")
        if is_heading and index + 1 < len(flowables) and not isinstance(
                flowables[index + 1], PageBreak):
            result.append(KeepTogether([item, flowables[index + 1]]))
            index += 2
            continue
        result.append(item)
        index += 1
    return result
