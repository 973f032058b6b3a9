"""Everything the printed plan booklet and the yearly 評価シート need, read in one go.

Reports take these plain objects (no SQL in reports/): :func:`plan_document` for
``kyodo-desktop report plan`` and :func:`evaluation_sheet` for ``report plan-evaluation``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kyodo_desktop.domain import wareki
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.council import councils
from kyodo_desktop.services.plan import plans
from kyodo_desktop.services.plan.action_money import ActionMoney, action_money
from kyodo_desktop.services.plan.evaluation import (
    EvaluationRow,
    rating_counts,
    rating_scale,
    review_for_next_year,
    year_evaluations,
)
from kyodo_desktop.services.plan.indicators import Indicator, list_indicators, milestone_years
from kyodo_desktop.services.plan.rows import Plan
from kyodo_desktop.services.plan.schedule import schedule_grid
from kyodo_desktop.services.plan.structure import Node, get_action, plan_tree
from kyodo_desktop.store import Store


@dataclass
class PlanDocument:
    """A plan ready to print: ``plan`` (see :func:`plans.get_plan`), ``council_name``, ``tree``
    (goals → measures → actions), ``actions`` ``{action_id: dict of get_action plus
    "schedule" {年度: status}}``, ``indicators``, ``milestones`` (中間, 最終 年度) and
    ``action_codes`` ``{action_id: 整理番号}``."""

    plan: dict
    council_name: str
    tree: list[Node]
    actions: dict[int, dict]
    indicators: list[Indicator]
    milestones: tuple[int, int]
    action_codes: dict[int, str] = field(default_factory=dict)


@dataclass
class EvaluationSheet:
    """One 年度's 評価シート: the plan, ``rows`` per action, ``counts`` of 自己評価 ratings,
    ``scale`` ``{rating: label}``, ``review`` (actions to revise next year), ``indicators`` and
    ``money`` ``{action_id: ActionMoney}`` (事業, 決算額 by fund, 数値目標 result per action)."""

    plan: dict
    council_name: str
    fiscal_year: int
    rows: list[EvaluationRow]
    counts: dict[str, int]
    scale: dict[str, str]
    review: list[dict]
    indicators: list[Indicator]
    money: dict[int, ActionMoney] = field(default_factory=dict)


def resolve_plan(store: Store, council_id: int, plan_id: int | None = None) -> Plan:
    """The plan to print: ``plan_id`` or the council's current plan. UserError when none."""
    chosen = plan_id or plans.current_plan_id(store, council_id)
    if chosen is None:
        raise UserError(_("This council has no community plan yet. Create one on the "
                          "「地域づくり計画」 page first."))
    plan = plans.get_plan(store, chosen)
    if plan["council_id"] != council_id:
        raise UserError(_("The community plan was not found in the data file."))
    return plan


def _council_name(store: Store, council_id: int) -> str:
    return councils.council_name(store, council_id)


def plan_document(store: Store, council_id: int, plan_id: int | None = None) -> PlanDocument:
    """Read a plan (default: the current one) for printing. Raises UserError without a plan."""
    plan = resolve_plan(store, council_id, plan_id)
    tree = plan_tree(store, plan["id"])
    schedule = {row.action_id: row.cells for row in schedule_grid(store, plan["id"]).rows}
    actions = {}
    codes = {}
    for goal in tree:
        for measure in goal.children:
            for node in measure.children:
                action = get_action(store, node.id)
                action["schedule"] = schedule.get(node.id, {})
                actions[node.id] = action
                codes[node.id] = node.code
    return PlanDocument(plan, _council_name(store, council_id), tree, actions,
                        list_indicators(store, plan["id"]), milestone_years(plan), codes)


def evaluation_sheet(store: Store, council_id: int, fiscal_year: int,
                     plan_id: int | None = None) -> EvaluationSheet:
    """Read one 年度's evaluation of a plan. Raises UserError without a plan or when the 年度
    lies outside its period."""
    plan = resolve_plan(store, council_id, plan_id)
    if not plan["first_year"] <= fiscal_year <= plan["last_year"]:
        raise UserError(_("{year} is outside the plan period ({first} to {last}).").format(
            year=wareki.format_fiscal_year(fiscal_year),
            first=wareki.format_fiscal_year(plan["first_year"]),
            last=wareki.format_fiscal_year(plan["last_year"])))
    indicators = list_indicators(store, plan["id"])
    return EvaluationSheet(
        plan, _council_name(store, council_id), fiscal_year,
        year_evaluations(store, plan["id"], fiscal_year),
        rating_counts(store, plan["id"], fiscal_year), rating_scale(store, council_id),
        review_for_next_year(store, plan["id"], fiscal_year), indicators,
        action_money(store, council_id, fiscal_year, indicators))
