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


#: The most bytes of drawing instructions (the decoded content streams) of one PDF page that the
#: 証拠書類綴り lays in. A receipt's page holds a few hundred bytes (a scan: one picture) to some
#: tens of KB (an invoice from accounting software); pypdf turns every byte into Python objects
#: when it lays a page in (about 100 MB for each MB), and a 40 KB file can inflate to hundreds of
#: MB, so a page beyond this is printed as a note instead.
MAX_PAGE_CONTENT = 512 * 1024
#: Filters whose output is measured without keeping it (Flate) or is never longer than their
#: input (the ASCII ones); a content stream under any other filter is not measured.
_FLATE = {"/FlateDecode", "/Fl"}
_MEASURED_FILTERS = {*_FLATE, "/ASCIIHexDecode", "/AHx", "/ASCII85Decode", "/A85"}


def page_content_size(page, limit: int = MAX_PAGE_CONTENT) -> int | None:
    """The decoded size in bytes of the content streams of the pypdf ``page``, counted only up
    to ``limit`` + 1 (a larger page returns ``limit + 1`` without being inflated further), or
    None when a stream uses a filter that is not measured (LZW, RunLength …: they may expand
    without bound)."""
    contents = page.get("/Contents")
    if contents is None:
        return 0
    contents = contents.get_object()
    streams = list(contents) if isinstance(contents, list) else [contents]
    total = 0
    for stream in streams:
        size = _stream_size(stream.get_object(), limit + 1 - total)
        if size is None:
            return None
        total += size
        if total > limit:
            return limit + 1
    return total


def _stream_size(stream, budget: int) -> int | None:
    """The decoded size of one content stream, counted up to ``budget`` (None: unmeasured)."""
    filters = stream.get("/Filter")
    filters = [] if filters is None else (
        [str(f) for f in filters] if isinstance(filters, list) else [str(filters)])
    if any(f not in _MEASURED_FILTERS for f in filters):
        return None
    data = getattr(stream, "_data", b"") or b""
    flate = [f for f in filters if f in _FLATE]
    if not flate:
        return len(data)  # none, or the ASCII filters, which only shrink their input
    if len(flate) > 1 or filters[-1] not in _FLATE:
        return None
    if len(filters) > 1:  # ASCII filters before Flate: their output is no longer than the input
        from pypdf.filters import ASCII85Decode, ASCIIHexDecode

        try:
            for name in filters[:-1]:
                decoder = ASCII85Decode if name in ("/ASCII85Decode", "/A85") else ASCIIHexDecode
                data = decoder.decode(data)
        except Exception:  # pypdf raises many kinds on a damaged stream
            return None
    return _inflated_size(data, budget)


def _inflated_size(data: bytes, budget: int) -> int:
    """How many bytes the Flate ``data`` inflates to, counted up to ``budget`` (nothing kept)."""
    import zlib

    for window in (zlib.MAX_WBITS, -zlib.MAX_WBITS):  # with a zlib header, else raw deflate
        inflater, total, rest = zlib.decompressobj(window), 0, data
        try:
            while rest and total < budget:
                total += len(inflater.decompress(rest, budget - total))
                rest = inflater.unconsumed_tail
                if inflater.eof:
                    break
            return total
        except zlib.error:
            if total:
                return total  # a damaged end: pypdf keeps what inflated
    return 0

