"""年度締め (year close) and its explicit, logged reopening.

:func:`close_year` runs every check (errors block, warnings are returned), computes 次年度繰越金
per fund = 前年度繰越金 + 収入 − 支出, writes them as the next 年度's 前年度繰越金 (source
'year_close'), and records the ``year_closes`` row that locks the year (store triggers, migration
2). :func:`reopen_year` lifts the lock with a reason; both are in the 変更履歴.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.accounting import Finding
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import common, figures
from kyodo_desktop.services.accounting.checks import year_findings
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.council import councils
from kyodo_desktop.store import Store, audit


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


def close_row(store: Store, council_id: int, fiscal_year: int) -> dict | None:
    """The close in force of a council-year (``carried_out`` as a dict), or None when open."""
    rows = store.query("SELECT * FROM year_closes WHERE council_id = ? AND fiscal_year = ? "
                       "AND reopened_at IS NULL", (council_id, fiscal_year))
    if not rows:
        return None
    row = rows[0]
    row["carried_out"] = json.loads(row["carried_out"])
    return row


def close_year(store: Store, council_id: int, fiscal_year: int, *, closed_by: str = "",
               actor: str = "") -> CloseResult:
    """Close 年度 ``fiscal_year`` of a council (see module docstring).

    Raises YearCloseBlocked when a check reports an error (nothing written), UserError when the
    year is already closed or the next year is closed, YearClosed never for this year.
    """
    councils.ensure_council(store, council_id)
    label = wareki.format_fiscal_year(fiscal_year)
    if common.is_closed(store, council_id, fiscal_year):
        raise UserError(_("{fiscal_year} is already closed.").format(fiscal_year=label))
    if common.is_closed(store, council_id, fiscal_year + 1):
        raise UserError(_("The following fiscal year is already closed; reopen it before "
                          "closing {fiscal_year}.").format(fiscal_year=label))
    findings = year_findings(store, council_id, fiscal_year)
    errors = [f for f in findings if f.is_error]
    if errors:
        raise YearCloseBlocked(_("{fiscal_year} cannot be closed: the check found {count} "
                                 "problems to fix first.").format(fiscal_year=label,
                                                                 count=len(errors)), findings)
    carried_out = figures.fund_balances(store, council_id, fiscal_year)
    replaced = _write_close(store, council_id, fiscal_year, carried_out, closed_by, actor)
    return CloseResult(carried_out, findings, replaced, common.accounts_changed(council_id))


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
    return replaced


def reopen_year(store: Store, council_id: int, fiscal_year: int, reason: str, *,
                actor: str = "") -> Changes:
    """Reopen a closed 年度 with a ``reason`` (kept with the close and in the 変更履歴).

    Raises ValidationError without a reason, UserError when the year is not closed or the
    following year is closed (reopen that one first).
    """
    if not reason.strip():
        raise ValidationError(_("Enter the reason for reopening the year."), field="reason")
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
            "reopen_reason": reason.strip()}, actor, action="reopen")
    return common.accounts_changed(council_id)
