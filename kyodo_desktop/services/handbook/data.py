"""What the handbook fills in from the data: placeholder values and the data chapters.

Placeholders (``{年度}`` …) are listed in :data:`PLACEHOLDERS` with a short explanation shown in
the editor. Data chapters (:data:`DATA_SOURCES`) become blocks of
:mod:`kyodo_desktop.domain.handbook_markup`. Captions here are printed content of a Japanese
booklet, like the default chapters in ``resources/handbook/`` and the labels of
:mod:`kyodo_desktop.domain.labels`: literal Japanese, not UI messages.

Editions: ``"public"`` (配布用) never shows a person's phone number or address; ``"staff"``
(事務局用) adds the 自治会長's and 役員's contacts (issue 7; GLOSSARY: people's contacts are
personal and omitted from public prints) of those who agreed to 名簿掲載 (個人情報保護法 第27条;
:func:`kyodo_desktop.services.privacy.register.consented_people`); the others' contacts stay
empty. :func:`staff_contact_people` says whose contacts the staff edition prints (the
提供記録 counts them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from kyodo_desktop.domain import formatting, wareki
from kyodo_desktop.domain.handbook_markup import Block, Heading, Paragraph
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.council.presets import preset_for_council
from kyodo_desktop.services.handbook import facts
from kyodo_desktop.services.handbook.data_tables import (
    association_table,
    center_table,
    grant_tables,
    officer_table,
    schedule_table,
    subcommittee_table,
)
from kyodo_desktop.services.meetings.calendar import year_events
from kyodo_desktop.services.privacy.register import consented_people
from kyodo_desktop.store import Store

EDITIONS = ("public", "staff")
PENDING = "（未定）"
NOT_SET = "（未登録）"

#: placeholder key → what it prints (shown in the editor's help list).
PLACEHOLDERS: dict[str, str] = {
    "年度": "令和8年度 のような年度",
    "西暦年度": "2026年度 のような年度",
    "翌年度": "次の年度（令和9年度）",
    "年度開始日": "年度の初日（4月1日）",
    "年度終了日": "年度の末日（3月31日）",
    "発行日": "印刷した日",
    "協議会名": "地域づくり協議会の名前",
    "地域名": "地域の名前",
    "市町村名": "市の名前",
    "担当課": "市の担当課",
    "協議会会長": "協議会の会長の氏名",
    "事務局電話": "協議会事務局の電話番号",
    "事務局メール": "協議会事務局のメールアドレス",
    "センター名": "地域交流センターの名前",
    "センター住所": "地域交流センターの住所",
    "センター電話": "地域交流センターの電話番号",
    "センターFAX": "地域交流センターのFAX番号",
    "開館時間": "地域交流センターの開館時間",
    "自治会数": "協議会の自治会の数",
    "世帯数": "自治会の世帯数の合計（4月1日現在）",
    "加入世帯数": "自治会に加入している世帯数の合計",
    "加入率": "自治会の加入率",
    "交付金額:運営支援": "運営支援交付金の額（円）",
    "交付金額:活動支援": "活動支援交付金の額（円）",
    "交付金額:合計": "地域づくり交付金の合計額（円）",
    "申請日:活動支援": "活動支援交付金を申請した日",
    "交付決定日:活動支援": "活動支援交付金の交付決定日",
}


def _or(value: str, fallback: str = NOT_SET) -> str:
    return value if value else fallback


def _day(value: date | None) -> str:
    return formatting.format_date(value) if value else PENDING


def placeholder_values(store: Store, council_id: int, fiscal_year: int, *,
                       today: date | None = None) -> dict[str, str]:
    """``{placeholder key: text}`` for every key of :data:`PLACEHOLDERS` (and 交付金額/申請日/
    交付決定日 of every 会計区分 with a grant). Values that are not known yet print 「（未定）」.
    Raises UserError when the council does not exist."""
    today = today or date.today()
    council = _council(store, council_id)
    on = facts.reference_date(fiscal_year, today)
    officers = facts.council_officers(store, council_id, on)
    groups = facts.associations(store, council_id, fiscal_year, on)
    counted = [g for g in groups if g.households is not None]
    households = sum(g.households for g in counted)
    members = sum(g.member_households or 0 for g in counted)
    preset = preset_for_council(store, council_id)
    values = {
        "年度": wareki.format_fiscal_year(fiscal_year),
        "西暦年度": f"{fiscal_year}年度",
        "翌年度": wareki.format_fiscal_year(fiscal_year + 1),
        "年度開始日": formatting.format_date(wareki.fiscal_year_start(fiscal_year)),
        "年度終了日": formatting.format_date(wareki.fiscal_year_end(fiscal_year)),
        "発行日": formatting.format_date(today),
        "協議会名": council["name"],
        "地域名": _or(council["district"]),
        "市町村名": preset.city,
        "担当課": _or(preset.department),
        "協議会会長": _or("、".join(o["name"] for o in officers if o["role"] == "president")),
        "事務局電話": _or(council["phone"]),
        "事務局メール": _or(council["email"]),
        "センター名": _or(council["center_name"]),
        "センター住所": _or(_address(council["center_postal_code"], council["center_address"])),
        "センター電話": _or(council["center_phone"]),
        "センターFAX": _or(council["center_fax"]),
        "開館時間": _or(council["center_hours"]),
        "自治会数": formatting.format_number(len(groups)),
        "世帯数": formatting.format_number(households) if counted else PENDING,
        "加入世帯数": formatting.format_number(members) if counted else PENDING,
        "加入率": formatting.format_percent(members / households) if households else PENDING,
    }
    values.update(_grant_values(store, council_id, fiscal_year))
    return values


def _grant_values(store: Store, council_id: int, fiscal_year: int) -> dict[str, str]:
    funds = store.query("SELECT code, name FROM funds WHERE is_grant = 1 ORDER BY sort_order")
    rows = {row["fund_code"]: row for row in facts.grants(store, council_id, fiscal_year)}
    values: dict[str, str] = {}
    total, known = 0, False
    for fund in funds:
        row = rows.get(fund["code"])
        amount = row["amount"] if row else None
        values[f"交付金額:{fund['name']}"] = (formatting.format_yen(amount, unit=True)
                                           if amount is not None else PENDING)
        values[f"申請日:{fund['name']}"] = _day(row["applied_on"] if row else None)
        values[f"交付決定日:{fund['name']}"] = _day(row["decided_on"] if row else None)
        if amount is not None:
            total, known = total + amount, True
    values["交付金額:合計"] = formatting.format_yen(total, unit=True) if known else PENDING
    return values


def _address(postal_code: str, address: str) -> str:
    if not address:
        return ""
    return f"〒{postal_code} {address}" if postal_code else address


def _council(store: Store, council_id: int) -> dict:
    try:
        return facts.council_facts(store, council_id)
    except LookupError as error:
        raise UserError(_("This council no longer exists in the data file.")) from error


def consented_contacts(store: Store, council_id: int,
                       groups: list[facts.Association]) -> list[facts.Association]:
    """``groups`` with the 会長's phone and address emptied unless they agreed to 名簿掲載."""
    allowed = consented_people(store, council_id, "roster")
    return [g if g.person_id in allowed else replace(g, phone="", address="") for g in groups]


