"""Generated 年度報告 of the demo city's other councils: plausible, varied, fictional.

Each council gets a size (世帯数 800 … 12,000, 加入率 60–95 %), its two 交付金 from the 山口市
preset's formula (均等割 + 世帯割 + 人口割), a spending rate of 86–100 % of the 活動支援, 事業 and
数値目標 of its own, and now and then a 提出前の点検 finding. The content has every section of a
real return (:mod:`kyodo_desktop.services.city.annual_return`) and its summary is made by the
same ``summary_of``, so the city file reads it as it reads a real one.
"""

from __future__ import annotations

import random

from kyodo_desktop.domain.labels import action_code
from kyodo_desktop.services.city.annual_return import summary_of
from kyodo_desktop.services.council.presets import load_preset

OPERATING, ACTIVITY = "operating_support", "activity_support"
PROJECTS = ("防災講演会", "地域防災訓練", "夏祭り", "敬老のつどい", "見守りパトロール", "広報誌の発行",
            "子ども見守り活動", "花いっぱい運動", "清掃活動", "文化祭", "ふれあいサロン",
            "通学路点検", "歴史ウォーク", "健康講座", "世代間交流会", "ホームページ更新")
INDICATORS = (("防災訓練の参加者数", "人"), ("サロンの延べ参加者数", "人"), ("広報誌の発行回数", "回"),
              ("清掃活動の参加者数", "人"), ("見守り協力員の数", "人"), ("行事の参加者数", "人"))
EXPENSES = {OPERATING: (("wages", "賃金", 0.62), ("remuneration", "報酬", 0.08),
                        ("consumables", "消耗品費", 0.12), ("postage", "通信運搬費", 0.08),
                        ("rentals", "使用料及び賃借料", 0.10)),
            ACTIVITY: (("honoraria", "報償費", 0.18), ("consumables", "消耗品費", 0.30),
                       ("printing", "印刷製本費", 0.22), ("commissions", "委託料", 0.15),
                       ("materials", "原材料費", 0.15))}
FUND_NAMES = {OPERATING: "運営支援", ACTIVITY: "活動支援"}
ROLES = (("president", "会長"), ("vice_president", "副会長"), ("secretary_general", "事務局長"),
         ("treasurer", "会計"), ("auditor", "監事"), ("auditor", "監事"))


def council_size(rng: random.Random) -> tuple[int, float]:
    """世帯数 and 加入率 of a generated council."""
    return rng.randint(800, 12_000), rng.uniform(0.60, 0.95)


def generated_content(rng: random.Random, district: str, fiscal_year: int, households: int,
                      rate: float, names: list[str]) -> dict:
    """The ``content`` of a generated return (every section, summary included)."""
    members = round(households * rate)
    grants, spent = _grants(rng, households, fiscal_year)
    projects = _projects(rng, spent[ACTIVITY])
    content = {
        "profile": {"name": f"{district}地域づくり協議会", "name_kana": "", "district": district,
                    "community_center": f"{district}地域交流センター", "established_on": None,
                    "city_preset": "yamaguchi"},
        "organizations": _organizations(rng, district, households, members),
        "roster": {"associations": 0, "households": households, "member_households": members,
                   "membership_rate": members / households},
        "officers": [{"name": name, "role": role, "role_name": label}
                     for name, (role, label) in zip(names, ROLES, strict=False)],
        "plan": _plan(rng, district, fiscal_year),
        "projects": projects,
        "collaboration": [{"code": p["code"], "name": p["name"],
                           "forms": [rng.choice(("共催", "事業協力", "情報提供・交換", "実行委員会"))],
                           "partners": [], "reviews": {}} for p in projects],
        "budget": [_fund_budget(fund, grants[i]["in_force"], spent[fund])
                   for i, fund in enumerate((OPERATING, ACTIVITY))],
        "cash_book": _cash_book(rng, grants, spent),
        "grants": grants,
        "review": _review(rng),
    }
    content["roster"]["associations"] = sum(
        o["kind"] == "neighborhood_association" for o in content["organizations"])
    content["summary"] = summary_of(content)
    return content


def _grants(rng: random.Random, households: int, fiscal_year: int) -> tuple[list, dict]:
    population = round(households * rng.uniform(2.0, 2.4))
    grants, spent = [], {}
    for program in load_preset("yamaguchi").programs:
        decided = program.formula.proposed_amount(households, population)
        share = 1.0 if program.fund_code == OPERATING else rng.uniform(0.86, 1.0)
        eligible = min(decided, round(decided * share))
        spent[program.fund_code] = eligible
        grants.append({
            "fund": program.fund_code, "program": program.name, "applied_amount": decided,
            "applied_on": f"{fiscal_year}-04-01", "decided_amount": decided,
            "decided_on": f"{fiscal_year}-04-07", "decision_no": "", "in_force": decided,
            "change_amount": None, "received": decided, "eligible": eligible,
            "reported_on": f"{fiscal_year + 1}-04-24", "settled_on": f"{fiscal_year + 1}-05-08",
            "refund_amount": decided - eligible, "carried_forward_amount": 0,
            "payments": [{"requested_on": f"{fiscal_year}-04-08",
                          "paid_on": f"{fiscal_year}-04-18", "amount": decided}]})
    return grants, spent


