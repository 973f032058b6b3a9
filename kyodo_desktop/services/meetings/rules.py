"""規約 (the council's rules) with its revision history, and the 定足数 rule of each kind of
meeting the 規約 sets (stored as data, :class:`~kyodo_desktop.domain.meetings.QuorumRule`).

A revision is a dated full text (制定 or 改正 with a short 改正内容); the newest is in force.
Every write returns ``Changes.of(MEETINGS, council_id=…)``.
"""

from __future__ import annotations

from datetime import date

from kyodo_desktop.domain import meetings as dm
from kyodo_desktop.domain import wareki
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import MEETINGS, Changes
from kyodo_desktop.services.meetings.rows import RulesRevision
from kyodo_desktop.services.meetings.validate import clean_day, clean_text
from kyodo_desktop.store import Store

#: The longest 規約 text accepted (characters): a 規約 is a few pages, not a book.
MAX_RULES_CHARS = 50_000


def revisions(store: Store, council_id: int) -> list[RulesRevision]:
    """The 規約's revisions, oldest first: ``id, revised_on`` (date), ``summary, body``."""
    rows = store.query("SELECT id, revised_on, summary, body FROM council_rules "
                       "WHERE council_id = ? ORDER BY revised_on, id", (council_id,))
    return [{**r, "revised_on": date.fromisoformat(r["revised_on"])} for r in rows]


def rules_in_force(store: Store, council_id: int,
                   on: date | None = None) -> RulesRevision | None:
    """The revision in force on ``on`` (default: the newest), or None when none is stored."""
    found = [r for r in revisions(store, council_id) if on is None or r["revised_on"] <= on]
    return found[-1] if found else None


def add_revision(store: Store, council_id: int, revised_on: object, body: object,
                 summary: object = "") -> tuple[int, Changes]:
    """Store a revision of the 規約 (full text) dated ``revised_on`` (date or text such as
    R7.4.27). Returns ``(id, Changes)``. Raises ValidationError (no text, text too long, bad
    date, a revision on that day already stored)."""
    day = clean_day(revised_on, "revised_on", _("Enter the date of the revision."))
    text = clean_text(body, MAX_RULES_CHARS)
    if not text.strip():
        raise ValidationError(_("Enter the text of the rules (規約)."), field="body")
    if store.scalar("SELECT 1 FROM council_rules WHERE council_id = ? AND revised_on = ?",
                    (council_id, day.isoformat())):
        raise ValidationError(_("A revision of the rules dated {date} is already stored. Edit "
                                "that one instead.").format(date=wareki.format_wareki(day)),
                              field="revised_on")
    with store.transaction() as db:
        new_id = db["council_rules"].insert({
            "council_id": council_id, "revised_on": day.isoformat(),
            "summary": clean_text(summary, 200), "body": text}).last_pk
    return new_id, Changes.of(MEETINGS, council_id=council_id)


def quorum_rule(store: Store, council_id: int, meeting_kind: str) -> dm.QuorumRule:
    """The 定足数 rule of ``meeting_kind`` (a meetings.kind or a rule kind); the default
    「構成員の過半数（委任状を含む）」 when the council has not set one."""
    rule_kind = dm.RULE_KIND.get(meeting_kind, meeting_kind)
    rows = store.query("SELECT * FROM quorum_rules WHERE council_id = ? AND meeting_kind = ?",
                       (council_id, rule_kind))
    if not rows:
        return dm.DEFAULT_RULE
    r = rows[0]
    return dm.QuorumRule(r["numerator"], r["denominator"], bool(r["strict"]),
                         bool(r["count_proxies"]), r["source"])


def set_quorum_rule(store: Store, council_id: int, rule_kind: str,
                    rule: dm.QuorumRule) -> Changes:
    """Set the 定足数 rule of ``rule_kind`` ('general', 'board' …). Raises ValidationError
    for a fraction that is not between 1/100 and 1."""
    if rule_kind not in dm.RULE_KIND_LABELS:
        raise ValueError(f"unknown rule kind {rule_kind!r}")
    if not (1 <= rule.numerator <= rule.denominator <= 100):
        raise ValidationError(_("The quorum must be a fraction of the members between 1/100 "
                                "and all of them (for example 1/2)."), field="quorum")
    with store.transaction() as db:
        db["quorum_rules"].upsert({
            "council_id": council_id, "meeting_kind": rule_kind,
            "numerator": rule.numerator, "denominator": rule.denominator,
            "strict": int(rule.strict), "count_proxies": int(rule.count_proxies),
            "source": clean_text(rule.source, 100)}, pk=("council_id", "meeting_kind"))
    return Changes.of(MEETINGS, council_id=council_id)
