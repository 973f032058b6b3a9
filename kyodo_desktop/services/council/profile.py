"""The 協議会 page's operations: register a council, read and edit its profile, its overview.

Profile rules (checked by :func:`update_profile` and :func:`create_council`, each failure a
:class:`ProfileValidationError` naming the field, in Japanese): 協議会名 required and unique;
郵便番号 ``〒753-0001`` / ``7530001`` / 全角 → ``753-0001``; 電話・FAX digits and hyphens (全角
accepted), 10–11 digits starting with 0; メール ``name@host.tld``; the 担当者 (contact person on
the city's forms: name, ふりがな, phone, e-mail) by the same rules; 設立日 any form that
:func:`kyodo_desktop.domain.wareki.parse_date` reads (R8.4.1, 令和8年4月1日, 2026-04-01).
The overview (figures of a 年度) is computed in :mod:`kyodo_desktop.services.council.overview`
and re-exported here: :func:`council_overview`, :class:`Overview`, :func:`fiscal_years`.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from kyodo_desktop.domain import text, wareki
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import COUNCIL, Changes
from kyodo_desktop.services.council.overview import (
    FundLine,
    GrantLine,
    Overview,
    council_overview,
    fiscal_years,
)
from kyodo_desktop.services.council.rows import CouncilProfile, DistrictChoice
from kyodo_desktop.store import Store

#: Columns of ``councils`` a user edits on the profile form.
PROFILE_FIELDS = ("name", "name_kana", "district_id", "postal_code", "address", "phone", "fax",
                  "email", "established_on", "notes", "contact_name", "contact_kana",
                  "contact_phone", "contact_email")
_HYPHENS = "-‐‑‒–—―−ーｰ－"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


class ProfileValidationError(ValidationError):
    """One or more profile fields are wrong. ``errors`` is ``{field: Japanese message}``;
    ``field``/``message`` are the first of them (the form's order)."""

    def __init__(self, errors: dict[str, str]) -> None:
        first = next(iter(errors))
        super().__init__(errors[first], field=first)
        self.errors = errors


def create_council(store: Store, name: str, *, district_name: str = "",
                   **fields) -> tuple[int, Changes]:
    """Register a council; return ``(council_id, Changes)``.

    ``fields`` are any of :data:`PROFILE_FIELDS`. ``district_name`` (the first-run form's typed
    地域) picks the district of that name, or adds it when the file has none of that name. The
    地域交流センター is taken from the 地域. Raises ProfileValidationError (name missing or taken …).
    """
    values = _validate(store, {"name": name, **fields}, council_id=None)
    district = text.normalize(district_name)
    with store.transaction() as db:
        if district and values.get("district_id") is None:
            values["district_id"] = _district_named(store, district)
        values["community_center_id"] = _center_of(store, values.get("district_id"))
        council_id = db["councils"].insert(values).last_pk
    return council_id, Changes.of(COUNCIL, council_id=council_id)


def _district_named(store: Store, name: str) -> int:
    found = store.scalar("SELECT id FROM districts WHERE name = ? ORDER BY id", (name,))
    if found is not None:
        return found
    return store.db["districts"].insert({"city": "", "name": name}).last_pk


def get_profile(store: Store, council_id: int) -> CouncilProfile:
    """The council's row plus ``district_name`` and ``community_center_name`` ("" if none).

    ``established_on`` is a :class:`datetime.date` or None. Raises UserError if it does not exist.
    """
    rows = store.query(
        "SELECT c.*, coalesce(d.name, '') AS district_name, coalesce(cc.name, '') "
        "AS community_center_name FROM councils c LEFT JOIN districts d ON d.id = c.district_id "
        "LEFT JOIN community_centers cc ON cc.id = c.community_center_id WHERE c.id = ?",
        (council_id,))
    if not rows:
        raise UserError(_("This council no longer exists in the data file."))
    profile = rows[0]
    stored = profile["established_on"]
    profile["established_on"] = date.fromisoformat(stored) if stored else None
    return profile


def update_profile(store: Store, council_id: int, values: dict) -> Changes:
    """Validate and save the given profile ``values`` (keys from :data:`PROFILE_FIELDS`).

    Changing the 地域 also sets the 地域交流センター. Returns ``Changes.of("council")``.
    Raises ProfileValidationError (nothing saved) or UserError if the council is gone.
    """
    unknown = set(values) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"not profile fields: {sorted(unknown)}")
    get_profile(store, council_id)
    clean = _validate(store, values, council_id=council_id)
    if "district_id" in clean:
        clean["community_center_id"] = _center_of(store, clean["district_id"])
    if clean:
        with store.transaction() as db:
            db["councils"].update(council_id, clean)
    return Changes.of(COUNCIL, council_id=council_id)


def district_choices(store: Store) -> list[DistrictChoice]:
    """The 地域 to choose from: ``[{"id", "city", "name", "name_kana"}]`` in the city's order."""
    return store.query("SELECT id, city, name, name_kana FROM districts "
                       "ORDER BY city, sort_order, name_kana, name")


#: Rows counted per council and table when choosing the default council: enough to tell where the
#: work is, and the first window's start-up does not grow with the years stored.
DEFAULT_COUNCIL_COUNT_LIMIT = 1000


def default_council(store: Store) -> int | None:
    """The council to show when none was chosen before: the one with the most 構成団体 and
    出納簿 entries (where the work is; each counted up to :data:`DEFAULT_COUNCIL_COUNT_LIMIT`),
    the lowest id on a tie; None for an empty file."""
    return store.scalar(
        "SELECT c.id FROM councils c ORDER BY "
        "(SELECT count(*) FROM (SELECT 1 FROM member_organizations o WHERE o.council_id = c.id "
        "LIMIT :limit)) + (SELECT count(*) FROM (SELECT 1 FROM cash_book_entries e "
        "WHERE e.council_id = c.id LIMIT :limit)) DESC, c.id",
        {"limit": DEFAULT_COUNCIL_COUNT_LIMIT})


