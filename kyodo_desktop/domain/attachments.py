"""証拠書類 (receipts, scans, photos) attached to 出納簿 entries: which files are accepted.

A file is judged by its content, never by its name: the magic bytes say PDF, JPEG or PNG, and the
structure must be whole (a PNG's chunks with their CRCs up to IEND and its image data
decompressing to exactly the size its header says, interlaced or not; a JPEG's segments up to
its frame and an end marker after the scan; a PDF's header and its ``%%EOF``, and that it opens,
is not encrypted, has 1 … 200 pages and runs nothing when opened:
:mod:`kyodo_desktop.domain.pdf_check`). What follows a picture's end (an appended ZIP or HTML, a
phone's video trailer) is not kept (:func:`picture_only`). Pictures larger than :data:`MAX_PIXELS` are
refused before anything decodes them (a "decompression bomb": a small file that would expand to
gigabytes). The names a user's file had are kept for display only: folders, control characters
and names such as ``..`` are removed (:func:`clean_file_name`).

All errors are :class:`kyodo_desktop.errors.ValidationError` with a Japanese message saying what
to do. The source of the limits: a phone photo is 3–8 MB and about 12 MP; a scanned receipt PDF
well under 10 MB.
"""

from __future__ import annotations

import re
import struct
import unicodedata
import zlib
from dataclasses import dataclass, field, replace

from kyodo_desktop.domain import pdf_check
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _

#: The largest file stored (bytes): 10 MiB.
MAX_BYTES = 10 * 1024 * 1024
#: The largest picture (pixels, width × height) and side (pixels).
MAX_PIXELS = 40_000_000
MAX_SIDE = 20_000
#: The longest file name kept (characters).
MAX_NAME = 120
PDF, JPEG, PNG = "application/pdf", "image/jpeg", "image/png"
MEDIA_TYPES = (PDF, JPEG, PNG)
#: The file name extension of each type (for a name without a fitting one).
EXTENSIONS = {PDF: ".pdf", JPEG: ".jpg", PNG: ".png"}
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_CHUNK = 64 * 1024
#: Adam7 passes of an interlaced PNG: (first column, first row, column step, row step).
_ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
          (0, 1, 1, 2))
#: Characters Windows refuses in a file name, and its device names (CON, NUL, COM1 …, with any
#: extension): a name offered for 「名前を付けて保存」 must be neither.
_WINDOWS_REFUSED = re.compile(r'[<>:"|?*]')
_DEVICE = re.compile(r"(?i)(CON|PRN|AUX|NUL|COM\d|LPT\d)(\.|$)")


@dataclass(frozen=True)
class FileKind:
    """What a checked file is: ``media_type`` (:data:`MEDIA_TYPES`) and, for a picture, its
    ``width`` and ``height`` in pixels (0 for a PDF) and ``end``, where the picture ends (its
    JPEG end marker or PNG ``IEND`` chunk; 0 for a PDF): what follows is no part of it."""

    media_type: str
    width: int = 0
    height: int = 0
    end: int = field(default=0, compare=False)


def picture_only(data: bytes, kind: FileKind) -> bytes:
    """``data`` without what follows the end of its picture: a ZIP archive or an HTML page
    appended to a photo (a polyglot, another file when renamed) or a phone's trailer (the video
    of a "motion photo", with its sound) is not stored; the picture is the same. A PDF is
    returned whole (its own checks refuse what it should not hold)."""
    return data[:kind.end] if kind.end else data


def _refuse(message: str) -> ValidationError:
    return ValidationError(message, field="attachment")


def _broken(kind: str) -> ValidationError:
    return _refuse(_("The file is not a complete {kind} (it may be cut short or damaged). Scan "
                     "or save the receipt again and attach the new file.").format(kind=kind))


def size_problem(size: int) -> str | None:
    """The Japanese message for a file of ``size`` bytes that cannot be stored, else None."""
    if size <= 0:
        return _("The file is empty.")
    if size > MAX_BYTES:
        return _("The file is {size} MB; at most {limit} MB can be attached. Scan the receipt "
                 "at a lower resolution or save the photo smaller.").format(
            size=f"{size / 1024 / 1024:.1f}", limit=MAX_BYTES // 1024 // 1024)
    return None


def sniff(data: bytes) -> str | None:
    """The media type the first bytes of ``data`` announce (PDF, JPEG, PNG), else None."""
    if data.startswith(_PNG_SIGNATURE):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"%PDF-"):
        return PDF
    return None


def check_file(data: bytes) -> FileKind:
    """Check the content of a file to attach (see the module docstring) and say what it is.

    Raises ValidationError for an empty or too large file, a type other than PDF/JPEG/PNG (by
    content, whatever its name), a damaged or cut-short file, or a picture above
    :data:`MAX_PIXELS` / :data:`MAX_SIDE`.
    """
    problem = size_problem(len(data))
    if problem:
        raise _refuse(problem)
    kind = sniff(data)
    if kind == PNG:
        return _check_png(data)
    if kind == JPEG:
        return _check_jpeg(data)
    if kind == PDF:
        return _check_pdf(data)
    raise _refuse(_("Only PDF, JPEG and PNG files can be attached (judged by their content, not "
                    "their name). Save the receipt as a PDF or a photo and try again."))


