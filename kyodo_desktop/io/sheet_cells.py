"""Cells that a spreadsheet program shows as the text a user typed, never runs as a formula.

A 摘要 or a name such as ``=HYPERLINK("http://…","詳細")`` or ``=cmd|' /C calc'!A0`` would be a
live formula in Excel when written as typed (formula injection, OWASP "CSV Injection"). Every
export writes text through this module:

- .xlsx: :func:`text_value` drops the characters XML cannot hold (openpyxl would raise
  ``IllegalCharacterError``) and :func:`mark_text` gives every text cell the explicit string type
  (``t="inlineStr"``), so openpyxl never writes a cell as a formula from user text.
- .csv: :func:`csv_text` prefixes ``'`` to text starting with ``= + - @`` TAB or CR (the
  characters Excel and LibreOffice start a formula with); the importers drop that ``'`` again
  (:func:`unquote_csv`), so an exported CSV reads back as written.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from kyodo_desktop import fileops

#: What a spreadsheet program reads as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Characters an .xlsx (XML 1.0) cannot hold: C0 controls except TAB, LF, CR.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet program would read ``text`` as a formula."""
    return text.startswith(FORMULA_STARTS)


def text_value(value: object) -> object:
    """``value`` as an .xlsx cell may hold it: text without XML-illegal control characters; other
    values (numbers, dates, None) unchanged."""
    if isinstance(value, str):
        return _ILLEGAL_XML.sub("", value)
    return value


def mark_text(cells: Iterable) -> None:
    """Give every openpyxl cell in ``cells`` that holds text the explicit string type, so that
    text starting with ``=`` is written as text, not as a formula."""
    for cell in cells:
        if isinstance(cell.value, str):
            cell.data_type = "s"


def csv_text(value: object) -> str:
    """One CSV field: "" for None, ISO ``YYYY-MM-DD`` for a date, numbers as digits, text with
    ``'`` in front when it starts like a formula (see :data:`FORMULA_STARTS`)."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        text = _ILLEGAL_XML.sub("", value)
        return "'" + text if is_formula_like(text) else text
    return str(value)


def unquote_csv(text: str) -> str:
    """Undo :func:`csv_text`'s guard: ``'=SUM(1)`` → ``=SUM(1)``; other text unchanged."""
    if text.startswith("'") and is_formula_like(text[1:]):
        return text[1:]
    return text


def write_csv(path: Path | str, rows: Iterable[Iterable[object]]) -> int:
    """Write ``rows`` to ``path`` as UTF-8 CSV with a BOM (Excel for Japanese Windows opens it
    without garbling), every field through :func:`csv_text`; return the number of rows.

    Written atomically and owner-only, never onto a data file or backup
    (:func:`kyodo_desktop.fileops.write_with`). Raises UserError (Japanese) when the file cannot
    be written.
    """
    count = 0

    def write(temporary: Path) -> None:
        nonlocal count
        with temporary.open("w", encoding="utf-8-sig", newline="") as stream:
            writer = csv.writer(stream)
            for row in rows:
                writer.writerow([csv_text(value) for value in row])
                count += 1

    fileops.write_with(Path(path), write)
    return count
