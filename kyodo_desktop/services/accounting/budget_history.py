"""The budget's history: 補正予算 (numbered, dated) and 予算の流用 (dated), so every form prints
the budget as of its own date and a 備考 naming each 補正 and 流用 that made the 予算現額.

A 補正 (``budget_revisions``: 補正第N号, decided on a day) revises budget lines; the link of a
line to its 補正 is ``budget_line_revisions`` (migration 4). A line revised before that step has
no link: its 補正 has no known date and counts on every form except the application, which
prints the 当初予算 only. Writes run in ``store.transaction()`` with 変更履歴 entries; a closed
year refuses them (YearClosed).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kyodo_desktop.domain.accounting import EXPENSE
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import common
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.council import councils
from kyodo_desktop.store import Store, audit


@dataclass(frozen=True)
class Revision:
    """A 補正予算: ``number`` (補正第N号), ``decided_on`` and the ``reason``."""

    id: int
    number: int
    decided_on: date
    reason: str


@dataclass(frozen=True)
class HistoryItem:
    """One change of a budget line's 予算額: ``kind`` 'revision' (補正, ``number`` set) or
    'transfer_in' / 'transfer_out' (流用, ``other`` = the other 費目's name); ``day`` None for a
    補正 of unknown date; ``amount`` the change in 円 (+ raises, − lowers the line)."""

    kind: str
    day: date | None
    amount: int
    number: int | None = None
    other: str = ""


def list_revisions(store: Store, council_id: int, fiscal_year: int) -> list[Revision]:
    """The 補正 of a council-year in number order."""
    return [Revision(r["id"], r["number"], date.fromisoformat(r["decided_on"]), r["reason"])
            for r in store.query(
                "SELECT * FROM budget_revisions WHERE council_id = ? AND fiscal_year = ? "
                "ORDER BY number", (council_id, fiscal_year))]


def add_revision(store: Store, council_id: int, fiscal_year: int, decided_on: date,
                 reason: str = "", *, actor: str = "") -> tuple[int, Changes]:
    """Record the next 補正 (補正第N号, N = last + 1) decided on ``decided_on`` (within the 年度).
    Returns ``(revision id, Changes)``. Raises ValidationError (date), YearClosed, UserError."""
    councils.ensure_council(store, council_id)
    common.require_date_in_year(decided_on, fiscal_year, "decided_on")
    common.ensure_open(store, council_id, fiscal_year)
    number = 1 + (store.scalar(
        "SELECT max(number) FROM budget_revisions WHERE council_id = ? AND fiscal_year = ?",
        (council_id, fiscal_year)) or 0)
    with store.transaction() as db:
        revision_id = audit.insert_row(db, "budget_revisions", {
            "council_id": council_id, "fiscal_year": fiscal_year, "number": number,
            "decided_on": decided_on.isoformat(), "reason": reason.strip()}, actor)["id"]
    return revision_id, common.accounts_changed(council_id)


def link_line(store: Store, budget_line_id: int, revision_id: int | None, *,
              actor: str = "") -> None:
    """Tie a budget line's 補正後予算額 to the 補正 ``revision_id`` (None unties it). The line
    and the 補正 must belong to the same council-year (UserError otherwise); YearClosed."""
    line = store.query("SELECT council_id, fiscal_year FROM budget_lines WHERE id = ?",
                       (budget_line_id,))
    if not line:
        raise UserError(_("This budget line no longer exists."))
    if revision_id is not None and not store.scalar(
            "SELECT 1 FROM budget_revisions WHERE id = ? AND council_id = ? AND fiscal_year = ?",
            (revision_id, line[0]["council_id"], line[0]["fiscal_year"])):
        raise ValidationError(_("Choose a budget revision of the same fiscal year."),
                              field="revision_id")
    existing = store.query("SELECT * FROM budget_line_revisions WHERE budget_line_id = ?",
                           (budget_line_id,))
    with store.transaction() as db:
        if existing and revision_id is None:
            audit.delete_row(db, "budget_line_revisions", existing[0], actor)
        elif existing:
            audit.update_row(db, "budget_line_revisions", existing[0],
                             {"revision_id": revision_id}, actor)
        elif revision_id is not None:
            audit.insert_row(db, "budget_line_revisions", {
                "budget_line_id": budget_line_id, "revision_id": revision_id}, actor)


def line_revision_days(store: Store, council_id: int, fiscal_year: int
                       ) -> dict[tuple[str, str, str], tuple[str | None, date | None]]:
    """``{(fund, direction, category code): (補正第N号 or None, decided_on or None)}`` for every
    budget line with a 補正後予算額."""
    return {(r["fund_code"], r["direction"], r["code"]): (
        r["number"], None if r["decided_on"] is None else date.fromisoformat(r["decided_on"]))
        for r in store.query(
            "SELECT b.fund_code, b.direction, "
            "coalesce(b.income_category_code, b.expense_category_code) AS code, "
            "v.number, v.decided_on FROM budget_lines b "
            "LEFT JOIN budget_line_revisions l ON l.budget_line_id = b.id "
            "LEFT JOIN budget_revisions v ON v.id = l.revision_id "
            "WHERE b.council_id = ? AND b.fiscal_year = ? AND b.revised_budget IS NOT NULL",
            (council_id, fiscal_year))}


def in_force(day: date | None, as_of: date | None) -> bool:
    """Whether a change made on ``day`` (None: unknown) counts for a form dated ``as_of``
    (None: the whole year)."""
    return as_of is None or day is None or day <= as_of


def line_history(store: Store, council_id: int, fiscal_year: int,
                 as_of: date | None = None) -> dict[tuple[str, str, str], list[HistoryItem]]:
    """Per budget line ``(fund, direction, category code)`` the 補正 and 流用 in force on
    ``as_of`` (None: all), in date order (補正 of unknown date first)."""
    history: dict[tuple[str, str, str], list[HistoryItem]] = {}
    days = line_revision_days(store, council_id, fiscal_year)
    for r in store.query(
            "SELECT fund_code, direction, coalesce(income_category_code, expense_category_code) "
            "AS code, budget, revised_budget FROM budget_lines WHERE council_id = ? "
            "AND fiscal_year = ? AND revised_budget IS NOT NULL", (council_id, fiscal_year)):
        key = (r["fund_code"], r["direction"], r["code"])
        number, day = days.get(key, (None, None))
        if in_force(day, as_of):
            history.setdefault(key, []).append(HistoryItem(
                "revision", day, r["revised_budget"] - r["budget"], number))
    names = {c.code: c.name for c in common.expense_categories(store)}
    for t in store.query(
            "SELECT * FROM budget_transfers WHERE council_id = ? AND fiscal_year = ? "
            "ORDER BY transferred_on, id", (council_id, fiscal_year)):
        day = date.fromisoformat(t["transferred_on"])
        if not in_force(day, as_of):
            continue
        source, target = t["from_category_code"], t["to_category_code"]
        history.setdefault((t["fund_code"], EXPENSE, target), []).append(HistoryItem(
            "transfer_in", day, t["amount"], other=names.get(source, source)))
        history.setdefault((t["fund_code"], EXPENSE, source), []).append(HistoryItem(
            "transfer_out", day, -t["amount"], other=names.get(target, target)))
    for items in history.values():
        items.sort(key=lambda i: (i.day is not None, i.day or date.min))
    return history
