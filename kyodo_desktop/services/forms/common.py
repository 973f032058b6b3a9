"""Plain data for the printed grant forms: the parts every form shares.

The ``form_data*`` modules gather what a form prints from the council-year's data and hand it
to :mod:`kyodo_desktop.reports` as plain dataclasses (no SQL there). This module holds the common
parts: the form's wording from the city preset (:class:`Wording`), the applicant block
(所在地, 団体名, 代表者 職・氏名), the officers (会長, 監事) and the prerequisite gate.

A missing prerequisite (no 交付決定 yet, year not closed, no 監事 on record …) raises
:class:`MissingPrerequisite` naming what to enter, unless the caller asks for a draft: then the
problem is collected in :attr:`Gate.missing` and the form prints with blanks and 「未確定」.
Source of the wording: ``resources/presets/<city>.json`` → ``forms`` (a new city is a preset).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kyodo_desktop.domain import text, wareki
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.council import councils, presets
from kyodo_desktop.store import Store


class MissingPrerequisite(UserError):
    """Something the form needs is not entered yet; the message names what to enter."""


@dataclass
class Gate:
    """Collects missing prerequisites: refuses at once (``draft`` False) or remembers them."""

    draft: bool = False
    missing: list[str] = field(default_factory=list)

    def require(self, ok: bool, message: str) -> bool:
        """Return ``ok``; when it is False raise MissingPrerequisite(message) unless drafting."""
        if not ok:
            if not self.draft:
                raise MissingPrerequisite(message)
            self.missing.append(message)
        return ok


@dataclass(frozen=True)
class Wording:
    """The printed words of one form from the preset (``forms.<key>``) with the common words
    (``forms.common``). ``get(name)`` raises KeyError (a preset bug) when a word is missing."""

    key: str
    texts: dict
    common: dict

    def get(self, name: str):
        """The preset's text (or list) ``name`` of this form, else of ``common``."""
        if name in self.texts:
            return self.texts[name]
        if name in self.common:
            return self.common[name]
        raise KeyError(f"preset form {self.key!r} has no wording {name!r}")

    @property
    def title(self) -> str:
        """The form's title, e.g. 地域づくり交付金交付申請書."""
        return self.texts["title"]

    @property
    def form_no(self) -> str:
        """様式番号 (e.g. 様式第1号) or "" for attachments without one."""
        return self.texts.get("form_no", "")


def wording(store: Store, council_id: int, key: str) -> Wording:
    """The wording of form ``key`` from the council's city preset.

    Raises UserError when the preset is unavailable, KeyError when it lacks the form.
    """
    preset = presets.preset_for_council(store, council_id)
    if key not in preset.forms:
        raise KeyError(f"preset {preset.code!r} has no form {key!r}")
    return Wording(key, dict(preset.forms[key]), dict(preset.forms.get("common", {})))


@dataclass(frozen=True)
class Applicant:
    """The applicant block: ``address`` 所在地, ``name`` 団体名, ``role`` 代表者の職 (会長),
    ``representative`` 代表者氏名 ("" when no 会長 is on record), ``kana`` the 団体名's
    フリガナ (katakana, "" when not entered)."""

    address: str
    name: str
    role: str
    representative: str
    kana: str = ""


@dataclass(frozen=True)
class Contact:
    """The 担当者 printed on the forms to the city: name, フリガナ (katakana), phone, e-mail."""

    name: str
    kana: str
    phone: str
    email: str


def contact(store: Store, council_id: int) -> Contact | None:
    """The council's 担当者 from the 協議会 page, or None when nothing is entered."""
    row = councils.council_row(store, council_id)
    values = Contact(row["contact_name"], text.to_katakana(row["contact_kana"]),
                     row["contact_phone"], row["contact_email"])
    return values if any((values.name, values.phone, values.email)) else None


