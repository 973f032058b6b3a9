"""Demo step 2: 湯田's 構成団体 (37 自治会 and the district's groups), 世帯数, people, 自治会長.

People are fictional: a surname and a given name from ``resources/demo/names.json`` with their
ふりがな (hiragana, a space between surname and given name), an address in one of the 自治会's
towns (山口市湯田温泉二丁目3-15 style), a 083-92x-xxxx phone and sometimes an e-mail address at
example.jp. 世帯数 / 加入世帯数 are as of 4月1日 of 2025 and 2026; 加入率 ≈ 80 % overall.
"""

from __future__ import annotations

from kyodo_desktop.demo.common import YEARS, DemoContext, load

#: 任期 of the people's offices (2-year terms from 2025; history from 2023; yearly rotation).
CURRENT = ("2025-04-01", "2027-03-31")
PREVIOUS = ("2023-04-01", "2025-03-31")
ROTATED_OLD = ("2025-04-01", "2026-03-31")
ROTATED_NEW = ("2026-04-01", "2027-03-31")
#: 加入率 allowed overall (member households / households) per 年度.
MEMBER_RATE = (0.77, 0.83)


def new_person(ctx: DemoContext, town: str | None = None, *, female: bool | None = None) -> int:
    """Make a fictional person of the council (row kept in ``ctx.people``); return the id."""
    names, rng = load("names"), ctx.rng
    given = [g for g in names["given_names"] if female is None or (g[2] == "f") == female]
    while True:
        surname, first = rng.choice(names["surnames"]), rng.choice(given)
        name = f"{surname[0]} {first[0]}"
        if f"person:{name}" not in ctx.refs:
            break
    person_id = ctx.new_id("people")
    ctx.refs[f"person:{name}"] = person_id
    ctx.names[person_id] = name
    towns = sorted({a[2] for a in load("places")["associations"]})
    town = town or rng.choice(towns)
    ctx.people.append({
        "id": person_id, "council_id": ctx.council_id, "name": name,
        "name_kana": f"{surname[1]} {first[1]}",
        "postal_code": f"753-00{50 + towns.index(town) % 40:02d}",
        "address": f"山口市{town}{rng.randint(1, 9)}-{rng.randint(1, 40)}",
        "phone": f"083-92{rng.randint(0, 9)}-{rng.randint(1000, 9999)}",
        "email": f"{surname[2]}{rng.randint(10, 99)}@example.jp" if rng.random() < 0.35 else "",
        "notes": rng.choice(names["notes"]) if rng.random() < 0.12 else ""})
    return person_id


def fictional_name(ctx: DemoContext) -> str:
    """A fictional "姓 名" for a payee (講師 …) who is not on the council's roster."""
    names = load("names")
    return f"{ctx.rng.choice(names['surnames'])[0]} {ctx.rng.choice(names['given_names'])[0]}"


def resolve_payee(ctx: DemoContext, payee: str) -> str:
    """A payee as written, or filled in: ``@lecturer`` (a fictional name), ``@family``
    (``"<姓>家"``) or ``@<officer key>`` (the name of that officer, e.g. ``@office_staff_1``)."""
    if payee == "@lecturer":
        return fictional_name(ctx)
    if payee == "@family":
        return f"{ctx.rng.choice(load('names')['surnames'])[0]}家"
    if payee.startswith("@"):
        return ctx.names[ctx.refs[f"officer:{payee[1:]}"]]
    return payee


def add_term(ctx: DemoContext, person_id: int, role: str, span: tuple[str, str | None], *,
             council: bool = False, organization: int | None = None,
             subcommittee: int | None = None, notes: str = "") -> None:
    """Queue one officer_terms row (exactly one of council / organization / subcommittee)."""
    ctx.terms.append({
        "id": ctx.new_id("officer_terms"), "person_id": person_id, "role": role,
        "council_id": ctx.council_id if council else None, "organization_id": organization,
        "subcommittee_id": subcommittee, "starts_on": span[0], "ends_on": span[1],
        "notes": notes})


