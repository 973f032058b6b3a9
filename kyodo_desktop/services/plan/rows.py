"""The row shapes the plan area hands to ui/, io/ and reports/ (typed dicts: the keys are the
contract; tests/test_typed_rows.py checks every one against the demo)."""

from __future__ import annotations

from datetime import date
from typing import Any, TypedDict


class _PlanText(TypedDict):
    id: int
    council_id: int
    title: str
    first_year: int
    last_year: int
    vision: str
    current_state: str
    strengths: str
    issues: str
    notes: str


class PlanRecord(_PlanText):
    """A ``plans`` row as stored: ``adopted_on`` ISO text, ``is_current`` 0/1, ``methods`` the
    stored text."""

    adopted_on: str | None
    is_current: int
    methods: str


class Plan(_PlanText):
    """A 地域づくり計画 for the screens and prints: 策定日 as a date, ``is_current`` bool,
    ``methods`` (推進の方法) as a list of lines and ``years`` (年度 of the plan, in order)."""

    adopted_on: date | None
    is_current: bool
    methods: list[str]
    years: list[int]


class PlanListItem(TypedDict):
    """A plan in the list of plans."""

    id: int
    title: str
    first_year: int
    last_year: int
    is_current: bool


class GoalRow(TypedDict):
    """A 目標 (``plan_goals`` row)."""

    id: int
    plan_id: int
    position: int
    title: str
    description: str


class MeasureRow(TypedDict):
    """A 施策 (``plan_measures`` row)."""

    id: int
    goal_id: int
    position: int
    title: str
    description: str


class ActionRow(TypedDict):
    """A 推進項目: its columns, ``code`` (整理番号 Ⅰ-(2)-③), ``targets`` (対象 codes in seed
    order), the responsible body's names and ``responsible_text`` as printed."""

    id: int
    measure_id: int
    position: int
    code: str
    title: str
    purpose: str
    content: str
    current_state: str
    completion_criterion: str
    responsible: str
    responsible_organization_id: int | None
    responsible_subcommittee_id: int | None
    organization_name: str | None
    subcommittee_name: str | None
    responsible_text: str
    targets: list[str]


#: Any item of the plan's tree, as :func:`~kyodo_desktop.services.plan.structure.get_item` gives.
PlanItem = GoalRow | MeasureRow | ActionRow


class ResponsibleChoices(TypedDict):
    """What can be named as responsible for an action: 部会 and 構成団体 (id, name)."""

    subcommittees: list[dict[str, Any]]
    organizations: list[dict[str, Any]]


class ActionEvaluation(TypedDict):
    """The evaluation of an action in a 年度 (評価 ◎○△×, comment, next step)."""

    rating: str
    comment: str
    next_step: str
    evaluator: str
    evaluated_on: date | None


class NextYearReview(TypedDict):
    """An action's evaluation and what the plan says for the next 年度."""

    action_id: int
    code: str
    title: str
    rating: str
    next_step: str
    next_status: str
    next_in_plan: bool


class ProjectRow(TypedDict):
    """A 事業 of a 年度: its columns (dates as dates), ``actual_cost`` (決算額, 円, from the one
    figure source), the action's 整理番号 and title, the 部会 and the 協働 label."""

    id: int
    council_id: int
    fiscal_year: int
    plan_id: int | None
    action_id: int | None
    action_code: str
    action_title: str | None
    subcommittee_id: int | None
    subcommittee_name: str | None
    name: str
    description: str
    place: str
    audience: str
    partners: str
    starts_on: date | None
    ends_on: date | None
    budget: int
    actual_cost: int
    expected_participants: int | None
    actual_participants: int | None
    outcome: str
    fund_code: str | None
    collaboration_form: str | None
    collaboration_label: str
    sort_order: int
