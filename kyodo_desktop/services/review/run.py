"""The 提出前の点検 runner: every rule group of :mod:`kyodo_desktop.services.review` over one
council-year, errors first. Used by ``kyodo-desktop review``, the 点検 button of the 帳票印刷
page and the printed sets (which show the findings before printing)."""

from __future__ import annotations

from kyodo_desktop.domain import wareki
from kyodo_desktop.i18n import _
from kyodo_desktop.services.council import councils
from kyodo_desktop.services.review import attachments, books, dates, indicators, totals
from kyodo_desktop.services.review.findings import RULES, ReviewFinding
from kyodo_desktop.store import Store

#: The rule groups in the order they run.
GROUPS = (dates, attachments, totals, indicators, books)
#: The printed sets that run the review first (report kinds).
REVIEWED_SETS = ("application-set", "year-end")


def run_review(store: Store, council_id: int, fiscal_year: int) -> list[ReviewFinding]:
    """Every finding of the council-year: エラー first, then by rule order (:data:`RULES`).

    Raises UserError when the council does not exist or its preset is unavailable.
    """
    councils.ensure_council(store, council_id)
    found = [f for group in GROUPS for f in group.findings(store, council_id, fiscal_year)]
    order = list(RULES)
    return sorted(found, key=lambda f: (not f.is_error, order.index(f.rule)))


def summary(findings: list[ReviewFinding], fiscal_year: int) -> str:
    """One line: 「令和7年度の提出前の点検: エラー 2 件、注意 3 件」 or that nothing was found."""
    errors = sum(f.is_error for f in findings)
    year = wareki.format_fiscal_year(fiscal_year)
    if not findings:
        return _("Review before submission of {fiscal_year}: nothing to fix.").format(
            fiscal_year=year)
    return _("Review before submission of {fiscal_year}: {errors} errors, {notes} notes.").format(
        fiscal_year=year, errors=errors, notes=len(findings) - errors)