def build_organizations(ctx: DemoContext) -> None:
    """Write member_organizations, organization_households and the 会長 of every group.

    ``ctx.refs`` gains ``"org:<kind>"`` (first group of a kind), ``"assoc:<n>"`` (自治会 ids) and
    ``"president:<org id>"`` (current 会長's person id).
    """
    data = load("places")
    organizations = []
    associations = data["associations"]
    for order, (name, kana, town, _base) in enumerate(associations, start=1):
        organization_id = ctx.new_id("member_organizations")
        ctx.refs[f"assoc:{order}"] = organization_id
        row = _organization(ctx, organization_id, "neighborhood_association", name, kana, order,
                            joined="2010-04-01")
        if _association_presidents(ctx, organization_id, town):
            row["notes"] = "会長は1年交代（輪番制）"
        organizations.append(row)
    for order, (kind, name, kana) in enumerate(data["groups"], start=len(associations) + 1):
        organization_id = ctx.new_id("member_organizations")
        ctx.refs.setdefault(f"org:{kind}", organization_id)
        joined = "2016-04-01" if kind in ("npo", "business") else "2010-04-01"
        organizations.append(_organization(ctx, organization_id, kind, name, kana, order, joined=joined))
        span = (ROTATED_NEW if kind == "pta" else CURRENT)
        president = new_person(ctx, female=kind == "womens_association" or None)
        ctx.refs[f"president:{organization_id}"] = president
        if kind == "pta":
            add_term(ctx, new_person(ctx), "president", ROTATED_OLD, organization=organization_id)
        add_term(ctx, president, "president", span, organization=organization_id)
    ctx.counts["organizations"] = ctx.insert("member_organizations", organizations)
    ctx.counts["neighborhood_associations"] = len(associations)
    _households(ctx, [ctx.refs[f"assoc:{i}"] for i in range(1, len(associations) + 1)],
                [a[3] for a in associations])


def _organization(ctx: DemoContext, organization_id: int, kind: str, name: str, kana: str, order: int,
                  *, joined: str) -> dict:
    center = "山口市湯田温泉四丁目1-20 湯田地域交流センター内"
    group = kind != "neighborhood_association"
    return {"id": organization_id, "council_id": ctx.council_id, "kind": kind, "name": name,
            "name_kana": kana, "postal_code": "753-0056" if group else "",
            "address": center if group else "", "phone": "", "email": "",
            "joined_on": joined, "left_on": None, "sort_order": order, "notes": ""}


def _association_presidents(ctx: DemoContext, organization_id: int, town: str) -> bool:
    """自治会長: most serve 2025–2027; some had a predecessor (2023–2025) or rotate yearly.

    Returns True when the 自治会 rotates its 会長 every year.
    """
    roll = ctx.rng.random()
    president = new_person(ctx, town)
    ctx.refs[f"president:{organization_id}"] = president
    if roll < 0.14:
        add_term(ctx, new_person(ctx, town), "president", ROTATED_OLD, organization=organization_id)
        add_term(ctx, president, "president", ROTATED_NEW, organization=organization_id)
        return True
    if roll < 0.36:
        add_term(ctx, new_person(ctx, town), "president", PREVIOUS, organization=organization_id)
    add_term(ctx, president, "president", CURRENT, organization=organization_id)
    return False


def _households(ctx: DemoContext, organization_ids: list[int], base: list[int]) -> None:
    """世帯数 and 加入世帯数 per 自治会 for each demo 年度; overall 加入率 kept within MEMBER_RATE."""
    rng = ctx.rng
    households = [round(b * rng.uniform(0.97, 1.03)) for b in base]
    rates = [rng.uniform(0.66, 0.94) for _ in base]
    rows = []
    for year in YEARS:
        members = [min(h, round(h * r)) for h, r in zip(households, rates, strict=True)]
        total, joined = sum(households), sum(members)
        low, high = MEMBER_RATE
        if not low <= joined / total <= high:
            factor = (low + high) / 2 * total / joined
            members = [min(h, round(m * factor)) for h, m in zip(households, members, strict=True)]
        rows += [{"organization_id": org, "fiscal_year": year, "households": h,
                  "member_households": m} for org, h, m in zip(organization_ids, households, members, strict=True)]
        ctx.counts.setdefault("households", {})[year] = sum(households)
        ctx.counts.setdefault("member_households", {})[year] = sum(members)
        ctx.refs[f"members:{year}"] = sum(members)
        for org, m in zip(organization_ids, members, strict=True):
            ctx.refs[f"members:{year}:{org}"] = m
        households = [round(h * rng.uniform(0.985, 1.012)) for h in households]
        rates = [max(0.5, r - rng.uniform(0.0, 0.015)) for r in rates]
    ctx.insert("organization_households", rows)
