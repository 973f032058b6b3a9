"""年度報告ファイル (annual return): one council's closed 年度, sealed, for the city.

:func:`build_return` gathers the sections (:mod:`.return_people`, :mod:`.return_plan`,
:mod:`.return_money`, the 提出前の点検 of :mod:`kyodo_desktop.services.review`) into one
document and seals it (:mod:`.seal`) with the hash of the 変更履歴 row that recorded the
年度締め. Layout (version 1)::

    {"format": "kyodo-desktop/annual-return", "version": 1,
     "manifest": {council, district, fiscal_year, closed_at, created_at, app_version,
                  source_file, sections: [...]},
     "content": {profile, organizations, roster, officers, plan, projects, collaboration,
                 budget, cash_book, grants, review, summary},
     "seal": {audit_head, sha256}}

``summary`` holds the figures the city's table shows, copied from the sections (totals of the
grants' own figures, never re-read from the 出納簿). No phone number, address or e-mail is in any
section. Raises UserError for an open year or a damaged 変更履歴.
"""

from __future__ import annotations

from datetime import datetime
from typing import TypedDict

from kyodo_desktop import __version__
from kyodo_desktop.domain import wareki
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting.year_close import close_row
from kyodo_desktop.services.city import return_money, return_people, return_plan, seal
from kyodo_desktop.services.city.seal import JSONObject
from kyodo_desktop.services.review.run import run_review
from kyodo_desktop.store import Store, audit, identity

SECTIONS = ("profile", "organizations", "roster", "officers", "plan", "projects",
            "collaboration", "budget", "cash_book", "grants", "review", "summary")
#: The suffix of a 年度報告ファイル.
SUFFIX = ".kyodo-return"


def closing_audit_head(store: Store, close: dict) -> str:
    """The hash of the newest 変更履歴 row of the ``year_closes`` row ``close`` (the 年度締め
    itself, or its baseline row for a file whose log started later). UserError when the log
    has no such row or the chain is broken."""
    problems = audit.verify_chain(store)
    if problems:
        raise UserError(_("The change history of this file is damaged, so the return cannot be "
                          "sealed: {problem} Run the file check (kyodo-desktop check).").format(
            problem=problems[0]))
    head = store.scalar("SELECT hash FROM audit_log WHERE table_name = 'year_closes' AND "
                        "row_key = ? ORDER BY id DESC LIMIT 1", (str(close["id"]),))
    if head is None:
        raise UserError(_("The year close is missing from the change history, so the return "
                          "cannot be sealed. Run the file check (kyodo-desktop check)."))
    return head


def build_return(store: Store, council_id: int, fiscal_year: int, *,
                 now: datetime | None = None) -> bytes:
    """The sealed bytes of the council-year's 年度報告ファイル (see the module docstring).

    Raises UserError when the 年度 is not closed (the message says how to close it) or the
    change history is damaged.
    """
    close = close_row(store, council_id, fiscal_year)
    if close is None:
        raise UserError(_("{fiscal_year} is not closed. A return to the city carries only final "
                          "figures: close the year in Budget and cash book (年度締め) first.")
                        .format(fiscal_year=wareki.format_fiscal_year(fiscal_year)))
    head = closing_audit_head(store, close)
    content = _content(store, council_id, fiscal_year)
    manifest = {
        "council": content["profile"]["name"], "district": content["profile"]["district"],
        "fiscal_year": fiscal_year, "closed_at": close["closed_at"],
        "created_at": (now or datetime.now()).isoformat(timespec="seconds"),
        "app_version": __version__, "source_file": identity.file_id(store.conn) or "",
        "sections": list(SECTIONS)}
    return seal.sealed({"format": seal.FORMAT, "version": seal.VERSION, "manifest": manifest,
                        "content": content}, head)


def _content(store: Store, council_id: int, fiscal_year: int) -> JSONObject:
    content = {
        "profile": return_people.profile_section(store, council_id),
        "organizations": return_people.organizations_section(store, council_id, fiscal_year),
        "roster": return_people.roster_section(store, council_id, fiscal_year),
        "officers": return_people.officers_section(store, council_id, fiscal_year),
        "plan": return_plan.plan_section(store, council_id, fiscal_year),
        "projects": return_plan.projects_section(store, council_id, fiscal_year),
        "collaboration": return_plan.collaboration_section(store, council_id, fiscal_year),
        "budget": return_money.budget_section(store, council_id, fiscal_year),
        "cash_book": return_money.cash_book_section(store, council_id, fiscal_year),
        "grants": return_money.grants_section(store, council_id, fiscal_year),
        "review": [{"severity": f.severity, "rule": f.rule, "rule_name": f.rule_name,
                    "message": f.message, "where": f.where}
                   for f in run_review(store, council_id, fiscal_year)],
    }
    content["summary"] = summary_of(content)
    return content


class ReturnSummary(TypedDict):
    """The city table's figures of one return (see :func:`summary_of`)."""

    decided_amount: int
    received: int
    eligible: int
    refund_amount: int
    execution_rate: float | None
    households: int | None
    member_households: int | None
    membership_rate: float | None
    projects: int
    indicators_judged: int
    indicators_achieved: int
    findings_errors: int
    findings_notes: int


def summary_of(content: JSONObject) -> ReturnSummary:
    """The city table's figures of a return's ``content`` (円, counts, ratios 0–1 or None):
    交付決定額 (in force), 交付済額, 対象経費, 返還額 summed over the grants; 執行率 = 対象経費 ÷
    交付決定額; 世帯数 / 加入世帯数 / 加入率 of the roster; 事業数; 数値目標 with a result
    for the year and how many were achieved; 点検 エラー / 注意 counts."""
    grants = content["grants"]
    decided = sum(g["in_force"] or 0 for g in grants)
    eligible = sum(g["eligible"] or 0 for g in grants)
    indicators = (content["plan"] or {}).get("indicators", [])
    judged = [i for i in indicators if i["achieved"] is not None]
    errors = sum(f["severity"] == "error" for f in content["review"])
    return ReturnSummary(**{
        "decided_amount": decided, "received": sum(g["received"] for g in grants),
        "eligible": eligible, "refund_amount": sum(g["refund_amount"] or 0 for g in grants),
        "execution_rate": eligible / decided if decided else None,
        "households": content["roster"]["households"],
        "member_households": content["roster"]["member_households"],
        "membership_rate": content["roster"]["membership_rate"],
        "projects": len(content["projects"]), "indicators_judged": len(judged),
        "indicators_achieved": sum(bool(i["achieved"]) for i in judged),
        "findings_errors": errors, "findings_notes": len(content["review"]) - errors})
