"""今年度の流れ (the year's path): the yearly steps of a council in the order the city's
要綱 and the council's 規約 put them, each with its state read from the records.

Order (seed 001 chapter 4, the city's 交付要綱): 役員の引継ぎ → 予算 → 事業計画 → 交付申請 →
交付決定 → 交付請求・概算払 → 記帳 → 補正・流用 → 監査 → 実績報告 → 精算・返還 → 年度締め →
手引きの印刷. A step is 済 (``done``) when the records show it, 対象外 (``not_needed``) when the
year does not need it (補正・流用 that never happened), 今やること (``now``) when every step it
waits for is 済 or 対象外 and its time has come, else まだ (``later``).

:func:`year_steps` is read by the 今年度の流れ page, ``kyodo-desktop status`` and the user guide.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from kyodo_desktop.domain.wareki import fiscal_year_end, fiscal_year_start
from kyodo_desktop.i18n import N_
from kyodo_desktop.store import Store

DONE, NOW, LATER, NOT_NEEDED = "done", "now", "later", "not_needed"

#: The Japanese label of each state (msgids marked here, translated where shown).
STATE_LABELS = {DONE: N_("Done"), NOW: N_("To do now"), LATER: N_("Not yet"),
                NOT_NEEDED: N_("Not needed")}


@dataclass(frozen=True)
class YearStep:
    """One step of the year: ``key``; ``title`` and ``missing`` are English msgids (translate
    with ``_()`` where shown; ``missing`` may hold ``{placeholders}`` filled from
    ``missing_values``); ``state`` one of done/now/later/not_needed; ``done_on`` the date the
    records show it was done (None when unknown or not done); ``area`` the sidebar area and
    ``tab`` the tab (English msgid, or "") where it is done."""

    number: int
    key: str
    title: str
    state: str
    done_on: date | None
    missing: str
    area: str
    tab: str = ""


@dataclass(frozen=True)
class _Facts:
    """What the records say of one council-year (all dates ISO strings or None). A step's date is
    the day it became complete: the last 申請日 / 決定日 of the year's grants, the day the last of
    them received its first payment (``all_first_paid_on``)."""

    president: bool
    handover_on: str | None
    budget_lines: int
    projects: int
    grants: int
    applied: int
    applied_on: str | None
    decided: int
    decided_on: str | None
    paid_grants: int
    all_first_paid_on: str | None
    entries: int
    last_entry_on: str | None
    revisions_on: str | None
    audited_on: str | None
    reported: int
    reported_on: str | None
    settled: int
    settled_on: str | None
    closed_on: str | None
    handbook_printed_on: str | None


def _facts(store: Store, council_id: int, fiscal_year: int) -> _Facts:
    first, last = fiscal_year_start(fiscal_year).isoformat(), fiscal_year_end(fiscal_year).isoformat()
    args = (council_id, fiscal_year)
    one = store.conn.execute

    def value(sql: str, params=args):
        return one(sql, params).fetchone()[0]

    grants = one("SELECT count(*), count(applied_on), max(applied_on), count(decided_on), "
                 "max(decided_on), count(reported_on), max(reported_on), "
                 "sum(settled_on IS NOT NULL AND (coalesce(refund_amount, 0) = 0 "
                 "OR refunded_on IS NOT NULL)), max(coalesce(refunded_on, settled_on)) "
                 "FROM grants WHERE council_id = ? AND fiscal_year = ?", args).fetchone()
    # each grant's first payment; the step is complete on the last of those days
    paid = one("SELECT count(*), max(first_paid) FROM (SELECT min(p.paid_on) AS first_paid "
               "FROM grants AS g JOIN grant_payments AS p ON p.grant_id = g.id "
               "WHERE g.council_id = ? AND g.fiscal_year = ? AND p.paid_on IS NOT NULL "
               "GROUP BY g.id)", args).fetchone()
    revisions = max(filter(None, [
        value("SELECT max(transferred_on) FROM budget_transfers WHERE council_id = ? AND "
              "fiscal_year = ?"),
        value("SELECT max(decided_on) FROM budget_revisions WHERE council_id = ? AND "
              "fiscal_year = ?")]), default=None)
    return _Facts(
        president=bool(value(
            "SELECT count(*) FROM officer_terms WHERE council_id = ? AND role = 'president' AND "
            "starts_on <= ? AND (ends_on IS NULL OR ends_on >= ?)", (council_id, last, first))),
        handover_on=value("SELECT max(starts_on) FROM officer_terms WHERE council_id = ? AND "
                          "starts_on BETWEEN ? AND ?", (council_id, first, last)),
        budget_lines=value("SELECT count(*) FROM budget_lines WHERE council_id = ? AND "
                           "fiscal_year = ? AND budget > 0"),
        projects=value("SELECT count(*) FROM projects WHERE council_id = ? AND fiscal_year = ?"),
        grants=grants[0], applied=grants[1], applied_on=grants[2], decided=grants[3],
        decided_on=grants[4], reported=grants[5], reported_on=grants[6],
        settled=grants[7] or 0, settled_on=grants[8],
        paid_grants=paid[0], all_first_paid_on=paid[1],
        entries=value("SELECT count(*) FROM cash_book_entries WHERE council_id = ? AND "
                      "fiscal_year = ?"),
        last_entry_on=value("SELECT max(entry_date) FROM cash_book_entries WHERE "
                            "council_id = ? AND fiscal_year = ?"),
        revisions_on=revisions,
        audited_on=value("SELECT audited_on FROM audits WHERE council_id = ? AND "
                         "fiscal_year = ?") if value(
            "SELECT count(*) FROM audits WHERE council_id = ? AND fiscal_year = ?") else None,
        closed_on=value("SELECT max(substr(closed_at, 1, 10)) FROM year_closes WHERE "
                        "council_id = ? AND fiscal_year = ? AND reopened_at IS NULL"),
        handbook_printed_on=value("SELECT max(done_on) FROM year_step_marks WHERE "
                                  "council_id = ? AND fiscal_year = ? AND step = 'handbook'"),
    )


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


#: (key, title msgid, area, tab msgid, the steps it waits for, whether the year must be over)
_ORDER: tuple[tuple[str, str, str, str, tuple[str, ...], bool], ...] = (
    ("officers", N_("Officer handover"), "roster", N_("Officers and terms"), (), False),
    ("budget", N_("Budget"), "accounts", N_("Budget"), (), False),
    ("projects", N_("Project plan"), "plan", N_("Projects"), ("budget",), False),
    ("application", N_("Grant application"), "accounts", N_("Grants"),
     ("budget", "projects"), False),
    ("decision", N_("Grant decision"), "accounts", N_("Grants"), ("application",), False),
    ("payments", N_("Grant request and advance payment"), "accounts", N_("Grants"),
     ("decision",), False),
    ("bookkeeping", N_("Bookkeeping"), "accounts", N_("Cash book"), ("budget",), False),
    ("revisions", N_("Budget revision and transfer"), "accounts", N_("Budget"), (), False),
    ("audit", N_("Audit"), "reports", "", ("bookkeeping",), True),
    ("report", N_("Performance report"), "reports", "", ("audit",), True),
    ("settlement", N_("Settlement and refund"), "accounts", N_("Grants"), ("report",), True),
    ("close", N_("Year-end close"), "accounts", N_("Cash book"), ("settlement",), True),
    ("handbook", N_("Printing the handbook"), "handbook", "", ("officers",), False),
)


def _done(facts: _Facts, year_over: bool) -> dict[str, tuple[bool, str | None, str]]:
    """Per step: (done, the ISO date it was done, what is missing as an English msgid)."""
    all_grants = facts.grants > 0
    return {
        "officers": (facts.president, facts.handover_on,
                     N_("No 会長 is registered for this year.")),
        "budget": (facts.budget_lines > 0, None, N_("No budget has been entered for this year.")),
        "projects": (facts.projects > 0, None,
                     N_("No project (事業) has been entered for this year. Enter them under "
                        "Community plan › Projects before printing the application.")),
        "application": (all_grants and facts.applied == facts.grants, facts.applied_on,
                        N_("The grant application (申請日) has not been recorded.")),
        "decision": (all_grants and facts.decided == facts.grants, facts.decided_on,
                     N_("The grant decision (交付決定) has not been recorded.")),
        "payments": (all_grants and facts.paid_grants == facts.grants, facts.all_first_paid_on,
                     N_("No payment of the grant has been received yet.")),
        "bookkeeping": ((facts.entries > 0 and year_over) or facts.closed_on is not None,
                        facts.last_entry_on,
                        N_("Enter every receipt and payment until the end of the year.")),
        "revisions": (facts.revisions_on is not None, facts.revisions_on, ""),
        "audit": (facts.audited_on is not None, facts.audited_on,
                  N_("The audit (監査) has not been recorded.")),
        "report": (all_grants and facts.reported == facts.grants, facts.reported_on,
                   N_("The performance report (実績報告) has not been recorded.")),
        "settlement": (all_grants and facts.settled == facts.grants, facts.settled_on,
                       N_("The settlement (精算) or the refund has not been recorded.")),
        "close": (facts.closed_on is not None, facts.closed_on,
                  N_("The year has not been closed.")),
        "handbook": (facts.handbook_printed_on is not None, facts.handbook_printed_on,
                     N_("The handbook for this year has not been printed.")),
    }


def year_steps(store: Store, council_id: int, fiscal_year: int, *,
               today: Callable[[], date] = date.today) -> list[YearStep]:
    """The 13 steps of ``fiscal_year`` (年度) for ``council_id`` in order, with their states.

    ``today`` decides whether the year is over (steps after the year's end wait until then).
    """
    facts = _facts(store, council_id, fiscal_year)
    year_over = today() > fiscal_year_end(fiscal_year)
    done = _done(facts, year_over)
    states: dict[str, str] = {}
    steps = []
    for number, (key, title, area, tab, waits_for, after_year) in enumerate(_ORDER, start=1):
        is_done, on, missing = done[key]
        if is_done:
            state = DONE
        elif key == "revisions":
            state = NOT_NEEDED
        elif all(states[w] in (DONE, NOT_NEEDED) for w in waits_for) and (
                year_over or not after_year):
            state = NOW
        else:
            state = LATER
        states[key] = state
        steps.append(YearStep(number, key, title, state, _day(on) if is_done else None,
                              "" if state in (DONE, NOT_NEEDED) else missing, area, tab))
    return steps


def next_steps(steps: list[YearStep]) -> list[YearStep]:
    """The steps to do now (今やること), in order."""
    return [step for step in steps if step.state == NOW]


def mark_step_done(store: Store, council_id: int, fiscal_year: int, step: str,
                   done_on: date) -> None:
    """Record that ``step`` was done on ``done_on`` where the records cannot show it (e.g.
    ``"handbook"`` when the handbook is printed); the latest mark wins."""
    with store.transaction() as db:
        db.execute("INSERT INTO year_step_marks (council_id, fiscal_year, step, done_on) "
                   "VALUES (?, ?, ?, ?) ON CONFLICT (council_id, fiscal_year, step) DO UPDATE "
                   "SET done_on = excluded.done_on",
                   (council_id, fiscal_year, step, done_on.isoformat()))


#: Report kinds (reports/registry.py names) whose final print completes a step of the year.
PRINTED_STEPS = {"handbook": "handbook"}


def record_print(store: Store, kind_name: str, council_id: int, fiscal_year: int | None, *,
                 draft: bool, today: Callable[[], date] = date.today) -> bool:
    """After a form was printed or saved: mark the step it completes (a final print only, never
    a draft or a preview); True when a step was marked."""
    step = PRINTED_STEPS.get(kind_name)
    if step is None or draft or fiscal_year is None:
        return False
    mark_step_done(store, council_id, fiscal_year, step, today())
    return True


#: The sidebar areas' titles (the same msgids as ui/areas.py), for saying where a step is done
#: outside the window (``kyodo-desktop status``, the user guide).
AREA_TITLES = {"council": N_("Council"), "roster": N_("Member groups and officers"),
               "plan": N_("Community plan"), "accounts": N_("Budget and cash book"),
               "reports": N_("Print forms"), "handbook": N_("Handbook")}
