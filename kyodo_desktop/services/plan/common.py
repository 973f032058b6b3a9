"""Shared helpers of the 地域づくり計画 services: what a plan write returns, looking rows up, and
cleaning the values a user types (text, 年度, dates, figures).

Not an operation module: pages and reports call :mod:`~kyodo_desktop.services.plan.plans`,
:mod:`~kyodo_desktop.services.plan.structure`, :mod:`~kyodo_desktop.services.plan.schedule`,
:mod:`~kyodo_desktop.services.plan.indicators`, :mod:`~kyodo_desktop.services.plan.evaluation`
and :mod:`~kyodo_desktop.services.plan.projects`.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from kyodo_desktop.domain import text, wareki
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import PLAN, Changes
from kyodo_desktop.services.plan.rows import PlanRecord
from kyodo_desktop.store import Store

#: kind → (table, parent column, parent kind) of the plan's three levels.
LEVELS = {
    "goal": ("plan_goals", "plan_id", "plan"),
    "measure": ("plan_measures", "goal_id", "goal"),
    "action": ("plan_actions", "measure_id", "measure"),
}


def plan_changed(council_id: int | None) -> Changes:
    """What every plan or project write returns: the 計画 area of ``council_id``."""
    return Changes.of(PLAN, council_id=council_id)


def require_plan(store: Store, plan_id: int) -> PlanRecord:
    """The ``community_plans`` row of ``plan_id``; UserError when it does not exist."""
    rows = store.query("SELECT * FROM community_plans WHERE id = ?", (plan_id,))
    if not rows:
        raise UserError(_("The community plan was not found in the data file."))
    return rows[0]


def plan_of(store: Store, kind: str, item_id: int) -> PlanRecord:
    """The plan row that a goal, measure or action (``kind``) belongs to; UserError if missing."""
    sql = {
        "plan": "SELECT id FROM community_plans WHERE id = ?",
        "goal": "SELECT plan_id FROM plan_goals WHERE id = ?",
        "measure": "SELECT g.plan_id FROM plan_measures m JOIN plan_goals g ON g.id = m.goal_id "
                   "WHERE m.id = ?",
        "action": "SELECT g.plan_id FROM plan_actions a JOIN plan_measures m ON m.id = a.measure_id "
                  "JOIN plan_goals g ON g.id = m.goal_id WHERE a.id = ?",
    }[kind]
    plan_id = store.scalar(sql, (item_id,))
    if plan_id is None:
        raise UserError(_("This item of the plan no longer exists. It may have been deleted."))
    return require_plan(store, plan_id)


def clean_text(value, *, multiline: bool = False) -> str:
    """Normalised text (NFKC, trimmed); line breaks kept when ``multiline``."""
    raw = "" if value is None else str(value)
    if multiline:
        lines = [unicodedata.normalize("NFKC", line).rstrip()
                 for line in text.printable(raw).splitlines()]
        return "\n".join(lines).strip()
    return text.normalize(raw)


def require_title(value, field: str = "title") -> str:
    """A required one-line title (ValidationError naming ``field`` when empty)."""
    title = clean_text(value)
    if not title:
        raise ValidationError(_("Enter a title."), field=field)
    return title


def clean_fiscal_year(value, field: str = "fiscal_year") -> int:
    """A 年度 as int from 2026, 「R8」, 「令和8年度」 …; ValidationError naming ``field``."""
    whole = isinstance(value, int) and not isinstance(value, bool)
    try:  # the range (wareki.MIN_FISCAL_YEAR … MAX_FISCAL_YEAR) is checked there, once
        return wareki.parse_fiscal_year(value if whole else clean_text(value))
    except ValidationError as error:
        raise ValidationError(error.message, field=field) from error


def clean_date(value, field: str) -> str | None:
    """A date (``date`` or text in any form :func:`wareki.parse_date` reads) → ISO text; "" → None."""
    if isinstance(value, date):
        return value.isoformat()
    raw = clean_text(value)
    if not raw:
        return None
    try:
        return wareki.parse_date(raw).isoformat()
    except ValidationError as error:
        raise ValidationError(error.message, field=field) from error


def require_year_in_plan(plan: dict, fiscal_year: int, field: str = "fiscal_year") -> None:
    """Raise ValidationError when ``fiscal_year`` lies outside the plan's period (計画期間)."""
    if not plan["first_year"] <= fiscal_year <= plan["last_year"]:
        raise ValidationError(_(
            "{year} is outside the plan period ({first} to {last}).").format(
                year=wareki.format_fiscal_year(fiscal_year),
                first=wareki.format_fiscal_year(plan["first_year"]),
                last=wareki.format_fiscal_year(plan["last_year"])), field=field)


def parse_figure(value, field: str = "value") -> float | None:
    """A measured figure (数値目標): 12, 「１２．５」, 「1,400」, 「45%」, 「120人」 → float; "" → None.

    Raises ValidationError naming ``field`` for anything else.
    """
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    raw = unicodedata.normalize("NFKC", str(value)).strip().replace(",", "")
    while raw and not (raw[-1].isdigit() or raw[-1] == "."):
        raw = raw[:-1].rstrip()  # a unit typed after the number: %, 人, 件, 回 …
    if not raw:
        if clean_text(value):
            raise ValidationError(_("Enter a number, e.g. 45 or 12.5."), field=field)
        return None
    try:
        return float(raw)
    except ValueError as error:
        raise ValidationError(_("Enter a number, e.g. 45 or 12.5."), field=field) from error


def format_figure(value: float | None) -> str:
    """A figure for display: 45.0 → 「45」, 12.5 → 「12.5」, 1400 → 「1,400」, None → 「」."""
    if value is None:
        return ""
    from kyodo_desktop.domain.formatting import format_number

    if float(value).is_integer():
        return format_number(int(value))
    return format_number(value, 1 if round(value, 1) == value else 2)
