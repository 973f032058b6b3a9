"""同意書 (個人情報の取扱いに関する同意書): ``kyodo-desktop report consent-form [--person ID]``.

One A4 page addressed to the council's 会長: the 利用目的 (名簿掲載, 連絡網, 避難行動要支援者支援,
写真の広報掲載), each with 「同意する・同意しない」 to circle, the answers already recorded marked
■, the lines to date and sign, and how to withdraw (個人情報保護法 第27条; 災害対策基本法 第49条の11).
Without ``--person`` a blank form. Holds no phone or address, so no 提供記録.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from kyodo_desktop.domain import formatting
from kyodo_desktop.i18n import N_
from kyodo_desktop.reports.grant_layout import escape, form_table, styles, width
from kyodo_desktop.reports.meeting_layout import fields_table, text_block
from kyodo_desktop.reports.page import PageFurniture, build_pdf
from kyodo_desktop.reports.registry import ReportKind, ReportRequest
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.privacy.papers import ConsentForm, consent_form, person_id_from

TITLE = "個人情報の取扱いに関する同意書"
_INTRO = ("私は、下記の利用目的について、私の個人情報（氏名・住所・電話番号等）を{council}が"
          "取り扱うことに、〇をつけたとおり同意します。")
_NOTES = ("・同意しない目的があっても、協議会の活動に参加できます。\n"
          "・同意はいつでも取り消すことができます。事務局にお申し出ください。\n"
          "・避難行動要支援者名簿は、同意いただいた方のみ掲載し、避難支援等関係者（自主防災組織・"
          "民生委員等）にだけ提供します（災害対策基本法第49条の11）。\n"
          "・名簿等を第三者に提供したときは、提供先・目的・日付を記録します（個人情報保護法第27条・"
          "第29条）。")


def _answer(form: ConsentForm, code: str) -> str:
    answer = form.answers.get(code)
    if answer is None:
        return "同意する ・ 同意しない"
    mark = "■同意する ・ □同意しない" if answer["agreed"] else "□同意する ・ ■同意しない"
    return f"{mark}\n（{formatting.format_date(answer['recorded_on'])}記録）"


def consent_story(form: ConsentForm) -> list:
    """The flowables of one 同意書."""
    st = styles()
    addressee = f"{form.council}　会長　{form.president}　様" if form.president else (
        f"{form.council}　会長　様")
    rows = [("line", (label, text, _answer(form, code)))
            for code, label, text in form.purposes]
    return [Paragraph(escape(TITLE), st.title), Spacer(1, 4 * mm),
            Paragraph(escape(addressee), st.body), Spacer(1, 4 * mm),
            Paragraph(escape(_INTRO.format(council=form.council)), st.body), Spacer(1, 3 * mm),
            form_table(["利用目的", "内容", "ご回答（〇をつけてください）"], rows,
                       width(0.18, 0.5, 0.32)),
            Spacer(1, 6 * mm),
            fields_table([("記入日", "令和　　年　　月　　日"), ("住所", ""),
                          ("氏名", form.person), ("電話番号", ""), ("署名", "")]),
            Spacer(1, 5 * mm), *text_block(_NOTES, st.small)]


def build_consent_form(store: Store, request: ReportRequest) -> bytes:
    """The 同意書 of ``--person`` (or a blank one). Raises UserError for a bad person number."""
    person_id = person_id_from(store, request.council_id, request.options.get("person"))
    form = consent_form(store, request.council_id, person_id)
    return build_pdf(consent_story(form), PageFurniture(title=TITLE, footer_left=form.council))


REPORTS = [ReportKind("consent-form", N_("Consent form for personal data (同意書)"),
                      build_consent_form, needs_fiscal_year=False, order=90)]
