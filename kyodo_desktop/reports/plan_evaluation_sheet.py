"""The yearly 評価シート of the plan (``kyodo-desktop report plan-evaluation --fiscal-year``):
A4 landscape; per action its 年次計画 that year, the 自己・相互・第三者評価 ratings, comments with
who evaluated, and the 見直し for next year; then the 数値目標's target and actual of the year and
the actions to revise next year (PDS: the See feeds the next Plan, seed 001 第5章4).
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from kyodo_desktop.domain import formatting, labels, wareki
from kyodo_desktop.i18n import N_
from kyodo_desktop.reports.page import PageFurniture, build_pdf
from kyodo_desktop.reports.plan_tables import status_text
from kyodo_desktop.reports.registry import ReportKind, ReportRequest
from kyodo_desktop.reports.styles import Styles, make_styles
from kyodo_desktop.reports.tables import ruled_table
from kyodo_desktop.services.plan.common import format_figure
from kyodo_desktop.services.plan.document import EvaluationSheet, evaluation_sheet

WIDTH = 261 * mm  # A4 landscape between the 18 mm margins
KINDS = tuple(labels.EVALUATOR_KIND_LABELS)
_SHORT = {"self": "自己", "mutual": "相互", "third_party": "第三者"}


def _p(text: str, style) -> Paragraph:
    escaped = (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Paragraph(escaped.replace("\n", "<br/>"), style)


def _who(evaluation: dict) -> str:
    parts = [evaluation.get("evaluator") or ""]
    if evaluation.get("evaluated_on"):
        from datetime import date

        parts.append(formatting.format_date(date.fromisoformat(evaluation["evaluated_on"]),
                                            "short"))
    return " ".join(p for p in parts if p)


def _texts(row, key: str) -> str:
    lines = []
    for kind in KINDS:
        evaluation = row.evaluations.get(kind)
        if evaluation and evaluation.get(key):
            who = _who(evaluation) if key == "comment" else ""
            lines.append(f"【{_SHORT[kind]}】{evaluation[key]}" + (f"（{who}）" if who else ""))
    return "\n".join(lines)


def evaluation_table(sheet: EvaluationSheet, s: Styles):
    """One row per action: 整理番号, 推進項目, 年次計画, three ratings, comments, 見直し."""
    head = ["整理番号", "推進項目", "年次計画", "自己評価", "相互評価", "第三者評価",
            "評価の内容（評価者）", "次年度への見直し"]
    rows = []
    for row in sheet.rows:
        ratings = [row.evaluations.get(kind, {}).get("rating", "") for kind in KINDS]
        rows.append([row.code, row.title, status_text(row.status), *ratings,
                     _texts(row, "comment"), _texts(row, "next_step")])
    widths = [22, 48, 20, 18, 18, 20, 65, 50]
    table = ruled_table(head, rows, s, col_widths=[w * mm for w in widths],
                        aligns=["center", "left", "center", "center", "center", "center",
                                "left", "left"])
    return table


def target_text(targets: dict[int, float], year: int) -> str:
    """The 目標値 a year works toward: the year's own target, else the next year's target with
    that year (「400（R8）」), else the last earlier one; "" when the 数値目標 has no target."""
    if year in targets:
        return format_figure(targets[year])
    later = [y for y in targets if y > year]
    earlier = [y for y in targets if y < year]
    if not later and not earlier:
        return ""
    other = min(later) if later else max(earlier)
    return f"{format_figure(targets[other])}（{wareki.format_fiscal_year(other, 'short')}）"


def indicator_year_table(sheet: EvaluationSheet, s: Styles):
    """数値目標 of the year: 現状値, this year's 目標値 (or the target it works toward, with that
    target's 年度) and 実績値, 最終目標値."""
    year = sheet.fiscal_year
    head = ["指標", "単位", "現状値", f"{wareki.format_fiscal_year(year, 'short')} 目標値",
            f"{wareki.format_fiscal_year(year, 'short')} 実績値", "最終目標値"]
    rows = []
    for ind in sheet.indicators:
        _target, actual = ind.values.get(year, (None, None))
        rows.append([ind.name, ind.unit, format_figure(ind.baseline),
                     target_text(ind.targets, year), format_figure(actual),
                     format_figure(ind.final_target)])
    widths = [95, 16, 30, 38, 38, 44]
    return ruled_table(head, rows, s, col_widths=[w * mm for w in widths],
                       aligns=["left", "center", "right", "right", "right", "right"])


