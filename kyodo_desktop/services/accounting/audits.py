"""会計監査: the 監事's audit of a 年度's accounts — the day it was held, the period audited and
the opinion. One record per council-year (``audits``); the 会計監査報告書, the 今年度の流れ
step 監査 and 提出前の点検 read it.

Rules (規約 practice of 地域づくり協議会; the city's 実績報告 is made after the audit): the
period lies inside the 年度 (default: the whole 年度), and the audit is held after the period
it covers has ended, within a year of the 年度's end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from kyodo_desktop.domain import text, wareki
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.accounting import common
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.council import councils
from kyodo_desktop.store import Store, audit

TABLE = "audits"
#: The longest opinion kept (characters); the report prints it whole.
MAX_OPINION = 2000
#: How long after the 年度's end an audit can still be held.
LATEST_AFTER_YEAR_END = timedelta(days=365)


@dataclass(frozen=True)
class AuditRecord:
    """The 会計監査 of a council-year: ``audited_on`` 監査日, ``period_from``/``period_to`` the
    period audited (dates), ``opinion`` 監査意見 (text, may be empty)."""

    council_id: int
    fiscal_year: int
    audited_on: date
    period_from: date
    period_to: date
    opinion: str


def get_audit(store: Store, council_id: int, fiscal_year: int) -> AuditRecord | None:
    """The recorded audit of the council-year, or None (also for a record without a date)."""
    rows = store.query("SELECT * FROM audits WHERE council_id = ? AND fiscal_year = ?",
                       (council_id, fiscal_year))
    if not rows or rows[0]["audited_on"] is None:
        return None
    row = rows[0]
    start, end = wareki.fiscal_year_start(fiscal_year), wareki.fiscal_year_end(fiscal_year)
    return AuditRecord(
        council_id, fiscal_year, date.fromisoformat(row["audited_on"]),
        date.fromisoformat(row["period_from"]) if row["period_from"] else start,
        date.fromisoformat(row["period_to"]) if row["period_to"] else end,
        row["opinion"])


def check_audit(fiscal_year: int, audited_on: date, period_from: date | None = None,
                period_to: date | None = None) -> tuple[date, date]:
    """The period to store (defaults: the whole 年度). Raises ValidationError (field named)
    for a period outside the 年度 or reversed, and an audit day before the period's end or more
    than a year after the 年度's end."""
    start, end = wareki.fiscal_year_start(fiscal_year), wareki.fiscal_year_end(fiscal_year)
    period_from, period_to = period_from or start, period_to or end
    if not start <= period_from <= period_to <= end:
        raise ValidationError(_(
            "The audited period must lie within {fiscal_year} ({start} to {end}), its start "
            "before its end.").format(fiscal_year=wareki.format_fiscal_year(fiscal_year),
                                      start=wareki.format_wareki(start),
                                      end=wareki.format_wareki(end)), field="period_from")
    if audited_on < period_to:
        raise ValidationError(_(
            "The audit is held after the audited period has ended: enter a day on or after "
            "{date}.").format(date=wareki.format_wareki(period_to)), field="audited_on")
    if audited_on > end + LATEST_AFTER_YEAR_END:
        raise ValidationError(_(
            "{date} is more than a year after the end of {fiscal_year}. Check the audit day."
        ).format(date=wareki.format_wareki(audited_on),
                 fiscal_year=wareki.format_fiscal_year(fiscal_year)), field="audited_on")
    return period_from, period_to


def record_audit(store: Store, council_id: int, fiscal_year: int, audited_on: date, *,
                 period_from: date | None = None, period_to: date | None = None,
                 opinion: str = "", actor: str = "") -> Changes:
    """Record (or change) the 会計監査 of the council-year; logged in the audit log. Returns the
    accounts' Changes. Raises ValidationError (see :func:`check_audit`; an opinion longer than
    :data:`MAX_OPINION` characters), UserError for an unknown council."""
    councils.ensure_council(store, council_id)
    period_from, period_to = check_audit(fiscal_year, audited_on, period_from, period_to)
    opinion = text.printable(opinion).strip()
    if len(opinion) > MAX_OPINION:
        raise ValidationError(_("The audit opinion is too long (at most {count} characters).")
                              .format(count=MAX_OPINION), field="opinion")
    values = {"audited_on": audited_on.isoformat(), "period_from": period_from.isoformat(),
              "period_to": period_to.isoformat(), "opinion": opinion}
    existing = store.scalar("SELECT id FROM audits WHERE council_id = ? AND fiscal_year = ?",
                            (council_id, fiscal_year))
    with store.transaction() as db:
        if existing:
            audit.update_row(db, TABLE, {"id": existing}, values, actor)
        else:
            audit.insert_row(db, TABLE, {"council_id": council_id, "fiscal_year": fiscal_year,
                                         **values}, actor)
    return common.accounts_changed(council_id)
