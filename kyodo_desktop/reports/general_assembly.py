"""総会議案書: ``kyodo-desktop report general-assembly --fiscal-year Y``.

Cover (date and place of the 通常総会, 「（案）」 until every 議案's result is recorded), 次第,
第1号 前年度事業報告 (事業 per 部会 with dates, participants and results), 第2号 前年度収支決算
報告 (the 収支決算書 itself, same figures) and 会計監査報告, 第3号 役員 (in office on the 総会
date, with 任期), 第4号 今年度事業計画 (事業 per 部会), 第5号 今年度収支予算 (当初予算 by fund
and 費目 beside the previous year's), then the 規約 with its revision history and the 役員名簿
(names and roles only). Data: :func:`kyodo_desktop.services.meetings.assembly.assembly_data`.
The tables' headings and row names are the preset's words of the form each part repeats (the
事業実績書's, the 事業計画書's, the 収支予算書's, the 会計監査報告書's).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.formatting import format_number
from kyodo_desktop.i18n import N_
from kyodo_desktop.reports.fonts import MINCHO
from kyodo_desktop.reports.grant_layout import Indented, escape, form_table, styles, width
from kyodo_desktop.reports.grant_statements import statement_story
from kyodo_desktop.reports.meeting_layout import text_block
from kyodo_desktop.reports.page import PageFurniture, build_pdf
from kyodo_desktop.reports.registry import ReportKind, ReportRequest
from kyodo_desktop.reports.tables import GRID_COMMANDS
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.forms.application import PlanRow
from kyodo_desktop.services.meetings.assembly import AssemblyData, BudgetFund, Motion, assembly_data

DRAFT_MARK = "（案）"


def _style(name: str, parent: ParagraphStyle, **extra) -> ParagraphStyle:
    return ParagraphStyle(name, parent=parent, **extra)


def _cover(data: AssemblyData) -> list:
    st = styles()
    big = _style("cover", st.title, fontSize=24, leading=36)
    title = "通常総会議案書" + (DRAFT_MARK if data.draft else "")
    lines = [("日時", data.when or data.budget_words.get("blank_date") + "（　）"),
             ("場所", data.place or "")]
    table = Table([[Paragraph(escape(k), st.body), Paragraph(escape(v), st.body)]
                   for k, v in lines], colWidths=[20 * mm, 110 * mm], hAlign="CENTER")
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), MINCHO)]))
    return [Spacer(1, 50 * mm), Paragraph(escape(wareki.format_fiscal_year(data.fiscal_year)),
                                          _style("cover-year", st.title, fontSize=18,
                                                 leading=27)),
            Paragraph(escape(title), big), Spacer(1, 40 * mm), table, Spacer(1, 50 * mm),
            Paragraph(escape(data.council), _style("cover-council", st.title, fontSize=18,
                                                   leading=27)), PageBreak()]


def _order(data: AssemblyData) -> list:
    st = styles()
    story = [Paragraph("次　第", st.title), *text_block(data.order)]
    story += [Spacer(1, 4 * mm), Paragraph("議　事", st.heading)]
    for motion in data.motions:
        story.append(Paragraph(escape(f"{motion.label}　{motion.title}"),
                               _style("order-item", st.body, leftIndent=st.body.fontSize)))
    return [*story, PageBreak()]


def _motion_head(motion: Motion) -> list:
    st = styles()
    story = [Paragraph(escape(f"{motion.label}　{motion.title}"),
                       _style("motion", st.heading, keepWithNext=1))]
    if motion.result:
        story.append(Paragraph(escape(f"【総会の結果】{motion.result}"), st.body_right))
    return story + text_block(motion.text) + [Spacer(1, 2 * mm)]


def _flowing_table(header: Sequence[str], rows: list[list], fractions: Sequence[float],
                   aligns: Sequence[str]) -> Table:
    """A ruled table whose long cells split across pages (never cut off)."""
    st = styles()
    cell = {"left": st.cell, "right": st.cell_right, "center": st.cell_center}
    data = [[Paragraph(escape(h), st.cell_header) for h in header]]
    data += [[Paragraph(escape(str(v)), cell[aligns[i]]) for i, v in enumerate(row)]
             for row in rows]
    table = Table(data, colWidths=width(*fractions), repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle(list(GRID_COMMANDS)))
    return table


def _by_body(rows: Sequence[PlanRow]):
    ordered = sorted(rows, key=lambda r: r.responsible or "～")
    return groupby(ordered, key=lambda r: r.responsible or "その他")


def _participants(row: PlanRow, expected: bool, unit: str) -> str:
    value = row.expected if expected else row.participants
    return "" if value is None else f"{format_number(value)}{unit}"


#: What a 議案 says when nothing is recorded for it (never a table of zeros that look real).
NOTHING_DONE = "（この年度の事業の実績は登録されていません。「地域づくり計画」の画面で事業と実績を入力してください）"
NOTHING_PLANNED = "（この年度の事業計画は登録されていません。「地域づくり計画」の画面で事業を入力してください）"
NO_ACCOUNTS = "（この年度の予算・出納簿の記録がありません。収支決算書は、出納簿を記帳してから印刷してください）"
#: 前年度予算額 and 増減 of a fund with no budget recorded for the previous 年度.
UNKNOWN = "－"
NO_BUDGET = "（この年度の予算が入力されていません。「予算・出納」の画面で予算を入力してください）"


def _per_body(motion: Motion, rows: Sequence[PlanRow], header: Sequence[str], cells,
              fractions: Sequence[float], aligns: Sequence[str], *, empty: str) -> list:
    """A 議案 listing 事業: a heading per 部会 (実施主体), then its table of ``cells(row)``;
    the note ``empty`` when there is no 事業."""
    st = styles()
    story = _motion_head(motion)
    if not rows:
        return story + text_block(empty)
    for body, group in _by_body(rows):
        story += [Paragraph(escape(body), _style("body-name", st.subheading, keepWithNext=1)),
                  _flowing_table(header, [cells(r) for r in group], fractions, aligns)]
    return story


def _report(data: AssemblyData, motion: Motion) -> list:
    results = data.results
    unit = results.words.get("participants_unit")
    header = [results.column("project"), results.column("period"), data.plan.column("place"),
              results.column("participants"), results.column("outcome")]
    return _per_body(motion, results.rows, header,
                     lambda r: [r.project, r.period, r.place, _participants(r, False, unit),
                                r.outcome],
                     (0.22, 0.16, 0.16, 0.1, 0.36), ["left", "left", "left", "right", "left"],
                     empty=NOTHING_DONE)


def _settlement(data: AssemblyData, motion: Motion) -> list:
    st = styles()
    recorded = any(f.income or f.expense or f.carried_in for f in data.settlement.funds)
    story = _motion_head(motion) + (statement_story(data.settlement, settlement=True)
                                    if recorded else text_block(NO_ACCOUNTS))
    story += [Spacer(1, 4 * mm), Paragraph(escape(data.audit_words.title),
                                           _style("audit", st.heading, keepWithNext=1))]
    story += text_block(data.audit_text)
    audit = data.audit
    if audit is None:
        story += text_block("（会計監査の結果は未登録です。）")
        return story
    story += [*text_block(audit.date_text), *text_block(audit.statement),
              *text_block(audit.opinion), Spacer(1, 3 * mm)]
    role = data.audit_words.get("auditor_role")
    story += [Paragraph(escape(f"{role}　{name}"), st.body_right) for name in audit.auditors]
    return story


def _officers(data: AssemblyData, motion: Motion) -> list:
    rows = [[o.role, o.name, o.term, o.notes] for o in data.officers]
    return _motion_head(motion) + [_flowing_table(
        ["役職", "氏名", "任期", "備考"], rows or [["", "（役員の登録がありません）", "", ""]],
        (0.16, 0.24, 0.4, 0.2), ["left", "left", "left", "left"])]


def _plan(data: AssemblyData, motion: Motion) -> list:
    plan = data.plan
    unit = plan.words.get("participants_unit")
    header = [plan.column("project"), plan.column("period"), plan.column("place"),
              plan.column("expected"), f"{plan.column('budget')}（{plan.words.get('yen')}）"]
    return _per_body(motion, plan.rows, header,
                     lambda r: [r.project, r.period, r.place, _participants(r, True, unit),
                                format_number(r.budget)],
                     (0.32, 0.2, 0.2, 0.12, 0.16), ["left", "left", "left", "right", "right"],
                     empty=NOTHING_PLANNED)


def _budget_rows(fund: BudgetFund, words) -> list:
    def line(r):
        name = Indented(r.name, r.level) if r.level else r.name
        kind = "total" if r.kind == "total" else ("group" if r.kind == "group" else "line")
        unknown = UNKNOWN if r.previous is None else None
        return (kind, (name, r.budget, unknown or r.previous, unknown or r.change))
    return ([("section", (words.get("income"),))] + [line(r) for r in fund.income]
            + [("section", (words.get("expense"),))] + [line(r) for r in fund.expense])


def _budget(data: AssemblyData, motion: Motion) -> list:
    st = styles()
    story = _motion_head(motion)
    words = data.budget_words
    item, amount = words.get("columns")[:2]  # 科目, 予算額 of the 収支予算書
    header = [item, f"{wareki.format_fiscal_year(data.fiscal_year)}{amount}",
              f"{wareki.format_fiscal_year(data.fiscal_year - 1)}{amount}", "増減"]
    if not any(r.kind != "total" for f in data.budget for r in f.income + f.expense):
        return story + text_block(NO_BUDGET)
    for fund in data.budget:
        table = form_table(header, _budget_rows(fund, words), width(0.34, 0.22, 0.22, 0.22),
                           aligns=["left", "right", "right", "right"])
        story += [Paragraph(escape(fund.fund_name + words.get("fund_suffix")),
                            _style("fund", st.subheading, keepWithNext=1)), table]
        story.append(Spacer(1, 3 * mm))
    notes = f"（単位：{words.get('yen')}。{amount}は当初予算の額。増減の△は減。"
    if any(r.previous is None for f in data.budget for r in f.income + f.expense):
        notes += f"前年度の予算の記録がない会計区分は「{UNKNOWN}」。"
    story.append(Paragraph(notes + "）", st.small))
    return story


def _rules(data: AssemblyData) -> list:
    st = styles()
    story = [PageBreak(), Paragraph(f"{escape(data.council)}規約", st.title)]
    if data.rules is None:
        return story + text_block("（規約が登録されていません。）")
    story += text_block(data.rules["body"])
    story += [Spacer(1, 4 * mm), Paragraph("改正の経過", _style("history", st.subheading,
                                                           keepWithNext=1))]
    story += text_block("\n".join(
        f"{wareki.format_wareki(r['revised_on'])}　{r['summary'] or '改正'}"
        for r in data.rule_history))
    return story


def _roster(data: AssemblyData) -> list:
    st = styles()
    story = [PageBreak(), Paragraph("役員名簿", st.title)]
    for title, people in data.roster:
        rows = [("line", (role, name)) for role, name in people]
        story.append(KeepTogether([
            Paragraph(escape(title), st.subheading),
            form_table(["役職", "氏名"], rows or [("line", ("", ""))], width(0.35, 0.65))]))
    return story


def assembly_story(data: AssemblyData) -> list:
    """The flowables of the whole 議案書."""
    report, settlement, officers, plan, budget = data.motions
    story = _cover(data) + _order(data)
    story += _report(data, report) + [PageBreak()]
    story += _settlement(data, settlement) + [PageBreak()]
    story += _officers(data, officers) + [PageBreak()]
    story += _plan(data, plan) + [PageBreak()]
    story += _budget(data, budget)
    return story + _rules(data) + _roster(data)


def build_general_assembly(store: Store, request: ReportRequest) -> bytes:
    """``report general-assembly --fiscal-year Y``: the 総会議案書 of the 年度."""
    data = assembly_data(store, request.council_id, request.fiscal_year)
    title = data.title + (DRAFT_MARK if data.draft else "")
    return build_pdf(assembly_story(data), PageFurniture(title=title, footer_left=data.council,
                                                         header_right=DRAFT_MARK.strip("（）")
                                                         if data.draft else ""))


REPORTS = [ReportKind("general-assembly", N_("General assembly papers (総会議案書)"),
                      build_general_assembly, order=55)]
