"""Values Excel does not show because merged cells cover them.

When cells are merged Excel shows only the value of the range's top-left cell. Excel itself
empties the others when a user merges, but a file from other hands (or another program) may keep
values there: a 50,000 円 under a merged 摘要 would be imported unseen. Each row with such a value
gets a problem (a row error of the import), as hidden rows and columns do.
"""

from __future__ import annotations

import re

from kyodo_desktop.i18n import _
from kyodo_desktop.io import sheet_limits as limits

_REFERENCE = re.compile(r"([A-Z]{1,3})(\d{1,7})")


def parse_range(text: str) -> tuple[int, int, int, int] | None:
    """``(first row, first column, last row, last column)`` (1-based) of ``"B3:D4"``; None
    for anything else (a single cell merges nothing)."""
    parts = text.split(":")
    if len(parts) != 2:
        return None
    corners = [_REFERENCE.fullmatch(part) for part in parts]
    if not all(corners):
        return None
    (column1, row1), (column2, row2) = [(_column(m.group(1)), int(m.group(2))) for m in corners]
    return min(row1, row2), min(column1, column2), max(row1, row2), max(column1, column2)


def _column(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def covered_values(rows: list, ranges: list[tuple[int, int, int, int]], make_row) -> list:
    """``rows`` (objects with ``number``, ``cells``, ``problems``, as ``make_row(number, cells,
    problems)`` builds them) with a problem added to each row that holds a value in a cell a
    merged range covers (any cell of a range but its top-left one)."""
    covered: dict[int, set[int]] = {}
    for first_row, first_column, last_row, last_column in ranges:
        for number in range(first_row, min(last_row, limits.MAX_ROWS) + 1):
            columns = range(first_column, min(last_column, limits.MAX_COLUMNS) + 1)
            covered.setdefault(number, set()).update(
                column for column in columns if (number, column) != (first_row, first_column))
    position = {row.number: index for index, row in enumerate(rows)}
    for number, columns in covered.items():
        if number not in position:
            continue
        row = rows[position[number]]
        found = sorted(c for c in columns if c <= len(row.cells) and row.cells[c - 1])
        if found:
            rows[position[number]] = make_row(number, list(row.cells), [*row.problems, _(
                "Column {columns} is covered by merged cells in Excel, so its value is not "
                "shown. Unmerge the cells, check the value, and import again.").format(
                columns="、".join(limits.column_letter(c - 1) for c in found))])
    return rows
