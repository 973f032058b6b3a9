"""The 年度報告's plan and 事業 sections: 推進項目 with their 年次計画 status and 評価 of the
年度, 数値目標 with the year's target, 実績値 and progress, and the 事業 as the 事業実績書 lists
them (:func:`kyodo_desktop.services.forms.application.project_rows`: 事業費 from
:func:`~kyodo_desktop.services.accounting.figures.project_costs`).

数値目標 達成: an indicator with both a 目標値 and a 実績値 for the 年度 is achieved when its
progress (:func:`kyodo_desktop.services.plan.indicators.progress`) reaches 1.0.
"""

from __future__ import annotations

from kyodo_desktop.errors import UserError
from kyodo_desktop.services.city.seal import JSONObject
from kyodo_desktop.services.forms import common as fd
from kyodo_desktop.services.forms.application import project_rows
from kyodo_desktop.services.plan.document import evaluation_sheet
from kyodo_desktop.services.plan.indicators import Indicator, progress
from kyodo_desktop.store import Store

_EVALUATION_FIELDS = ("rating", "comment", "next_step")


def plan_section(store: Store, council_id: int, fiscal_year: int) -> JSONObject | None:
    """``{title, first_year, last_year, actions: [...], indicators: [...]}`` of the current plan
    for the 年度, or None when the council has no plan covering it."""
    try:
        sheet = evaluation_sheet(store, council_id, fiscal_year)
    except UserError:
        return None
    actions = [{"code": row.code, "title": row.title, "status": row.status,
                "evaluations": {kind: {f: values.get(f) or "" for f in _EVALUATION_FIELDS}
                                for kind, values in sorted(row.evaluations.items())}}
               for row in sheet.rows]
    return {"title": sheet.plan["title"], "first_year": sheet.plan["first_year"],
            "last_year": sheet.plan["last_year"], "actions": actions,
            "indicators": [_indicator(i, fiscal_year) for i in sheet.indicators]}


def _indicator(indicator: Indicator, fiscal_year: int) -> JSONObject:
    target, actual = indicator.values.get(fiscal_year, (None, None))
    reached = progress(indicator.baseline, target, actual, indicator.higher_is_better)
    return {"name": indicator.name, "unit": indicator.unit,
            "baseline_year": indicator.baseline_year, "baseline": indicator.baseline,
            "higher_is_better": indicator.higher_is_better, "target": target,
            "actual": actual, "progress": reached,
            "achieved": None if reached is None else reached >= 1.0}


def projects_section(store: Store, council_id: int, fiscal_year: int) -> list[JSONObject]:
    """The 事業 of the 年度 as the 事業実績書 prints them (円 amounts, people counts)."""
    words = fd.wording(store, council_id, "business_results")
    return [{"code": r.code, "action": r.action, "name": r.project,
             "responsible": r.responsible, "period": r.period, "budget": r.budget,
             "actual": r.actual, "grant_share": r.grant_share,
             "expected_participants": r.expected, "participants": r.participants,
             "outcome": r.outcome, "place": r.place, "audience": r.audience,
             "partners": r.partners}
            for r in project_rows(store, council_id, fiscal_year, words)]


def collaboration_section(store: Store, council_id: int, fiscal_year: int) -> list[JSONObject]:
    """The 協働 of each 事業 (:func:`kyodo_desktop.services.collaboration.projects
    .year_collaboration`): forms, partners with 役割 and 負担, the 振り返り marks."""
    from kyodo_desktop.services.collaboration.projects import year_collaboration

    return [{"code": p.code, "name": p.name, "forms": list(p.forms),
             "partners": [{"name": r.name, "kind": r.kind, "role": r.role, "pays": r.pays}
                          for r in p.partners],
             "reviews": {principle: {"score": score, "comment": comment}
                         for principle, (score, comment) in sorted(p.reviews.items())}}
            for p in year_collaboration(store, council_id, fiscal_year)]
