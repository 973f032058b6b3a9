"""Review rules on dates: the legal order of the grant steps and every form dated inside its
年度 or right after it.

Order (要綱's sequence): 申請 ≤ 交付決定 ≤ each 交付請求 ≤ its 概算払; 会計監査 ≤ 実績報告 (the
実績報告 lists the 会計監査報告書の写し as attached); 実績報告 ≤ 精算 ≤ 返還 (the 精算 fixes the
返還金: neither the 返還 day recorded on the grant nor a 返還金 booked in the 出納簿 may come
before it, and a 返還金 booked while no 精算 is recorded is out of order too). Window: a form of 年度 Y is
dated from April 1 of Y up to :data:`RIGHT_AFTER_MONTHS` months after March 31 of Y + 1.
Closed days: a form to the city dated on a weekend, a national holiday (祝日, 振替休日, 国民の休日)
or in the 年末年始 (12/29–1/3, :mod:`kyodo_desktop.domain.office_days`) is a 注意 (the office could
not have received it).
"""

from __future__ import annotations

from datetime import date

from kyodo_desktop.domain import office_days, wareki
from kyodo_desktop.domain.formatting import format_date
from kyodo_desktop.i18n import _
from kyodo_desktop.services.forms.grants import GrantFigures, grant_figures
from kyodo_desktop.services.review.findings import (
    AUDIT,
    ERROR,
    GRANTS,
    WARNING,
    ReviewFinding,
    finding,
)
from kyodo_desktop.store import Store

#: How long after the 年度 a form of that year may be dated (実績報告, 精算, 監査: by June 30).
RIGHT_AFTER_MONTHS = 3


def audit_day(store: Store, council_id: int, fiscal_year: int) -> date | None:
    """The recorded 会計監査 day of the council-year, or None."""
    value = store.scalar("SELECT audited_on FROM audits WHERE council_id = ? AND fiscal_year = ?",
                         (council_id, fiscal_year))
    return None if value is None else date.fromisoformat(value)


def findings(store: Store, council_id: int, fiscal_year: int) -> list[ReviewFinding]:
    """Every date-order and date-window finding of the council-year (エラー) and the forms
    dated on a day the city office is closed (注意)."""
    grants = grant_figures(store, council_id, fiscal_year)
    audited = audit_day(store, council_id, fiscal_year)
    found = [f for g in grants for f in _grant_order(g)]
    reports = [g.reported_on for g in grants if g.reported_on is not None]
    if audited is not None and reports and audited > min(reports):
        found.append(finding(ERROR, "date_order", _(
            "The audit ({audited}) is dated after the performance report ({reported}), which "
            "lists the audit report as attached.").format(
                audited=format_date(audited), reported=format_date(min(reports))), AUDIT))
    found += _window(grants, audited, fiscal_year)
    found += _closed_days(grants)
    return found


def _before(first: date | None, second: date | None) -> bool:
    """True when both are known and ``second`` comes before ``first`` (order broken)."""
    return first is not None and second is not None and second < first


def _grant_order(g: GrantFigures) -> list[ReviewFinding]:
    found = []
    if _before(g.applied_on, g.decided_on):
        found.append(_order(_("{program}: the grant decision ({second}) is dated before the "
                              "application ({first})."), g, g.applied_on, g.decided_on))
    for requested, paid, _amount in g.payments:
        if _before(g.decided_on, requested):
            found.append(_order(_("{program}: the payment request of {second} is dated before "
                                  "the grant decision ({first})."), g, g.decided_on, requested))
        if _before(requested, paid):
            found.append(_order(_("{program}: the advance payment of {second} arrived before it "
                                  "was requested ({first})."), g, requested, paid))
    if _before(g.reported_on, g.settled_on):
        found.append(_order(_("{program}: the settlement ({second}) is dated before the "
                              "performance report ({first})."), g, g.reported_on, g.settled_on))
    refunds = sorted({*g.refund_days, *((g.refunded_on,) if g.refunded_on else ())})
    if refunds and g.settled_on is None:
        found.append(finding(ERROR, "date_order", _(
            "{program}: a refund is dated {refunded}, but no settlement is recorded. The "
            "settlement fixes the refund: record it first, then date the refund on or after "
            "it.").format(program=g.program_name, refunded=format_date(refunds[0])), GRANTS))
    early = [day for day in refunds if _before(g.settled_on, day)]
    if early:
        found.append(_order(_("{program}: the refund of {second} is dated before the "
                              "settlement ({first}) that fixed it. Date the refund on or after "
                              "the settlement."), g, g.settled_on, early[0]))
    return found


def _order(message: str, g: GrantFigures, first: date, second: date) -> ReviewFinding:
    return finding(ERROR, "date_order", message.format(
        program=g.program_name, first=format_date(first), second=format_date(second)), GRANTS)


def latest_form_day(fiscal_year: int) -> date:
    """The last day a form of 年度 ``fiscal_year`` may carry (June 30 of the next year)."""
    end = wareki.fiscal_year_end(fiscal_year)
    return date(end.year, end.month + RIGHT_AFTER_MONTHS, 30)


def _form_days(grants: list[GrantFigures]) -> list[tuple[str, date | None]]:
    """(what, day) of every grant form of the council-year."""
    days: list[tuple[str, date | None]] = []
    for g in grants:
        days += [(_("{program}: application").format(program=g.program_name), g.applied_on),
                 (_("{program}: grant decision").format(program=g.program_name), g.decided_on),
                 (_("{program}: change request").format(program=g.program_name),
                  g.change_requested_on),
                 (_("{program}: performance report").format(program=g.program_name),
                  g.reported_on),
                 (_("{program}: settlement").format(program=g.program_name), g.settled_on)]
        days += [(_("{program}: payment request").format(program=g.program_name), requested)
                 for requested, _paid, _amount in g.payments]
    return days


def _window(grants: list[GrantFigures], audited: date | None,
            fiscal_year: int) -> list[ReviewFinding]:
    first, last = wareki.fiscal_year_start(fiscal_year), latest_form_day(fiscal_year)
    days = [(what, day, GRANTS) for what, day in _form_days(grants)]
    days.append((_("Accounts audit"), audited, AUDIT))
    return [finding(ERROR, "form_outside_year", _(
        "{what} is dated {date}, outside {fiscal_year} (a form of the year is dated from "
        "{first} to {last}).").format(what=what, date=format_date(day),
                                      fiscal_year=wareki.format_fiscal_year(fiscal_year),
                                      first=format_date(first), last=format_date(last)), where)
        for what, day, where in days if day is not None and not first <= day <= last]


def _closed_days(grants: list[GrantFigures]) -> list[ReviewFinding]:
    """A 注意 for each form dated on a weekend, a national holiday or in the 年末年始, naming the
    open day before."""
    found = []
    for what, day in _form_days(grants):
        reason = None if day is None else office_days.closed_reason(day)
        if reason is not None:
            found.append(finding(WARNING, "form_on_closed_day", _(
                "{what} is dated {date}, {reason}, when the city office is closed. Check the "
                "date; the last open day before it is {open_day}.").format(
                    what=what, date=format_date(day), reason=_closed_day_text(day, reason),
                    open_day=format_date(office_days.open_day_before(day))), GRANTS))
    return found


def _closed_day_text(day: date, reason: str) -> str:
    """Why the office is closed on ``day``, as the finding says it (「祝日（春分の日）」 …)."""
    if reason == office_days.HOLIDAY:
        return _("a national holiday ({name})").format(name=office_days.holiday_name(day))
    if reason == office_days.WEEKEND:
        return _("a Saturday or Sunday")
    return _("the year-end holidays (December 29 to January 3)")
