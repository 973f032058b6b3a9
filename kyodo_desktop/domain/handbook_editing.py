"""The 手引き editor's format buttons as text edits: what 太字, 見出し, 箇条書き and 表 do to the
chapter's markup (:mod:`kyodo_desktop.domain.handbook_markup`) around a selection, so nobody has
to type ``**``, ``#``, ``-`` or ``|``.

Every function takes the whole text and the selection (``start`` ≤ ``end``, str indices) and
returns an :class:`Edit`: replace ``text[start:end]`` by ``replacement``, then select
``select_start``–``select_end`` of the new text. Pressing a button again on its own result takes
the markup away again (太字, 見出し, 箇条書き).
"""

from __future__ import annotations

from dataclasses import dataclass

BOLD = "**"
HEADING = "# "
BULLET = "- "
SAMPLE_BOLD = "太字"
TABLE_HEADER = ("項目", "内容")
TABLE_ROWS = 2


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` by ``replacement``; then select ``select_start`` to
    ``select_end`` (indices in the new text)."""

    start: int
    end: int
    replacement: str
    select_start: int
    select_end: int

    def apply(self, text: str) -> str:
        """The text after the edit."""
        return text[:self.start] + self.replacement + text[self.end:]


def bold(text: str, start: int, end: int) -> Edit:
    """Wrap the selection in ``**`` (or unwrap it when it is wrapped already); with nothing
    selected insert 「**太字**」 with 太字 selected, to type over."""
    if start == end:
        return Edit(start, end, BOLD + SAMPLE_BOLD + BOLD, start + 2, start + 2 + len(SAMPLE_BOLD))
    chosen = text[start:end]
    if text[max(start - 2, 0):start] == BOLD and text[end:end + 2] == BOLD:
        return Edit(start - 2, end + 2, chosen, start - 2, end - 2)
    if len(chosen) > 4 and chosen.startswith(BOLD) and chosen.endswith(BOLD):
        return Edit(start, end, chosen[2:-2], start, end - 4)
    return Edit(start, end, BOLD + chosen + BOLD, start + 2, end + 2)


def _lines(text: str, start: int, end: int) -> tuple[int, int]:
    """The start of the first and the end of the last line the selection touches."""
    first = text.rfind("\n", 0, start) + 1
    if end > start and text[end - 1:end] == "\n":
        end -= 1  # a selection ending at a line's start does not take that line
    last = text.find("\n", end)
    return first, len(text) if last < 0 else last


def _toggle_prefix(text: str, start: int, end: int, prefix: str, strip: tuple[str, ...]) -> Edit:
    first, last = _lines(text, start, end)
    lines = text[first:last].split("\n")
    filled = [line for line in lines if line.strip()]
    if filled and all(line.startswith(prefix) for line in filled):
        changed = [line[len(prefix):] if line.startswith(prefix) else line for line in lines]
    else:
        changed = []
        for line in lines:
            body = line
            for mark in strip:
                if body.startswith(mark):
                    body = body[len(mark):]
                    break
            changed.append(prefix + body.lstrip() if line.strip() else line)
    replacement = "\n".join(changed)
    return Edit(first, last, replacement, first, first + len(replacement))


def heading(text: str, start: int, end: int) -> Edit:
    """Make the lines of the selection headings (``# ``), or plain lines again when they are
    headings already. A list mark or a ``##`` is replaced."""
    return _toggle_prefix(text, start, end, HEADING, ("## ", "### ", "- ", "・"))


def bullet_list(text: str, start: int, end: int) -> Edit:
    """Make every filled line of the selection a list item (``- ``), or plain lines again when
    they are items already. A heading mark or 「・」 is replaced."""
    return _toggle_prefix(text, start, end, BULLET, ("# ", "## ", "### ", "・", "-"))


def _row(cells: tuple[str, ...] | list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def table(text: str, start: int, end: int) -> Edit:
    """Insert a small table skeleton (header 項目 | 内容 and two empty rows) on lines of its own;
    the selected lines, if any, become the first column of its rows. The header's first cell is
    selected, to type over."""
    chosen = [line.strip() for line in text[start:end].split("\n") if line.strip()]
    rows = [_row((line, "")) for line in chosen] or [_row(("", ""))] * TABLE_ROWS
    body = "\n".join([_row(TABLE_HEADER), "|---|---|", *rows])
    before = "" if start == 0 or text[:start].endswith("\n\n") else (
        "\n" if text[:start].endswith("\n") else "\n\n")
    after = "" if text[end:].startswith("\n\n") else ("\n" if text[end:].startswith("\n")
                                                      else "\n\n")
    if end == len(text):
        after = "\n"
    header_at = start + len(before) + 2
    return Edit(start, end, before + body + after, header_at, header_at + len(TABLE_HEADER[0]))
