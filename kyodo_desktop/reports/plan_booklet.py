"""The printed 地域づくり計画 (``kyodo-desktop report plan``): cover, 目次, 目指す姿, 現状と課題,
計画の体系, 推進項目一覧表 with the ■/□ 対象 matrix, 年度別実行計画 (one card per action with its
年次計画 row, as seed 001 第2編 lays them out) and the 数値目標 table. A4, IPAex fonts embedded.

The 目次 gets its page numbers from a first layout pass (each chapter heading records the page it
lands on); the second pass prints them.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kyodo_desktop.domain import formatting, wareki
from kyodo_desktop.i18n import N_
from kyodo_desktop.reports.fonts import GOTHIC
from kyodo_desktop.reports.page import PageFurniture, build_pdf
from kyodo_desktop.reports.plan_tables import (
    WIDTH,
    action_card,
    action_list_table,
    indicator_table,
)
from kyodo_desktop.reports.registry import ReportKind, ReportRequest
from kyodo_desktop.reports.styles import Styles, make_styles
from kyodo_desktop.services.plan.document import PlanDocument, plan_document

#: The chapters in print order: (key, heading).
CHAPTERS = (
    ("vision", "第1章　目指す姿"),
    ("state", "第2章　地域の現状と課題"),
    ("structure", "第3章　計画の体系"),
    ("list", "第4章　推進項目一覧表"),
    ("yearly", "第5章　年度別実行計画"),
    ("indicators", "第6章　数値目標"),
)


class PageMark(Flowable):
    """An invisible flowable that records the page it is drawn on in ``pages[key]``."""

    def __init__(self, key: str, pages: dict[str, int]) -> None:
        super().__init__()
        self.key, self.pages = key, pages
        self.width = self.height = 0

    def draw(self) -> None:
        self.pages[self.key] = self.canv.getPageNumber()


def _p(text: str, style) -> Paragraph:
    escaped = (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Paragraph(escaped.replace("\n", "<br/>"), style)


def _cover(doc: PlanDocument, s: Styles) -> list:
    plan = doc.plan
    adopted = ""
    if plan["adopted_on"]:  # 「令和6年3月　策定」
        adopted = formatting.format_date(plan["adopted_on"]).split("月")[0] + "月　策定"
    period = (f"計画期間　{wareki.format_fiscal_year(plan['first_year'])}〜"
              f"{wareki.format_fiscal_year(plan['last_year'])}")
    vision_box = Table([[_p(plan["vision"], s.title)]], colWidths=[WIDTH - 30 * mm])
    vision_box.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), GOTHIC), ("BOX", (0, 0), (-1, -1), 1.2, "#1f3a5f"),
                                    ("TOPPADDING", (0, 0), (-1, -1), 10),
                                    ("BOTTOMPADDING", (0, 0), (-1, -1), 12)]))
    return [Spacer(1, 55 * mm), _p(plan["title"], _big(s)), Spacer(1, 8 * mm),
            _p(period, s.body_center), Spacer(1, 25 * mm),
            vision_box if plan["vision"] else Spacer(1, 1), Spacer(1, 45 * mm),
            _p(adopted, s.body_center), Spacer(1, 4 * mm), _p(doc.council_name, s.title),
            PageBreak()]


def _big(s: Styles):
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle("plan_cover", parent=s.title, fontSize=24 * s.scale,
                          leading=34 * s.scale)


def _contents(pages: dict[str, int] | None, s: Styles) -> list:
    rows = [[_p(title, s.body), _p(str(pages[key]) if pages and key in pages else "",
                                   s.body_right)] for key, title in CHAPTERS]
    table = Table(rows, colWidths=[WIDTH - 40 * mm, 20 * mm])
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), GOTHIC), ("LINEBELOW", (0, 0), (-1, -1), 0.3, "#999999"),
                               ("TOPPADDING", (0, 0), (-1, -1), 6)]))
    return [_p("目　次", s.title), Spacer(1, 8 * mm), table, PageBreak()]


def _chapter(key: str, marks: dict[str, int], s: Styles) -> list:
    title = dict(CHAPTERS)[key]
    return [CondPageBreak(60 * mm), PageMark(key, marks), _p(title, s.heading)]


def _vision_and_state(doc: PlanDocument, marks: dict, s: Styles) -> list:
    plan = doc.plan
    story = _chapter("vision", marks, s)
    story += [_p(plan["vision"], s.subheading), Spacer(1, 4 * mm),
              _p("計画期間", s.subheading),
              _p(f"{wareki.format_fiscal_year(plan['first_year'])}から"
                 f"{wareki.format_fiscal_year(plan['last_year'])}までの"
                 f"{plan['last_year'] - plan['first_year'] + 1}年間とします。", s.body)]
    if plan["methods"] or plan["adopted_on"]:
        story.append(_p("策定の経過", s.subheading))
        if plan["methods"]:
            story.append(_p("この計画は、" + "、".join(plan["methods"])
                            + "を通じて地域の声を集めて策定しました。", s.body))
        if plan["adopted_on"]:
            story.append(_p(f"策定日　{formatting.format_date(plan['adopted_on'])}", s.body))
    if plan["notes"]:
        story += [Spacer(1, 2 * mm), _p(plan["notes"], s.body)]
    story += _chapter("state", marks, s)
    for caption, key in (("現状", "current_state"), ("地域の強み", "strengths"),
                         ("課題", "issues")):
        if plan[key]:
            story += [_p(caption, s.subheading), _p(plan[key], s.body)]
    return story


def _structure(doc: PlanDocument, marks: dict, s: Styles) -> list:
    story = [PageBreak(), PageMark("structure", marks), _p(dict(CHAPTERS)["structure"], s.heading)]
    for goal in doc.tree:
        story.append(_p(f"{goal.numeral}　{goal.title}", s.subheading))
        story += [_p(f"　{m.numeral} {m.title}", s.body) for m in goal.children]
    return story


def _yearly(doc: PlanDocument, marks: dict, s: Styles) -> list:
    story = [PageBreak(), PageMark("yearly", marks), _p(dict(CHAPTERS)["yearly"], s.heading)]
    for goal in doc.tree:
        for m_index, measure in enumerate(goal.children):
            head = []
            if m_index == 0:
                head.append(_p(f"推進方針　{goal.numeral}　{goal.title}", s.subheading))
            head.append(_p(f"推進施策　{measure.numeral}　{measure.title}", s.body))
            for a_index, node in enumerate(measure.children):
                card = [action_card(doc, node.id, s), Spacer(1, 5 * mm)]
                story.append(KeepTogether((head if a_index == 0 else []) + card))
    return story


def story(doc: PlanDocument, marks: dict, pages: dict | None, s: Styles) -> list:
    """The flowables of the booklet; ``marks`` collects chapter pages, ``pages`` prints them."""
    body = _cover(doc, s) + _contents(pages, s) + _vision_and_state(doc, marks, s)
    body += _structure(doc, marks, s)
    body += [PageBreak(), PageMark("list", marks), _p(dict(CHAPTERS)["list"], s.heading),
             action_list_table(doc, s), Spacer(1, 2 * mm),
             _p("※ 『■』が推進項目の対象です。", s.small)]
    body += _yearly(doc, marks, s)
    body += [PageBreak(), PageMark("indicators", marks), _p(dict(CHAPTERS)["indicators"],
                                                             s.heading)]
    if doc.indicators:
        body += [indicator_table(doc.indicators, doc.milestones, s), Spacer(1, 2 * mm),
                 _p("※ 達成度は、現状値から最終目標値までのうち、直近の実績値で到達した割合です。",
                    s.small)]
    else:
        body.append(_p("数値目標は設定されていません。", s.body))
    return body


def build_plan_booklet(doc: PlanDocument, *, draft: bool = False, scale: float = 1.0) -> bytes:
    """The PDF bytes of the plan booklet (two layout passes for the 目次's page numbers)."""
    styles = make_styles(scale)
    furniture = PageFurniture(title=doc.plan["title"], header_right=doc.council_name,
                              footer_left=doc.plan["title"], draft=draft)
    pages: dict[str, int] = {}
    build_pdf(story(doc, pages, None, styles), furniture)
    return build_pdf(story(doc, {}, pages, styles), furniture)


def build(store, request: ReportRequest) -> bytes:
    """ReportKind ``plan``: the council's current plan (``options["plan_id"]`` picks another)."""
    doc = plan_document(store, request.council_id, request.options.get("plan_id"))
    scale = 1.3 if request.options.get("large_print") else 1.0
    return build_plan_booklet(doc, draft=request.draft, scale=scale)


REPORTS = [ReportKind("plan", N_("Community plan (booklet)"), build, needs_fiscal_year=False,
                      order=40)]
