"""Reading a 年度報告ファイル that arrives at the city: nothing is trusted.

:func:`read_return` refuses, with a Japanese reason (:class:`ReturnRefused`), a file that is too
large (:data:`MAX_BYTES`, checked before reading), an archive or a data file instead of a return
(nothing is ever unpacked), a seal that does not match its raw bytes (checked first, before
anything is parsed: a changed byte costs one SHA-256, see :func:`.seal.raw_seal_matches`), bytes
that are not UTF-8 JSON, carry a number out of range or nest too deep, a document that is not
exactly in its canonical form (duplicate keys, spaces, escapes) or whose seal does not match,
another format or version, fields of the wrong type or out of range (:mod:`.return_shape`), a
year that was not closed, a manifest that names another 地域 or council than its profile (the
city file keys its rows by the manifest's 地域), a 地域 or council name with unprintable
characters or blanks around it, dates that are not real or impossible (closed or made before its
year began, closed or made in the future: a return dated 2099 would block every later one), and a summary that does not agree with its sections.

The seal is a checksum, not a signature: anyone can seal a return. What the city file can check
is that a return is consistent in itself; :func:`.city_file.import_return` never lets a return
replace another without ``--replace``."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from kyodo_desktop.domain.text import normalize
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.city import seal
from kyodo_desktop.services.city.annual_return import summary_of
from kyodo_desktop.services.city.return_shape import shape_problem

#: The largest return accepted (a council-year's return is some 50 kB).
MAX_BYTES = 8 * 1024 * 1024
#: The deepest nesting of JSON arrays and objects accepted.
MAX_DEPTH = 12
#: The longest 地域 and council names the city file keeps (its CHECK constraints).
MAX_DISTRICT, MAX_COUNCIL = 100, 200
#: How far ahead of this PC's clock a return may be dated (clocks and time zones differ).
CLOCK_SLACK = timedelta(days=1)
_ARCHIVES = (b"PK\x03\x04", b"PK\x05\x06", b"\x1f\x8b", b"7z\xbc\xaf", b"Rar!")


class ReturnRefused(UserError):
    """The file is not an intact, closed 年度報告; the message says why and what to do."""


@dataclass(frozen=True)
class ReturnDocument:
    """A verified return: its parsed ``document``, canonical ``data`` bytes and seal."""

    document: dict
    data: bytes

    @property
    def manifest(self) -> dict:
        return self.document["manifest"]

    @property
    def content(self) -> dict:
        return self.document["content"]

    @property
    def sha256(self) -> str:
        return self.document[seal.SEAL]["sha256"]

    @property
    def audit_head(self) -> str:
        return self.document[seal.SEAL]["audit_head"]


def read_return(path: Path | str) -> ReturnDocument:
    """Read and verify the return at ``path``. Raises ReturnRefused (see the module doc)."""
    path = Path(path)
    name = path.name
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ReturnRefused(_("{name} is too large to be an annual return.").format(
                name=name))
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise ReturnRefused(_("{name} cannot be read ({error}).").format(
            name=name, error=error.strerror or error)) from error
    return verify_bytes(data, name)


def verify_bytes(data: bytes, name: str, *, now: datetime | None = None) -> ReturnDocument:
    """Verify the bytes of a return called ``name`` (see :func:`read_return`); ``now`` is the
    time a return may not be dated after (default: this PC's clock)."""
    if len(data) > MAX_BYTES:
        raise ReturnRefused(_("{name} is too large to be an annual return.").format(name=name))
    if data.startswith(_ARCHIVES):
        raise ReturnRefused(_("{name} is a compressed archive, not an annual return. Ask the "
                              "council for the .kyodo-return file itself.").format(name=name))
    if data.startswith(b"SQLite format 3"):
        raise ReturnRefused(_("{name} is a data file, not an annual return. Make the return "
                              "with 「export annual-return」 in the council's file.").format(
            name=name))
    raw_seal = seal.raw_seal_matches(data)
    if raw_seal is False:
        raise _changed(name)
    document = _parse(data, name)
    if not _canonical(document, data) or (raw_seal is None and not seal.seal_matches(document)):
        raise _changed(name)
    if document.get("format") != seal.FORMAT or document.get("version") != seal.VERSION:
        raise ReturnRefused(_("{name} is not an annual return this version of the app can "
                              "read.").format(name=name))
    problem = shape_problem(document)
    if problem:
        raise ReturnRefused(_("{name} is not a valid annual return: {problem}").format(
            name=name, problem=problem))
    if not document["manifest"]["closed_at"]:
        raise ReturnRefused(_("{name} is of a year that is not closed. Only a closed year "
                              "can be reported to the city.").format(name=name))
    problem = _manifest_problem(document, now or datetime.now())
    if problem:
        raise ReturnRefused(_("{name} is not a valid annual return: {problem}").format(
            name=name, problem=problem))
    if summary_of(document["content"]) != document["content"]["summary"]:
        raise ReturnRefused(_("{name} is not a valid annual return: its summary does not agree "
                              "with its figures.").format(name=name))
    return ReturnDocument(document, data)


def _manifest_problem(document: dict, now: datetime) -> str | None:
    """What makes the manifest of a well-shaped, closed return inconsistent (a Japanese
    sentence), or None."""
    manifest, profile = document["manifest"], document["content"]["profile"]
    for field, longest in (("district", MAX_DISTRICT), ("council", MAX_COUNCIL)):
        value = manifest[field]
        if not value or normalize(value) != value or len(value) > longest:
            return _("the field manifest.{field} is empty, too long or holds unprintable "
                     "characters or extra blanks.").format(field=field)
    if (manifest["district"], manifest["council"]) != (profile["district"], profile["name"]):
        return _("its manifest names another district or council than its profile "
                 "(content.profile).")
    try:
        closed = datetime.fromisoformat(manifest["closed_at"])
        created = datetime.fromisoformat(manifest["created_at"])
    except ValueError:
        return _("its dates (manifest.closed_at, manifest.created_at) are not real dates.")
    year_began = datetime.combine(date(manifest["fiscal_year"], 4, 1), datetime.min.time())
    if closed < year_began or created < year_began:
        return _("its dates are out of order: the year was closed or the return made before "
                 "the year began.")
    latest = max(closed, created)
    if latest > now + CLOCK_SLACK:
        return _("it was made in the future ({made}). Check the date of the PC that made "
                 "it and ask the council to make the return again.").format(
            made=latest.isoformat(sep=" "))
    return None


def _changed(name: str) -> ReturnRefused:
    return ReturnRefused(_("{name} was changed after it was made (its seal does not match). "
                           "Ask the council to send the return again.").format(name=name))


def _parse(data: bytes, name: str) -> dict:
    unreadable = ReturnRefused(_("{name} is not an annual return (it cannot be read as one). "
                                 "Ask the council to send the return again.").format(name=name))
    try:
        document = json.loads(data.decode("utf-8"), parse_constant=_refuse_constant,
                              parse_float=_finite_float)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise unreadable from error
    if not isinstance(document, dict) or _deeper_than(document, MAX_DEPTH):
        raise unreadable
    return document


def _canonical(document: dict, data: bytes) -> bool:
    """Whether ``data`` is exactly the canonical form of ``document`` (a text with a lone
    surrogate, which UTF-8 cannot carry, never is)."""
    try:
        return seal.canonical_bytes(document) == data
    except ValueError:  # UnicodeEncodeError of a lone surrogate; a float out of range
        return False


def _refuse_constant(value: str):
    raise ValueError(f"not a JSON number: {value}")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"a number out of range: {text[:20]}")
    return value


def _deeper_than(document: object, limit: int) -> bool:
    """Whether arrays and objects nest in ``document`` more than ``limit`` deep (walked without
    recursion; the parser itself stops at Python's recursion limit, refused as unreadable)."""
    level, depth = [document], 1
    while level:
        if depth > limit:
            return True
        level = [inner for value in level
                 for inner in (value.values() if isinstance(value, dict) else value)
                 if isinstance(inner, (dict, list))]
        depth += 1
    return False