def _projects(rng: random.Random, activity: int) -> list[dict]:
    chosen = rng.sample(PROJECTS, rng.randint(6, 14))
    weights = [rng.uniform(0.5, 2.0) for _ in chosen]
    costs = [int(activity * w / sum(weights)) for w in weights]
    costs[-1] += activity - sum(costs)
    rows = []
    for number, (name, cost) in enumerate(zip(chosen, costs, strict=True), start=1):
        expected = rng.randint(20, 400)
        rows.append({"code": action_code(1 + number % 3, 1 + number % 2, 1 + number % 4),
                     "action": name, "name": name, "responsible": "事務局", "period": "",
                     "budget": cost + rng.randint(0, 20) * 1000, "actual": cost,
                     "grant_share": cost, "expected_participants": expected,
                     "participants": round(expected * rng.uniform(0.7, 1.3)), "outcome": "",
                     "place": "", "audience": "地域住民", "partners": ""})
    return rows


def _organizations(rng: random.Random, district: str, households: int,
                   members: int) -> list[dict]:
    count = max(3, households // rng.randint(250, 450))
    shares = [rng.uniform(0.5, 1.5) for _ in range(count)]
    split = [int(households * s / sum(shares)) for s in shares]
    split[-1] += households - sum(split)
    joined = [int(members * h / households) for h in split]
    joined[-1] += members - sum(joined)
    rows = [{"name": f"{district}第{n}自治会", "kind": "neighborhood_association",
             "kind_name": "自治会", "households": h, "member_households": m}
            for n, (h, m) in enumerate(zip(split, joined, strict=True), start=1)]
    rows += [{"name": f"{district}{name}", "kind": kind, "kind_name": label,
              "households": None, "member_households": None}
             for name, kind, label in (("老人クラブ連合会", "senior_club", "老人クラブ"),
                                       ("地区社会福祉協議会", "social_welfare_council",
                                        "地区社会福祉協議会"))]
    return rows


def _plan(rng: random.Random, district: str, fiscal_year: int) -> dict:
    actions = [{"code": action_code(g, m, a), "title": f"推進項目 {action_code(g, m, a)}",
                "status": rng.choice(("implement", "continue", "continue", "prepare")),
                "evaluations": {}}
               for g in (1, 2, 3) for m in (1, 2) for a in (1, 2)]
    indicators = []
    for name, unit in rng.sample(INDICATORS, rng.randint(3, 6)):
        baseline = float(rng.randint(20, 300))
        target = round(baseline * rng.uniform(1.05, 1.4))
        actual = round(baseline * rng.uniform(0.9, 1.5))
        progress = (actual - baseline) / (target - baseline)
        indicators.append({"name": name, "unit": unit, "baseline_year": fiscal_year - 2,
                           "baseline": baseline, "higher_is_better": True,
                           "target": float(target), "actual": float(actual),
                           "progress": progress, "achieved": progress >= 1.0})
    return {"title": f"{district}地域づくり計画", "first_year": fiscal_year - 2,
            "last_year": fiscal_year + 2, "actions": actions, "indicators": indicators}


def _line(category: str, name: str, amount: int, kind: str = "line") -> dict:
    return {"category": category, "name": name, "level": 0, "kind": kind, "budget": amount,
            "revised": amount, "transfer": 0, "current": amount, "actual": amount}


def _split(fund: str, spent: int) -> list[tuple[str, str, int]]:
    parts = [(code, name, int(spent * share)) for code, name, share in EXPENSES[fund]]
    code, name, amount = parts[0]
    parts[0] = (code, name, amount + spent - sum(p[2] for p in parts))
    return parts


def _fund_budget(fund: str, grant: int, spent: int) -> dict:
    refund = grant - spent
    expense = [_line(code, name, amount) for code, name, amount in _split(fund, spent)]
    if refund:
        expense.append(_line("refund", "返還金", refund))
    return {"fund": fund, "fund_name": FUND_NAMES[fund], "carried_in": 0, "carried_out": 0,
            "income": [_line("grant", "交付金", grant)], "expense": expense,
            "income_total": _line("", "収入合計", grant, "total"),
            "expense_total": _line("", "支出合計", grant, "total")}


def _cash_book(rng: random.Random, grants: list[dict], spent: dict) -> dict:
    funds, categories = [], []
    for grant in grants:
        fund = grant["fund"]
        parts = _split(fund, spent[fund])
        refund = grant["in_force"] - spent[fund]
        funds.append({"fund": fund, "fund_name": FUND_NAMES[fund],
                      "count": rng.randint(80, 300), "income": grant["in_force"],
                      "expense": grant["in_force"]})
        categories.append({"fund": fund, "direction": "income", "category": "grant",
                           "name": "交付金", "amount": grant["in_force"]})
        categories += [{"fund": fund, "direction": "expense", "category": code, "name": name,
                        "amount": amount} for code, name, amount in parts]
        if refund:
            categories.append({"fund": fund, "direction": "expense", "category": "refund",
                               "name": "返還金", "amount": refund})
    return {"funds": funds, "categories": categories}


_FINDINGS = (
    ("warning", "missing_receipt", "領収書の添付がない支出", "領収書番号のない支出が 2 件あります。",
     "予算・出納 > 出納簿"),
    ("warning", "participants_vs_indicator", "参加者数と数値目標",
     "事業の参加者数と数値目標の実績値が一致しません。", "地域づくり計画 > 数値目標"),
    ("error", "results_vs_actual", "事業実績書と決算",
     "事業実績書の事業費の合計が収支決算書と一致しません。", "地域づくり計画 > 事業"),
)


def _review(rng: random.Random) -> list[dict]:
    found = [f for f in _FINDINGS if rng.random() < (0.08 if f[0] == "error" else 0.2)]
    return [{"severity": s, "rule": rule, "rule_name": name, "message": message, "where": where}
            for s, rule, name, message, where in found]
