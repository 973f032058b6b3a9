"""Japanese display labels for the schema's codes, and the numbering of the plan (Ⅰ-(2)-③).

The codes are English snake_case in the database (m0001_initial.sql); what users see is the
domain term exactly as the glossary writes it. These are literal Japanese constants, not
translated messages. The dicts of the seeded lookup tables (funds, organization kinds, roles,
income / expense categories) copy the seeds of m0001_initial.sql so that code without a
database can label them; tests/domain/test_labels.py checks they stay equal.
"""

from __future__ import annotations

from collections.abc import Mapping

#: 年次計画 statuses (yearly_schedule.status).
SCHEDULE_STATUS_LABELS: dict[str, str] = {
    "study": "検討",
    "prepare": "準備",
    "implement": "実施",
    "continue": "継続",
    "revise": "見直し・実施",
    "complete": "完了",
}
#: The short marks of a 年次計画 table, where 継続 is drawn as an arrow.
SCHEDULE_STATUS_MARKS: dict[str, str] = {**SCHEDULE_STATUS_LABELS, "continue": "→",
                                         "revise": "見直し"}

#: 対象 of a 推進項目 (plan_action_targets.target).
PLAN_TARGET_LABELS: dict[str, str] = {
    "citizens": "市民",
    "community": "地域コミュニティ",
    "civic_groups": "市民活動団体",
    "businesses": "事業者",
    "schools": "教育機関",
    "government": "行政",
    "other": "その他",
}

#: 評価 kinds (evaluations.evaluator_kind).
EVALUATOR_KIND_LABELS: dict[str, str] = {
    "self": "自己評価",
    "mutual": "相互評価",
    "third_party": "第三者評価",
}

#: The default rating scale of an 評価 (evaluations.rating).
RATING_LABELS: dict[str, str] = {
    "A": "達成",
    "B": "概ね達成",
    "C": "一部未達",
    "D": "未着手",
}

#: 協働の形態 (projects.collaboration_form).
COLLABORATION_FORM_LABELS: dict[str, str] = {
    "co_hosting": "共催",
    "sponsorship": "後援",
    "executive_committee": "実行委員会",
    "adoption": "アドプト",
    "cooperation": "事業協力",
    "commissioning": "協働委託",
    "subsidy": "補助・助成",
    "proposal": "参画提案",
    "information": "情報提供",
}

#: 収入の部 / 支出の部 (budget_lines.direction, cash_book_entries.direction).
DIRECTION_LABELS: dict[str, str] = {"income": "収入", "expense": "支出"}

# Seeded lookup tables (m0001_initial.sql), in their sort_order. ------------------------------

#: 会計区分 (funds).
FUND_LABELS: dict[str, str] = {
    "operating_support": "運営支援",
    "activity_support": "活動支援",
    "own_funds": "自主財源",
}

#: 団体種別 (organization_kinds).
ORGANIZATION_KIND_LABELS: dict[str, str] = {
    "neighborhood_association": "自治会",
    "neighborhood_federation": "自治会連合会",
    "womens_association": "婦人会・女性会",
    "senior_club": "老人クラブ",
    "children_association": "子ども会",
    "pta": "PTA",
    "social_welfare_council": "地区社会福祉協議会",
    "welfare_commissioners": "民生委員児童委員協議会",
    "fire_brigade": "消防団",
    "sports_association": "体育協会",
    "npo": "NPO法人",
    "volunteer_group": "ボランティア団体",
    "business": "事業者",
    "school": "教育機関",
    "other": "その他",
}

#: 役職 (roles).
ROLE_LABELS: dict[str, str] = {
    "president": "会長",
    "vice_president": "副会長",
    "secretary_general": "事務局長",
    "treasurer": "会計",
    "auditor": "監事",
    "director": "理事",
    "chair": "部会長",
    "vice_chair": "副部会長",
    "member": "部員",
    "office_staff": "事務局員",
    "advisor": "顧問",
}

#: 収入の部 lines (income_categories).
INCOME_CATEGORY_LABELS: dict[str, str] = {
    "grant": "交付金",
    "membership_fees": "会費",
    "donations": "寄付金",
    "business_income": "事業収入",
    "miscellaneous_income": "雑収入",
    "carried_in": "前年度繰越金",
}

#: 費目 (expense_categories), parents before their children.
EXPENSE_CATEGORY_LABELS: dict[str, str] = {
    "remuneration": "報酬",
    "wages": "賃金",
    "honoraria": "報償費",
    "travel": "旅費",
    "supplies": "需用費",
    "consumables": "消耗品費",
    "fuel": "燃料費",
    "food": "食糧費",
    "printing": "印刷製本費",
    "utilities": "光熱水費",
    "repairs": "修繕料",
    "services": "役務費",
    "postage": "通信運搬費",
    "fees": "手数料",
    "insurance": "保険料",
    "commissions": "委託料",
    "rentals": "使用料及び賃借料",
    "construction": "工事請負費",
    "materials": "原材料費",
    "equipment": "備品購入費",
    "contributions": "負担金補助及び交付金",
}

#: The parent 費目 of each sub-category (消耗品費 → 需用費).
EXPENSE_CATEGORY_PARENTS: dict[str, str] = {
    **dict.fromkeys(("consumables", "fuel", "food", "printing", "utilities", "repairs"),
                    "supplies"),
    **dict.fromkeys(("postage", "fees", "insurance"), "services"),
}


def label_of(labels: Mapping[str, str], code: str | None) -> str:
    """The label of ``code`` in ``labels``; ``""`` for None or "", the code itself if unknown."""
    if not code:
        return ""
    return labels.get(code, code)


_GOAL_NUMERALS = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _require_position(n: int) -> None:
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise ValueError(f"a position starts at 1, not {n!r}")


def goal_numeral(n: int) -> str:
    """基本目標 number: 1 → 「Ⅰ」 … 10 → 「Ⅹ」, then Roman letters (11 → 「XI」).

    Raises ValueError for n < 1.
    """
    _require_position(n)
    if n <= len(_GOAL_NUMERALS):
        return _GOAL_NUMERALS[n - 1]
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def measure_numeral(n: int) -> str:
    """推進施策 number: 2 → 「(2)」. Raises ValueError for n < 1."""
    _require_position(n)
    return f"({n})"


def action_numeral(n: int) -> str:
    """推進項目 number: 1 → 「①」 … 20 → 「⑳」, then 「(21)」. Raises ValueError for n < 1."""
    _require_position(n)
    return chr(0x2460 + n - 1) if n <= 20 else f"({n})"


def action_code(goal: int, measure: int, action: int) -> str:
    """整理番号 of a 推進項目 from the positions: (1, 2, 3) → 「Ⅰ-(2)-③」.

    Raises ValueError for a position < 1.
    """
    return f"{goal_numeral(goal)}-{measure_numeral(measure)}-{action_numeral(action)}"
