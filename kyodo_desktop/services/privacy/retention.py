"""保存期間 of people who left (退会・死亡・転出) and their deletion.

The council keeps a person who left for ``keep_years`` years after the day they left (its rule,
stored with the rule's source in ``retention_rules``; default :data:`terms.DEFAULT_KEEP_YEARS`
years, source :data:`terms.DEFAULT_RULE_SOURCE`), then the app offers them for deletion
(個人情報保護法 第22条: personal data no longer needed is to be erased without delay). A deletion
removes the person with their 任期 and register entries (minutes keep the name as written on the
day) and writes a ``personal_data_deletions`` row (when, how many, the rule, by whom; no names);
it is one undo step like every write.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from kyodo_desktop.domain import text
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import ROSTER, Changes
from kyodo_desktop.services.privacy.register import register_rows
from kyodo_desktop.services.privacy.rows import Deletion, RegisterRow
from kyodo_desktop.services.privacy.terms import DEFAULT_KEEP_YEARS, DEFAULT_RULE_SOURCE
from kyodo_desktop.services.roster.validate import clean_count
from kyodo_desktop.store import Store

MAX_KEEP_YEARS = 30


@dataclass(frozen=True)
class RetentionRule:
    """The council's 保存期間 for people who left: years and where the rule comes from;
    ``is_default`` when the council has not set its own."""

    keep_years: int
    source: str
    is_default: bool

    def describe(self) -> str:
        """「退会等の日から3年（根拠: …）」 as printed and shown."""
        return f"退会等の日から{self.keep_years}年（根拠：{self.source}）"


def retention_rule(store: Store, council_id: int) -> RetentionRule:
    """The council's rule, or the default one."""
    rows = store.query("SELECT keep_years, source FROM retention_rules WHERE council_id = ?",
                       (council_id,))
    if not rows:
        return RetentionRule(DEFAULT_KEEP_YEARS, DEFAULT_RULE_SOURCE, True)
    return RetentionRule(rows[0]["keep_years"], rows[0]["source"], False)


def set_retention_rule(store: Store, council_id: int, keep_years: object,
                       source: object) -> Changes:
    """Store the council's rule: ``keep_years`` 1–30 (「３」「3年」 accepted) and its source
    (required, e.g. 「個人情報取扱規程第8条」). Raises ValidationError (keep_years, source)."""
    years = clean_count(str(keep_years).replace("年", "") if keep_years is not None else None,
                        "keep_years")
    if years is None or not 1 <= years <= MAX_KEEP_YEARS:
        raise ValidationError(_("Enter the number of years to keep, 1 to {most}.").format(
            most=MAX_KEEP_YEARS), field="keep_years")
    cleaned = text.normalize("" if source is None else str(source))
    if not cleaned or len(cleaned) > 300:
        raise ValidationError(_("Enter where the rule comes from (for example the council's "
                                "rules on personal data)."), field="source")
    with store.transaction() as db:
        db["retention_rules"].upsert({"council_id": council_id, "keep_years": years,
                                      "source": cleaned}, pk="council_id")
    return Changes.of(ROSTER, council_id=council_id)


def departed_people(store: Store, council_id: int) -> list[RegisterRow]:
    """The people who left, with ``keep_until`` by the council's rule, in 五十音順."""
    rule = retention_rule(store, council_id)
    return [r for r in register_rows(store, council_id, rule.keep_years) if r["left_on"]]


def due_for_deletion(store: Store, council_id: int, *,
                     today: date | None = None) -> list[RegisterRow]:
    """The people whose 保存期間 has ended before ``today`` (offered for deletion)."""
    today = today or date.today()
    return [r for r in departed_people(store, council_id)
            if r["keep_until"] is not None and r["keep_until"] < today]


def delete_departed(store: Store, council_id: int, person_ids: list[int], *,
                    deleted_by: str = "", today: date | None = None,
                    at: datetime | None = None) -> Changes:
    """Delete the given people whose 保存期間 has ended before ``today`` (see the module doc);
    ``at`` is logged as the moment (now). Raises UserError naming no one when a person is not
    (or no longer) due — nothing is deleted then."""
    due = {r["person_id"] for r in due_for_deletion(store, council_id, today=today)}
    chosen = sorted(set(person_ids))
    if not chosen:
        raise UserError(_("Choose the people to delete."))
    if not set(chosen) <= due:
        raise UserError(_("Some of the chosen people are still within the retention period "
                          "or no longer exist; nothing was deleted."))
    rule = retention_rule(store, council_id)
    marks = ", ".join("?" for _ in chosen)
    with store.transaction() as db:
        db.execute(f"DELETE FROM officer_terms WHERE person_id IN ({marks})", chosen)
        db.execute(f"DELETE FROM people WHERE id IN ({marks})", chosen)
        db["personal_data_deletions"].insert({
            "council_id": council_id, "deleted_at": (at or datetime.now()).isoformat(timespec="seconds"),
            "people": len(chosen), "rule": rule.describe(),
            "deleted_by": text.normalize(deleted_by)[:200]})
    return Changes.of(ROSTER, council_id=council_id)


def deletions(store: Store, council_id: int) -> list[Deletion]:
    """The council's deletions of people who left, oldest first (``deleted_at`` ISO time)."""
    return store.query("SELECT id, deleted_at, people, rule, deleted_by FROM "
                       "personal_data_deletions WHERE council_id = ? ORDER BY deleted_at, id",
                       (council_id,))
