"""Paragraph styles shared by the forms: Mincho body text, Gothic headings and table text.

All styles wrap Japanese text (``wordWrap="CJK"``). Sizes are points; ``scale`` enlarges every size
for large-print editions (大きな文字版).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from kyodo_desktop.reports.fonts import GOTHIC, MINCHO, register_fonts


@dataclass(frozen=True)
class Styles:
    """The named styles of one document (``scale`` 1.0 = normal print)."""

    title: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    body_right: ParagraphStyle
    body_center: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_center: ParagraphStyle
    cell_header: ParagraphStyle
    scale: float = 1.0


def _style(name: str, font: str, size: float, *, align=TA_LEFT, leading=1.5, **extra):
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * leading,
                          alignment=align, wordWrap="CJK", **extra)


def make_styles(scale: float = 1.0) -> Styles:
    """Return the document styles with every size multiplied by ``scale`` (1.0, or 1.4 for 大きな文字版)."""
    register_fonts()
    s = scale
    return Styles(
        title=_style("title", GOTHIC, 16 * s, align=TA_CENTER, spaceBefore=6, spaceAfter=10),
        heading=_style("heading", GOTHIC, 13 * s, spaceBefore=10, spaceAfter=6),
        subheading=_style("subheading", GOTHIC, 11 * s, spaceBefore=6, spaceAfter=3),
        body=_style("body", MINCHO, 10.5 * s, leading=1.7),
        body_right=_style("body_right", MINCHO, 10.5 * s, align=TA_RIGHT, leading=1.7),
        body_center=_style("body_center", MINCHO, 10.5 * s, align=TA_CENTER, leading=1.7),
        small=_style("small", MINCHO, 8.5 * s),
        cell=_style("cell", GOTHIC, 9 * s, leading=1.35),
        cell_right=_style("cell_right", GOTHIC, 9 * s, align=TA_RIGHT, leading=1.35),
        cell_center=_style("cell_center", GOTHIC, 9 * s, align=TA_CENTER, leading=1.35),
        cell_header=_style("cell_header", GOTHIC, 9 * s, align=TA_CENTER, leading=1.35),
        scale=scale,
    )
