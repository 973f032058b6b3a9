"""The row shapes the roster area hands to ui/, io/ and reports/ (typed dicts: the keys are the
contract; tests/test_typed_rows.py checks every one against the demo). Dates are ``date`` where
the docstring of the function says so, ISO text where it returns stored rows."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, TypedDict

if TYPE_CHECKING:
    from kyodo_desktop.services.roster.officers import Body


class PersonRow(TypedDict):
    """One ``people`` row (a person of the council's roster)."""

    id: int
    council_id: int
    name: str
    name_kana: str
    postal_code: str
    address: str
    phone: str
    email: str
    notes: str


class PersonListRow(PersonRow):
    """A person in the roster list, with ``roles``: the offices held on the day, as Japanese
    text (「自治会長（…自治会）、理事」, "" when none)."""

    roles: str


class _OrganizationColumns(TypedDict):
    id: int
    council_id: int
    kind: str
    kind_name: str
    name: str
    name_kana: str
    postal_code: str
    address: str
    phone: str
    email: str
    notes: str
    sort_order: int


class OrganizationRow(_OrganizationColumns):
    """A 構成団体 with its 団体種別 name; 加入日/退会日 as dates."""

    joined_on: date | None
    left_on: date | None


class OrganizationListRow(_OrganizationColumns):
    """A 構成団体 in the list of a 年度: dates as ISO text, ``belongs`` in the year, the 会長 on
    the reference day, the year's 世帯数 / 加入世帯数 and 加入率 (None when not entered)."""

    joined_on: str | None
    left_on: str | None
    belongs: bool
    representative: str
    representative_id: int | None
    households: int | None
    member_households: int | None
    membership_rate: float | None


class HouseholdYear(TypedDict):
    """世帯数 and 加入世帯数 of one 年度."""

    fiscal_year: int
    households: int
    member_households: int


class CarriedHouseholds(TypedDict):
    """A 自治会 with the 世帯数 carried into a new 年度 (``carried``: copied, not entered)."""

    id: int
    name: str
    name_kana: str
    households: int
    member_households: int
    from_year: int
    carried: bool


class PresidentContact(TypedDict):
    """A 自治会 with its 会長 on a day (contact columns "" when no 会長 is entered)."""

    organization_id: int
    organization: str
    organization_kana: str
    person_id: int | None
    name: str
    name_kana: str
    postal_code: str
    address: str
    phone: str
    email: str
    households: int | None
    member_households: int | None


class OfficerTerm(TypedDict):
    """One 任期 as stored, with the body it belongs to; dates as dates."""

    id: int
    person_id: int
    role: str
    body: Body
    council_id: int | None
    organization_id: int | None
    subcommittee_id: int | None
    starts_on: date
    ends_on: date | None
    notes: str


class OfficerTermListRow(TypedDict):
    """A 任期 in the officers list: person, role name, body and whether it is current."""

    id: int
    person_id: int
    person_name: str
    person_kana: str
    phone: str
    role: str
    role_name: str
    role_order: int
    body_kind: str
    body_id: int
    body_name: str
    council_id: int | None
    organization_id: int | None
    subcommittee_id: int | None
    org_kind: str | None
    org_kana: str | None
    sub_order: int | None
    starts_on: date
    ends_on: date | None
    notes: str
    current: bool


class SubcommitteeRow(TypedDict):
    """One ``subcommittees`` row (専門部会; ``is_office`` 1 for the 事務局)."""

    id: int
    council_id: int
    name: str
    purpose: str
    is_office: int
    sort_order: int


class SubcommitteeListRow(TypedDict):
    """A 部会 in the list: 部会長/副部会長 names and counts of its people, groups, actions and
    projects."""

    id: int
    name: str
    purpose: str
    is_office: int
    sort_order: int
    chair: str
    people: int
    organizations: int
    actions: int
    projects: int


class SubcommitteeMembers(TypedDict):
    """The members of a 部会: officer terms (as :class:`OfficerTermListRow`) and organisations
    (id, name, name_kana, kind)."""

    people: list[OfficerTermListRow]
    organizations: list[dict[str, Any]]


class AssignedWork(TypedDict):
    """The plan's work of a 部会: actions (id, code, title, plan) and projects (id, fiscal_year,
    name)."""

    actions: list[dict[str, Any]]
    projects: list[dict[str, Any]]
