"""Import 自治会 (構成団体) or people from .xlsx / .csv: a preview first, nothing written.

:func:`preview_roster` reads the file (:mod:`kyodo_desktop.io.tabular`: UTF-8 or CP932 CSV,
row numbers as the spreadsheet shows them), finds the header row (the first of the first
:data:`HEADER_SEARCH_ROWS` non-blank rows that names the name column), maps the columns
(:mod:`kyodo_desktop.io.roster_columns`, or the user's ``mapping``) and checks every row. Rules
(issue 3): a name is required; numbers accept 全角 and 「世帯」; 加入世帯数 ≤ 世帯数; a row repeating a
group or person already registered, or an earlier row (same name and ふりがな; an empty ふりがな
matches any), is a duplicate. Blank rows are skipped. Errors name the column as the file writes
it. Writing is :func:`kyodo_desktop.io.roster_import_apply.apply_roster_import`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kyodo_desktop.domain import text
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.io import roster_columns as columns
from kyodo_desktop.io.roster_columns import ORGANIZATIONS, PEOPLE
from kyodo_desktop.io.sheet_limits import Progress, column_letter, digits_problem
from kyodo_desktop.io.tabular import Table, TableRow, file_sha256, read_table
from kyodo_desktop.io.xlsx_reader import NoSuchSheet
from kyodo_desktop.services.roster import organizations as roster
from kyodo_desktop.services.roster import people as roster_people
from kyodo_desktop.services.roster import validate as roster_validate
from kyodo_desktop.services.roster.validate import RosterValidationError

HEADER_SEARCH_ROWS = 20
#: Fields of free text, where a ² or ① is text (every other field is a number, code or date).
_FREE_TEXT = frozenset({"name", "name_kana", "notes", "kind", "president_name", "president_kana",
                        "address", "org_address", "president_address", "email", "org_email",
                        "president_email"})
PEOPLE_SHEET = "人"


@dataclass
class ImportRow:
    """A data row: ``row_number`` as the spreadsheet shows it, ``values`` the cleaned fields,
    ``errors`` Japanese (each naming its column), ``cells`` the text as read."""

    row_number: int
    values: dict
    errors: list[str] = field(default_factory=list)
    cells: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the row can be imported."""
        return not self.errors


@dataclass
class RosterPreview:
    """What importing would do. ``kind`` organizations / people; ``headers`` the header row's
    cells; ``mapping`` {column index: field}; ``problems`` file-level Japanese errors that block
    the import (a column missing); ``rows`` the data rows in file order; ``sha256`` the file's
    digest (re-import guard)."""

    kind: str
    path: Path
    fiscal_year: int
    header_row: int
    headers: tuple[str, ...]
    mapping: dict[int, str]
    unknown_columns: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    rows: list[ImportRow] = field(default_factory=list)
    encoding: str = ""
    sheet: str = ""
    sha256: str = ""

    @property
    def good_rows(self) -> list[ImportRow]:
        return [row for row in self.rows if row.ok]

    @property
    def bad_rows(self) -> list[ImportRow]:
        return [row for row in self.rows if not row.ok]

    def header_of(self, field_name: str) -> str:
        """The header text of the column mapped to ``field_name`` ("" when none)."""
        for index, mapped in self.mapping.items():
            if mapped == field_name:
                return self.headers[index] if index < len(self.headers) else ""
        return ""


def preview_roster(store, council_id: int, path: Path | str, *, kind: str = ORGANIZATIONS,
                   fiscal_year: int, mapping: dict[int, str | None] | None = None,
                   progress: Progress | None = None) -> RosterPreview:
    """Read and check a roster file; write nothing. ``fiscal_year`` is the 年度 of the 世帯数
    (as of 4月1日); ``mapping`` ``{column index: field or None}`` overrides the automatic
    mapping (from the preview's column chooser); ``progress`` as
    :func:`kyodo_desktop.io.tabular.read_table` takes it. A row the reader found a problem in
    (hidden, formula never calculated, a cell too long), or a number, phone, postal code or date
    written with digits other than 0-9 (٣, ²), is a bad row.

    Raises UserError when the file cannot be read or has no header row naming the name column.
    """
    if kind not in (ORGANIZATIONS, PEOPLE):
        raise ValueError(f"unknown roster import kind: {kind!r}")
    digest = file_sha256(path) if Path(path).is_file() else ""
    table = _read(Path(path), kind, progress)
    header = _find_header(table.rows, kind, chosen=mapping is not None)
    auto, unknown = columns.map_headers(kind, header.cells)
    if mapping is not None:
        auto = {index: name for index, name in mapping.items() if name}
        unknown = [h for i, h in enumerate(header.cells) if h and i not in auto
                   and not columns.is_ignored(h)]
    preview = RosterPreview(kind, Path(path), fiscal_year, header.number, header.cells, auto,
                            unknown, encoding=table.encoding, sheet=table.sheet,
                            sha256=digest)
    preview.problems = _missing_columns(preview)
    if preview.problems:
        return preview
    seen = _existing_keys(store, council_id, kind)
    for row in table.rows:
        if row.number > header.number and row.problems:
            preview.rows.append(ImportRow(row.number, {}, list(row.problems), cells=row.cells))
        elif row.number > header.number and not row.is_blank:
            preview.rows.append(_check_row(preview, row, seen))
    return preview


def _read(path: Path, kind: str, progress: Progress | None) -> Table:
    if kind == PEOPLE and path.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            return read_table(path, sheet=PEOPLE_SHEET, progress=progress)
        except NoSuchSheet:
            pass
    return read_table(path, progress=progress)