def staff_contact_people(store: Store, council_id: int, fiscal_year: int, sources: set[str], *,
                         today: date | None = None) -> set[int]:
    """The ids of the people whose phone or address the staff edition's data chapters
    ``sources`` (names of :data:`DATA_SOURCES`) print."""
    on = facts.reference_date(fiscal_year, today or date.today())
    found: set[int] = set()
    if "associations" in sources:
        groups = consented_contacts(store, council_id,
                                    facts.associations(store, council_id, fiscal_year, on))
        found |= {g.person_id for g in groups if g.person_id and (g.phone or g.address)}
    if "organization" in sources:
        allowed = consented_people(store, council_id, "roster")
        found |= {o["person_id"] for o in facts.council_officers(store, council_id, on)
                  if o["person_id"] in allowed and o["phone"]}
    return found


# Data chapters ------------------------------------------------------------------------------------

def _associations(store, council_id, fiscal_year, staff, today) -> list[Block]:
    on = facts.reference_date(fiscal_year, today)
    groups = facts.associations(store, council_id, fiscal_year, on)
    blocks: list[Block] = [Paragraph(
        f"{wareki.format_fiscal_year(fiscal_year)}の自治会と自治会長です（世帯数は4月1日現在、"
        f"自治会長は{formatting.format_date(on)}現在）。")]
    if not groups:
        return [*blocks, Paragraph("登録されている自治会はまだありません。")]
    blocks.append(association_table(consented_contacts(store, council_id, groups)
                                    if staff else groups, staff))
    if not staff:
        blocks.append(Paragraph("自治会長の連絡先は、地域交流センターの事務局にお問い合わせください。"))
    return blocks


