"""Reading the data the handbook prints: council, センター, 自治会 and their 会長, 役員, 部会, 事業
and 交付金 of one 年度. Plain SQL reads; nothing is written.

Reference date for "who holds a role": today when it lies within the 年度, else 4月1日 for a
future year and 3月31日 for a past one (as the 協議会 page's overview counts 役員). The grant
figures are read from ``grants``/``grant_payments`` directly (the amounts in force: 変更承認後の
額, else 交付決定額, else 申請額).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kyodo_desktop.domain import wareki
from kyodo_desktop.services.handbook.rows import (
    CouncilFacts,
    GrantFact,
    OfficerFact,
    ProjectFact,
    SubcommitteeFact,
)
from kyodo_desktop.store import Store

COUNCIL_ROLES = ("president", "vice_president", "secretary_general", "treasurer", "auditor",
                 "director", "advisor")


def reference_date(fiscal_year: int, today: date | None = None) -> date:
    """The day whose office-holders the handbook of ``fiscal_year`` shows (see module doc)."""
    today = today or date.today()
    return max(wareki.fiscal_year_start(fiscal_year), min(today, wareki.fiscal_year_end(fiscal_year)))


def council_facts(store: Store, council_id: int) -> CouncilFacts:
    """The council row with ``district`` and the センター's columns prefixed ``center_``
    (empty strings when there is no センター). Raises LookupError for an unknown council."""
    rows = store.query(
        "SELECT c.*, coalesce(d.name, '') AS district, coalesce(cc.name, '') AS center_name, "
        "coalesce(cc.postal_code, '') AS center_postal_code, "
        "coalesce(cc.address, '') AS center_address, coalesce(cc.phone, '') AS center_phone, "
        "coalesce(cc.fax, '') AS center_fax, coalesce(cc.email, '') AS center_email, "
        "coalesce(cc.opening_hours, '') AS center_hours FROM councils c "
        "LEFT JOIN districts d ON d.id = c.district_id "
        "LEFT JOIN community_centers cc ON cc.id = c.community_center_id WHERE c.id = ?",
        (council_id,))
    if not rows:
        raise LookupError(council_id)
    return rows[0]


@dataclass(frozen=True)
class Association:
    """A 自治会 of the year: name, 会長 (name, phone, address; "" when unknown), 世帯数 and
    加入世帯数 as of 4月1日 (None when not recorded), the 会長's ``person_id`` (None: vacant)."""

    name: str
    president: str
    phone: str
    address: str
    households: int | None
    member_households: int | None
    person_id: int | None = None


def associations(store: Store, council_id: int, fiscal_year: int, on: date) -> list[Association]:
    """The 自治会 belonging to the council in the 年度, in the council's order (sort_order,
    ふりがな), with their 会長 on ``on``."""
    start, end = wareki.fiscal_year_start(fiscal_year), wareki.fiscal_year_end(fiscal_year)
    rows = store.query(
        "SELECT o.id, o.name, h.households, h.member_households, "
        "(SELECT p.id FROM officer_terms t JOIN people p ON p.id = t.person_id "
        " WHERE t.organization_id = o.id AND t.role = 'president' AND t.starts_on <= :on "
        " AND (t.ends_on IS NULL OR t.ends_on >= :on) ORDER BY t.starts_on DESC LIMIT 1) "
        " AS person_id FROM member_organizations o LEFT JOIN organization_households h "
        "ON h.organization_id = o.id AND h.fiscal_year = :fy WHERE o.council_id = :council "
        "AND o.kind = 'neighborhood_association' AND (o.joined_on IS NULL OR o.joined_on <= :end) "
        "AND (o.left_on IS NULL OR o.left_on >= :start) ORDER BY o.sort_order, o.name_kana, o.id",
        {"on": on.isoformat(), "fy": fiscal_year, "council": council_id,
         "start": start.isoformat(), "end": end.isoformat()})
    people = _people(store, [r["person_id"] for r in rows if r["person_id"] is not None])
    result = []
    for row in rows:
        person = people.get(row["person_id"], {})
        result.append(Association(row["name"], person.get("name", ""), person.get("phone", ""),
                                  person.get("address", ""), row["households"],
                                  row["member_households"], row["person_id"]))
    return result


def _people(store: Store, ids: list[int]) -> dict[int, dict]:
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    return {row["id"]: row for row in store.query(
        f"SELECT id, name, phone, address FROM people WHERE id IN ({marks})", tuple(ids))}


