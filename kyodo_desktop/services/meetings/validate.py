"""Cleaning what the office types about a meeting before it is stored: dates (any common
form, through :func:`kyodo_desktop.domain.wareki.parse_date`), times, names, long texts and
vote counts. Each raises :class:`~kyodo_desktop.errors.ValidationError` (``field`` set) with a
Japanese message saying what to enter."""

from __future__ import annotations

import re
from datetime import date

from kyodo_desktop.domain import text, wareki
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _

#: The longest text of one field (議事の経過, a 議案's text): about 30 printed pages.
MAX_TEXT_CHARS = 30_000
_TIME = re.compile(r"\A(\d{1,2})[:：時](\d{2})?分?\Z")


def clean_text(value: object, limit: int = MAX_TEXT_CHARS) -> str:
    """Text kept as typed (line breaks too) without unprintable characters; raises
    ValidationError (field "text") when longer than ``limit`` characters."""
    cleaned = text.printable(None if value is None else str(value))
    if len(cleaned) > limit:
        raise ValidationError(_("This text is too long ({count} characters; at most {limit}). "
                                "Shorten it or split it.").format(count=len(cleaned),
                                                                 limit=limit), field="text")
    return cleaned


def clean_line(value: object, limit: int = 200) -> str:
    """A one-line text (place, name, title) as typed (full-width brackets kept), runs of spaces
    collapsed; ValidationError when longer than ``limit``."""
    printable = text.printable(None if value is None else str(value), keep_newlines=False)
    cleaned = " ".join(printable.split())
    if len(cleaned) > limit:
        raise ValidationError(_("This entry is too long ({count} characters; at most {limit})."
                                ).format(count=len(cleaned), limit=limit), field="text")
    return cleaned


def clean_day(value: object, field: str, missing: str) -> date:
    """A required date (date, 2026-04-26, R8.4.26, 令和8年4月26日 …). Raises ValidationError
    with ``missing`` when empty, or the parser's message when unreadable."""
    if isinstance(value, date):
        return value
    plain = text.normalize(None if value is None else str(value))
    if not plain:
        raise ValidationError(missing, field=field)
    try:
        return wareki.parse_date(plain)
    except ValidationError as error:
        raise ValidationError(error.message, field=field) from error


def clean_optional_day(value: object, field: str) -> date | None:
    """An optional date: ""/None → None, else as :func:`clean_day`."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return clean_day(value, field, "")


def clean_time(value: object, field: str) -> str:
    """A time of day as ``HH:MM`` (13:30, 13時30分, 9時); "" when empty. Raises
    ValidationError for anything else."""
    plain = text.normalize(None if value is None else str(value))
    if not plain:
        return ""
    match = _TIME.match(plain)
    hour = int(match.group(1)) if match else -1
    minute = int(match.group(2) or 0) if match else -1
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ValidationError(_("Enter the time as 13:30 (hours 0–23, minutes 0–59)."),
                              field=field)
    return f"{hour:02d}:{minute:02d}"


def clean_votes(value: object, field: str) -> int | None:
    """A vote count (賛成・反対・保留): a whole number ≥ 0, or None when empty. Raises
    ValidationError otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    plain = text.normalize(str(value)).removesuffix("票").removesuffix("名").removesuffix("人")
    if isinstance(value, bool) or not plain.isdigit() or len(plain) > 8:
        raise ValidationError(_("Enter the number of votes as a whole number (0 or more)."),
                              field=field)
    return int(plain)
