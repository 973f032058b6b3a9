"""The words of 協働 as the seeds use them: forms (形態), partner kinds, the principles a
振り返り scores and the four marks. Literal Japanese labels (like :mod:`kyodo_desktop.domain
.labels`); the codes are the schema's (migration 15).

Sources: seed 002 (東久留米市: 委託, 助成, 共催, 人的交流, 施設提供, 管理運営, 政策提言; 振り返り),
seed 003 (練馬区: partner kinds, 後援, 実行委員会, 事業協力, 情報提供・交換), seed 004 (信州: 委託,
負担金, 補助金, 共催, 協定), seed 000 (9 principles), the existing 事業 forms (アドプト, 参画提案).
"""

from __future__ import annotations

#: 協働の形態 (project_collaboration_forms.form), in the order lists show them.
FORMS: dict[str, str] = {
    "commissioning": "委託",
    "subsidy": "補助・助成",
    "co_hosting": "共催",
    "sponsorship": "後援",
    "executive_committee": "実行委員会",
    "cooperation": "事業協力",
    "information": "情報提供・交換",
    "personnel_exchange": "人的交流",
    "facility": "施設提供",
    "policy_proposal": "政策提言",
    "adoption": "アドプト",
    "proposal": "参画提案",
}

#: 協働の相手の種類 (collaboration_partners.kind).
PARTNER_KINDS: dict[str, str] = {
    "member_organization": "構成団体",
    "city_department": "市の担当課",
    "school": "学校",
    "business": "事業者",
    "npo": "NPO・市民活動団体",
    "other": "その他",
}

#: The principles a 振り返り scores (project_reviews.principle).
PRINCIPLES: dict[str, str] = {
    "equality": "対等",
    "mutual_understanding": "相互理解",
    "shared_purpose": "目的共有",
    "autonomy": "自主性・自立性の尊重",
    "transparency": "情報公開・透明性",
    "roles": "役割分担と責任",
    "evaluation": "評価",
}

#: The marks of a score (project_reviews.score), best first.
SCORES: dict[str, str] = {"excellent": "◎", "good": "○", "fair": "△", "poor": "×"}
