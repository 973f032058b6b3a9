"""Whether a PDF offered as 証拠書類 opens, has pages and does nothing by itself when opened.

A receipt is saved from the app (「名前を付けて保存」) and opened by the 監事 or the city in a PDF
viewer, so a PDF that runs JavaScript, launches a program, sends a form, plays media or carries
an embedded file is refused: a scanner or a shop's receipt never needs any of them. Opening on a
page (``/OpenAction [page /Fit]``) and web links (``/URI``) are harmless and kept.

The objects reachable from the file's trailer are walked once each (indirect objects by their
number, so a loop ends) and at most :data:`MAX_OBJECTS` of them: a PDF with more is refused as
damaged rather than walked for minutes.
"""

from __future__ import annotations

import io

#: The most pages a PDF attachment may have.
MAX_PAGES = 200
#: The most objects walked to find active content.
MAX_OBJECTS = 200_000
#: Dictionary keys that carry something run or extracted by a viewer.
ACTIVE_KEYS = frozenset({"/JavaScript", "/JS", "/EmbeddedFiles", "/EmbeddedFile", "/EF",
                         "/RichMedia", "/XFA"})
#: Action types (``/S``) that run, launch, send or import something.
ACTIVE_ACTIONS = frozenset({"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToE",
                            "/RichMediaExecute", "/Rendition", "/Sound", "/Movie"})
ENCRYPTED, BROKEN, TOO_MANY_PAGES, ACTIVE = "encrypted", "broken", "too_many_pages", "active"


def pdf_problem(data: bytes) -> tuple[str, int] | None:
    """What is wrong with the PDF ``data`` for a 証拠書類, else None: ``(ENCRYPTED, 0)``,
    ``(BROKEN, 0)`` (does not open, no pages, too many objects), ``(TOO_MANY_PAGES, pages)``
    (more than :data:`MAX_PAGES`) or ``(ACTIVE, 0)`` (see the module doc)."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            return ENCRYPTED, 0
        pages = len(reader.pages)
        if pages < 1:
            return BROKEN, 0
        if pages > MAX_PAGES:
            return TOO_MANY_PAGES, pages
        active = _has_active_content(reader.trailer)
    except Exception:  # pypdf raises many kinds on a damaged file
        return BROKEN, 0
    if active is None:
        return BROKEN, 0
    return (ACTIVE, 0) if active else None


def _has_active_content(trailer) -> bool | None:
    """True when an object reachable from ``trailer`` is active, None when there are more than
    :data:`MAX_OBJECTS` to walk."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    stack, seen, walked = [trailer], set(), 0
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            number = (item.idnum, item.generation)
            if number in seen:
                continue
            seen.add(number)
            item = item.get_object()
        walked += 1
        if walked > MAX_OBJECTS:
            return None
        if isinstance(item, DictionaryObject):
            action = item.get("/S")
            if isinstance(action, IndirectObject):
                action = action.get_object()
            if ACTIVE_KEYS.intersection(item.keys()) or action in ACTIVE_ACTIONS:
                return True
            stack.extend(dict.values(item))  # unresolved: indirect objects stay numbered
        elif isinstance(item, ArrayObject):
            stack.extend(list.__iter__(item))
    return False
