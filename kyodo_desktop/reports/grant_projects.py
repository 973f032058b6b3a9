"""事業計画書 (projects by plan action and 専門部会 with place, audience, expected participants,
partners and budget, on A4 landscape) and 事業実績書 (projects with dates, participants, outcome
and actual cost = Σ of the 出納簿 expenses of the 事業)."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from kyodo_desktop.domain.formatting import format_number
from kyodo_desktop.reports.grant_layout import escape, form_table, heading, styles, width
from kyodo_desktop.services.forms.application import PlanData


def _people(count: int | None, unit: str) -> str:
    return "" if count is None else format_number(count) + unit


def plan_story(data: PlanData) -> list:
    """The 事業計画書 (A4 landscape): 整理番号, 推進項目, 事業名, 実施主体, 実施時期, 実施場所,
    対象者, 参加見込, 連携団体, 予算額 and the 合計."""
    unit = data.words.get("participants_unit")
    rows = [("line", (r.code, r.action, r.project, r.responsible, r.period, r.place, r.audience,
                      _people(r.expected, unit), r.partners.replace("\n", "、"), r.budget))
            for r in data.rows]
    rows.append(("total", (data.words.get("total"), *[""] * 8,
                           sum(r.budget for r in data.rows))))
    table = form_table(data.words.get("columns"), rows,
                       width(0.07, 0.12, 0.13, 0.09, 0.09, 0.11, 0.1, 0.07, 0.14, 0.08,
                             wide=True),
                       aligns=["center", "left", "left", "left", "left", "left", "left", "right",
                               "left", "right"])
    return heading(data.title, fiscal_year=data.fiscal_year, council=data.council) + [table]


def results_story(data: PlanData) -> list:
    """The 事業実績書: 整理番号, 事業名, 実施主体, 実施日, 参加者数, 成果, 事業費, うち交付金充当額
    and the 合計."""
    unit = data.words.get("participants_unit")
    rows = [("line", (r.code, r.project, r.responsible, r.period, _people(r.participants, unit),
                      r.outcome, r.actual, r.grant_share)) for r in data.rows]
    rows.append(("total", (data.words.get("total"), "", "", "", "", "",
                           sum(r.actual for r in data.rows),
                           sum(r.grant_share for r in data.rows))))
    table = form_table(data.words.get("columns"), rows,
                       width(0.1, 0.15, 0.09, 0.11, 0.09, 0.24, 0.11, 0.11),
                       aligns=["center", "left", "left", "left", "right", "left", "right",
                               "right"])
    story = heading(data.title, fiscal_year=data.fiscal_year, council=data.council)
    if not data.rows:
        story.append(Paragraph(escape(data.words.get("blank")), styles().body))
    return story + [table]
