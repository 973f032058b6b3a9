"""Money beside each 推進項目 (issue 17): per action of a plan and 年度, the 事業 linked to it,
their 決算額 by the fund that paid (円) and the 数値目標 result — so the 評価シート (PDS: See)
shows what each action cost. Each 事業's expense per fund is
:func:`kyodo_desktop.services.accounting.figures.entry_totals` (the 出納簿 rows of that 事業 and
fund, as the 事業実績書's うち交付金充当額), added up per action here; an action's total equals the
sum of its 事業's :func:`~kyodo_desktop.services.accounting.figures.project_costs`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kyodo_desktop.services.accounting import common, figures
from kyodo_desktop.services.plan.indicators import Indicator
from kyodo_desktop.services.plan.projects import list_projects
from kyodo_desktop.store import Store


@dataclass(frozen=True)
class ActionMoney:
    """One action's 事業 (names) and 決算額 ``by_fund`` {fund code: 円} with their ``total``, and
    its 数値目標 ``results`` [(name, unit, 目標値, 実績値)] of the 年度."""

    action_id: int
    projects: tuple[str, ...]
    by_fund: dict[str, int] = field(default_factory=dict)
    results: tuple[tuple[str, str, float | None, float | None], ...] = ()

    @property
    def total(self) -> int:
        """決算額 of all the action's 事業 (円)."""
        return sum(self.by_fund.values())


def action_money(store: Store, council_id: int, fiscal_year: int,
                 indicators: list[Indicator]) -> dict[int, ActionMoney]:
    """``{action_id: ActionMoney}`` of the actions with 事業 or 数値目標 in the 年度."""
    funds = list(common.fund_names(store, council_id))
    costs = figures.project_costs(store, council_id, fiscal_year)
    names: dict[int, list[str]] = {}
    money: dict[int, dict[str, int]] = {}
    for project in list_projects(store, council_id, fiscal_year):
        action = project["action_id"]
        if action is None:
            continue
        names.setdefault(action, []).append(project["name"])
        spent = money.setdefault(action, dict.fromkeys(funds, 0))
        if costs.get(project["id"]):
            for fund in funds:
                spent[fund] += figures.entry_totals(store, council_id, fiscal_year, fund=fund,
                                                    project_id=project["id"]).expense
    results: dict[int, list] = {}
    for indicator in indicators:
        if indicator.action_id is not None:
            target, actual = indicator.values.get(fiscal_year, (None, None))
            results.setdefault(indicator.action_id, []).append(
                (indicator.name, indicator.unit, target, actual))
    return {action: ActionMoney(action, tuple(names.get(action, ())),
                                money.get(action, dict.fromkeys(funds, 0)),
                                tuple(results.get(action, ())))
            for action in names.keys() | results.keys()}
