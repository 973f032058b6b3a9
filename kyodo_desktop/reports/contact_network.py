"""連絡網: ``kyodo-desktop report contact-network --fiscal-year Y --recipient R --purpose P``:
the office-holders of the 年度 who agreed to 連絡網 — 氏名, 役職, 電話番号 — and how many were left
out for want of consent (個人情報保護法 第27条). Holds phone numbers, so every print is a
提供記録 (第29条). Data: services/privacy/network.py.
"""

from __future__ import annotations

from reportlab.platypus import Paragraph, Spacer

from kyodo_desktop.domain import wareki
from kyodo_desktop.i18n import N_
from kyodo_desktop.reports.grant_layout import escape, form_table, styles, width
from kyodo_desktop.reports.page import PageFurniture, build_pdf
from kyodo_desktop.reports.registry import ReportKind, ReportRequest
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.council.councils import council_name
from kyodo_desktop.services.privacy.network import contact_network

NOTICE = ("連絡網への掲載に同意した方だけを載せています。協議会・自治会の連絡以外に使わず、"
          "不要になったら廃棄してください。")


def build_contact_network(store: Store, request: ReportRequest) -> bytes:
    """The 連絡網 of the 年度 (see the module doc)."""
    found = contact_network(store, request.council_id, request.fiscal_year)
    council = council_name(store, request.council_id)
    title = f"{wareki.format_fiscal_year(request.fiscal_year)}　連絡網"
    st = styles()
    rows = [("line", (p["name"], p["roles"], p["phone"])) for p in found.people]
    story = [Paragraph(escape(title), st.title), Paragraph(escape(council), st.body_right),
             Paragraph(escape(NOTICE), st.small), Spacer(1, 6),
             form_table(["氏名", "役職", "電話番号"],
                        rows or [("line", ("（同意を得た方はいません）", "", ""))],
                        width(0.22, 0.56, 0.22))]
    if found.left_out:
        story += [Spacer(1, 6), Paragraph(escape(
            f"連絡網への掲載に同意していない役員等{found.left_out}名は載せていません。"), st.small)]
    return build_pdf(story, PageFurniture(title=title, footer_left=council,
                                          header_right="取扱注意"))


def listed_people(store: Store, request: ReportRequest) -> int:
    """How many people the 連絡網 shows (the number its 提供記録 records)."""
    return len(contact_network(store, request.council_id, request.fiscal_year).people)


REPORTS = [ReportKind("contact-network", N_("Contact network (連絡網)"), build_contact_network,
                      order=88, personal_data=listed_people)]
