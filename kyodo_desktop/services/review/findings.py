"""What the 提出前の点検 reports: :class:`ReviewFinding` (エラー / 注意, the rule, where to fix it)
and the rules' Japanese names. Shared by the rule modules of this package."""

from __future__ import annotations

from dataclasses import dataclass

from kyodo_desktop.i18n import N_, _

ERROR = "error"
WARNING = "warning"

#: rule code → English msgid of its name, in the order the review runs them.
RULES: dict[str, str] = {
    "date_order": N_("Order of dates"),
    "form_outside_year": N_("Form dates within the year"),
    "form_on_closed_day": N_("Forms dated on a closed day"),
    "attachment_missing": N_("Attachments listed"),
    "empty_business_plan": N_("Empty business plan"),
    "plan_vs_budget": N_("Business plan vs budget"),
    "results_vs_actual": N_("Business results vs settlement"),
    "refund_vs_books": N_("Refund vs cash book"),
    "budget_without_initial": N_("Budget lines without an initial budget"),
    "participants_vs_indicator": N_("Participants vs numeric targets"),
    "indicator_without_target": N_("Numeric targets without a target value"),
    "ineligible_expense": N_("Ineligible expenses"),
    "missing_receipt": N_("Missing receipts"),
    "open_year_final": N_("Open year printed as final"),
}

#: Where a user fixes things (English msgids; joined with 「 > 」).
GRANTS = (N_("Budget and cash book"), N_("Grants"))
CASH_BOOK = (N_("Budget and cash book"), N_("Cash book"))
BUDGET = (N_("Budget and cash book"), N_("Budget"))
YEAR_CLOSE = (N_("Budget and cash book"), N_("Close the year"))
PROJECTS = (N_("Community plan"), N_("Projects"))
TARGETS = (N_("Community plan"), N_("Numeric targets"))
AUDIT = (N_("Audit record (date of the audit)"),)


@dataclass(frozen=True)
class ReviewFinding:
    """One finding: ``severity`` 'error' (エラー: the set contradicts itself or the rules) or
    'warning' (注意: look at it); ``rule`` a code of :data:`RULES`; ``message`` plain Japanese;
    ``where`` the screen to fix it on (Japanese, 「予算・出納 > 交付金」)."""

    severity: str
    rule: str
    message: str
    where: str

    @property
    def is_error(self) -> bool:
        """True for an エラー (the review exits 1)."""
        return self.severity == ERROR

    @property
    def rule_name(self) -> str:
        """The rule's Japanese name (日付の順序 …)."""
        return _(RULES[self.rule])

    def line(self) -> str:
        """One printed line: 「エラー［日付の順序］… → 直す場所: 予算・出納 > 交付金」."""
        label = _("Error") if self.is_error else _("Note")
        return _("{severity} [{rule}] {message} → Fix in: {where}").format(
            severity=label, rule=self.rule_name, message=self.message, where=self.where)


def finding(severity: str, rule: str, message: str, where: tuple[str, ...]) -> ReviewFinding:
    """A ReviewFinding whose ``where`` is the translated path (``GRANTS`` …)."""
    if rule not in RULES:
        raise KeyError(f"unknown review rule {rule!r}")
    return ReviewFinding(severity, rule, message, " > ".join(_(part) for part in where))
