"""避難行動要支援者名簿 (提供用): ``kyodo-desktop report evacuation-support --recipient R
--purpose P``: the people marked 要支援者 who agreed to be on it (災害対策基本法 第49条の11;
個人情報保護法 第27条) — 氏名, ふりがな, 住所, 電話番号, 同意日 — and how many were left out for want
of consent (never named). It holds personal data, so every print is a 提供記録.
Data: services/privacy/evacuation.py.
"""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Paragraph, Spacer

from kyodo_desktop.domain import formatting
from kyodo_desktop.i18n import N_
from kyodo_desktop.reports.grant_layout import escape, form_table, styles, width
from kyodo_desktop.reports.page import PageFurniture, build_pdf
from kyodo_desktop.reports.registry import ReportKind, ReportRequest
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.council.councils import council_name
from kyodo_desktop.services.privacy.evacuation import evacuation_list

TITLE = "避難行動要支援者名簿（提供用）"
NOTICE = ("この名簿は、災害時の避難支援のため避難支援等関係者に提供するものです。本人の同意を得た方のみ"
          "掲載しています（災害対策基本法第49条の11）。目的以外に使わず、複製せず、不要になったら"
          "返却または廃棄してください。")


def build_evacuation_support(store: Store, request: ReportRequest) -> bytes:
    """The list (see the module doc)."""
    found = evacuation_list(store, request.council_id)
    council = council_name(store, request.council_id)
    st = styles()
    rows = [("line", (str(number), p["name"], p["name_kana"],
                      f"〒{p['postal_code']} {p['address']}" if p["postal_code"] else p["address"],
                      p["phone"], formatting.format_date(p["agreed_on"], "short")))
            for number, p in enumerate(found.people, start=1)]
    story = [Paragraph(escape(TITLE), st.title), Paragraph(escape(council), st.body_right),
             Paragraph(escape(NOTICE), st.small), Spacer(1, 6),
             form_table(["番号", "氏名", "ふりがな", "住所", "電話番号", "同意日"],
                        rows or [("line", ("", "（同意を得た方はいません）", "", "", "", ""))],
                        width(0.06, 0.15, 0.17, 0.33, 0.17, 0.12))]
    if found.left_out:
        story += [Spacer(1, 6), Paragraph(escape(
            f"同意の記録がない要支援者{found.left_out}名は掲載していません。"
            "同意書をいただいてから掲載します。"), st.small)]
    story.append(Paragraph(escape(f"作成日　{formatting.format_date(date.today())}"), st.small))
    return build_pdf(story, PageFurniture(title=TITLE, footer_left=council,
                                          header_right="取扱注意"))


def listed_people(store: Store, request: ReportRequest) -> int:
    """How many people the list shows (the number its 提供記録 records)."""
    return len(evacuation_list(store, request.council_id).people)


REPORTS = [ReportKind("evacuation-support", N_("List of people needing evacuation support"),
                      build_evacuation_support, needs_fiscal_year=False, order=89,
                      personal_data=listed_people)]
