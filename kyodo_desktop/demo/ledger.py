"""Demo step 6a: the planned 出納簿 of one 年度 and its 予算 (budget lines), fund by fund.

運営支援 is spent in full on the 事務局 (報酬, 賃金, リース, 通信 …: lines that add up to the
grant exactly, so its 精算 returns nothing); 活動支援 pays the projects, 団体への活動補助 and
防災備品 (its lines add up to the grant; actual spending comes out a little below, so a small
返還金 remains); 自主財源 collects 会費 (300円 × 加入世帯数 of every 自治会; a few 未納 and one 一部,
:func:`dues_share`), 協賛金, 事業収入 and
預金利息 and pays 懇親会, 慶弔費, 負担金 — what the grants may not pay. Amounts are int 円.
"""

from __future__ import annotations

from datetime import date

from kyodo_desktop.demo.common import (
    OPEN_YEAR,
    DemoContext,
    fy_date,
    load,
    nendo,
    pick,
    random_day,
    weekday_before,
)
from kyodo_desktop.demo.people import resolve_payee
from kyodo_desktop.demo.projects import item
from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.formatting import format_number

OPERATING, ACTIVITY, OWN = "operating_support", "activity_support", "own_funds"
Budget = dict[tuple[str, str, str], dict]


def _line(budgets: Budget, fund: str, direction: str, category: str, amount: int) -> None:
    key = (fund, direction, category)
    entry = budgets.setdefault(key, {"budget": 0, "revised": None, "notes": ""})
    entry["budget"] += amount


def _days(ctx: DemoContext, count: int, first: date, last: date) -> list[date]:
    return sorted(random_day(ctx.rng, first, last) for _ in range(count))


def _split(ctx: DemoContext, total: int, count: int) -> list[int]:
    """``total`` 円 in ``count`` positive parts of varying size."""
    weights = [ctx.rng.uniform(0.4, 1.6) for _ in range(count)]
    parts = [max(1, round(total * w / sum(weights))) for w in weights[:-1]]
    return [*parts, total - sum(parts)]


def operating_items(ctx: DemoContext, year: int, grant: int, window: tuple[date, date],
                    budgets: Budget) -> list[dict]:
    """運営支援: every line spent exactly to its budget; the lines sum to ``grant``."""
    lines, items = load("ledger")["operating_lines"], []
    fixed = {}
    for line in lines:
        planned = [_planned(ctx, year, raw, OPERATING, line["cat"], window)
                   for raw in line["items"] if "fill" not in raw]
        fixed[line["cat"]] = [i for group in planned for i in group]
    sizes = {line["cat"]: line.get("budget", sum(i["amount"] for i in fixed[line["cat"]]))
             for line in lines}
    rest = grant - sum(size for size in sizes.values() if size != "rest")
    for line in lines:
        cat = line["cat"]
        own = fixed[cat]
        budget = rest if sizes[cat] == "rest" else sizes[cat]
        for raw in (r for r in line["items"] if "fill" in r):
            left = budget - sum(i["amount"] for i in own)
            for day, amount in zip(_days(ctx, raw["fill"], *window),
                                   _split(ctx, left, raw["fill"]), strict=True):
                own.append(item(OPERATING, "expense", cat, day, pick(ctx.rng, raw["desc"]),
                                resolve_payee(ctx, pick(ctx.rng, raw["payee"])), amount,
                                exact=True))
        _line(budgets, OPERATING, "expense", cat, budget)
        items += own
    return items


def _planned(ctx: DemoContext, year: int, raw: dict, fund: str, category: str,
             window: tuple[date, date], direction: str = "expense") -> list[dict]:
    """Expand a ledger.json item: ``monthly`` day, ``at`` [month, day], ``between`` two dates,
    or ``count`` days spread over ``window``."""
    if "monthly" in raw:
        days = [weekday_before(fy_date(year, m, raw["monthly"]))
                for m in (*range(4, 13), 1, 2, 3)]
    elif "at" in raw:
        days = [weekday_before(fy_date(year, *raw["at"]))] * raw.get("count", 1)
    elif "between" in raw:
        first, last = (fy_date(year, *md) for md in raw["between"])
        days = _days(ctx, raw.get("count", 1), first, last)
    else:
        days = _days(ctx, raw.get("count", 1), *window)
    result = []
    for day in days:
        payee = resolve_payee(ctx, pick(ctx.rng, raw["payee"]))
        text = pick(ctx.rng, raw["desc"]).format(month=day.month, payee=payee)
        result.append(item(fund, direction, category, day, text, payee, raw["amount"],
                           exact=raw.get("exact", False)))
    return result