def _center_of(store: Store, district_id: int | None) -> int | None:
    if district_id is None:
        return None
    return store.scalar("SELECT id FROM community_centers WHERE district_id = ? ORDER BY id",
                        (district_id,))


# Validation -------------------------------------------------------------------------------------

def _validate(store: Store, values: dict, *, council_id: int | None) -> dict:
    """Return the normalised values; raise ProfileValidationError listing every bad field."""
    clean: dict = {}
    errors: dict[str, str] = {}
    for key in PROFILE_FIELDS:
        if key not in values:
            continue
        try:
            clean[key] = _CLEANERS[key](values[key])
        except ValidationError as error:
            errors[key] = error.message
    if "name" in clean and "name" not in errors:
        taken = store.scalar("SELECT id FROM councils WHERE name = ? AND id IS NOT ?",
                             (clean["name"], council_id))
        if taken is not None:
            errors["name"] = _("A council named 「{name}」 is already registered.").format(
                name=clean["name"])
    if clean.get("district_id") is not None and "district_id" not in errors and store.scalar(
            "SELECT id FROM districts WHERE id = ?", (clean["district_id"],)) is None:
        errors["district_id"] = _("Choose the district from the list.")
    if errors:
        raise ProfileValidationError(errors)
    return clean


def _plain(value) -> str:
    return text.normalize("" if value is None else str(value))


def clean_name(value) -> str:
    """協議会名: normalised, required (ValidationError field "name")."""
    name = _plain(value)
    if not name:
        raise ValidationError(_("Enter the council's name."), field="name")
    return name


def clean_kana(value) -> str:
    """ふりがな: normalised to hiragana; kana only (ValidationError field "name_kana")."""
    kana = text.to_hiragana(_plain(value))
    if kana and not text.is_kana(kana):
        raise ValidationError(_("Write the reading in hiragana, e.g. ゆだちいきづくりきょうぎかい."),
                              field="name_kana")
    return kana


def clean_postal_code(value) -> str:
    """郵便番号 → ``"753-0001"`` (accepts 〒, 全角, no hyphen); "" stays "" (field "postal_code")."""
    code = _plain(value).replace("〒", "").replace(" ", "")
    digits = "".join(ch for ch in code if ch not in _HYPHENS)
    if not code:
        return ""
    if not (len(digits) == 7 and digits.isascii() and digits.isdigit()):
        raise ValidationError(_("Enter the postal code as 7 digits, e.g. 753-0001."),
                              field="postal_code")
    return f"{digits[:3]}-{digits[3:]}"


def phone_number(value) -> str | None:
    """電話・FAX番号: 全角 and any dash accepted → ``"083-922-1234"``; "" stays ""; None when it is
    not 10–11 digits starting with 0 (single hyphens between digits only)."""
    number = _plain(value).replace(" ", "")
    for hyphen in _HYPHENS:
        number = number.replace(hyphen, "-")
    if not number:
        return ""
    digits = number.replace("-", "")
    if not (digits.isascii() and digits.isdigit() and 10 <= len(digits) <= 11
            and digits.startswith("0") and "--" not in number
            and not number.startswith("-") and not number.endswith("-")):
        return None
    return number


def _clean_phone(value, field: str) -> str:
    number = phone_number(value)
    if number is None:
        raise ValidationError(
            _("Enter the number with digits and hyphens, e.g. 083-922-1234."), field=field)
    return number


def clean_email(value) -> str:
    """メール: ``name@host.tld`` or "" (ValidationError field "email")."""
    email = unicodedata.normalize("NFKC", "" if value is None else str(value)).strip()
    if email and not _EMAIL.match(email):
        raise ValidationError(_("Enter the e-mail address like kyogikai@example.jp."),
                              field="email")
    return email


def _as_field(cleaner, value, field: str):
    """``cleaner(value)`` with its ValidationError reported on ``field``."""
    try:
        return cleaner(value)
    except ValidationError as error:
        raise ValidationError(error.message, field=field) from error


def clean_established_on(value) -> str | None:
    """設立日 → ISO text or None; a date or any form parse_date reads (field "established_on")."""
    if isinstance(value, date):
        return value.isoformat()
    if not _plain(value):
        return None
    try:
        return wareki.parse_date(_plain(value)).isoformat()
    except ValidationError as error:
        raise ValidationError(error.message, field="established_on") from error


def clean_district_id(value) -> int | None:
    """地域: an id or None."""
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError) as error:
        raise ValidationError(_("Choose the district from the list."),
                              field="district_id") from error


_CLEANERS = {
    "name": clean_name,
    "name_kana": clean_kana,
    "district_id": clean_district_id,
    "postal_code": clean_postal_code,
    "address": _plain,
    "phone": lambda value: _clean_phone(value, "phone"),
    "fax": lambda value: _clean_phone(value, "fax"),
    "email": clean_email,
    "established_on": clean_established_on,
    "notes": text.printable,
    "contact_name": _plain,
    "contact_kana": lambda value: _as_field(clean_kana, value, "contact_kana"),
    "contact_phone": lambda value: _clean_phone(value, "contact_phone"),
    "contact_email": lambda value: _as_field(clean_email, value, "contact_email"),
}

__all__ = [
    "PROFILE_FIELDS", "FundLine", "GrantLine", "Overview", "ProfileValidationError",
    "council_overview", "create_council", "default_council", "district_choices", "fiscal_years", "get_profile",
    "update_profile",
]
