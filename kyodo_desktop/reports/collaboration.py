"""協働事業一覧 (``report collaboration``, A4 landscape: each 事業 with its 形態, partners and
their 役割分担, 決算額 and the 振り返り marks) and 振り返りシート (``report collaboration-review``,
one page per 事業: partners, and each principle's mark ◎ ○ △ × with its comment; a 事業 not yet
reviewed prints empty boxes to fill in by hand). Data:
:func:`kyodo_desktop.services.collaboration.projects.year_collaboration`.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer

from kyodo_desktop.domain import wareki
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.reports.page import PageFurniture, build_pdf
from kyodo_desktop.reports.registry import ReportKind, ReportRequest
from kyodo_desktop.reports.styles import make_styles
from kyodo_desktop.reports.tables import ruled_table
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.collaboration.projects import ProjectCollaboration, year_collaboration
from kyodo_desktop.services.collaboration.terms import PRINCIPLES, SCORES
from kyodo_desktop.services.council.councils import council_name

LIST_COLUMNS = ((N_("No."), 20), (N_("Project"), 52), (N_("Form of collaboration"), 34),
                (N_("Partners and their roles"), 95), (N_("Settled amount"), 24),
                (N_("Review"), 36))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _marks(project: ProjectCollaboration) -> str:
    if not project.reviewed:
        return _("Not reviewed yet")
    return " ".join(f"{mark}{count}" for mark, count in project.score_counts().items())


def _partners(project: ProjectCollaboration) -> str:
    return "／".join(f"{p.name}（{p.kind_label}）: {p.role}" for p in project.partners)


def _heading(title: str, council: str, year: int, styles) -> list:
    return [Paragraph(_escape(title), styles.title),
            Paragraph(_escape(f"{council}　{wareki.format_fiscal_year(year)}"),
                      styles.body_center), Spacer(1, 3 * mm)]


def build_collaboration_list(store: Store, request: ReportRequest) -> bytes:
    """``report collaboration``: the 協働事業一覧 of the council-year."""
    styles = make_styles()
    year, council = request.fiscal_year, council_name(store, request.council_id)
    projects = year_collaboration(store, request.council_id, year)
    title = _("List of collaborative projects")
    rows = [[p.code, p.name, "、".join(p.forms), _partners(p), p.cost, _marks(p)]
            for p in projects]
    story = _heading(title, council, year, styles) + [ruled_table(
        [_(h) for h, _w in LIST_COLUMNS], rows, styles,
        col_widths=[w * mm for _h, w in LIST_COLUMNS],
        aligns=["left", "left", "left", "left", "right", "left"])]
    story.append(Paragraph(_escape(_("Review: how many of the {count} principles got each "
                                     "mark (◎ ○ △ ×).").format(count=len(PRINCIPLES))),
                           styles.small))
    return build_pdf(story, PageFurniture(title=title, header_right=council),
                     pagesize=landscape(A4))


def _sheet(project: ProjectCollaboration, styles) -> list:
    story = [Paragraph(_escape(f"{project.code}　{project.name}"), styles.heading),
             Paragraph(_escape(_("Form of collaboration: {forms}").format(
                 forms="、".join(project.forms) or "—")), styles.body)]
    story.append(ruled_table(
        [_("Partner"), _("Kind"), _("Role in the project"), _("Who pays what")],
        [[p.name, p.kind_label, p.role, p.pays] for p in project.partners] or [["", "", "", ""]],
        styles, col_widths=[w * mm for w in (50, 28, 52, 44)]))
    story.append(Spacer(1, 4 * mm))
    marks = "　".join(SCORES.values())
    story.append(ruled_table(
        [_("Principle"), _("Mark"), _("Comment")],
        [[label, SCORES[project.reviews[code][0]] if code in project.reviews else marks,
          project.reviews.get(code, ("", ""))[1]] for code, label in PRINCIPLES.items()],
        styles, col_widths=[w * mm for w in (44, 30, 100)],
        aligns=["left", "center", "left"]))
    return story


def build_review_sheets(store: Store, request: ReportRequest) -> bytes:
    """``report collaboration-review``: one 振り返りシート per 事業 of the council-year."""
    styles = make_styles()
    year, council = request.fiscal_year, council_name(store, request.council_id)
    title = _("Collaboration review sheet")
    story: list = []
    for number, project in enumerate(year_collaboration(store, request.council_id, year)):
        if number:
            story.append(PageBreak())
        story += _heading(title, council, year, styles) + _sheet(project, styles)
    if not story:
        story = _heading(title, council, year, styles) + [
            Paragraph(_("No project is recorded for this year."), styles.body)]
    return build_pdf(story, PageFurniture(title=title, header_right=council))


REPORTS = [
    ReportKind("collaboration", N_("List of collaborative projects (協働事業一覧)"),
               build_collaboration_list, order=80),
    ReportKind("collaboration-review", N_("Collaboration review sheets (振り返りシート)"),
               build_review_sheets, order=81),
]