def _organization(store, council_id, fiscal_year, staff, today) -> list[Block]:
    on = facts.reference_date(fiscal_year, today)
    council = _council(store, council_id)
    officers = facts.council_officers(store, council_id, on)
    if staff:
        allowed = consented_people(store, council_id, "roster")
        officers = [o if o["person_id"] in allowed else {**o, "phone": ""} for o in officers]
    groups = facts.subcommittees(store, council_id, on)
    blocks: list[Block] = [Paragraph(
        f"{council['name']}の役員と専門部会です（{formatting.format_date(on)}現在）。")]
    blocks += [Heading(2, "役員"), officer_table(officers, staff)] if officers else []
    if groups:
        blocks += [Heading(2, "専門部会と事務局"), subcommittee_table(groups)]
    return blocks


def _schedule(store, council_id, fiscal_year, staff, today) -> list[Block]:
    """年間行事予定 from the 行事予定 of the 年度 (services/meetings/calendar.py: 事業, 総会 and
    other meetings, 交付金の手続き); a 事業's 場所 and 担当 come from the 事業."""
    rows = facts.projects(store, council_id, fiscal_year)
    events, _whole_year = year_events(store, council_id, fiscal_year)
    rows += [{"name": e.text, "starts_on": e.day, "ends_on": e.last, "place": "",
              "subcommittee": "事務局" if e.kind == "grant" else ""}
             for e in events if e.kind != "project"]
    intro = Paragraph(f"{wareki.format_fiscal_year(fiscal_year)}に協議会が予定している主な行事です"
                      "（会議と交付金の手続きを含みます）。日程は変わることがあります。"
                      "広報誌や回覧でもお知らせします。")
    if not rows:
        return [intro, Paragraph("この年度の行事はまだ登録されていません。")]
    rows.sort(key=lambda r: (r["starts_on"] is None, r["starts_on"] or today))
    return [intro, schedule_table(rows, fiscal_year)]


def _grants(store, council_id, fiscal_year, staff, today) -> list[Block]:
    rows = facts.grants(store, council_id, fiscal_year)
    intro = Paragraph(f"{wareki.format_fiscal_year(fiscal_year)}に{_council(store, council_id)['name']}"
                      "が受ける地域づくり交付金の額と日程です。")
    if not rows:
        return [intro, Paragraph("この年度の交付金はまだ申請されていません（金額は未定です）。")]
    return [intro, *grant_tables(rows)]


def _center(store, council_id, fiscal_year, staff, today) -> list[Block]:
    council = _council(store, council_id)
    preset = preset_for_council(store, council_id)
    return [Paragraph("わからないことや困ったことがあれば、お気軽にご相談ください。"),
            center_table(council, preset.city, preset.department,
                         _address(council["center_postal_code"], council["center_address"]))]


Builder = Callable[[Store, int, int, bool, date], list[Block]]

#: data source name → (title for the editor, builder).
DATA_SOURCES: dict[str, tuple[str, Builder]] = {
    "associations": ("自治会一覧", _associations),
    "organization": ("協議会の組織", _organization),
    "schedule": ("年間行事予定", _schedule),
    "grants": ("今年度の交付金", _grants),
    "center": ("地域交流センター・連絡先", _center),
}


def data_blocks(store: Store, council_id: int, fiscal_year: int, source: str, *,
                edition: str = "public", today: date | None = None) -> list[Block]:
    """The blocks of data chapter ``source`` for the year and edition ("public" or "staff").

    Raises KeyError for an unknown source (callers check :data:`DATA_SOURCES` first).
    """
    builder = DATA_SOURCES[source][1]
    return builder(store, council_id, fiscal_year, edition == "staff", today or date.today())


__all__ = ["DATA_SOURCES", "EDITIONS", "PLACEHOLDERS", "consented_contacts", "data_blocks",
           "placeholder_values", "staff_contact_people"]