def council_officers(store: Store, council_id: int, on: date) -> list[OfficerFact]:
    """Council-level 役員 on ``on``: ``[{"role", "role_name", "person_id", "name", "phone"}]``
    by role order, then ふりがな."""
    marks = ", ".join("?" for _ in COUNCIL_ROLES)
    return store.query(
        f"SELECT t.role, r.name AS role_name, p.id AS person_id, p.name, p.phone "
        f"FROM officer_terms t "
        f"JOIN people p ON p.id = t.person_id JOIN roles r ON r.code = t.role "
        f"WHERE t.council_id = ? AND t.role IN ({marks}) AND t.starts_on <= ? "
        f"AND (t.ends_on IS NULL OR t.ends_on >= ?) ORDER BY r.sort_order, p.name_kana, p.id",
        (council_id, *COUNCIL_ROLES, on.isoformat(), on.isoformat()))


def subcommittees(store: Store, council_id: int, on: date) -> list[SubcommitteeFact]:
    """専門部会 and the 事務局: ``[{"name", "purpose", "is_office", "chair", "vice_chair",
    "members"}]`` (chair names "" when vacant; members = count of 部員 on ``on``)."""
    rows = store.query("SELECT id, name, purpose, is_office FROM subcommittees "
                       "WHERE council_id = ? ORDER BY is_office, sort_order, id", (council_id,))
    for row in rows:
        holders = store.query(
            "SELECT t.role, p.name FROM officer_terms t JOIN people p ON p.id = t.person_id "
            "WHERE t.subcommittee_id = ? AND t.starts_on <= ? AND (t.ends_on IS NULL OR "
            "t.ends_on >= ?) ORDER BY p.name_kana", (row["id"], on.isoformat(), on.isoformat()))
        for role in ("chair", "vice_chair"):
            row[role] = "、".join(h["name"] for h in holders if h["role"] == role)
        row["members"] = sum(1 for h in holders if h["role"] == "member")
    return rows


def projects(store: Store, council_id: int, fiscal_year: int) -> list[ProjectFact]:
    """The year's 事業 by start date: ``[{"name", "starts_on", "ends_on" (date | None),
    "place", "subcommittee"}]``."""
    rows = store.query(
        "SELECT p.name, p.starts_on, p.ends_on, p.place, coalesce(s.name, '') AS subcommittee "
        "FROM projects p LEFT JOIN subcommittees s ON s.id = p.subcommittee_id "
        "WHERE p.council_id = ? AND p.fiscal_year = ? "
        "ORDER BY p.starts_on IS NULL, p.starts_on, p.sort_order, p.id", (council_id, fiscal_year))
    for row in rows:
        for key in ("starts_on", "ends_on"):
            row[key] = date.fromisoformat(row[key]) if row[key] else None
    return rows


def grants(store: Store, council_id: int, fiscal_year: int) -> list[GrantFact]:
    """The year's 交付金 of the city (not the council's own programmes): ``[{"name",
    "fund_code", "fund_name", "amount" (int 円 or None), "applied_on", "decided_on", "reported_on" (date | None), "payments": [{"requested_on",
    "paid_on", "amount"}]}]`` in fund order."""
    rows = store.query(
        "SELECT g.id, p.name, p.fund_code, f.name AS fund_name, "
        "coalesce(CASE WHEN g.change_approved_on IS NOT NULL THEN g.change_amount END, "
        "g.decided_amount, g.applied_amount) AS amount, g.applied_on, g.decided_on, g.reported_on "
        "FROM grants g JOIN grant_programs p ON p.id = g.program_id "
        "JOIN funds f ON f.code = p.fund_code WHERE g.council_id = ? AND g.fiscal_year = ? "
        "AND substr(p.code, 1, 8) <> 'council_' ORDER BY f.sort_order, p.id",
        (council_id, fiscal_year))
    for row in rows:
        for key in ("applied_on", "decided_on", "reported_on"):
            row[key] = date.fromisoformat(row[key]) if row[key] else None
        row["payments"] = [
            {"requested_on": _date(p["requested_on"]), "paid_on": _date(p["paid_on"]),
             "amount": p["amount"]}
            for p in store.query("SELECT requested_on, paid_on, amount FROM grant_payments "
                                 "WHERE grant_id = ? ORDER BY coalesce(requested_on, paid_on), id",
                                 (row.pop("id"),))]
    return rows


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
