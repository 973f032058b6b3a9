"""Demo step 3: the council's 役員 and its 専門部会 (5 部会 and the 事務局).

Current council terms run 2025-04-01 … 2027-03-31: 会長 1, 副会長 4, 理事 12, 監事 2, 会計 1,
事務局長 1, 事務局員 2 (role ``office_staff``). History: the former 会長 (2021–2025), a 副会長
replaced in 2025, 理事 re-elected or replaced (2023–2025). Each 部会 has a 部会長, a 副部会長 and
4–8 部員; the 部会長 of the 5 部会 are 理事. Groups join 部会 as subcommittee_organizations.
"""

from __future__ import annotations

from kyodo_desktop.demo.common import DemoContext, load
from kyodo_desktop.demo.people import CURRENT, PREVIOUS, add_term, new_person

FORMER_PRESIDENT = ("2021-04-01", "2025-03-31")
VICE_PRESIDENT_GROUPS = ("social_welfare_council", "womens_association", "senior_club")
DIRECTOR_GROUPS = ("pta", "sports_association", "fire_brigade", "welfare_commissioners")


def _president(ctx: DemoContext, kind: str) -> int:
    return ctx.refs[f"president:{ctx.refs[f'org:{kind}']}"]


def build_officers(ctx: DemoContext) -> None:
    """Queue the council's officer_terms; ``ctx.refs["officer:<role>"]`` names the payees.

    Keys set: ``officer:president``, ``officer:secretary_general``, ``officer:treasurer``,
    ``officer:office_staff_1``, ``officer:office_staff_2``. The 理事 chair the 部会.
    """
    rng = ctx.rng
    association_heads = [ctx.refs[f"president:{ctx.refs[f'assoc:{i}']}"]
                         for i in range(1, ctx.counts["neighborhood_associations"] + 1)]
    rng.shuffle(association_heads)
    president = _president(ctx, "neighborhood_federation")
    add_term(ctx, president, "president", CURRENT, council=True)
    add_term(ctx, new_person(ctx), "president", FORMER_PRESIDENT, council=True,
             notes="前会長（令和7年3月退任）")
    vice = [_president(ctx, kind) for kind in VICE_PRESIDENT_GROUPS] + [association_heads[0]]
    for person in vice:
        add_term(ctx, person, "vice_president", CURRENT, council=True)
    add_term(ctx, new_person(ctx), "vice_president", PREVIOUS, council=True)
    directors = association_heads[1:9] + [_president(ctx, kind) for kind in DIRECTOR_GROUPS]
    for index, person in enumerate(directors):
        if index < 2:
            add_term(ctx, person, "director", PREVIOUS, council=True)
        add_term(ctx, person, "director", CURRENT, council=True,
                 notes="再任" if index < 2 else "")
    add_term(ctx, new_person(ctx), "director", PREVIOUS, council=True)
    roles = {"auditor": 2, "treasurer": 1, "secretary_general": 1, "office_staff": 2}
    for role, count in roles.items():
        for number in range(1, count + 1):
            person = new_person(ctx, female=role in ("treasurer", "office_staff") or None)
            add_term(ctx, person, role, CURRENT, council=True)
            key = f"officer:{role}_{number}" if count > 1 else f"officer:{role}"
            ctx.refs[key] = person
    ctx.refs["officer:president"] = president
    _subcommittees(ctx, directors, association_heads[9:])


def _subcommittees(ctx: DemoContext, directors: list[int], helpers: list[int]) -> None:
    """5 部会 chaired by 理事 plus the 事務局 (is_office = 1, chaired by the 事務局長)."""
    data, rng = load("places"), ctx.rng
    rows, links = [], []
    pool = list(helpers)
    for order, (name, purpose, kinds) in enumerate(data["subcommittees"], start=1):
        sub_id = ctx.new_id("subcommittees")
        ctx.refs[f"sub:{name}"] = sub_id
        rows.append({"id": sub_id, "council_id": ctx.council_id, "name": name,
                     "purpose": purpose, "is_office": 0, "sort_order": order})
        add_term(ctx, directors[order - 1], "chair", CURRENT, subcommittee=sub_id)
        add_term(ctx, directors[order + 4], "vice_chair", CURRENT, subcommittee=sub_id)
        members = rng.sample(pool, 3) + [new_person(ctx) for _ in range(rng.randint(1, 5))]
        for person in members:
            add_term(ctx, person, "member", CURRENT, subcommittee=sub_id)
        for kind in kinds:
            links += [{"subcommittee_id": sub_id, "organization_id": o}
                      for o in _orgs_of_kind(ctx, kind)]
    office_name, office_purpose = data["office"]
    office_id = ctx.new_id("subcommittees")
    ctx.refs[f"sub:{office_name}"] = ctx.refs["sub:office"] = office_id
    rows.append({"id": office_id, "council_id": ctx.council_id, "name": office_name,
                 "purpose": office_purpose, "is_office": 1, "sort_order": len(rows) + 1})
    add_term(ctx, ctx.refs["officer:secretary_general"], "chair", CURRENT, subcommittee=office_id)
    add_term(ctx, ctx.refs["officer:treasurer"], "vice_chair", CURRENT, subcommittee=office_id)
    office_members = [ctx.refs["officer:office_staff_1"], ctx.refs["officer:office_staff_2"],
                      new_person(ctx), new_person(ctx)]
    for person in office_members:
        add_term(ctx, person, "member", CURRENT, subcommittee=office_id)
    ctx.counts["subcommittees"] = ctx.insert("subcommittees", rows)
    ctx.insert("subcommittee_organizations", links)


def _orgs_of_kind(ctx: DemoContext, kind: str) -> list[int]:
    rows = ctx.db.execute("SELECT id FROM member_organizations WHERE council_id = ? AND kind = ? "
                          "ORDER BY id", (ctx.council_id, kind)).fetchall()
    return [row[0] for row in rows]
