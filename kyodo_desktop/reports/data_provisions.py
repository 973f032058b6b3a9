"""提供記録 (個人データの第三者提供の記録): ``kyodo-desktop report data-provisions
[--fiscal-year Y]``: every print or export with personal data given out — 提供日, 帳票,
人数, 提供先, 目的, 作成者 — of the 年度 (or all), oldest first, with the rule for keeping it
(個人情報保護法 第29条, 施行規則第21条: 3年), then the deletions of people whose 保存期間 ended
(when, how many, the rule, by whom; 第22条). Data: services/privacy/provisions.py, retention.py.
"""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Paragraph, Spacer

from kyodo_desktop.domain import formatting, wareki
from kyodo_desktop.i18n import N_
from kyodo_desktop.reports.grant_layout import escape, form_table, styles, width
from kyodo_desktop.reports.page import PageFurniture, build_pdf
from kyodo_desktop.reports.registry import ReportKind, ReportRequest
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.council.councils import council_name
from kyodo_desktop.services.privacy.provisions import list_provisions
from kyodo_desktop.services.privacy.retention import deletions

KEEPING = ("この記録は、提供した日から3年間保存します（個人情報保護法第29条第2項、同法施行規則"
           "第21条）。")


def _deletions(store: Store, council_id: int) -> list:
    st = styles()
    rows = [("line", (formatting.format_date(date.fromisoformat(d["deleted_at"][:10]), "short"),
                      f"{formatting.format_number(d['people'])}名", d["rule"], d["deleted_by"]))
            for d in deletions(store, council_id)]
    return [Spacer(1, 14), Paragraph("保存期間を過ぎた個人データの削除", st.subheading),
            form_table(["削除日", "人数", "保存期間（根拠）", "作成者"],
                       rows or [("line", ("", "", "（削除はありません）", ""))],
                       width(0.12, 0.08, 0.62, 0.18),
                       aligns=["left", "right", "left", "left"])]


def build_data_provisions(store: Store, request: ReportRequest) -> bytes:
    """The 提供記録 list of the council (the 年度 when given)."""
    year = request.fiscal_year
    since = wareki.fiscal_year_start(year) if year else None
    until = wareki.fiscal_year_end(year) if year else None
    rows = list_provisions(store, request.council_id, since=since, until=until)
    council = council_name(store, request.council_id)
    title = f"{wareki.format_fiscal_year(year)}　個人データ提供記録" if year else "個人データ提供記録"
    st = styles()
    lines = [("line", (formatting.format_date(r["provided_on"], "short"), r["document"],
                       f"{formatting.format_number(r['people'])}名", r["recipient"], r["purpose"],
                       r["printed_by"])) for r in rows]
    story = [Paragraph(escape(title), st.title), Paragraph(escape(council), st.body_right),
             form_table(["提供日", "帳票・ファイル", "人数", "提供先", "目的", "作成者"],
                        lines or [("line", ("", "（記録はありません）", "", "", "", ""))],
                        width(0.12, 0.22, 0.08, 0.22, 0.22, 0.14),
                        aligns=["left", "left", "right", "left", "left", "left"]),
             Spacer(1, 8), Paragraph(escape(KEEPING), st.small)]
    story += _deletions(store, request.council_id)
    return build_pdf(story, PageFurniture(title=title, footer_left=council))


REPORTS = [ReportKind("data-provisions", N_("Record of personal data given out (提供記録)"),
                      build_data_provisions, needs_fiscal_year=False, order=91)]
