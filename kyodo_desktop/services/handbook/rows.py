"""The facts the 手引き takes from the other areas (typed dicts: the keys are the contract;
tests/test_typed_rows.py checks every one against the demo)."""

from __future__ import annotations

from datetime import date
from typing import Any, TypedDict

from kyodo_desktop.services.council.rows import CouncilRow


class ChapterRow(TypedDict):
    """A chapter of the 手引き for a 年度 as stored (``hidden``/``staff_only`` 0/1)."""

    slug: str
    kind: str
    title: str
    body: str
    position: int
    hidden: int
    staff_only: int


class CouncilFacts(CouncilRow):
    """The council's record with its 地区 and its 地域交流センター (``center_*``, "" when none)."""

    district: str
    center_name: str
    center_postal_code: str
    center_address: str
    center_phone: str
    center_fax: str
    center_email: str
    center_hours: str


class OfficerFact(TypedDict):
    """An officer of the council on a day: role code and name, person (id, name), phone."""

    role: str
    role_name: str
    person_id: int
    name: str
    phone: str


class SubcommitteeFact(TypedDict):
    """A 部会 with its 部会長/副部会長 and the number of its members."""

    id: int
    name: str
    purpose: str
    is_office: int
    chair: str
    vice_chair: str
    members: int


class ProjectFact(TypedDict):
    """A 事業 of the 年度 as the 手引き lists it."""

    name: str
    starts_on: date | None
    ends_on: date | None
    place: str
    subcommittee: str


class GrantFact(TypedDict):
    """A 交付金 of the 年度: 申請/決定/報告 dates, 交付決定額 and its payments."""

    name: str
    fund_code: str
    fund_name: str
    amount: int
    applied_on: date | None
    decided_on: date | None
    reported_on: date | None
    payments: list[dict[str, Any]]
