"""Cleaning what the office types into the roster (構成団体, people, 任期) before it is stored.

Each cleaner takes what a form or a spreadsheet cell holds and returns the normalised value, or
raises :class:`~kyodo_desktop.errors.ValidationError` (``field`` set) with a Japanese message.
:func:`clean_fields` runs the cleaners of several fields and raises one
:class:`RosterValidationError` naming every bad field, so a form can mark them all at once.
Postal codes and e-mail addresses follow the 協議会 profile's rules
(:mod:`kyodo_desktop.services.council.profile`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import date

from kyodo_desktop.domain import text, wareki
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.council.profile import clean_email, clean_postal_code, phone_number

_COUNT_SUFFIX = re.compile(r"(世帯|戸|件)\Z")
#: The largest 世帯数 accepted: more is a typing mistake, not a 自治会.
MAX_HOUSEHOLDS = 1_000_000

__all__ = ["CONTACT_CLEANERS", "RosterValidationError", "clean_count", "clean_date", "clean_email", "clean_fields",
           "clean_kana", "clean_name", "clean_notes", "clean_phone", "clean_plain",
           "clean_postal_code", "iso", "to_date"]


class RosterValidationError(ValidationError):
    """One or more fields are wrong: ``errors`` is ``{field: Japanese message}`` in the form's
    order; ``field`` / ``message`` are the first of them."""

    def __init__(self, errors: dict[str, str]) -> None:
        first = next(iter(errors))
        super().__init__(errors[first], field=first)
        self.errors = errors


def clean_plain(value: object) -> str:
    """NFKC, spaces collapsed (:func:`kyodo_desktop.domain.text.normalize`); None → ""."""
    return text.normalize("" if value is None else str(value))


def clean_notes(value: object) -> str:
    """備考: kept as typed (line breaks too) without unprintable characters
    (:func:`kyodo_desktop.domain.text.printable`), surrounding blanks removed; None → ""."""
    return text.printable(value)


def clean_name(value: object, message: str | None = None) -> str:
    """A required name (団体名, 氏名 …), normalised. Raises ValidationError (field "name")."""
    name = clean_plain(value)
    if not name:
        raise ValidationError(message or _("Enter the name."), field="name")
    return name


def clean_kana(value: object) -> str:
    """ふりがな: katakana and half-width kana become hiragana; "" allowed.

    Raises ValidationError (field "name_kana") when it holds anything but kana and spaces.
    """
    kana = text.to_hiragana(clean_plain(value))
    if kana and not text.is_kana(kana):
        raise ValidationError(_("Write the reading in hiragana, e.g. やまだ たろう."),
                              field="name_kana")
    return kana


def clean_phone(value: object) -> str:
    """電話番号: 全角 and any dash accepted → ``"083-922-1234"``; 10–11 digits starting with 0.

    "" allowed. Raises ValidationError (field "phone").
    """
    number = phone_number(value)
    if number is None:
        raise ValidationError(
            _("Enter the phone number with digits and hyphens, e.g. 083-922-1234."),
            field="phone")
    return number


def clean_date(value: object, field: str = "date") -> str | None:
    """A date (``date`` or text such as R8.4.1, 令和8年4月1日, 2026-04-01) → ISO text; ""/None →
    None. Raises ValidationError with ``field``."""
    if isinstance(value, date):
        return value.isoformat()
    plain = clean_plain(value)
    if not plain:
        return None
    try:
        return wareki.parse_date(plain).isoformat()
    except ValidationError as error:
        raise ValidationError(error.message, field=field) from error


def clean_count(value: object, field: str = "households") -> int | None:
    """A count of households: 「120」「１２０」「1,200」「120世帯」 → int ≥ 0; ""/None → None.

    Raises ValidationError with ``field`` for anything else (decimals, negative, words) or more
    than :data:`MAX_HOUSEHOLDS`.
    """
    if isinstance(value, bool):
        raise ValidationError(_("Enter a whole number, e.g. 120."), field=field)
    if isinstance(value, int):
        number = value
    else:
        plain = unicodedata.normalize("NFKC", "" if value is None else str(value))
        plain = _COUNT_SUFFIX.sub("", "".join(plain.split())).replace(",", "")
        if not plain:
            return None
        if not (plain.isascii() and plain.isdigit()):
            raise ValidationError(_("Enter a whole number, e.g. 120."), field=field)
        number = int(plain)
    if number < 0 or number > MAX_HOUSEHOLDS:
        raise ValidationError(_("Enter a whole number, e.g. 120."), field=field)
    return number


#: Cleaners of the contact fields people and organisations share (郵便番号, 住所, 電話番号, メール).
CONTACT_CLEANERS: dict[str, Callable[[object], object]] = {
    "postal_code": clean_postal_code, "address": clean_plain, "phone": clean_phone,
    "email": clean_email,
}


def clean_fields(values: Mapping[str, object],
                 cleaners: Mapping[str, Callable[[object], object]]) -> dict[str, object]:
    """Clean the ``values`` whose keys have a cleaner (other keys are a bug: ValueError).

    Returns the cleaned dict; raises RosterValidationError naming every bad field.
    """
    unknown = set(values) - set(cleaners)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    clean: dict = {}
    errors: dict[str, str] = {}
    for key, cleaner in cleaners.items():
        if key not in values:
            continue
        try:
            clean[key] = cleaner(values[key])
        except ValidationError as error:
            errors[key] = error.message
    if errors:
        raise RosterValidationError(errors)
    return clean


def to_date(value: str | None) -> date | None:
    """Stored ISO text → ``date`` (None stays None)."""
    return date.fromisoformat(value) if value else None


def iso(value: date | str | None) -> str | None:
    """A ``date`` (or ISO text) → ISO text for the store; None stays None."""
    if value is None or isinstance(value, str):
        return value or None
    return value.isoformat()
