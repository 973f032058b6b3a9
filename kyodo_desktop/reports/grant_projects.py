"""事業計画書 (projects by plan action and 専門部会 with place, audience, expected participants,
partners and budget, on A4 landscape) and 事業実績書 (projects with dates, participants, outcome
and actual cost = Σ of the 出納簿 expenses of the 事業, split into うち交付金 / 自主財源 / その他,
on A4 landscape). Under each table the funds are matched with the 収支予算書 / 収支決算書: per
会計区分 what the 事業 take, the rest of the fund's 支出 and the statement's 支出合計, so a reviewer
can reconcile the two forms."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from kyodo_desktop.domain.formatting import format_number
from kyodo_desktop.reports.grant_layout import escape, form_table, heading, styles, width
from kyodo_desktop.services.forms.application import FundUse, PlanData


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
                       width(0.07, 0.12, 0.13, 0.10, 0.07, 0.12, 0.10, 0.06, 0.14, 0.09,
                             wide=True),
                       aligns=["center", "left", "left", "left", "left", "left", "left", "right",
                               "left", "right"])
    return (heading(data.title, fiscal_year=data.fiscal_year, council=data.council) + [table]
            + funds_story(data, settlement=False))


def results_story(data: PlanData) -> list:
    """The 事業実績書 (A4 landscape): 整理番号, 事業名, 実施主体, 実施日, 参加者数, 成果, 事業費,
    うち交付金充当額, うち自主財源, うちその他 and the 合計, then the funds matched with the
    収支決算書."""
    unit = data.words.get("participants_unit")
    rows = [("line", (r.code, r.project, r.responsible, r.period, _people(r.participants, unit),
                      r.outcome, r.actual, r.grant_share, r.own_share, r.other_share))
            for r in data.rows]
    rows.append(("total", (data.words.get("total"), "", "", "", "", "",
                           sum(r.actual for r in data.rows),
                           sum(r.grant_share for r in data.rows),
                           sum(r.own_share for r in data.rows),
                           sum(r.other_share for r in data.rows))))
    table = form_table(data.words.get("columns"), rows,
                       width(0.08, 0.13, 0.11, 0.09, 0.07, 0.225, 0.07, 0.07, 0.085, 0.07,
                             wide=True),  # うち自主財源 on one line
                       aligns=["center", "left", "left", "left", "right", "left", "right",
                               "right", "right", "right"])
    story = heading(data.title, fiscal_year=data.fiscal_year, council=data.council)
    if not data.rows:
        story.append(Paragraph(escape(data.words.get("blank")), styles().body))
    return story + [table] + funds_story(data, settlement=True)


def funds_story(data: PlanData, *, settlement: bool) -> list:
    """The table of the funds under the 事業計画書 (``settlement`` False: 事業の予算額, 事業以外,
    支出合計 of the 収支予算書) or the 事業実績書 (True: 事業に充てた額, 事業以外の支出, 返還金,
    支出合計 of the 収支決算書, 対象経費の額), with its total row and a note; nothing without
    funds."""
    if not data.funds:
        return []
    words = data.words
    suffix = words.get("fund_suffix")

    def cells(f: FundUse) -> tuple:
        name = f.fund_name + suffix if f.fund_name else words.get("other_projects")
        if settlement:
            return (name, f.projects, f.other, f.refund, f.total, f.eligible)
        return (name, f.projects, f.other, f.total)

    rows = [("line", cells(f)) for f in data.funds]
    columns = len(rows[0][1]) - 1
    sums = [sum(r[1][i + 1] or 0 for r in rows) for i in range(columns)]
    rows.append(("total", (words.get("total"), *sums)))
    share = (0.7 if settlement else 0.6) / columns
    table = form_table(words.get("funds_columns"), rows,
                       width(0.22, *[share] * columns, wide=True),
                       aligns=["left"] + ["right"] * columns)
    st = styles()
    return [Spacer(1, 4 * mm), KeepTogether([
        Paragraph(escape(words.get("funds_heading")), st.subheading), table,
        Spacer(1, 2 * mm), Paragraph(escape(words.get("funds_note")), st.small)])]