def _find_header(rows: list[TableRow], kind: str, *, chosen: bool = False) -> TableRow:
    """The first row naming the name column; else (the user maps the columns) the first row
    naming any known column, or with ``chosen`` the first non-blank row."""
    candidates = [row for row in rows if not row.is_blank][:HEADER_SEARCH_ROWS]
    for row in candidates:
        if "name" in columns.map_headers(kind, row.cells)[0].values():
            return row
    for row in candidates:
        if chosen or columns.map_headers(kind, row.cells)[0]:
            return row
    if kind == PEOPLE:
        raise UserError(_("No header row was found. The file needs a row of column names such "
                          "as 氏名, ふりがな, 住所, 電話番号 above the people."))
    raise UserError(_("No header row was found. The file needs a row of column names such as "
                      "自治会名, ふりがな, 会長氏名, 世帯数, 加入世帯数 above the groups."))


def _missing_columns(preview: RosterPreview) -> list[str]:
    mapped = set(preview.mapping.values())
    problems = []
    if "name" not in mapped:
        problems.append(_("Choose the column that holds the name."))
    pairs = (("households", "member_households"), ("member_households", "households"),
             ("president_kana", "president_name"))
    for present, needed in pairs:
        if present in mapped and needed not in mapped:
            problems.append(_("The file has the column {present} but no column for {needed}. "
                              "Add that column (it may be empty where unknown) or remove {present}."
                              ).format(present=f"「{preview.header_of(present)}」",
                                       needed=f"「{columns.FIELD_LABELS[needed]}」"))
    return problems


def _key(name: str, kana: str) -> tuple[str, str]:
    return (roster_validate.clean_plain(name).replace(" ", ""),
            text.to_hiragana(roster_validate.clean_plain(kana)).replace(" ", ""))


def _existing_keys(store, council_id: int, kind: str) -> dict[tuple[str, str], int | None]:
    rows = roster_people.names(store, council_id, organizations=kind == ORGANIZATIONS)
    return {_key(name, kana): None for name, kana in rows}


def _duplicate_of(seen: dict, key: tuple[str, str]) -> tuple[bool, int | None]:
    for (name, kana), row_number in seen.items():
        if name == key[0] and (kana == key[1] or not kana or not key[1]):
            return True, row_number
    return False, None


#: A cell past the last heading that is the tail of a number split at its comma (「200」,
#: 「000円」): the cells before it have moved, so the row is not imported as read.
_SPLIT_TAIL = re.compile(r"^[0-9０-９]{3}(?:円|世帯|人)?$")


def _check_row(preview: RosterPreview, row: TableRow, seen: dict) -> ImportRow:
    cells = {name: row.cell(index) for index, name in preview.mapping.items()}
    result = ImportRow(row.number, {}, cells=row.cells)
    past = [column_letter(i) for i in range(len(preview.headers), len(row.cells))
            if _SPLIT_TAIL.match(row.cells[i])]
    if past:  # 「300,1,200」: a number split at its comma shifts the cells after it
        result.errors.append(_("Column {columns} has a value but no heading: was a number such "
                               "as 1,200 split at its comma? In a CSV file write \"1,200\" in "
                               "double quotes, or 1200.").format(columns="、".join(past)))
    for name in set(cells) - _FREE_TEXT:
        problem = digits_problem(cells[name])
        if problem:
            result.errors.append(_("{column}: {message}").format(
                column=f"「{preview.header_of(name)}」", message=problem))
            cells[name] = ""

    def take(name: str, cleaner) -> None:
        if name not in cells:
            return
        try:
            result.values[name] = cleaner(cells[name])
        except ValidationError as error:
            result.errors.append(_("{column}: {message}").format(
                column=f"「{preview.header_of(name)}」", message=error.message))

    take("name", lambda v: roster_validate.clean_name(v, _("The name is empty.")))
    take("name_kana", roster_validate.clean_kana)
    take("notes", roster_validate.clean_notes)
    for contact, cleaner in roster_validate.CONTACT_CLEANERS.items():
        for prefix in ("", "org_", "president_"):
            take(prefix + contact, cleaner)
    if preview.kind == ORGANIZATIONS:
        _check_organization(preview, cells, result, take)
    if "name" in result.values:
        key = _key(result.values["name"], result.values.get("name_kana", ""))
        duplicate, earlier = _duplicate_of(seen, key)
        if duplicate and earlier is None:
            result.errors.append(_("Already registered: {name}.").format(name=key[0]))
        elif duplicate:
            result.errors.append(_("The same as row {row}: {name}.").format(row=earlier,
                                                                              name=key[0]))
        else:
            seen[key] = row.number
    return result


def _check_organization(preview: RosterPreview, cells: dict, result: ImportRow, take) -> None:
    take("kind", lambda v: roster.clean_kind(v) if roster_validate.clean_plain(v)
         else roster.NEIGHBORHOOD)
    take("president_name", roster_validate.clean_plain)
    take("president_kana", roster_validate.clean_kana)
    take("joined_on", lambda v: roster_validate.clean_date(v, "joined_on"))
    take("left_on", lambda v: roster_validate.clean_date(v, "left_on"))
    if result.values.get("president_kana") and not result.values.get("president_name"):
        result.errors.append(_("{column}: a reading is given but no name.").format(
            column=f"「{preview.header_of('president_name')}」"))
    if "households" in cells:
        try:
            figures = roster.clean_household_figures(cells["households"],
                                                     cells.get("member_households", ""))
        except RosterValidationError as error:
            for name, message in error.errors.items():
                result.errors.append(_("{column}: {message}").format(
                    column=f"「{preview.header_of(name)}」", message=message))
        else:
            result.values["households"] = figures
