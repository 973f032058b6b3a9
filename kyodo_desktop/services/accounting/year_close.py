"""年度締め (year close) and its explicit, logged reopening.

:func:`close_year` runs every check (errors block, warnings are returned), computes 次年度繰越金
per fund = 前年度繰越金 + 収入 − 支出, writes them as the next 年度's 前年度繰越金 (source
'year_close'), and records the ``year_closes`` row that locks the year (store triggers, migration
2). :func:`reopen_year` lifts the lock with a reason; both are in the 変更履歴.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.accounting import Finding
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import accounts, common, figures
from kyodo_desktop.services.accounting.checks import year_findings
from kyodo_desktop.services.accounting.rows import YearCloseRow
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.council import councils
from kyodo_desktop.store import Store, audit


class EmptyYear(UserError):
    """The year has no 出納簿 entry: closing it is most likely a mistake (the wrong 年度 chosen).
    Ask the user, then call :func:`close_year` again with ``allow_empty=True``."""


class YearCloseBlocked(UserError):
    """The checks found errors; ``findings`` lists them all (errors first)."""

    def __init__(self, message: str, findings: list[Finding]) -> None:
        super().__init__(message)
        self.findings = findings


@dataclass(frozen=True)
class CloseResult:
    """A done 年度締め: ``carried_out`` {fund: 次年度繰越金 円}, the ``warnings`` that remain,
    ``replaced`` {fund: (old, new)} where a different 前年度繰越金 of the next year was
    overwritten, and ``changes``."""

    carried_out: dict[str, int]
    warnings: list[Finding]
    replaced: dict[str, tuple[int, int]]
    changes: Changes


def close_row(store: Store, council_id: int, fiscal_year: int) -> YearCloseRow | None:
    """The close in force of a council-year (``carried_out`` as a dict), or None when open."""
    rows = store.query("SELECT * FROM year_closes WHERE council_id = ? AND fiscal_year = ? "
                       "AND reopened_at IS NULL", (council_id, fiscal_year))
    if not rows:
        return None
    row = rows[0]
    row["carried_out"] = json.loads(row["carried_out"])
    return row


def close_year(store: Store, council_id: int, fiscal_year: int, *, closed_by: str = "",
               actor: str = "", allow_empty: bool = False) -> CloseResult:
    """Close 年度 ``fiscal_year`` of a council (see module docstring).

    Years close in order: an earlier year that was reopened must be closed again first (its
    corrections change this year's 前年度繰越金). Raises YearCloseBlocked when a check reports an
    error (nothing written), EmptyYear when the year has no 出納簿 entry and ``allow_empty`` is
    False, UserError when the year is already closed, the next year is closed or an earlier
    year is reopened; YearClosed never for this year.
    """
    councils.ensure_council(store, council_id)
    label = wareki.format_fiscal_year(fiscal_year)
    if common.is_closed(store, council_id, fiscal_year):
        raise UserError(_("{fiscal_year} is already closed.").format(fiscal_year=label))
    if common.is_closed(store, council_id, fiscal_year + 1):
        raise UserError(_("The following fiscal year is already closed; reopen it before "
                          "closing {fiscal_year}.").format(fiscal_year=label))
    _refuse_reopened_earlier(store, council_id, fiscal_year, label)
    if not allow_empty and not store.scalar(
            "SELECT 1 FROM cash_book_entries WHERE council_id = ? AND fiscal_year = ? LIMIT 1",
            (council_id, fiscal_year)):
        raise EmptyYear(_("{fiscal_year} has no cash book entries. Is this the right fiscal "
                          "year? Close it anyway only if the council had no income or "
                          "expenses that year.").format(fiscal_year=label))
    findings = year_findings(store, council_id, fiscal_year)
    errors = [f for f in findings if f.is_error]
    if errors:
        raise YearCloseBlocked(_("{fiscal_year} cannot be closed: the check found {count} "
                                 "problems to fix first.").format(fiscal_year=label,
                                                                 count=len(errors)), findings)
    carried_out = figures.fund_balances(store, council_id, fiscal_year)
    replaced = _write_close(store, council_id, fiscal_year, carried_out, closed_by, actor)
    return CloseResult(carried_out, findings, replaced, common.accounts_changed(council_id))


def reopened_years(store: Store, council_id: int) -> list[int]:
    """The 年度 of the council that were closed, then reopened and are not closed again."""
    return [r["fiscal_year"] for r in store.query(
        "SELECT DISTINCT fiscal_year FROM year_closes y WHERE council_id = ? "
        "AND reopened_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM year_closes c "
        "WHERE c.council_id = y.council_id AND c.fiscal_year = y.fiscal_year "
        "AND c.reopened_at IS NULL) ORDER BY fiscal_year", (council_id,))]


def _refuse_reopened_earlier(store: Store, council_id: int, fiscal_year: int,
                             label: str) -> None:
    earlier = [y for y in reopened_years(store, council_id) if y < fiscal_year]
    if earlier:
        raise UserError(_("{earlier} was reopened and is not closed again. Close it first: its "
                          "corrections change the carry-over into {fiscal_year}.").format(
            earlier=wareki.format_fiscal_year(earlier[0]), fiscal_year=label))


def printable_reason(reason: str) -> str:
    """The reason for reopening, trimmed (full-width spaces too). Raises ValidationError
    (``field="reason"``) when it is blank or holds control, format or other unprintable
    characters (NUL, ESC, BEL, zero-width space …): it is printed in the 変更履歴."""
    text = (reason or "").strip()
    if any(unicodedata.category(ch) in _UNPRINTABLE for ch in text):
        raise ValidationError(_("The reason contains characters that cannot be printed. Type "
                                "it again in plain words."), field="reason")
    if not text:
        raise ValidationError(_("Enter the reason for reopening the year."), field="reason")
    return text


#: Unicode categories that cannot be printed: control, format (zero-width …), surrogate,
#: private use, unassigned, line and paragraph separators.
_UNPRINTABLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def _write_close(store: Store, council_id: int, fiscal_year: int, carried_out: dict[str, int],
                 closed_by: str, actor: str) -> dict[str, tuple[int, int]]:
    replaced = {}
    with store.transaction() as db:
        for fund, amount in carried_out.items():
            key = {"council_id": council_id, "fiscal_year": fiscal_year + 1, "fund_code": fund}
            existing = audit.snapshot(db, "opening_balances", key)
            if existing is None:
                audit.insert_row(db, "opening_balances",
                                 {**key, "carried_in": amount, "source": "year_close"}, actor)
                continue
            if existing["carried_in"] != amount and existing["source"] != "year_close":
                replaced[fund] = (existing["carried_in"], amount)
            if existing["carried_in"] != amount or existing["source"] != "year_close":
                audit.update_row(db, "opening_balances", key,
                                 {"carried_in": amount, "source": "year_close"}, actor)
        audit.insert_row(db, "year_closes", {
            "council_id": council_id, "fiscal_year": fiscal_year,
            "closed_at": datetime.now().isoformat(timespec="seconds"), "closed_by": closed_by,
            "carried_out": json.dumps(carried_out, sort_keys=True)}, actor, action="close")
        accounts.carry_accounts(db, store, council_id, fiscal_year, actor)
    return replaced


def reopen_year(store: Store, council_id: int, fiscal_year: int, reason: str, *,
                actor: str = "") -> Changes:
    """Reopen a closed 年度 with a ``reason`` (kept with the close and in the 変更履歴).

    Raises ValidationError without a printable reason (:func:`printable_reason`), UserError when
    the year is not closed or the following year is closed (reopen that one first).
    """
    reason = printable_reason(reason)
    label = wareki.format_fiscal_year(fiscal_year)
    row = close_row(store, council_id, fiscal_year)
    if row is None:
        raise UserError(_("{fiscal_year} is not closed.").format(fiscal_year=label))
    if common.is_closed(store, council_id, fiscal_year + 1):
        raise UserError(_("The following fiscal year is closed; reopen it before reopening "
                          "{fiscal_year}.").format(fiscal_year=label))
    with store.transaction() as db:
        audit.update_row(db, "year_closes", {"id": row["id"]}, {
            "reopened_at": datetime.now().isoformat(timespec="seconds"),
            "reopen_reason": reason}, actor, action="reopen")
    return common.accounts_changed(council_id)
