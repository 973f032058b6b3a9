"""Tables of the printed plan, laid out like seed 001 第2編: the 推進項目一覧表 with its ■/□ 対象
matrix, one card per action (整理番号, 推進項目, 担当, 実施主体, 対象, 目的, 現状と課題, 推進内容,
完了の目安, 年次計画 row) and the 数値目標 table (現状値, 中間・最終の目標値, 実績値).
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from kyodo_desktop.domain import labels, wareki
from kyodo_desktop.reports.fonts import GOTHIC
from kyodo_desktop.reports.styles import Styles
from kyodo_desktop.reports.tables import HEADER_FILL, cell
from kyodo_desktop.services.plan.common import format_figure
from kyodo_desktop.services.plan.document import PlanDocument
from kyodo_desktop.services.plan.indicators import Indicator

WIDTH = 174 * mm  # A4 portrait between the 18 mm margins
GOAL_FILL = colors.Color(0.82, 0.86, 0.92)
MEASURE_FILL = colors.Color(0.93, 0.95, 0.98)
ON, OFF = "■", "□"


def status_text(status: str | None) -> str:
    """A 年次計画 cell as printed: 「検討」, 「→」 for 継続, 「見直し・実施」 …; "" when empty."""
    if status == "continue":
        return labels.SCHEDULE_STATUS_MARKS["continue"]
    return labels.label_of(labels.SCHEDULE_STATUS_LABELS, status)


def year_heading(fiscal_year: int, count: int) -> str:
    """Column head of a 年度: 「R8年度」, or 「R8」 when many years share the width."""
    text = wareki.format_fiscal_year(fiscal_year, "short")
    return text if count <= 6 else text.removesuffix("年度")


def _small_header(styles: Styles) -> ParagraphStyle:
    """The table head at 7.5 pt: 「地域コミュニティ」 must fit an 11.5 mm column."""
    size = 7.5 * styles.scale
    return ParagraphStyle("plan_small_header", parent=styles.cell_header, fontSize=size,
                          leading=size * 1.2)


def _base_style(extra: list) -> TableStyle:
    return TableStyle([
        ("FONT", (0, 0), (-1, -1), GOTHIC),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        *extra,
    ])


def action_list_table(doc: PlanDocument, styles: Styles) -> Table:
    """推進項目一覧表: goal and measure rows across the table, then one row per action with its
    整理番号, title and a ■ (対象) or □ under each of 市民 … その他."""
    targets = list(labels.PLAN_TARGET_LABELS)
    head = [Paragraph("整理番号", styles.cell_header), Paragraph("推進項目", styles.cell_header)]
    head += [Paragraph(labels.PLAN_TARGET_LABELS[t], _small_header(styles)) for t in targets]
    data, commands = [head], [("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)]
    for goal in doc.tree:
        data.append([cell(f"{goal.numeral} {goal.title}", styles)] + [""] * (len(targets) + 1))
        row = len(data) - 1
        commands += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), GOAL_FILL)]
        for measure in goal.children:
            data.append([cell(f"{measure.numeral} {measure.title}", styles)]
                        + [""] * (len(targets) + 1))
            row = len(data) - 1
            commands += [("SPAN", (0, row), (-1, row)),
                         ("BACKGROUND", (0, row), (-1, row), MEASURE_FILL),
                         ("LEFTPADDING", (0, row), (0, row), 12)]
            for node in measure.children:
                chosen = set(doc.actions[node.id]["targets"])
                data.append([cell(node.code, styles, align="center"),
                             cell(f"{node.numeral} {node.title}", styles)]
                            + [cell(ON if t in chosen else OFF, styles, align="center")
                               for t in targets])
    mark_width = 11.5 * mm
    widths = [24 * mm, WIDTH - 24 * mm - mark_width * len(targets)] + [mark_width] * len(targets)
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(_base_style(commands))
    return table


def action_card(doc: PlanDocument, action_id: int, styles: Styles) -> Table:
    """The card of one 推進項目 with its 年次計画 row (one column per 年度 of the plan)."""
    action = doc.actions[action_id]
    years = doc.plan["years"]
    n = len(years)
    label_width = 26 * mm
    year_width = (WIDTH - label_width) / n
    chosen = set(action["targets"])
    marks = "　".join(f"{ON if t in chosen else OFF}{label}"
                     for t, label in labels.PLAN_TARGET_LABELS.items())
    numeral = labels.action_numeral(action["position"])
    lines = [
        ("整理番号", action["code"]),
        ("推進項目", f"{numeral} {action['title']}"),
        ("担当", action.get("subcommittee_name") or ""),
        ("実施主体", action["responsible"]),
        ("推進項目対象", marks),
        ("目的", action["purpose"]),
        ("現状と課題", action["current_state"]),
        ("推進内容", action["content"]),
        ("完了の目安", action["completion_criterion"]),
    ]
    data, commands = [], []
    for caption, value in lines:
        data.append([cell(caption, styles, align="center"), _text(value, styles)]
                    + [""] * (n - 1))
        row = len(data) - 1
        commands += [("SPAN", (1, row), (-1, row)), ("BACKGROUND", (0, row), (0, row), HEADER_FILL)]
    first = len(data)
    data.append([cell("年次計画", styles, align="center")]
                + [cell(year_heading(y, n), styles, align="center") for y in years])
    data.append([""] + [cell(status_text(action["schedule"].get(y)), styles, align="center")
                        for y in years])
    commands += [("SPAN", (0, first), (0, first + 1)),
                 ("BACKGROUND", (0, first), (-1, first), HEADER_FILL),
                 ("BACKGROUND", (0, first + 1), (0, first + 1), HEADER_FILL),
                 ("BOX", (0, 0), (-1, 0), 1.0, colors.black)]
    table = Table(data, colWidths=[label_width] + [year_width] * n)
    table.setStyle(_base_style(commands))
    return table


def _text(value: str, styles: Styles) -> Paragraph:
    escaped = (value or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Paragraph(escaped.replace("\n", "<br/>"), styles.cell)


def indicator_table(indicators: list[Indicator], milestones: tuple[int, int],
                    styles: Styles) -> Table:
    """数値目標: 指標, 単位, 現状値 (年度), 中間・最終の目標値, the latest 実績値 and 達成度."""
    from kyodo_desktop.domain.formatting import format_percent

    mid, final = milestones
    head = ["指標", "単位", "現状値", f"目標値（中間）\n{wareki.format_fiscal_year(mid, 'short')}",
            f"目標値（最終）\n{wareki.format_fiscal_year(final, 'short')}", "実績値\n（直近）",
            "達成度"]
    data = [[Paragraph(h.replace("\n", "<br/>"), styles.cell_header) for h in head]]
    for number, ind in enumerate(indicators, start=1):
        baseline = format_figure(ind.baseline)
        if baseline and ind.baseline_year:
            baseline += f"<br/>（{wareki.format_fiscal_year(ind.baseline_year, 'short')}）"
        latest = ind.latest
        actual = (f"{format_figure(latest[1])}<br/>（{wareki.format_fiscal_year(latest[0], 'short')}）"
                  if latest else "")
        targets = ind.targets
        data.append([cell(f"{labels.action_numeral(number)} {ind.name}", styles),
                     cell(ind.unit, styles, align="center"),
                     Paragraph(baseline, styles.cell_right),
                     cell(format_figure(targets.get(mid)), styles, align="right"),
                     cell(format_figure(targets.get(final)), styles, align="right"),
                     Paragraph(actual, styles.cell_right),
                     cell(format_percent(ind.progress, 0), styles, align="right")])
    widths = [54 * mm, 12 * mm, 22 * mm, 24 * mm, 24 * mm, 22 * mm, 16 * mm]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(_base_style([("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)]))
    return table
