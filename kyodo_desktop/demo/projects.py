"""Demo step 5: 事業 of 2025 and 2026 and the 出納簿 items they plan.

Each project of ``resources/demo/projects.json`` is tied to a plan action and a 部会, dated in
its 年度 (events on Saturdays), with place, participants, budget (円, the sum of its planned
items rounded up to 1,000) and 協働の形態. 2026's projects after :data:`TODAY` have no actual
participants and no outcome yet. :func:`build_projects` returns the planned items (see
:func:`item`) that :mod:`kyodo_desktop.demo.ledger` turns into entries.
"""

from __future__ import annotations

from datetime import date, timedelta

from kyodo_desktop.demo.common import (
    TODAY,
    YEARS,
    DemoContext,
    clamp_to_year,
    fy_date,
    load,
    pick,
    random_day,
    saturday_from,
)
from kyodo_desktop.demo.people import resolve_payee
from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.formatting import format_number

ACTIVITY = "activity_support"


def item(fund: str, direction: str, category: str, day: date, description: str, payee: str,
         amount: int, *, exact: bool = False, project_id: int | None = None) -> dict:
    """A planned 出納簿 line: ``amount`` is the planned 円 (paid as is when ``exact``)."""
    return {"fund": fund, "direction": direction, "category": category, "date": day,
            "description": description, "payee": payee, "amount": amount, "exact": exact,
            "project_id": project_id}


def build_projects(ctx: DemoContext) -> dict[int, list[dict]]:
    """Write the projects of every demo 年度; return ``{fiscal_year: [planned item, …]}``."""
    data = load("projects")
    rows, planned = [], {}
    for year in YEARS:
        planned[year] = items = []
        for number, (month, day) in enumerate(data["newsletter"]["issues"]):
            issue = data["newsletter"]["first_no"][str(year)] + number
            spec = dict(data["newsletter"], month=month, day=day)
            rows.append(_project(ctx, spec, year, items, {"no": issue}))
            _ad_income(ctx, data["newsletter"]["ad_income"], rows[-1], issue, items)
        for spec in data["projects"]:
            if year in spec.get("years", YEARS):
                rows.append(_project(ctx, spec, year, items, {}))
    for order, row in enumerate(rows, start=1):
        row["sort_order"] = order
    ctx.counts["projects"] = ctx.insert("projects", rows)
    return planned


def _dates(spec: dict, year: int) -> tuple[date, date]:
    if spec.get("whole_year"):
        return wareki.fiscal_year_start(year), wareki.fiscal_year_end(year)
    start = fy_date(year, spec["month"], spec["day"])
    if spec.get("weekend"):
        start = saturday_from(start)
    return start, start + timedelta(days=spec.get("days", 1) - 1)


def _project(ctx: DemoContext, spec: dict, year: int, items: list[dict], fmt: dict) -> dict:
    project_id = ctx.new_id("projects")
    start, end = _dates(spec, year)
    own = [_expense_items(ctx, raw, project_id, year, start, fmt) for raw in spec["items"]]
    mine = [i for group in own for i in group]
    items += mine
    past = end <= TODAY
    expected = spec["expected"]
    actual = None
    if past and expected:
        actual = round(expected * ctx.rng.uniform(0.85, 1.12))
    outcome = ""
    if past:
        label = "延べ参加者" if spec.get("whole_year") else "参加者"
        prefix = f"{label}{format_number(actual)}人。" if actual else ""
        outcome = prefix + spec["outcome"]
    budget = sum(i["amount"] for i in mine)
    return {"id": project_id, "council_id": ctx.council_id, "fiscal_year": year,
            "name": spec["name"].format(**fmt),
            "action_id": ctx.refs["action:{}-{}-{}".format(*spec["action"])],
            "subcommittee_id": ctx.refs[f"sub:{spec['subcommittee']}"], "fund_code": ACTIVITY,
            "starts_on": start.isoformat(), "ends_on": end.isoformat(), "place": spec["place"],
            "audience": spec.get("audience", ""), "expected_participants": expected,
            "actual_participants": actual,
            "budget": -(-budget // 1000) * 1000, "collaboration_form": spec["form"],
            "partners": spec["partners"], "description": spec["description"],
            "outcome": outcome, "sort_order": 0}


def _expense_items(ctx: DemoContext, raw: dict, project_id: int, year: int, start: date,
                   fmt: dict) -> list[dict]:
    """Expand one item spec (``at`` offset, ``monthly`` day, or ``count`` × ``spread``)."""
    rng = ctx.rng
    if "monthly" in raw:
        days = [fy_date(year, month, raw["monthly"]) for month in (*range(4, 13), 1, 2, 3)]
    elif "spread" in raw:
        low, high = raw["spread"]
        days = sorted(random_day(rng, start + timedelta(days=low), start + timedelta(days=high))
                      for _ in range(raw.get("count", 1)))
    else:
        days = [start + timedelta(days=raw.get("at", 0))] * raw.get("count", 1)
    result = []
    for day in days:
        day = clamp_to_year(day, year)
        payee = resolve_payee(ctx, pick(rng, raw["payee"]))
        text = raw["desc"].format(month=day.month, **fmt)
        result.append(item(raw.get("fund", ACTIVITY), "expense", raw["cat"], day, text, payee,
                           raw["amount"], exact=raw.get("exact", False), project_id=project_id))
    return result


def _ad_income(ctx: DemoContext, spec: dict, project: dict, issue: int,
               items: list[dict]) -> None:
    """広告掲載料 of a newsletter issue: 自主財源 事業収入, received a week after it appears."""
    received = clamp_to_year(date.fromisoformat(project["starts_on"]) + timedelta(days=7),
                             project["fiscal_year"])
    for payee in spec["payees"][: ctx.rng.randint(2, len(spec["payees"]))]:
        items.append(item("own_funds", "income", "business_income", received,
                          spec["desc"].format(no=issue), payee, spec["amount"], exact=True,
                          project_id=project["id"]))
