"""The handbook's simple markup: what the office types in the 手引き editor, parsed into blocks.

Rules (one construct per line, chosen so a 自治会長 could read the raw text too)::

    # 見出し              a heading inside the chapter (## for a smaller one)
    ふつうの文            a paragraph; a line break stays a line break, a blank line ends it
    - 項目 / ・項目       a bullet list item (consecutive items form one list)
    1. 手順               a numbered list item (numbering continues from the number typed)
    | 見出し | 見出し |    a table row; the first row is the header, a |---| row is ignored
    **太字**              bold inside any text
    [改ページ]            start a new page (e.g. before each form of the 様式集)
    [記入欄:5]            5 empty, ruled lines to write on (blank forms)
    [画面:council]        a screenshot by name (the user guide's pictures; the handbook has none)

Nothing is an error: a stray ``**`` prints as it is, short table rows are padded. Placeholders
(``{年度}``) are left in the text; :mod:`kyodo_desktop.domain.handbook_placeholders` fills them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PAGE_BREAK_MARK = "[改ページ]"
_BULLET = re.compile(r"^\s*(?:[-・●])\s*(.*)$")
_NUMBERED = re.compile(r"^\s*(\d+)[.．、)]\s*(.*)$")
_HEADING = re.compile(r"^(#{1,3})\s*(.*)$")
_RULE_ROW = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
_LINES = re.compile(r"^\[記入欄(?::(\d+))?\]$")
_PICTURE = re.compile(r"^\[画面:([A-Za-z0-9_-]+)\]$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
MAX_WRITING_LINES = 40


@dataclass(frozen=True)
class Heading:
    """A heading: ``level`` 1 (``#``) or 2 (``##``, ``###``), ``text`` with inline markup."""

    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of text (inline markup kept; its lines joined with "\\n")."""

    text: str


@dataclass(frozen=True)
class BulletList:
    """A list: ``items`` texts, ``numbered`` True for 1. 2. 3. lists starting at ``start``."""

    items: tuple[str, ...]
    numbered: bool = False
    start: int = 1


@dataclass(frozen=True)
class Table:
    """A table: ``header`` texts and ``rows`` (each padded to the header's width)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class PageBreak:
    """Start a new page."""


@dataclass(frozen=True)
class WritingLines:
    """``count`` empty ruled lines to write on."""

    count: int


@dataclass(frozen=True)
class Picture:
    """A screenshot called ``name`` (a PNG the printer looks up; nothing when it has none)."""

    name: str


Block = Heading | Paragraph | BulletList | Table | PageBreak | WritingLines | Picture


def inline_runs(text: str) -> list[tuple[str, bool]]:
    """Split text into ``[(text, bold)]`` runs: ``"a**b**c"`` → ``[("a", False), ("b", True),
    ("c", False)]``. Empty runs are dropped; an unpaired ``**`` stays plain text."""
    runs: list[tuple[str, bool]] = []
    position = 0
    for match in _BOLD.finditer(text):
        if match.start() > position:
            runs.append((text[position:match.start()], False))
        runs.append((match.group(1), True))
        position = match.end()
    if position < len(text):
        runs.append((text[position:], False))
    return runs


def plain_text(text: str) -> str:
    """The text without inline markup (``**`` of bold pairs removed)."""
    return "".join(run for run, _bold in inline_runs(text))


def _cells(line: str) -> tuple[str, ...]:
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|"):
        body = body[:-1]
    return tuple(cell.strip() for cell in body.split("|"))


class _Builder:
    """Collects blocks while the parser walks the lines."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.paragraph: list[str] = []
        self.items: list[str] = []
        self.numbered = False
        self.start = 1
        self.rows: list[tuple[str, ...]] = []

    def flush(self) -> None:
        if self.paragraph:
            self.blocks.append(Paragraph("\n".join(self.paragraph)))
            self.paragraph = []
        if self.items:
            self.blocks.append(BulletList(tuple(self.items), self.numbered, self.start))
            self.items = []
        if self.rows:
            width = max(len(row) for row in self.rows)
            padded = [row + ("",) * (width - len(row)) for row in self.rows]
            self.blocks.append(Table(padded[0], tuple(padded[1:])))
            self.rows = []

    def item(self, text: str, numbered: bool, number: int = 1) -> None:
        if self.items and self.numbered != numbered:
            self.flush()
        self._end_other("items")
        if not self.items:
            self.numbered, self.start = numbered, number
        self.items.append(text.strip())

    def row(self, line: str) -> None:
        self._end_other("rows")
        if not _RULE_ROW.match(line.strip()):
            self.rows.append(_cells(line))

    def text(self, line: str) -> None:
        self._end_other("paragraph")
        self.paragraph.append(line.strip())

    def _end_other(self, keep: str) -> None:
        if any(getattr(self, name) for name in ("paragraph", "items", "rows") if name != keep):
            self.flush()


def parse(markup: str) -> list[Block]:
    """Parse the markup of a chapter into a list of blocks (see the module doc for the rules)."""
    builder = _Builder()
    for raw in markup.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped:
            builder.flush()
        elif stripped == PAGE_BREAK_MARK:
            builder.flush()
            builder.blocks.append(PageBreak())
        elif _LINES.match(stripped):
            builder.flush()
            count = int(_LINES.match(stripped).group(1) or 5)
            builder.blocks.append(WritingLines(max(1, min(count, MAX_WRITING_LINES))))
        elif picture := _PICTURE.match(stripped):
            builder.flush()
            builder.blocks.append(Picture(picture.group(1)))
        elif heading := _HEADING.match(stripped):
            builder.flush()
            level = 1 if len(heading.group(1)) == 1 else 2
            builder.blocks.append(Heading(level, heading.group(2).strip()))
        elif stripped.startswith("|"):
            builder.row(stripped)
        elif bullet := _BULLET.match(line):
            builder.item(bullet.group(1), numbered=False)
        elif numbered := _NUMBERED.match(line):
            builder.item(numbered.group(2), numbered=True, number=int(numbered.group(1)))
        else:
            builder.text(line)
    builder.flush()
    return builder.blocks


def block_texts(block: Block) -> list[str]:
    """Every piece of text a block shows (for placeholder checks and searching)."""
    if isinstance(block, (Heading, Paragraph)):
        return [block.text]
    if isinstance(block, BulletList):
        return list(block.items)
    if isinstance(block, Table):
        return [*block.header, *(cell for row in block.rows for cell in row)]
    return []
