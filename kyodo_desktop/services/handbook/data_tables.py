"""The tables of the handbook's data chapters, as :class:`~kyodo_desktop.domain.handbook_markup.Table`
blocks of text cells (amounts formatted with 円, dates in 和暦). Printed content: literal Japanese
(see :mod:`kyodo_desktop.services.handbook.data`). ``staff`` adds contact columns.
"""

from __future__ import annotations

from datetime import date

from kyodo_desktop.domain import formatting
from kyodo_desktop.domain.handbook_markup import Block, Heading, Table
from kyodo_desktop.services.handbook.facts import Association

YEAR_ROUND = "通年"
_WEEKDAYS = "月火水木金土日"


def _count(value: int | None) -> str:
    return "" if value is None else formatting.format_number(value)


def association_table(groups: list[Association], staff: bool) -> Table:
    """自治会一覧: 番号, 自治会名, 自治会長, 世帯数, 加入世帯数 (+ 電話, 住所 for staff), total row."""
    header = ["番号", "自治会名", "自治会長", "世帯数", "加入世帯数"]
    if staff:
        header += ["電話", "住所"]
    rows = []
    for number, group in enumerate(groups, start=1):
        row = [str(number), group.name, group.president or "（未登録）", _count(group.households),
               _count(group.member_households)]
        if staff:
            row += [group.phone, group.address]
        rows.append(tuple(row))
    counted = [g for g in groups if g.households is not None]
    if counted:
        total = ["", "合計", f"{len(groups)}自治会", _count(sum(g.households for g in counted)),
                 _count(sum(g.member_households or 0 for g in counted))]
        rows.append(tuple(total + (["", ""] if staff else [])))
    return Table(tuple(header), tuple(rows))


def officer_table(officers: list[dict], staff: bool) -> Table:
    """協議会の役員: 役職, 氏名 — public: one row per 役職; staff: one row per person + 電話."""
    if staff:
        rows, previous = [], None
        for officer in officers:
            role = officer["role_name"] if officer["role_name"] != previous else ""
            rows.append((role, officer["name"], officer["phone"]))
            previous = officer["role_name"]
        return Table(("役職", "氏名", "電話"), tuple(rows))
    by_role: dict[str, list[str]] = {}
    for officer in officers:
        by_role.setdefault(officer["role_name"], []).append(officer["name"])
    return Table(("役職", "氏名"), tuple((role, "、".join(names))
                                       for role, names in by_role.items()))


def subcommittee_table(groups: list[dict]) -> Table:
    """専門部会と事務局: 名称, 部会長, 副部会長, 主な役割."""
    rows = tuple((g["name"], g["chair"], g["vice_chair"], g["purpose"]) for g in groups)
    return Table(("名称", "部会長", "副部会長", "主な役割"), rows)


def month_day(value: date) -> str:
    """「5月1日（金）」: the year is the handbook's 年度, so it is left out."""
    return f"{value.month}月{value.day}日（{_WEEKDAYS[value.weekday()]}）"


def _when(row: dict, fiscal_year: int) -> tuple[str, str]:
    start, end = row["starts_on"], row["ends_on"]
    if start is None:
        return "", "未定"
    if end is not None and (end - start).days >= 300:
        return YEAR_ROUND, "年間を通して"
    text = month_day(start)
    if end is not None and end != start:
        text += "〜" + month_day(end)
    return f"{start.month}月", text


def schedule_table(rows: list[dict], fiscal_year: int) -> Table:
    """年間行事予定: 月, 日, 行事, 場所, 担当 — year-round 事業 first, then by date."""
    dated, year_round = [], []
    for row in rows:
        month, when = _when(row, fiscal_year)
        line = (month, when, row["name"], row["place"], row["subcommittee"])
        (year_round if month in (YEAR_ROUND, "") else dated).append(line)
    previous = None
    shown = []
    for line in year_round + dated:  # print each month once, at its first 行事
        shown.append(((line[0] if line[0] != previous else ""),) + line[1:])
        previous = line[0]
    return Table(("月", "日", "行事", "場所", "担当"), tuple(shown))


def grant_tables(rows: list[dict]) -> list[Block]:
    """今年度の交付金: amounts and dates, then the 概算払 (payments) of each grant."""
    def day(value: date | None) -> str:
        return formatting.format_date(value) if value else "（未定）"

    amounts = [(r["name"], formatting.format_yen(r["amount"], unit=True)
                if r["amount"] is not None else "（未定）", day(r["applied_on"]),
                day(r["decided_on"]), day(r["reported_on"]) if r["reported_on"] else "年度終了後")
               for r in rows]
    known = [r["amount"] for r in rows if r["amount"] is not None]
    if known:
        amounts.append(("合計", formatting.format_yen(sum(known), unit=True), "", "", ""))
    blocks: list[Block] = [Table(("交付金", "交付額", "申請日", "交付決定日", "実績報告"),
                                 tuple(amounts))]
    payments = [(r["name"], day(p["requested_on"]), day(p["paid_on"]) if p["paid_on"] else
                 "入金待ち", formatting.format_yen(p["amount"], unit=True))
                for r in rows for p in r["payments"]]
    if payments:
        blocks += [Heading(2, "交付金の請求と入金（概算払）"),
                   Table(("交付金", "請求日", "入金日", "金額"), tuple(payments))]
    return blocks


def center_table(council: dict, city: str, department: str, center_address: str) -> Table:
    """地域交流センター・連絡先: one row per item that is known (センター, 協議会事務局, 市の担当課)."""
    rows = [
        ("地域交流センター", council["center_name"]),
        ("住所", center_address),
        ("電話", council["center_phone"]),
        ("FAX", council["center_fax"]),
        ("メール", council["center_email"]),
        ("開館時間", council["center_hours"]),
        ("協議会事務局", f"{council['name']} 事務局"),
        ("事務局の電話", council["phone"]),
        ("事務局のメール", council["email"]),
        ("市の担当課", f"{city} {department}".strip()),
    ]
    return Table(("項目", "内容"), tuple(row for row in rows if row[1]))
