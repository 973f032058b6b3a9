"""The row shapes the council area hands to ui/, io/ and reports/ (typed dicts: the keys are the
contract; tests/test_typed_rows.py checks every one against the demo)."""

from __future__ import annotations

from datetime import date
from typing import TypedDict


class _CouncilColumns(TypedDict):
    id: int
    name: str
    name_kana: str
    district_id: int | None
    community_center_id: int | None
    city_preset: str
    postal_code: str
    address: str
    phone: str
    fax: str
    email: str
    contact_name: str
    contact_kana: str
    contact_phone: str
    contact_email: str
    notes: str


class CouncilRow(_CouncilColumns):
    """One ``councils`` row as stored (設立日 as ISO text)."""

    established_on: str | None


class CouncilProfile(_CouncilColumns):
    """The 協議会 page's record: the row with ``established_on`` as a date and the names of its
    地区 and 地域交流センター ("" when none)."""

    established_on: date | None
    district_name: str
    community_center_name: str


class CouncilListItem(TypedDict):
    """A council in a list or a lookup: id, names and its 地区 ("" when none)."""

    id: int
    name: str
    name_kana: str
    district: str


class PresetItem(TypedDict):
    """A city preset that can be chosen: its code and the city's name."""

    code: str
    city: str


class ProgramRow(TypedDict):
    """A ``grant_programs`` row of a preset; ``rules`` is the JSON text of its ProgramRules,
    ``allows_carry_forward`` 0/1."""

    code: str
    city_preset: str
    fund_code: str
    name: str
    rules: str
    allows_carry_forward: int


class DistrictChoice(TypedDict):
    """A 地区 offered on the 協議会 page."""

    id: int
    name: str
    name_kana: str
    city: str


class CenterRow(TypedDict):
    """The council's 地域交流センター as the 協議会 page edits it ("" each when it has none)."""

    name: str
    postal_code: str
    address: str
    phone: str
    opening_hours: str
