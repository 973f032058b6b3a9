"""Placeholders of the handbook text: ``{年度}``, ``{協議会名}``, ``{交付金額:活動支援}`` …

A placeholder is a name in braces, optionally with an argument after a colon. Its value comes
from the data of the 年度 (see :mod:`kyodo_desktop.services.handbook.data`); the full token
(``"交付金額:活動支援"``) is the key of the values mapping. ``{{`` and ``}}`` print a literal
brace. An unknown placeholder is never printed as it is: :func:`fill` raises
:class:`UnknownPlaceholderError` naming it, so the office sees it before printing (issue 7,
"an unknown placeholder is flagged before printing").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _

#: ``{name}`` or ``{name:argument}``; names have no spaces or braces.
PATTERN = re.compile(r"\{\{|\}\}|\{([^{}\s:：]+)(?:[:：]([^{}]+))?\}")


@dataclass(frozen=True)
class Placeholder:
    """One placeholder found in a text: ``key`` (``"交付金額:活動支援"``), ``name``
    (``"交付金額"``), ``argument`` (``"活動支援"`` or ``""``), and its span in the text."""

    key: str
    name: str
    argument: str
    start: int
    end: int


class UnknownPlaceholderError(ValidationError):
    """Text uses placeholders that have no value. ``unknown`` lists their keys (in order of
    appearance, without repeats); ``where`` names the chapter when known."""

    def __init__(self, unknown: list[str], where: str = "") -> None:
        names = "、".join("{" + key + "}" for key in unknown)
        if where:
            message = _("The chapter “{chapter}” uses placeholders that do not exist: {names}. "
                        "Correct or remove them before printing.").format(chapter=where,
                                                                          names=names)
        else:
            message = _("Unknown placeholders: {names}. Correct or remove them before "
                        "printing.").format(names=names)
        super().__init__(message, field="body")
        self.unknown = unknown
        self.where = where


def find_placeholders(text: str) -> list[Placeholder]:
    """Every placeholder in ``text`` in order (escaped ``{{``/``}}`` are not placeholders)."""
    found = []
    for match in PATTERN.finditer(text):
        if match.group(1) is None:
            continue
        name, argument = match.group(1), (match.group(2) or "").strip()
        key = f"{name}:{argument}" if argument else name
        found.append(Placeholder(key, name, argument, match.start(), match.end()))
    return found


def unknown_placeholders(texts: Iterable[str], known: Iterable[str]) -> list[str]:
    """Keys used in ``texts`` that are not in ``known``, in order of appearance, no repeats."""
    known_keys = set(known)
    unknown: list[str] = []
    for text in texts:
        for placeholder in find_placeholders(text):
            if placeholder.key not in known_keys and placeholder.key not in unknown:
                unknown.append(placeholder.key)
    return unknown


def fill(text: str, values: Mapping[str, str], *, where: str = "") -> str:
    """``text`` with every placeholder replaced by ``values[key]`` and ``{{``/``}}`` unescaped.

    Raises UnknownPlaceholderError (listing all unknown keys; ``where`` names the chapter) when
    a key has no value.
    """
    unknown = unknown_placeholders([text], values)
    if unknown:
        raise UnknownPlaceholderError(unknown, where)

    def replace(match: re.Match) -> str:
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        name, argument = match.group(1), (match.group(2) or "").strip()
        return values[f"{name}:{argument}" if argument else name]

    return PATTERN.sub(replace, text)


def fill_lenient(text: str, values: Mapping[str, str], mark: str = "【{key}?】") -> str:
    """Like :func:`fill` but an unknown placeholder becomes ``mark`` formatted with its key
    (for the live preview, which shows the problem instead of failing)."""

    def replace(match: re.Match) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        name, argument = match.group(1), (match.group(2) or "").strip()
        key = f"{name}:{argument}" if argument else name
        return values[key] if key in values else mark.replace("{key}", key)

    return PATTERN.sub(replace, text)
