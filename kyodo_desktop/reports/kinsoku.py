"""Japanese line breaking (禁則処理) for every Paragraph of the reports.

reportlab's CJK wrapping (``wordWrap="CJK"``) hangs one closing bracket or 句読点 in the margin
but lets the next one start a line (「）、」 → a line starting with 「、」), lets a line end with
an opening bracket (「【」 at the end, its text on the next line) and cuts a number or a word of
Latin letters anywhere (「1,2」 / 「34人」). :func:`install` applies both halves of 禁則 with
reportlab's own tables: no line starts with a character of ``ALL_CANNOT_START`` (行頭禁則: a single
one hangs as in reportlab, two or more take the character before them down) and none ends with
one of ``ALL_CANNOT_END`` (行末禁則: the opening bracket goes down with its text); a run of
ASCII letters, digits and signs (a number, an e-mail address) and a date (令和8年5月14日) are not
cut unless they are longer than the line. Lines that already obey the rules break exactly as reportlab breaks them.
"""

from __future__ import annotations

from reportlab.lib import textsplit
from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph

#: The 句読点 that may hang in the margin (ぶら下げ); other closing marks move down instead.
HANGING = "、。，．,."
#: A date is read whole: 「令和8年5月14日」 never breaks inside (not 「令和8年5月」 over
#: 「14日」): the era name, a number and the 年・月・日 after it, 年・月 and the number after them.
ERAS = ("令和", "平成", "昭和")
DATE_UNITS = "年月日"
_original = paragraph.cjkFragSplit
_original_word_split = textsplit.wordSplit


def _in(char: str, table: str) -> bool:
    return char != "" and char in table


def _sticks(before: str, after: str) -> bool:
    """Whether a line may not break between ``before`` and ``after`` (禁則, or inside a run of
    ASCII letters, digits and signs)."""
    if not before or not after:
        return False
    return (_in(after, ALL_CANNOT_START) or _in(before, ALL_CANNOT_END)
            or (before.isascii() and after.isascii() and not before.isspace()
                and not after.isspace())
            or _in_date(before, after))


def _digit(char: str) -> bool:
    return char.isascii() and char.isdigit()


def _in_date(before: str, after: str) -> bool:
    """Whether ``before`` + ``after`` are inside a date (令和|8|年|5|月|14|日)."""
    return ((_digit(before) and after in DATE_UNITS)
            or (before in "年月" and _digit(after))
            or any(before == era[-1] and _digit(after) for era in ERAS)
            or any(before == era[0] and after == era[1] for era in ERAS))


def line_end(chars, start: int, index: int) -> int:
    """Where a line beginning at ``start`` ends (exclusive) when ``chars[index]`` no longer
    fits: before it where the rules allow; a single 句読点 (「、」「。」) hangs in the margin
    (ぶら下げ, as reportlab hangs it); another closing mark (「）」「ー」「ッ」 …), which would
    stick out of a table cell, or two or more in a row move the break back to the nearest
    allowed point (追い出し); where there is none (a run longer than the line) the closing
    marks from ``index`` on hang and the line breaks after them."""
    after = chars[index + 1] if index + 1 < len(chars) else ""
    if (_in(chars[index], HANGING) and not _sticks(chars[index], after)
            and not (index > start and _in(chars[index - 1], ALL_CANNOT_END))):
        return index + 1
    end = index
    while end > start + 1 and _sticks(chars[end - 1], chars[end]):
        end -= 1
    if not _sticks(chars[end - 1], chars[end]):
        return end
    end = index  # no allowed point on the line: the closing marks all hang
    while end < len(chars) and _in(chars[end], ALL_CANNOT_START):
        end += 1
    return end


def breaks_badly(texts: list[str], overflows: list[bool] | None = None) -> bool:
    """Whether two consecutive lines of ``texts`` break where :func:`line_end` would not, or a
    line sticks out of its width (``overflows``) with something else than a hanging 句読点."""
    if any(a and b and _sticks(a[-1], b[0]) for a, b in zip(texts, texts[1:], strict=False)):
        return True
    return any(over and text and text[-1] not in HANGING  # the last line too: 「センター」
               for text, over in zip(texts, overflows or [], strict=False))


def kinsoku_word_split(word, max_widths, font_name, font_size, encoding="utf8"):
    """reportlab's ``wordSplit`` (one run of text in one font) with the lines broken by
    :func:`line_end` when reportlab's break a rule."""
    lines = _original_word_split(word, max_widths, font_name, font_size, encoding)
    if isinstance(word, bytes) or not breaks_badly([text for _extra, text in lines],
                                                   [extra < -paragraph._FUZZ
                                                    for extra, _text in lines]):
        return lines
    widths = list(max_widths) if isinstance(max_widths, (list, tuple)) else [max_widths]
    chars = word.strip()
    result, start, index, used = [], 0, 0, 0.0
    while index < len(chars):
        width = widths[min(len(result), len(widths) - 1)]
        used += stringWidth(chars[index], font_name, font_size)
        index += 1
        if used > width + paragraph._FUZZ and index - 1 > start:
            index = line_end(chars, start, index - 1)
            text = chars[start:index]
            result.append([width - stringWidth(text, font_name, font_size), text])
            start, used = index, 0.0
    if start < len(chars):
        width = widths[min(len(result), len(widths) - 1)]
        text = chars[start:]
        result.append([width - stringWidth(text, font_name, font_size), text])
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


def _breaks_badly(lines) -> bool:
    """Whether two lines (not parted by a line break) break against the rules."""
    texts, parted, overflows = [], [], []
    for line in lines.lines:
        texts.append("".join(getattr(word, "text", "") for word in line.words))
        parted.append(bool(getattr(line, "lineBreak", False)))
        overflows.append(getattr(line, "extraSpace", 0) < -paragraph._FUZZ)
    return (any(not parted[i] and breaks_badly(texts[i:i + 2], overflows[i:i + 1])
                for i in range(len(texts) - 1))
            or breaks_badly(texts[-1:], overflows[-1:]))


def kinsoku_frag_split(frags, max_widths, calc_bounds, encoding="utf8"):
    """reportlab's ``cjkFragSplit`` with both halves of 禁則 (:func:`line_end`) when
    reportlab's lines break a rule."""
    lines = _original(frags, max_widths, calc_bounds, encoding)
    if not _breaks_badly(lines):
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
        if not line_break and index - 1 > start:
            index = line_end(glyphs, start, index - 1)
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
