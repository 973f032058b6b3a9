"""The 年度報告's council, 構成団体 and 役員 sections: names, kinds, counts and roles only.

No phone number, address, postal code or e-mail is ever copied: every section lists the fields
it takes (a whitelist), never a whole row. 世帯数 / 加入世帯数 / 加入率 come from
:mod:`kyodo_desktop.services.roster.totals`; the 役員 are the council-level terms current on the
year's reference date (3月31日 of a closed year, :func:`officers.reference_date`).
"""

from __future__ import annotations

from kyodo_desktop.services.city.seal import JSONObject
from kyodo_desktop.services.council.profile import get_profile
from kyodo_desktop.services.roster import officers
from kyodo_desktop.services.roster.organizations import list_organizations
from kyodo_desktop.services.roster.totals import roster_totals
from kyodo_desktop.store import Store


def profile_section(store: Store, council_id: int) -> JSONObject:
    """``{name, name_kana, district, community_center, established_on (ISO or None),
    city_preset}`` of the council (no 所在地, 電話, e-mail)."""
    profile = get_profile(store, council_id)
    established = profile["established_on"]
    return {"name": profile["name"], "name_kana": profile.get("name_kana") or "",
            "district": profile["district_name"],
            "community_center": profile["community_center_name"],
            "established_on": established.isoformat() if established else None,
            "city_preset": profile.get("city_preset") or ""}


def organizations_section(store: Store, council_id: int, fiscal_year: int) -> list[JSONObject]:
    """The 構成団体 belonging in the 年度 (五十音順): ``{name, kind, kind_name, households,
    member_households}`` (counts as of 4月1日, None when not entered)."""
    return [{"name": o["name"], "kind": o["kind"], "kind_name": o["kind_name"],
             "households": o["households"], "member_households": o["member_households"]}
            for o in list_organizations(store, council_id, fiscal_year)]


def roster_section(store: Store, council_id: int, fiscal_year: int) -> JSONObject:
    """自治会 count, 世帯数, 加入世帯数 and 加入率 (0–1 or None) of the 年度."""
    totals = roster_totals(store, council_id, fiscal_year)
    return {"associations": totals.associations, "households": totals.households,
            "member_households": totals.member_households,
            "membership_rate": totals.membership_rate}


def officers_section(store: Store, council_id: int, fiscal_year: int) -> list[JSONObject]:
    """The council's 役員 on the year's reference date: ``{name, role, role_name}`` only."""
    on = officers.reference_date(fiscal_year)
    terms = officers.list_terms(store, council_id, body=officers.Body(officers.COUNCIL,
                                                                       council_id),
                                on=on, current_only=True)
    return [{"name": t["person_name"], "role": t["role"], "role_name": t["role_name"]}
            for t in terms]