@dataclass(frozen=True)
class Letterhead:
    """What the top of a city form prints: 様式番号, the date (和暦 text, or the blank date to
    fill by hand), the addressee (宛名, e.g. 山口市長 様), the city, and the applicant."""

    form_no: str
    date_text: str
    addressee: str
    city: str
    applicant: Applicant
    contact: Contact | None = None
    seal: bool = False


def officers(store: Store, council_id: int, role: str, on: date) -> list[str]:
    """Names of the council's officers in ``role`` (role code, e.g. 'president', 'auditor')
    whose term covers day ``on``, in ふりがな order."""
    rows = store.query(
        "SELECT p.name FROM officer_terms t JOIN people p ON p.id = t.person_id "
        "WHERE t.council_id = ? AND t.role = ? AND t.starts_on <= ? "
        "AND (t.ends_on IS NULL OR t.ends_on >= ?) ORDER BY p.name_kana, p.id",
        (council_id, role, on.isoformat(), on.isoformat()))
    return [row["name"] for row in rows]


def applicant(store: Store, council_id: int, on: date, gate: Gate, words: Wording) -> Applicant:
    """The applicant block as of day ``on``; the 会長 is a prerequisite (checked by ``gate``)."""
    council = councils.council_row(store, council_id)
    names = officers(store, council_id, "president", on)
    gate.require(bool(names), _(
        "No president (会長) of the council is on record on {date}. Enter the president in "
        "Member groups and officers.").format(date=wareki.format_wareki(on)))
    address = " ".join(part for part in (
        f"〒{council['postal_code']}" if council["postal_code"] else "", council["address"])
        if part)
    return Applicant(address, council["name"], words.get("representative_role"),
                     names[0] if names else "", text.to_katakana(council["name_kana"]))


def date_text(day: date | None, words: Wording) -> str:
    """A form's date in 和暦 (令和8年4月2日), or the preset's blank date to fill by hand."""
    return words.get("blank_date") if day is None else wareki.format_wareki(day)


def letterhead(store: Store, council_id: int, words: Wording, day: date | None,
               gate: Gate, fiscal_year: int) -> Letterhead:
    """The letterhead of a form addressed to the city, dated ``day`` (None: blank date); the
    会長 is the one in office on ``day`` (or on the first day of 年度 ``fiscal_year``)."""
    preset = presets.preset_for_council(store, council_id)
    on = day or wareki.fiscal_year_start(fiscal_year)
    return Letterhead(words.form_no, date_text(day, words), preset.addressee, preset.city,
                      applicant(store, council_id, on, gate, words),
                      contact(store, council_id), bool(words.get("seal")))


def iso(value: str | None) -> date | None:
    """A stored ISO date as a date (None stays None)."""
    return None if value is None else date.fromisoformat(value)


def period_text(start: date | None, end: date | None, fiscal_year: int, words: Wording) -> str:
    """When a 事業 takes place: 「R7.8.2」, 「R7.11.1〜R7.11.2」, or the preset's 通年 for the
    whole 年度; "" when no date is set."""
    if start is None:
        return ""
    if (start, end) == (wareki.fiscal_year_start(fiscal_year), wareki.fiscal_year_end(fiscal_year)):
        return words.get("whole_year")
    first = wareki.format_wareki(start, "short")
    if end is None or end == start:
        return first
    return f"{first}〜{wareki.format_wareki(end, 'short')}"


def joined(values: list[str], words: Wording) -> str:
    """Distinct non-empty ``values`` in order, joined by the preset's 「及び」."""
    distinct = list(dict.fromkeys(v for v in values if v))
    return words.get("and").join(distinct)


def fiscal_year_text(fiscal_year: int) -> str:
    """令和8年度 for 2026."""
    return wareki.format_fiscal_year(fiscal_year)


def format_sentence(words: Wording, store: Store, council_id: int, **values) -> str:
    """The preset's ``sentence`` of the form with ``values`` and ``city`` filled in."""
    preset = presets.preset_for_council(store, council_id)
    return words.get("sentence").format(city=preset.city, **values)
