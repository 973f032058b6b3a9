"""Japanese line breaking (禁則処理) for every Paragraph of the reports.

reportlab's CJK wrapping (``wordWrap="CJK"``) keeps a closing bracket or 句読点 off the start of a
line (it hangs in the margin: reportlab's ``ALL_CANNOT_START``) but lets a line end with an
opening bracket (「【」 at the end, its text on the next line). :func:`install` adds the other
half of the rule with reportlab's own table (``ALL_CANNOT_END``): a line that would end with an
opening bracket breaks before it instead. Lines that already obey the rules break exactly as
reportlab breaks them.
"""

from __future__ import annotations

from reportlab.lib import textsplit
from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph

_original = paragraph.cjkFragSplit
_original_word_split = textsplit.wordSplit


def kinsoku_word_split(word, max_widths, font_name, font_size, encoding="utf8"):
    """reportlab's ``wordSplit`` (one run of text in one font) with a line never ending in a
    character of ``ALL_CANNOT_END``: such a character starts the next line instead."""
    lines = _original_word_split(word, max_widths, font_name, font_size, encoding)
    if isinstance(word, bytes) or not any(
            text and text[-1] in ALL_CANNOT_END for _extra, text in lines[:-1]):
        return lines
    widths = list(max_widths) if isinstance(max_widths, (list, tuple)) else [max_widths]
    result, rest = [], word
    while rest:
        width = widths[min(len(result), len(widths) - 1)]
        first = _original_word_split(rest, [width], font_name, font_size, encoding)[0][1]
        if len(first) == len(rest.strip()):
            result.append([width - stringWidth(first, font_name, font_size), first])
            break
        end = rest.find(first) + len(first)
        while len(first) > 1 and first[-1] in ALL_CANNOT_END:
            first, end = first[:-1], end - 1
        result.append([width - stringWidth(first, font_name, font_size), first])
        rest = rest[end:]
    return result


def _glyphs(frags, encoding: str) -> list:
    glyphs = []
    for frag in frags:
        text = frag.text.decode(encoding) if isinstance(frag.text, bytes) else frag.text
        if text:
            glyphs.extend(paragraph.cjkU(t, frag, encoding) for t in text)
        else:
            glyphs.append(paragraph.cjkU(text, frag, encoding))
    return glyphs


def _width(glyph, max_width: float) -> float:
    width = glyph.width
    if hasattr(width, "normalizedValue"):
        width._normalizer = max_width
        width = width.normalizedValue(max_width)
    return width


def _ends_badly(lines) -> bool:
    """Whether a line but the last ends with a character that may not end a line."""
    for line in lines.lines[:-1]:
        text = "".join(getattr(word, "text", "") for word in line.words)
        if text and text[-1] in ALL_CANNOT_END and not getattr(line, "lineBreak", False):
            return True
    return False


def kinsoku_frag_split(frags, max_widths, calc_bounds, encoding="utf8"):
    """reportlab's ``cjkFragSplit`` with both halves of 禁則: no line starts with a character of
    ``ALL_CANNOT_START`` (it hangs, as in reportlab) and none ends with one of ``ALL_CANNOT_END``
    (the break moves before it)."""
    lines = _original(frags, max_widths, calc_bounds, encoding)
    if not _ends_badly(lines):
        return lines
    glyphs = _glyphs(frags, encoding)
    result, start, index = [], 0, 0
    max_width = max_widths[0]
    used = 0.0
    while index < len(glyphs):
        glyph = glyphs[index]
        index += 1
        used += _width(glyph, max_width)
        line_break = hasattr(glyph.frag, "lineBreak")
        if not (line_break or (used > max_width + paragraph._FUZZ and used > 0)):
            continue
        if not line_break:
            if glyph not in ALL_CANNOT_START and index > start + 1:
                index -= 1  # the glyph that overflowed starts the next line
            while index > start + 1 and glyphs[index - 1] in ALL_CANNOT_END:
                index -= 1  # an opening bracket goes down with its text
        width = sum(_width(g, max_width) for g in glyphs[start:index])
        result.append(paragraph.makeCJKParaLine(glyphs[start:index], max_width, width,
                                                max_width - width, line_break, calc_bounds))
        max_width = max_widths[min(len(result), len(max_widths) - 1)]
        start, used = index, 0.0
    if start < len(glyphs):
        width = sum(_width(g, max_width) for g in glyphs[start:])
        result.append(paragraph.makeCJKParaLine(glyphs[start:], max_width, width,
                                                max_width - width, False, calc_bounds))
    return paragraph.ParaLines(kind=1, lines=result)


def install() -> None:
    """Make every Paragraph with ``wordWrap="CJK"`` break lines with both halves of 禁則
    (:func:`kinsoku_word_split` for a run in one font, :func:`kinsoku_frag_split` for mixed
    runs); idempotent."""
    paragraph.wordSplit = kinsoku_word_split
    paragraph.cjkFragSplit = kinsoku_frag_split
