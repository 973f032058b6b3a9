"""Demo step 1: 山口市's 21 地域, their 地域交流センター and 地域づくり協議会, 湯田's profile.

Only 湯田地域づくり協議会 gets a full profile and yearly figures (council_year_stats 2024–2026);
the other 20 councils are bare rows linked to their 地域 and センター. Addresses, postal codes
and phone numbers are fictional (083-9xx-xxxx).
"""

from __future__ import annotations

from kyodo_desktop.demo.common import OPEN_YEAR, DemoContext, load

STATS_YEARS = (2024, 2025, 2026)


def _phone(ctx: DemoContext, prefix: str = "9") -> str:
    return f"083-{prefix}{ctx.rng.randint(10, 99)}-{ctx.rng.randint(1000, 9999)}"


def _existing(ctx: DemoContext, sql: str) -> dict:
    return {tuple(row[:-1]): row[-1] for row in ctx.db.execute(sql).fetchall()}


def build_places(ctx: DemoContext) -> None:
    """Write districts, community_centers, councils, council_year_stats and settings.

    Districts or centers that already exist (same city and name) are reused, not duplicated.
    Sets ``ctx.council_id`` to 湯田地域づくり協議会 and ``ctx.refs["center"]`` to its センター.
    """
    data = load("places")
    city = data["city"]
    known_districts = _existing(ctx, "SELECT city, name, id FROM districts")
    known_centers = _existing(ctx, "SELECT name, id FROM community_centers")
    districts, centers, councils = [], [], []
    for order, (name, kana, town) in enumerate(data["districts"], start=1):
        district_id = known_districts.get((city, name))
        if district_id is None:
            district_id = ctx.new_id("districts")
            districts.append({"id": district_id, "city": city, "name": name, "name_kana": kana,
                              "sort_order": order})
        center_name = f"{name}地域交流センター"
        center_id = known_centers.get((center_name,))
        center_address = f"{city}{town}{ctx.rng.randint(1, 12)}-{ctx.rng.randint(1, 30)}"
        if center_id is None:
            center_id = ctx.new_id("community_centers")
            centers.append({
                "id": center_id, "district_id": district_id, "name": center_name,
                "postal_code": f"75{3 + order // 12}-0{order:02d}{ctx.rng.randint(0, 9)}",
                "address": center_address, "phone": _phone(ctx), "fax": _phone(ctx),
                "email": "", "opening_hours": data["center_hours"]})
        council_id = ctx.new_id("councils")
        councils.append({"id": council_id, "name": f"{name}地域づくり協議会",
                         "name_kana": f"{kana}ちいきづくりきょうぎかい", "district_id": district_id,
                         "community_center_id": center_id, "postal_code": "", "address": "",
                         "phone": "", "fax": "", "email": "", "established_on": None,
                         "city_preset": "yamaguchi", "notes": "", "contact_name": "",
                         "contact_kana": "", "contact_phone": "", "contact_email": ""})
        if name == data["yuda"]["district"]:
            ctx.council_id, ctx.refs["center"] = council_id, center_id
            _fill_profile(ctx, councils[-1], centers[-1] if centers else None, data["yuda"])
    ctx.counts["districts"] = len(data["districts"])
    ctx.insert("districts", districts)
    ctx.insert("community_centers", centers)
    ctx.counts["councils"] = ctx.insert("councils", councils)
    ctx.insert("council_accounts", [dict(ACCOUNT, id=ctx.new_id("council_accounts"),
                                         council_id=ctx.council_id)])
    _year_stats(ctx, data["yuda"])
    ctx.insert("settings", [
        {"scope": "", "key": "current_council_id", "value": str(ctx.council_id)},
        {"scope": "", "key": "demo_seed", "value": str(ctx.refs["seed"])},
        {"scope": f"council:{ctx.council_id}", "key": "current_fiscal_year",
         "value": str(OPEN_YEAR)},
    ])


#: The council's account the 交付金 is paid into (振込先; a fictional bank).
ACCOUNT = {"kind": "bank", "label": "交付金受入口座", "bank_name": "やまぐち中央信用金庫",
           "branch_name": "湯田温泉支店", "account_type": "ordinary", "account_number": "0123456",
           "holder": "湯田地域づくり協議会 会長", "holder_kana": "ゆだちいきづくりきょうぎかい かいちょう",
           "fund_code": None, "is_payee": 1, "sort_order": 1, "notes": ""}


def _fill_profile(ctx: DemoContext, council: dict, center: dict | None, profile: dict) -> None:
    phone = center["phone"] if center else _phone(ctx, "92")
    council.update({
        "postal_code": profile["postal_code"], "address": profile["address"], "phone": phone,
        "fax": center["fax"] if center else "", "email": profile["email"],
        "established_on": profile["established_on"], "notes": profile["notes"],
        # the 担当者 the city calls: the office's phone and address, not a person's own
        "contact_name": "西村 早苗", "contact_kana": "にしむら さなえ",
        "contact_phone": phone, "contact_email": profile["email"]})
    if center:
        center.update({"postal_code": profile["postal_code"],
                       "address": profile["address"].split(" ")[0],
                       "email": "yuda-center@example.jp"})


def _year_stats(ctx: DemoContext, profile: dict) -> None:
    """人口 ≈ 23,000 and 世帯数 ≈ 11,500 with a small yearly drift (fewer people, more homes)."""
    population, households = profile["population"], profile["households"]
    rows = []
    for year in STATS_YEARS:
        rows.append({"council_id": ctx.council_id, "fiscal_year": year,
                     "population": population, "households": households})
        ctx.refs[f"households:{year}"] = households
        ctx.refs[f"population:{year}"] = population
        population -= ctx.rng.randint(60, 140)
        households += ctx.rng.randint(-50, -10)
    ctx.insert("council_year_stats", rows)
