"""Write a checked roster import (:class:`~kyodo_desktop.io.roster_import.RosterPreview`), describe
a preview in plain Japanese, and the ``kyodo-desktop import organizations|people`` kinds.

Importing an organisation row adds the group, its 世帯数 for the preview's 年度 and, when a 会長 is
named, the person (an existing person of the same 氏名 and ふりがな is reused; their empty contact
fields are filled) and a 会長 term for that 年度 (4月1日 – 3月31日), so next year's 引継ぎ asks
about it. All rows in one transaction: nothing is written when any row fails.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kyodo_desktop.domain import wareki
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.io.registry import ImportKind
from kyodo_desktop.io.roster_columns import FIELD_LABELS, ORGANIZATIONS, PEOPLE
from kyodo_desktop.io.roster_import import ImportRow, RosterPreview, preview_roster
from kyodo_desktop.io.sheet_limits import Progress
from kyodo_desktop.services.changes import ROSTER, Changes
from kyodo_desktop.services.imports.history import check_not_imported, record_import
from kyodo_desktop.services.roster import officers
from kyodo_desktop.services.roster import organizations as roster
from kyodo_desktop.services.roster import people as roster_people

_CONTACTS = ("postal_code", "address", "phone", "email")
#: How many bad rows a description lists before "…".
MAX_LISTED_ROWS = 50


@dataclass
class ImportResult:
    """What was written: counts of groups, people (new), 世帯数 rows and 会長 terms."""

    changes: Changes
    organizations: int = 0
    people: int = 0
    households: int = 0
    terms: int = 0


def apply_roster_import(store, council_id: int, preview: RosterPreview, *,
                        skip_bad_rows: bool = False) -> ImportResult:
    """Write the preview's good rows in one transaction, noting the file as imported
    (:func:`kyodo_desktop.services.imports.history.record_import`).

    Raises UserError, writing nothing, when the preview has file-level problems, when any row
    is bad (unless ``skip_bad_rows``), when no row is left, or when a row fails while writing
    (the message names its row number).
    """
    if preview.problems:
        raise UserError("\n".join(preview.problems))
    if preview.bad_rows and not skip_bad_rows:
        raise UserError(_("{count} rows have errors, so nothing was imported. Correct them in "
                          "the file and import it again, or import only the rows without "
                          "errors.").format(count=len(preview.bad_rows)))
    rows = preview.good_rows
    if not rows:
        raise UserError(_("The file has no rows that can be imported."))
    result = ImportResult(Changes.of(ROSTER, council_id=council_id))
    with store.transaction():
        record_import(store, council_id, preview.kind, preview.sha256, preview.path.name,
                      len(rows), fiscal_year=preview.fiscal_year)
        for row in rows:
            try:
                if preview.kind == ORGANIZATIONS:
                    _organization(store, council_id, preview.fiscal_year, row, result)
                else:
                    roster_people.create_person(store, council_id, _person_values(row.values))
                    result.people += 1
            except ValidationError as error:
                raise UserError(_("Row {row}: {message}").format(
                    row=row.row_number, message=error.message)) from error
    return result


def _person_values(values: dict, prefix: str = "") -> dict:
    found = {key: values.get(prefix + key, "") for key in _CONTACTS}
    if not prefix:
        found.update(name=values["name"], name_kana=values.get("name_kana", ""),
                     notes=values.get("notes", ""))
    return found


def _organization(store, council_id: int, fiscal_year: int, row: ImportRow,
                  result: ImportResult) -> None:
    values = row.values
    org = {key: values[key] for key in ("kind", "name", "name_kana", "joined_on", "left_on",
                                        "notes") if key in values}
    org.update({key: values.get(f"org_{key}", "") for key in _CONTACTS})
    organization_id, _changes = roster.create_organization(store, council_id, org)
    result.organizations += 1
    if values.get("households"):
        roster.set_households(store, organization_id, fiscal_year, *values["households"])
        result.households += 1
    name = values.get("president_name")
    if not name:
        return
    contacts = _person_values(values, "president_")
    kana = values.get("president_kana", "")
    person_id = roster_people.find_person(store, council_id, name, kana)
    if person_id is None:
        person_id, _changes = roster_people.create_person(
            store, council_id, {"name": name, "name_kana": kana, **contacts})
        result.people += 1
    else:
        stored = roster_people.get_person(store, person_id)
        missing = {k: v for k, v in contacts.items() if v and not stored[k]}
        if missing:
            roster_people.update_person(store, person_id, missing)
    officers.appoint(store, person_id, "president",
                     officers.Body(officers.ORGANIZATION, organization_id),
                     wareki.fiscal_year_start(fiscal_year), wareki.fiscal_year_end(fiscal_year))
    result.terms += 1


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def describe_preview(preview: RosterPreview) -> str:
    """The preview in plain Japanese: columns used, columns not used, file-level problems, each
    bad row with its row number, and the counts."""
    lines = [_("Header row: row {row}").format(row=preview.header_row)]
    for index, name in sorted(preview.mapping.items()):
        header = preview.headers[index] if index < len(preview.headers) else ""
        lines.append(_("  Column {column} 「{header}」 → {field}").format(
            column=_column_letter(index), header=header, field=FIELD_LABELS.get(name, name)))
    if preview.unknown_columns:
        lines.append(_("Columns not used: {columns}").format(
            columns="、".join(f"「{h}」" for h in preview.unknown_columns)))
    lines += preview.problems
    for row in preview.bad_rows[:MAX_LISTED_ROWS]:
        lines.append(_("Row {row}: {message}").format(row=row.row_number,
                                                      message=" ".join(row.errors)))
    if len(preview.bad_rows) > MAX_LISTED_ROWS:
        lines.append("…")
    lines.append(_("{good} rows can be imported; {bad} rows have errors.").format(
        good=len(preview.good_rows), bad=len(preview.bad_rows)))
    return "\n".join(lines)


def describe_result(result: ImportResult) -> str:
    """「3件の団体を取り込みました…」 summary of what was written."""
    if result.organizations:
        return _("Imported {organizations} groups ({people} new people, household figures for "
                 "{households} groups, {terms} presidents).").format(
            organizations=result.organizations, people=result.people,
            households=result.households, terms=result.terms)
    return _("Imported {people} people.").format(people=result.people)


def run_import(store, council_id: int, fiscal_year: int | None, path: Path, *, kind: str,
               dry_run: bool = False, skip_bad_rows: bool = False,
               progress: Progress | None = None, allow_duplicate: bool = False) -> str:
    """The CLI's import: check, then (unless ``dry_run``) write; return the Japanese report.
    ``fiscal_year`` None means the 年度 of today. Raises UserError (nothing written) when the
    file has problems or bad rows (unless ``skip_bad_rows``), with ``dry_run`` too, so a check
    of a file with bad rows ends with exit code 2 like the 出納簿's; DuplicateImport when the
    same file was imported before (unless ``allow_duplicate``)."""
    year = fiscal_year or wareki.fiscal_year_of(date.today())
    preview = preview_roster(store, council_id, path, kind=kind, fiscal_year=year,
                             progress=progress)
    if not allow_duplicate:
        check_not_imported(store, council_id, kind, preview.sha256)
    report = describe_preview(preview)
    if preview.problems:
        raise UserError(report + "\n" + _("Nothing was imported."))
    if preview.bad_rows and not skip_bad_rows:
        raise UserError(report + "\n" + _(
            "Nothing was imported because some rows have errors. Correct them, or add "
            "--skip-bad-rows to import only the rows without errors."))
    if dry_run:
        return report + "\n" + _("Checked only (--dry-run): nothing was written.")
    return report + "\n" + describe_result(apply_roster_import(
        store, council_id, preview, skip_bad_rows=skip_bad_rows))


def _run_organizations(store, council_id, fiscal_year, path, *, dry_run=False,
                       skip_bad_rows=False, options=None) -> str:
    return run_import(store, council_id, fiscal_year, Path(path), kind=ORGANIZATIONS,
                      dry_run=dry_run, skip_bad_rows=skip_bad_rows,
                      progress=(options or {}).get("progress"),
                      allow_duplicate=bool((options or {}).get("allow_duplicate")))


def _run_people(store, council_id, fiscal_year, path, *, dry_run=False, skip_bad_rows=False,
                options=None) -> str:
    return run_import(store, council_id, fiscal_year, Path(path), kind=PEOPLE,
                      dry_run=dry_run, skip_bad_rows=skip_bad_rows,
                      progress=(options or {}).get("progress"),
                      allow_duplicate=bool((options or {}).get("allow_duplicate")))


IMPORTS = [
    ImportKind("organizations", N_("Member groups (自治会 …) with households and presidents"),
               _run_organizations),
    ImportKind("people", N_("People (names, readings and contacts)"), _run_people),
]
