"""納入状況一覧: ``report dues-status --fiscal-year Y``: the 会費 rate, then per 自治会 (五十音順)
加入世帯数, 請求額, 納入額, 残額, the dates of the payments and 未納/一部/済/過納, with the totals
and how many 自治会 are in each state. Data: :func:`kyodo_desktop.services.dues.status.dues_status`.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.dues import STATUS_LABELS
from kyodo_desktop.domain.formatting import format_number, format_yen
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.reports.grant_layout import escape, form_table, styles, width
from kyodo_desktop.reports.page import PageFurniture, build_pdf
from kyodo_desktop.reports.registry import ReportKind, ReportRequest
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.council.councils import council_name
from kyodo_desktop.services.dues.rows import DuesRate, DuesStatus
from kyodo_desktop.services.dues.status import dues_status


def rate_text(rate: DuesRate | None) -> str:
    """「会費：加入世帯1世帯あたり300円」 (and/or 「1自治会あたり…円」), or that none is set."""
    if rate is None:
        return "会費の額は設定されていません。"
    parts = []
    if rate.per_household:
        parts.append(f"加入世帯1世帯あたり{format_yen(rate.per_household)}円")
    if rate.per_association:
        parts.append(f"1自治会あたり{format_yen(rate.per_association)}円")
    return "会費：" + "＋".join(parts)


def summary_text(status: DuesStatus) -> str:
    """「済 33・一部 1・未納 3」: how many 自治会 per state (states with none left out)."""
    return "・".join(f"{_(label)} {status.count(code)}" for code, label in STATUS_LABELS.items()
                    if status.count(code))


def _dates(line) -> str:
    return "、".join(wareki.format_wareki(p.paid_on, "short") for p in line.payments)


#: What the paper says for a council without 自治会 (never 「0自治会（）」 over a table of zeros).
NO_ASSOCIATIONS = ("この年度の自治会が登録されていません。「構成団体・役員」の画面で自治会と加入世帯数を"
                   "入力してください。")


def _table(status: DuesStatus) -> list:
    """「37自治会（済 33・一部 1・未納 3）」 and the table, or the note :data:`NO_ASSOCIATIONS`."""
    st = styles()
    if not status.lines:
        return [Paragraph(escape(NO_ASSOCIATIONS), st.body)]
    rows = [("line", (str(number), line.name,
                      "" if line.member_households is None
                      else format_number(line.member_households),
                      line.billed, line.paid, line.balance, _dates(line),
                      _(STATUS_LABELS[line.status])))
            for number, line in enumerate(status.lines, start=1)]
    rows.append(("total", ("", "合計", format_number(sum(
        line.member_households or 0 for line in status.lines)), status.billed, status.paid,
        status.balance, "", "")))
    return [Paragraph(escape(f"{len(status.lines)}自治会（{summary_text(status)}）"), st.body),
            Spacer(1, 3 * mm),
            form_table(["No.", "自治会", "加入世帯数", "請求額", "納入額", "残額", "納入日", "状況"],
                       rows, width(0.05, 0.24, 0.11, 0.12, 0.12, 0.11, 0.17, 0.08),
                       aligns=["right", "left", "right", "right", "right", "right", "left",
                               "center"])]


def build_dues_status(store: Store, request: ReportRequest) -> bytes:
    """``report dues-status``: the 納入状況一覧 with totals (a note instead of the table when the
    council has no 自治会 that year)."""
    status = dues_status(store, request.council_id, request.fiscal_year)
    council = council_name(store, request.council_id)
    st = styles()
    title = f"{wareki.format_fiscal_year(request.fiscal_year)}　会費納入状況一覧"
    story = [Paragraph(escape(title), st.title), Paragraph(escape(council), st.body_right),
             Paragraph(escape(rate_text(status.rate)), st.body), *_table(status)]
    if status.other_income:
        story += [Spacer(1, 3 * mm), Paragraph(escape(
            f"出納簿には、自治会の納入として記録されていない会費収入が"
            f"{format_yen(status.other_income)}円あります。"), st.body)]
    return build_pdf(story, PageFurniture(title=title, footer_left=council, draft=request.draft))


REPORTS = [ReportKind("dues-status", N_("Membership fee status (会費納入状況一覧)"),
                      build_dues_status, order=72)]
