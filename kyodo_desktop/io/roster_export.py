"""Export the roster to Excel (.xlsx, openpyxl; or .csv, first sheet only) with Japanese
headers, in 五十音順. Text is written as text, never as a formula (:mod:`.sheet_cells`).

``kyodo-desktop export organizations``: sheet 「構成団体」 (every group belonging in the 年度, its
世帯数 and 会長 with contacts; the headers are those the import reads, so the file imports back),
sheet 「人」 (people, importable with ``import people``) and sheet 「加入率」 (自治会 totals per 年度).
``kyodo-desktop export presidents``: the 自治会長 list of the 年度 for the handbook and the city.

Both hold personal data: a person's 郵便番号, 住所, 電話番号 and メール are written only when they
agreed to 名簿掲載 (個人情報保護法 第27条; services/privacy/register.py), and handing the file
to anyone is recorded as a 提供記録 (第29条): :func:`people_with_contacts` counts the people
whose contacts a file holds.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kyodo_desktop import fileops
from kyodo_desktop.domain import wareki
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.io.registry import ExportKind
from kyodo_desktop.io.sheet_cells import mark_text, text_value, write_csv
from kyodo_desktop.services.privacy.register import consented_people
from kyodo_desktop.services.roster import handover, officers
from kyodo_desktop.services.roster import organizations as roster
from kyodo_desktop.services.roster import people as roster_people

ORGANIZATION_HEADERS = ("種別", "団体名", "ふりがな", "会長氏名", "会長ふりがな", "世帯数",
                        "加入世帯数", "加入率", "会長郵便番号", "会長住所", "会長電話番号",
                        "会長メール", "団体郵便番号", "団体住所", "団体電話番号", "団体メール",
                        "加入日", "退会日", "備考")
PEOPLE_HEADERS = ("氏名", "ふりがな", "郵便番号", "住所", "電話番号", "メール", "役職", "備考")
RATE_HEADERS = ("年度", "自治会数", "世帯数", "加入世帯数", "加入率")
PRESIDENT_HEADERS = ("自治会名", "ふりがな", "会長氏名", "会長ふりがな", "郵便番号", "住所",
                     "電話番号", "メール", "世帯数", "加入世帯数")
_WIDE = {"団体名": 26, "自治会名": 26, "ふりがな": 30, "会長住所": 30, "団体住所": 30,
         "住所": 30, "備考": 30, "役職": 40, "会長ふりがな": 20, "会長メール": 24, "メール": 24}


def _sheet(workbook, title: str, headers: tuple[str, ...], rows: list[list], *, first=False):
    from openpyxl.styles import Font, PatternFill

    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = title
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE7F3")
    for row in rows:
        sheet.append([text_value(value) for value in row])
        mark_text(sheet[sheet.max_row])
    for index, header in enumerate(headers, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = _WIDE.get(header, 13)
    sheet.freeze_panes = "A2"
    return sheet


def _consented(store, council_id: int, rows: list) -> list:
    """``rows`` (person rows) with the personal fields emptied unless they agreed to 名簿掲載."""
    allowed = consented_people(store, council_id, "roster")
    return [row if row.get("id", row.get("person_id")) in allowed
            else roster_people.public_view(row) for row in rows]


def _has_contact(row) -> bool:
    return any(row.get(key) for key in roster_people.PERSONAL_FIELDS)


def _people_rows(store, council_id: int, fiscal_year: int) -> list:
    on = officers.reference_date(fiscal_year)
    return _consented(store, council_id, roster_people.list_people(store, council_id, on=on))


def _presidents(store, council_id: int, fiscal_year: int) -> list:
    return _consented(store, council_id,
                      handover.neighborhood_presidents(store, council_id, fiscal_year))


def people_with_contacts(store, council_id: int, fiscal_year: int, kind: str) -> int:
    """How many people's contacts the export ``kind`` ("organizations" or "presidents") of the
    年度 writes (the number a 提供記録 records)."""
    found = {p["person_id"] for p in _presidents(store, council_id, fiscal_year)
             if p["person_id"] and _has_contact(p)}
    if kind == "organizations":
        found |= {p["id"] for p in _people_rows(store, council_id, fiscal_year)
                  if _has_contact(p)}
    return len(found)


def _organization_rows(store, council_id: int, fiscal_year: int) -> list[list]:
    people = {p["id"]: p for p in _consented(
        store, council_id, list(roster_people.people_by_id(store, council_id).values()))}
    rows = []
    for org in roster.list_organizations(store, council_id, fiscal_year):
        person = people.get(org["representative_id"], {})
        rate = org["membership_rate"]
        rows.append([
            org["kind_name"], org["name"], org["name_kana"], person.get("name", ""),
            person.get("name_kana", ""), org["households"], org["member_households"],
            None if rate is None else round(rate, 4),
            *(person.get(k, "") for k in ("postal_code", "address", "phone", "email")),
            org["postal_code"], org["address"], org["phone"], org["email"],
            _date(org["joined_on"]), _date(org["left_on"]), org["notes"]])
    return rows


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def export_organizations(store, council_id: int, fiscal_year: int, path: Path | str) -> str:
    """Write the roster workbook (see the module doc); return a Japanese summary.
    Raises UserError when the file cannot be written (open in Excel, no permission …) or is a
    data file or backup (never overwritten; the write is atomic)."""
    import openpyxl

    path = Path(path)
    organizations = _organization_rows(store, council_id, fiscal_year)
    if path.suffix.lower() == ".csv":
        return _csv_summary(path, write_csv(path, [ORGANIZATION_HEADERS, *organizations]))
    workbook = openpyxl.Workbook()
    sheet = _sheet(workbook, "構成団体", ORGANIZATION_HEADERS, organizations, first=True)
    for (cell,) in sheet.iter_rows(min_row=2, min_col=8, max_col=8):
        cell.number_format = "0.0%"
    for row in sheet.iter_rows(min_row=2, min_col=17, max_col=18):
        for cell in row:
            cell.number_format = "yyyy-mm-dd"
    people = [[p["name"], p["name_kana"], p["postal_code"], p["address"], p["phone"], p["email"],
               p["roles"], p["notes"]]
              for p in _people_rows(store, council_id, fiscal_year)]
    _sheet(workbook, "人", PEOPLE_HEADERS, people)
    rates = [[wareki.format_fiscal_year(t.fiscal_year), t.associations, t.households,
              t.member_households, t.membership_rate]
             for t in roster.membership_history(store, council_id)]
    rate_sheet = _sheet(workbook, "加入率", RATE_HEADERS, rates)
    for (cell,) in rate_sheet.iter_rows(min_row=2, min_col=5, max_col=5):
        cell.number_format = "0.0%"
    fileops.write_with(path, workbook.save, open_data=store.path)
    return _("Wrote {path}: {organizations} groups and {people} people ({year}).").format(
        path=path, organizations=len(organizations), people=len(people),
        year=wareki.format_fiscal_year(fiscal_year))


def export_presidents(store, council_id: int, fiscal_year: int, path: Path | str, *,
                      public: bool = False) -> str:
    """Write the 自治会長 list of ``fiscal_year`` (``public`` leaves the contacts out); return a
    Japanese summary. Raises UserError when the file cannot be written or is a data file or
    backup."""
    import openpyxl

    path = Path(path)
    rows = [[r["organization"], r["organization_kana"], r["name"], r["name_kana"],
             r["postal_code"], r["address"], r["phone"], r["email"], r["households"],
             r["member_households"]]
            for r in (handover.neighborhood_presidents(store, council_id, fiscal_year,
                                                       public=True) if public
                      else _presidents(store, council_id, fiscal_year))]
    if path.suffix.lower() == ".csv":
        return _csv_summary(path, write_csv(path, [PRESIDENT_HEADERS, *rows]))
    workbook = openpyxl.Workbook()
    title = f"{wareki.format_fiscal_year(fiscal_year)} 自治会長名簿"
    _sheet(workbook, "自治会長名簿", PRESIDENT_HEADERS, rows, first=True).oddHeader.center.text = (
        title)
    fileops.write_with(path, workbook.save, open_data=store.path)
    return _("Wrote {path}: {count} neighborhood association presidents ({year}).").format(
        path=path, count=len(rows), year=wareki.format_fiscal_year(fiscal_year))


def _csv_summary(path: Path, rows: int) -> str:
    return _("Wrote {path} ({count} rows; a CSV file holds only the first sheet).").format(
        path=path, count=rows - 1)


def _run_organizations(store, council_id, fiscal_year, path, options=None) -> str:
    return export_organizations(store, council_id, fiscal_year, path)


def _run_presidents(store, council_id, fiscal_year, path, options=None) -> str:
    return export_presidents(store, council_id, fiscal_year, path)


def _personal(kind: str):
    return lambda store, council_id, fiscal_year, options=None: people_with_contacts(
        store, council_id, fiscal_year, kind)


EXPORTS = [
    ExportKind("organizations", N_("Member groups, people and membership rates"),
               _run_organizations, personal_data=_personal("organizations")),
    ExportKind("presidents", N_("List of neighborhood association presidents"),
               _run_presidents, personal_data=_personal("presidents")),
]