def _result(name: str, unit: str, target, actual) -> str:
    return f"{name} {format_figure(actual) or '—'}{unit}（目標 {format_figure(target) or '—'}）"


def money_table(sheet: EvaluationSheet, s: Styles):
    """Per action: its 事業, their 決算額 by fund (円) and total, the 数値目標 results."""
    head = ["整理番号", "推進項目", "事業", "運営支援", "活動支援", "自主財源", "決算額 計",
            "数値目標の実績"]
    rows = []
    for row in sheet.rows:
        money = sheet.money.get(row.action_id)
        if money is None:
            continue
        by_fund = [money.by_fund.get(f, 0) for f in
                   ("operating_support", "activity_support", "own_funds")]
        rows.append([row.code, row.title, "、".join(money.projects), *by_fund, money.total,
                     "／".join(_result(*r) for r in money.results)])
    widths = [20, 42, 58, 22, 22, 22, 24, 51]
    return ruled_table(head, rows, s, col_widths=[w * mm for w in widths],
                       aligns=["center", "left", "left", "right", "right", "right", "right",
                               "left"])


def review_table(sheet: EvaluationSheet, s: Styles):
    """Actions rated C or D: what changes next year."""
    next_year = wareki.format_fiscal_year(sheet.fiscal_year + 1, "short")
    head = ["整理番号", "推進項目", "評価", "見直しの内容", f"{next_year}の年次計画"]
    rows = [[r["code"], r["title"], r["rating"], r["next_step"], status_text(r["next_status"])]
            for r in sheet.review]
    widths = [22, 70, 15, 119, 35]
    return ruled_table(head, rows, s, col_widths=[w * mm for w in widths],
                       aligns=["center", "left", "center", "left", "center"])


def _summary(sheet: EvaluationSheet) -> str:
    parts = [f"{code} {label}：{sheet.counts.get(code, 0)}件"
             for code, label in sheet.scale.items()]
    parts.append(f"未評価：{sheet.counts.get('', 0)}件")
    return "自己評価の集計　" + "　".join(parts)


def build_evaluation_sheet(sheet: EvaluationSheet, *, draft: bool = False) -> bytes:
    """The PDF bytes of one 年度's 評価シート."""
    s = make_styles()
    year = wareki.format_fiscal_year(sheet.fiscal_year)
    title = f"{year}　地域づくり計画 評価シート"
    story = [_p(title, s.title), _p(f"{sheet.plan['title']}　{sheet.council_name}", s.body_center),
             Spacer(1, 3 * mm), _p(_summary(sheet), s.body),
             _p("評価：" + "　".join(f"{c} {lbl}" for c, lbl in sheet.scale.items())
                + "　／　自己評価・相互評価・第三者評価", s.small), Spacer(1, 2 * mm),
             evaluation_table(sheet, s), Spacer(1, 6 * mm),
             KeepTogether([_p("数値目標の実績", s.heading), indicator_year_table(sheet, s)]),
             Spacer(1, 6 * mm)]
    if sheet.money:
        story += [_p("推進項目ごとの事業と決算額（円）", s.heading), money_table(sheet, s),
                  Spacer(1, 6 * mm)]
    review = (review_table(sheet, s) if sheet.review
              else _p("見直しが必要な推進項目（評価 C・D）はありません。", s.body))
    story.append(KeepTogether([_p("次年度の計画への反映（見直し）", s.heading), review]))
    furniture = PageFurniture(title=title, header_right=sheet.council_name,
                              footer_left=title, draft=draft)
    return build_pdf(story, furniture, pagesize=landscape(A4))


def build(store, request: ReportRequest) -> bytes:
    """ReportKind ``plan-evaluation`` for ``request.fiscal_year`` of the current plan."""
    sheet = evaluation_sheet(store, request.council_id, request.fiscal_year,
                             request.options.get("plan_id"))
    return build_evaluation_sheet(sheet, draft=request.draft)


REPORTS = [ReportKind("plan-evaluation", N_("Community plan evaluation sheet"), build,
                      needs_fiscal_year=True, order=41)]
