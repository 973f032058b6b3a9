"""The 手引き page's live preview: a chapter's blocks as simple HTML for a QTextBrowser.

Placeholders are filled from the year's data; an unknown one is shown in red as 「{名前}?」 so
the office sees it while typing (printing refuses it, see
:func:`kyodo_desktop.services.handbook.build.problems`).
"""

from __future__ import annotations

import html

from kyodo_desktop.domain import handbook_markup as markup
from kyodo_desktop.domain.handbook_placeholders import fill_lenient

_OPEN, _CLOSE = "\x00", "\x01"
UNKNOWN_STYLE = "color:#c62828;font-weight:bold;background:#fdecea"
STYLE = ("body{font-size:11pt;line-height:150%} h1{font-size:16pt;color:#28507f}"
         " h2{font-size:12.5pt;background:#eef2f8;padding:2px} h3{font-size:11pt}"
         " table{border-collapse:collapse} td,th{border:1px solid #444;padding:2px 4px}"
         " th{background:#e6ebf2}")


def _text(text: str, values: dict[str, str]) -> str:
    filled = fill_lenient(text, values, mark=_OPEN + "{{key}}?" + _CLOSE)
    parts = []
    for run, bold in markup.inline_runs(filled):
        escaped = html.escape(run).replace("\n", "<br>")
        escaped = escaped.replace(_OPEN, f'<span style="{UNKNOWN_STYLE}">').replace(
            _CLOSE, "</span>")
        parts.append(f"<b>{escaped}</b>" if bold else escaped)
    return "".join(parts)


def block_html(block: markup.Block, values: dict[str, str]) -> str:
    """One block as HTML."""
    if isinstance(block, markup.Heading):
        tag = "h2" if block.level == 1 else "h3"
        return f"<{tag}>{_text(block.text, values)}</{tag}>"
    if isinstance(block, markup.Paragraph):
        return f"<p>{_text(block.text, values)}</p>"
    if isinstance(block, markup.BulletList):
        items = "".join(f"<li>{_text(item, values)}</li>" for item in block.items)
        if block.numbered:
            return f'<ol start="{block.start}">{items}</ol>'
        return f"<ul>{items}</ul>"
    if isinstance(block, markup.Table):
        head = "".join(f"<th>{_text(cell, values)}</th>" for cell in block.header)
        rows = "".join("<tr>" + "".join(f"<td>{_text(cell, values) or '&nbsp;'}</td>"
                                        for cell in row) + "</tr>" for row in block.rows)
        return f'<table cellspacing="0" width="100%"><tr>{head}</tr>{rows}</table><br>'
    if isinstance(block, markup.PageBreak):
        return '<hr><p style="color:#777">（改ページ）</p>'
    if isinstance(block, markup.WritingLines):
        return "<p>" + "<br>".join("＿" * 30 for _ in range(block.count)) + "</p>"
    if isinstance(block, markup.Picture):  # a screenshot of the printed user guide
        return ""
    raise TypeError(f"not a handbook block: {block!r}")


def chapter_html(title: str, blocks: list[markup.Block], values: dict[str, str]) -> str:
    """A whole chapter (title and blocks) as an HTML document."""
    body = "".join(block_html(block, values) for block in blocks)
    return (f"<html><head><style>{STYLE}</style></head><body>"
            f"<h1>{_text(title, values)}</h1>{body}</body></html>")