def activity_items(ctx: DemoContext, year: int, grant: int, window: tuple[date, date],
                   project_items: list[dict], budgets: Budget) -> list[dict]:
    """活動支援: projects, general activity costs and 団体への活動補助; 備品 take what is left."""
    ledger = load("ledger")
    items = [i for i in project_items if i["fund"] == ACTIVITY]
    for raw in ledger["activity_general"]:
        if "groups" in raw:
            items += _group_grants(ctx, year, raw)
        else:
            items += _planned(ctx, year, raw, ACTIVITY, raw["cat"], window)
    per_category: dict[str, int] = {}
    for planned in items:
        per_category[planned["category"]] = per_category.get(planned["category"], 0) \
            + planned["amount"]
    for category, amount in per_category.items():
        _line(budgets, ACTIVITY, "expense", category, -(-amount // 1000) * 1000)
    left = grant - sum(v["budget"] for k, v in budgets.items() if k[:2] == (ACTIVITY, "expense"))
    if left < 100_000:
        raise RuntimeError(f"demo: activity budget leaves only {left} yen for equipment")
    _line(budgets, ACTIVITY, "expense", "equipment", left)
    names = ctx.rng.sample(ledger["activity_equipment"], 2)
    spend = _split(ctx, round(left * ctx.rng.uniform(0.95, 0.985)), 2)
    for name, amount, (month, last) in zip(names, spend, ((7, 28), (1, 30)), strict=True):
        day = random_day(ctx.rng, fy_date(year, month, 1), fy_date(year, month, last))
        items.append(item(ACTIVITY, "expense", "equipment", day, name, "(株)防災センター山口",
                          amount, exact=True))
    return items


def _group_grants(ctx: DemoContext, year: int, raw: dict) -> list[dict]:
    result = []
    for kind, amount in raw["groups"]:
        name = ctx.db.execute("SELECT name FROM member_organizations WHERE id = ?",
                              (ctx.refs[f"org:{kind}"],)).fetchone()[0]
        result.append(item(ACTIVITY, "expense", raw["cat"], fy_date(year, *raw["at"]),
                           raw["desc"].format(payee=name), name, amount, exact=True))
    return result


def own_items(ctx: DemoContext, year: int, project_items: list[dict], opening: int,
              budgets: Budget) -> list[dict]:
    """自主財源: 会費 from every 自治会 (May–June), 協賛金・寄付, 事業収入, 利息; its expenses."""
    spec, rng = load("ledger"), ctx.rng
    window = (wareki.fiscal_year_start(year), wareki.fiscal_year_end(year))
    incomes = _membership_fees(ctx, year, spec["own_income"])
    for payee, text, amount, (month, day) in spec["own_income"]["donations"]:
        incomes.append(item(OWN, "income", "donations", fy_date(year, month, day), text, payee,
                            amount, exact=True))
    for payee, text, amount, (month, day) in spec["own_income"]["business"]:
        incomes.append(item(OWN, "income", "business_income", fy_date(year, month, day), text,
                            payee, amount))
    for payee, text, (month, day) in spec["own_income"]["interest"]:
        incomes.append(item(OWN, "income", "miscellaneous_income", fy_date(year, month, day),
                            text, payee, rng.randint(3, 40), exact=True))
    incomes += [i for i in project_items if i["fund"] == OWN and i["direction"] == "income"]
    expenses = [i for i in project_items if i["fund"] == OWN and i["direction"] == "expense"]
    for raw in spec["own_expenses"]:
        expenses += _planned(ctx, year, raw, OWN, raw["cat"], window)
    for category, amount in _sums(incomes).items():
        step = 1000 if category == "miscellaneous_income" else 10_000
        _line(budgets, OWN, "income", category, max(step, amount // step * step))
    _line(budgets, OWN, "income", "carried_in", opening)
    for category, amount in _sums(expenses).items():
        _line(budgets, OWN, "expense", category, -(-amount * 11 // 10 // 10_000) * 10_000)
    return dues_share(incomes, year) + expenses


def dues_share(incomes: list[dict], year: int) -> list[dict]:
    """The income items as paid: the budget holds every 自治会's 会費 (請求額), but the 自治会 at
    the year's ``membership_unpaid`` positions have not paid (未納: one in the closed year, who
    has not paid in the open year either, and two more) and in the open year the one at
    ``membership_partial`` has paid half (一部, rounded down to 100円)."""
    spec = load("ledger")["own_income"]
    fees = [i for i in incomes if i["category"] == "membership_fees"]
    unpaid = {id(fees[n]) for n in spec["membership_unpaid"][str(year)]}
    partial = fees[spec["membership_partial"]] if year == OPEN_YEAR else None
    paid = []
    for planned in incomes:
        if id(planned) in unpaid:
            continue
        if planned is partial:
            planned = dict(planned, amount=planned["amount"] // 2 // 100 * 100,
                           description=planned["description"] + "（一部納入）")
        paid.append(planned)
    return paid


def _membership_fees(ctx: DemoContext, year: int, spec: dict) -> list[dict]:
    rows = ctx.db.execute("SELECT id, name FROM member_organizations WHERE council_id = ? AND "
                          "kind = 'neighborhood_association' ORDER BY sort_order, id",
                          (ctx.council_id,)).fetchall()
    fees = []
    for organization_id, name in rows:
        members = ctx.refs[f"members:{year}:{organization_id}"]
        day = random_day(ctx.rng, date(year, 5, 8), date(year, 6, 30))
        text = spec["membership_desc"].format(year=nendo(year),
                                              members=format_number(members))
        fees.append(item(OWN, "income", "membership_fees", day, text, name,
                         members * spec["membership_per_household"], exact=True)
                    | {"dues_org": organization_id})
    return fees


def _sums(items: list[dict]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for planned in items:
        totals[planned["category"]] = totals.get(planned["category"], 0) + planned["amount"]
    return totals


def realise(ctx: DemoContext, items: list[dict], windows: dict[str, tuple[date, date]],
            cutoff: date) -> list[dict]:
    """The entries that happened: dates kept inside each fund's window (grant money is spent
    only after the first 概算払), nothing after ``cutoff``; inexact amounts at 90–100 %
    (事業収入 85–110 %)."""
    entries = []
    for planned in items:
        first, last = windows[planned["fund"]]
        day = min(max(planned["date"], first), last)
        if day > cutoff:
            continue
        amount = planned["amount"]
        if not planned["exact"]:
            low, high = (0.85, 1.1) if planned["direction"] == "income" else (0.9, 1.0)
            amount = max(1, round(amount * ctx.rng.uniform(low, high)))
        entries.append(dict(planned, date=day, amount=amount, grant_id=None))
    return entries