def _check_size(width: int, height: int, kind: str) -> FileKind:
    if width <= 0 or height <= 0:
        raise _broken(kind)
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise _refuse(_("The picture is {width} × {height} pixels; at most {limit} million "
                        "pixels can be attached. Save it at a smaller size.").format(
            width=width, height=height, limit=MAX_PIXELS // 1_000_000))
    return FileKind(PNG if kind == "PNG" else JPEG, width, height)


def _check_png(data: bytes) -> FileKind:
    pos, header, idat, ended = len(_PNG_SIGNATURE), None, [], False
    while pos + 8 <= len(data):
        length, tag = struct.unpack(">I4s", data[pos:pos + 8])
        end = pos + 8 + length + 4
        if length > len(data) or end > len(data):
            raise _broken("PNG")
        body = data[pos + 8:pos + 8 + length]
        crc = struct.unpack(">I", data[end - 4:end])[0]
        if zlib.crc32(tag + body) & 0xFFFFFFFF != crc:
            raise _broken("PNG")
        if header is None and tag != b"IHDR":
            raise _broken("PNG")
        if tag == b"IHDR":
            header = body
        elif tag == b"IDAT":
            idat.append((pos + 8, length))
        pos = end
        if tag == b"IEND":
            ended = True
            break
    if not ended or header is None or len(header) != 13 or not idat:
        raise _broken("PNG")
    width, height, depth, color, _c, _f, interlace = struct.unpack(">IIBBBBB", header)
    kind = _check_size(width, height, "PNG")
    if color not in _PNG_CHANNELS or depth not in (1, 2, 4, 8, 16):
        raise _broken("PNG")
    if interlace not in (0, 1):
        raise _broken("PNG")
    bits = depth * _PNG_CHANNELS[color]
    limit = (_adam7_size(width, height, bits) if interlace
             else height * ((width * bits + 7) // 8 + 1))
    if _inflate_within(data, idat, limit) != limit:
        raise _broken("PNG")
    return replace(kind, end=pos)


def _adam7_size(width: int, height: int, bits: int) -> int:
    """Bytes of the image data of an interlaced PNG: its seven passes, each row with its filter
    byte (PNG specification, 8.2)."""
    size = 0
    for x0, y0, dx, dy in _ADAM7:
        columns = (width - x0 + dx - 1) // dx if width > x0 else 0
        rows = (height - y0 + dy - 1) // dy if height > y0 else 0
        if columns and rows:
            size += rows * ((columns * bits + 7) // 8 + 1)
    return size


def _inflate_within(data: bytes, parts: list[tuple[int, int]], limit: int) -> int:
    """The image data must decompress completely to at most ``limit`` bytes (never more is
    produced than that, so a bomb costs nothing); returns how many it gave."""
    inflater, produced = zlib.decompressobj(), 0
    try:
        for start, length in parts:
            for offset in range(start, start + length, _CHUNK):
                piece = data[offset:min(offset + _CHUNK, start + length)]
                while piece:
                    out = inflater.decompress(piece, limit - produced + 1)
                    produced += len(out)
                    if produced > limit:
                        raise _broken("PNG")
                    piece = inflater.unconsumed_tail
    except zlib.error as error:
        raise _broken("PNG") from error
    if not inflater.eof:
        raise _broken("PNG")
    return produced


def _check_jpeg(data: bytes) -> FileKind:
    pos, size = 2, None
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            raise _broken("JPEG")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            pos += 2
            continue
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        if length < 2 or pos + 2 + length > len(data):
            raise _broken("JPEG")
        if marker in _SOF:
            if length < 7:
                raise _broken("JPEG")
            height, width = struct.unpack(">HH", data[pos + 5:pos + 9])
            size = (width, height)
        if marker == 0xDA:  # start of scan: the end marker must follow somewhere after it
            end = data.find(b"\xff\xd9", pos + 2 + length)  # never inside the scan's data
            if size is None or end < 0:
                raise _broken("JPEG")
            return replace(_check_size(size[0], size[1], "JPEG"), end=end + 2)
        pos += 2 + length
    raise _broken("JPEG")


def _check_pdf(data: bytes) -> FileKind:
    if not re.match(rb"%PDF-[12]\.\d", data[:16]) or b"%%EOF" not in data[-1024:]:
        raise _broken("PDF")
    problem = pdf_check.pdf_problem(data)
    if problem is None:
        return FileKind(PDF)
    what, pages = problem
    if what == pdf_check.ENCRYPTED:
        raise _refuse(_("The PDF is protected by a password and cannot be printed with the "
                        "evidence. Save it without protection."))
    if what == pdf_check.TOO_MANY_PAGES:
        raise _refuse(_("The PDF has {pages} pages; at most {limit} can be attached.").format(
            pages=pages, limit=pdf_check.MAX_PAGES))
    if what == pdf_check.ACTIVE:
        raise _refuse(_("The PDF contains actions that run when it is opened (a script, a "
                        "program, a form or an embedded file). A receipt needs none: scan or "
                        "print it to PDF again and attach the new file."))
    raise _broken("PDF")


def clean_file_name(name: str, media_type: str) -> str:
    """The name to keep for a file the user chose: the last part of ``name`` only (no folders,
    whether written with / or \\), NFC, no control or format characters (line and paragraph
    separators become spaces), the characters Windows refuses as ``_`` and a device name
    (``CON.pdf``) prefixed with ``_``, at most
    :data:`MAX_NAME` characters, the extension of ``media_type`` when it has another or none
    (``領収書.exe`` holding a JPEG → ``領収書.exe.jpg``). Empty, ``.`` and ``..`` become
    「証拠書類.jpg」."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFC", str(name)))[-1]
    base = "".join(" " if unicodedata.category(c) in ("Zl", "Zp") else c for c in base
                   if unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co"))
    base = _WINDOWS_REFUSED.sub("_", base).strip().strip(".").strip()
    if _DEVICE.match(base):
        base = "_" + base
    extension = EXTENSIONS[media_type]
    suffixes = (extension, ".jpeg") if media_type == JPEG else (extension,)
    if not base:
        base = _("evidence")
    if not base.lower().endswith(suffixes):
        base += extension
    if len(base) > MAX_NAME:
        base = base[:MAX_NAME - len(extension)].rstrip() + extension
    return base
