"""Streamed XML of a workbook (its sheets and shared strings), parsed fast and without DTDs.

openpyxl parses the small parts (workbook, styles, relationships) through defusedxml. For the
large ones (sheets, shared strings) defusedxml's ``iterparse`` is the pure-Python parser: about
50 times slower, a 100,000-row 出納簿 would take minutes. :func:`safe_iterparse` keeps the C parser and is as safe:
expat first reads the part's prolog (up to its root element) with handlers that refuse any
``<!DOCTYPE``/``<!ENTITY`` — without a DTD no entity can be defined, so no billion laughs and no
external entity — and the C ``iterparse`` then streams the whole part.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from xml.parsers import expat

_CHUNK = 16 * 1024
#: A prolog longer than this (comments, processing instructions) is refused.
_MAX_PROLOG = 1024 * 1024


class ForbiddenDeclaration(ValueError):
    """The XML part declares a DTD or an entity (a billion-laughs or external-entity attack)."""


class _RootReached(Exception):
    pass


class _Rewound:
    """A stream that gives ``head`` again before the rest of ``source``."""

    def __init__(self, head: bytes, source) -> None:
        self.head, self.source = head, source

    def read(self, size: int = -1) -> bytes:
        if not self.head:
            return self.source.read(size)
        if size is None or size < 0:
            data, self.head = self.head + self.source.read(), b""
            return data
        data, self.head = self.head[:size], self.head[size:]
        return data

    def close(self) -> None:
        close = getattr(self.source, "close", None)
        if close is not None:
            close()


def _refuse(*_args) -> None:
    raise ForbiddenDeclaration("XML declarations (DTD, entities) are not accepted")


def _root(*_args) -> None:
    raise _RootReached


def check_prolog(source) -> _Rewound:
    """Read ``source`` (a binary stream) up to its root element, refusing a DTD or entity
    declaration (ForbiddenDeclaration; expat's own ExpatError for malformed XML); return a
    stream that reads it from the start."""
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.UnparsedEntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    parser.StartElementHandler = _root
    head = b""
    try:
        while len(head) <= _MAX_PROLOG:
            chunk = source.read(_CHUNK)
            head += chunk
            parser.Parse(chunk, not chunk)
            if not chunk:
                break
        else:
            raise ForbiddenDeclaration("XML prolog too long")
    except _RootReached:
        pass
    return _Rewound(head, source)


def safe_iterparse(source, events=None, parser=None):
    """``xml.etree.ElementTree.iterparse`` (C) of ``source`` after :func:`check_prolog`.
    ``source`` is a binary stream (openpyxl passes an open zip part) or a file name."""
    if parser is not None:
        raise TypeError("safe_iterparse takes no parser")
    if isinstance(source, (str, bytes)) or hasattr(source, "__fspath__"):
        with open(source, "rb") as stream:
            yield from safe_iterparse(stream, events)
        return
    yield from ElementTree.iterparse(check_prolog(source), events)
