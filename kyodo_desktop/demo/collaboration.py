"""Demo step 5b: 協働 on every demo 事業 — forms, partners with their 役割分担, and a 振り返り
for each event already held.

Partners come from the 事業's 連携団体 text (split at 「、」), their kind read from the name
(山口市…課 → 市の担当課, 小学校/中学校/大学 → 学校, NPO法人 → NPO, 組合/(有)/(株) → 事業者, else a
構成団体); each kind has a typical 役割 and 負担. A second form is added where it is natural
(施設提供 with a school, 情報提供・交換 with the city). The 振り返り marks lean to ◎ and ○ with a
few △ and a rare ×, each △/× with a comment. The marks draw from their own random stream (from
the demo's seed), so the steps after this one get the same figures as before it existed.
"""

from __future__ import annotations

import random

from kyodo_desktop.demo.common import TODAY, DemoContext

ROLES = {
    "city_department": ("講師派遣・資料提供・助言", "負担なし（職員派遣）"),
    "school": ("会場提供・児童生徒への呼びかけ", "負担なし"),
    "npo": ("企画・当日の運営", "運営費の一部を負担"),
    "business": ("協賛・物品提供", "協賛金・物品を負担"),
    "member_organization": ("参加者の呼びかけ・当日の運営", "負担なし（人手を提供）"),
    "other": ("当日の協力", "負担なし"),
}
COMMENTS = {
    "fair": ("事前の打合せが 1 回だけで、役割の確認が当日になった。", "情報の共有が遅れた場面があった。",
             "参加者の声を十分に集められなかった。"),
    "poor": ("実施後の振り返りの場を設けられなかった。",),
}


def partner_kind(name: str) -> str:
    """The kind of a partner read from its name (see the module doc)."""
    if name.startswith("山口市") and name.endswith("課"):
        return "city_department"
    if any(word in name for word in ("小学校", "中学校", "大学")) and "PTA" not in name:
        return "school"
    if name.startswith("NPO"):
        return "npo"
    if any(word in name for word in ("組合", "(有)", "(株)", "商店")):
        return "business"
    return "member_organization"


def build_collaboration(ctx: DemoContext) -> None:
    """Write the partner register and the 協働 of every 事業 of the demo council."""
    projects = ctx.db.execute(
        "SELECT id, collaboration_form, partners, coalesce(ends_on, starts_on) AS held "
        "FROM projects WHERE council_id = ? ORDER BY id", (ctx.council_id,)).fetchall()
    register: dict[str, int] = {}
    forms, links, reviews = [], [], []
    rng = random.Random(f"collaboration-{ctx.refs.get('seed', 0)}")
    for project_id, form, partners_text, held in projects:
        names = [n.strip() for n in (partners_text or "").split("、") if n.strip()]
        kinds = {partner_kind(n) for n in names}
        extra = ["facility"] if "school" in kinds else []
        extra += ["information"] if "city_department" in kinds and form != "information" else []
        forms += [{"project_id": project_id, "form": f}
                  for f in dict.fromkeys([form or "cooperation", *extra])]
        for name in names:
            if name not in register:
                register[name] = ctx.new_id("collaboration_partners")
            role, pays = ROLES[partner_kind(name)]
            links.append({"project_id": project_id, "partner_id": register[name], "role": role,
                          "pays": pays})
        if held and held <= TODAY.isoformat():
            reviews += _review(rng, project_id, held)
    ctx.insert("collaboration_partners", [
        {"id": pid, "council_id": ctx.council_id, "name": name, "kind": partner_kind(name),
         "notes": ""} for name, pid in register.items()])
    ctx.insert("project_collaboration_forms", forms)
    ctx.insert("project_partners", links)
    ctx.insert("project_reviews", reviews)


def _review(rng: random.Random, project_id: int, held: str) -> list[dict]:
    from kyodo_desktop.services.collaboration.terms import PRINCIPLES

    rows = []
    for principle in PRINCIPLES:
        score = rng.choices(("excellent", "good", "fair", "poor"), (35, 50, 13, 2))[0]
        comment = rng.choice(COMMENTS[score]) if score in COMMENTS else ""
        rows.append({"project_id": project_id, "principle": principle, "score": score,
                     "comment": comment, "reviewed_on": held})
    return rows
