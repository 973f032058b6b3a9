"""Demo step 8: 湯田's personal data register — every person's answers to the 利用目的 (most
agree to 名簿掲載 and 連絡網 on the day of their 同意書; a few refuse 写真の広報掲載), ten
避難行動要支援者 of whom three have not agreed to the list, the council's 保存期間 rule, three
people who left (one deleted after its 保存期間 last spring, one past it and offered for
deletion, one within it), three 提供記録 of 2026 and the 班 of some 自治会.

Written through services/privacy (so the demo passes their checks); deterministic through
``ctx.rng`` over people in id order.
"""

from __future__ import annotations

from datetime import date, datetime, time

from kyodo_desktop.demo.common import TODAY, DemoContext
from kyodo_desktop.io.roster_export import people_with_contacts
from kyodo_desktop.services.handbook.build import contact_people
from kyodo_desktop.services.privacy.evacuation import evacuation_list
from kyodo_desktop.services.privacy.provisions import ProvisionAnswer, record_provision
from kyodo_desktop.services.privacy.register import save_person_privacy
from kyodo_desktop.services.privacy.retention import delete_departed, set_retention_rule
from kyodo_desktop.services.roster.han import set_han_count
from kyodo_desktop.services.roster.people import create_person

#: When the people handed in their 同意書 (the 総会 of 2025, or when they joined later).
FORM_DAY = date(2025, 4, 27)
SUPPORT_NEEDED = 10
SUPPORT_WITHOUT_CONSENT = 3
RULE_SOURCE = "湯田地域づくり協議会 個人情報取扱規程第8条（個人情報保護法第22条）"
#: Former 部員 who left (fictional), without 任期 so their deletion leaves the history whole.
FORMER = (
    {"name": "大村 昭", "name_kana": "おおむら あきら", "postal_code": "753-0056",
     "address": "山口市湯田温泉四丁目3-8", "phone": "083-923-4417"},
    {"name": "小野 和子", "name_kana": "おの かずこ", "postal_code": "753-0064",
     "address": "山口市神田町5-11", "phone": "083-924-1180"},
    {"name": "西村 健一", "name_kana": "にしむら けんいち", "postal_code": "753-0062",
     "address": "山口市湯田温泉二丁目6-2", "phone": "083-925-7731"},
)
#: 班 of the first 自治会 (by id); the others keep the one-per-10-households rule.
HAN = (12, 8, 15, 6, 10, 9)


def build_privacy(ctx: DemoContext) -> None:
    """Write the register and the 提供記録 of the demo council."""
    people = [r["id"] for r in ctx.store.query(
        "SELECT id FROM people WHERE council_id = ? ORDER BY id", (ctx.council_id,))]
    busy = {r["person_id"] for r in ctx.store.query(
        "SELECT DISTINCT person_id FROM officer_terms WHERE ends_on IS NULL OR ends_on >= ?",
        (TODAY.isoformat(),))}
    free = [p for p in people if p not in busy]
    leaving = [create_person(ctx.store, ctx.council_id, person)[0] for person in FORMER]
    ctx.counts["people"] = int(ctx.counts["people"]) + len(leaving)
    supported = ctx.rng.sample(free, min(SUPPORT_NEEDED, len(free)))
    refused = set(supported[:SUPPORT_WITHOUT_CONSENT])
    for person in people:
        photo = ctx.rng.random() > 0.12
        consents = {"roster": {"agreed": True, "recorded_on": FORM_DAY},
                    "contact_network": {"agreed": True, "recorded_on": FORM_DAY},
                    "photo_publicity": {"agreed": photo, "recorded_on": FORM_DAY}}
        values: dict = {"consents": consents}
        if person in supported:
            values["needs_evacuation_support"] = True
            if person not in refused:
                consents["evacuation_support"] = {"agreed": True, "recorded_on": FORM_DAY}
        save_person_privacy(ctx.store, person, values, today=TODAY)
    set_retention_rule(ctx.store, ctx.council_id, 3, RULE_SOURCE)
    _departures(ctx, leaving)
    _provisions(ctx)
    _han(ctx)


def _departures(ctx: DemoContext, people: list[int]) -> None:
    for person, reason, day in zip(people, ("died", "moved", "withdrew"),
                                   (date(2020, 2, 29), date(2021, 3, 31), date(2025, 9, 30)),
                                   strict=False):
        save_person_privacy(ctx.store, person, {"left_reason": reason, "left_on": day},
                            today=TODAY)
    deleted = date(2026, 5, 1)
    delete_departed(ctx.store, ctx.council_id, people[:1], deleted_by="事務局　田中",
                    today=deleted, at=datetime.combine(deleted, time(10)))
    ctx.counts["people"] = int(ctx.counts["people"]) - 1


def _han(ctx: DemoContext) -> None:
    associations = [r["id"] for r in ctx.store.query(
        "SELECT id FROM member_organizations WHERE council_id = ? "
        "AND kind = 'neighborhood_association' ORDER BY id", (ctx.council_id,))]
    for organization, han in zip(associations, HAN, strict=False):
        set_han_count(ctx.store, organization, han)


def _provisions(ctx: DemoContext) -> None:
    store, council = ctx.store, ctx.council_id
    listed = len(evacuation_list(store, council).people)
    handbook = contact_people(store, council, 2026, "staff", today=date(2026, 5, 15))
    presidents = people_with_contacts(store, council, 2026, "presidents")
    records = [
        ("handbook", "自治会活動の手引き（事務局用）", handbook, date(2026, 5, 15), "各自治会長",
         "自治会長間の連絡と手引きの配布"),
        ("evacuation-support", "避難行動要支援者名簿（提供用）", listed, date(2026, 6, 12),
         "湯田地区自主防災連合会", "災害時の避難支援・個別避難計画づくり"),
        ("presidents", "自治会長名簿", presidents, date(2026, 7, 1), "山口市協働推進課",
         "自治会長名簿の提出（地域づくり交付金の手続き）")]
    for kind, document, people, day, recipient, purpose in records:
        record_provision(ctx.store, ctx.council_id, kind=kind, document=document, people=people,
                         answer=ProvisionAnswer(recipient, purpose, "事務局　田中"), on=day,
                         at=datetime.combine(day, time(10)))
