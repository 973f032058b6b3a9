"""Consistency checks of a data file: SQLite's own checks plus rules the schema cannot express.

:func:`run_checks` runs every check of :func:`all_checks` and returns the :class:`Problem` found.
The CHECK constraints of ``migrations/m0001_initial.sql`` already guard single rows (amounts ≥ 0,
加入世帯数 ≤ 世帯数 …); these checks cover what spans rows or tables. To add one, write a small
function ``(store) -> Iterable[Problem]`` and append it to the ``CHECKS`` list of its module: this
one (file and records) or :mod:`kyodo_desktop.services.accounting.file_checks` (accounting:
grants, 年度締め — they need the figures of the services).

Used by ``kyodo-desktop check`` and, later, before a backup or a 年度締め.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from kyodo_desktop.domain.wareki import MAX_FISCAL_YEAR, MIN_FISCAL_YEAR
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.store.database import APPLICATION_ID, Store
from kyodo_desktop.store.migrations import latest_version

#: How many row ids a problem's ``detail`` lists before "…".
MAX_IDS = 20


@dataclass(frozen=True)
class Problem:
    """One inconsistency found in a data file.

    ``kind`` is a stable code (``"foreign_key"``, ``"cash_book_fiscal_year"`` …), ``table`` the
    table concerned ("" for the whole file), ``message`` plain translated Japanese for the user,
    ``detail`` technical text (row ids, values) for whoever repairs the file.
    """

    kind: str
    table: str
    message: str
    detail: str = ""


Check = Callable[[Store], Iterable[Problem]]


def fiscal_year_sql(column: str) -> str:
    """SQL expression of the 年度 (April–March) of an ISO date column: 2027-03-31 → 2026.

    NULL when the column is not a valid date. Rule: 年度 = calendar year, minus one in Jan–Mar.
    """
    return (f"(CAST(strftime('%Y', {column}) AS INTEGER)"
            f" - (CAST(strftime('%m', {column}) AS INTEGER) < 4))")


def id_list(ids: Iterable[object]) -> str:
    """``"1, 2, 3"``, cut after :data:`MAX_IDS` entries with ``", …"``."""
    ids = list(ids)
    text = ", ".join(str(i) for i in ids[:MAX_IDS])
    return text + (", …" if len(ids) > MAX_IDS else "")


def check_integrity(store: Store) -> Iterator[Problem]:
    """``PRAGMA integrity_check``: damaged pages, indexes that disagree with their table."""
    for (text,) in store.conn.execute("PRAGMA integrity_check(100)").fetchall():
        if text != "ok":
            yield Problem("integrity", "", _(
                "SQLite reports damage in the data file. Restore it from a backup."), text)


def check_foreign_keys(store: Store) -> Iterator[Problem]:
    """``PRAGMA foreign_key_check``: rows that point at rows which do not exist."""
    found: dict[tuple[str, str], list[int]] = {}
    for table, rowid, parent, _fkid in store.conn.execute("PRAGMA foreign_key_check").fetchall():
        found.setdefault((table, parent), []).append(rowid)
    for (table, parent), rowids in found.items():
        yield Problem("foreign_key", table, _(
            "{count} row(s) of the table {table} refer to rows of {parent} that do not exist."
        ).format(count=len(rowids), table=table, parent=parent), f"rowid {id_list(rowids)}")


def check_header(store: Store) -> Iterator[Problem]:
    """The file's ``application_id`` is kyodo-desktop's and ``user_version`` the latest."""
    app_id = store.scalar("PRAGMA application_id")
    if app_id != APPLICATION_ID:
        yield Problem("application_id", "", _(
            "The file is not marked as a kyodo-desktop data file."),
            f"application_id={app_id:#x}, expected {APPLICATION_ID:#x}")
    version, latest = store.schema_version, latest_version()
    if version != latest:
        yield Problem("user_version", "", _(
            "The data file has format {found}, but this version of the app uses format {latest}. "
            "Opening the file in the app updates it."
        ).format(found=version, latest=latest), f"user_version={version}")


def _tables_with_fiscal_year(store: Store) -> list[str]:
    tables = [row["name"] for row in store.query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]
    return [t for t in tables
            if any(col[1] == "fiscal_year" for col in store.conn.execute(
                f'PRAGMA table_info("{t}")').fetchall())]


def check_fiscal_year_ranges(store: Store) -> Iterator[Problem]:
    """Every ``fiscal_year`` lies in :data:`~kyodo_desktop.domain.wareki.MIN_FISCAL_YEAR` …
    ``MAX_FISCAL_YEAR`` (projects, budget_lines … have no CHECK for it)."""
    for table in _tables_with_fiscal_year(store):
        rows = store.conn.execute(
            f'SELECT rowid, fiscal_year FROM "{table}" WHERE typeof(fiscal_year) <> \'integer\' '
            "OR fiscal_year NOT BETWEEN ? AND ? ORDER BY rowid",
            (MIN_FISCAL_YEAR, MAX_FISCAL_YEAR)).fetchall()
        if rows:
            yield Problem("fiscal_year_range", table, _(
                "{count} row(s) of the table {table} have an impossible fiscal year "
                "(allowed: {low} to {high})."
            ).format(count=len(rows), table=table, low=MIN_FISCAL_YEAR, high=MAX_FISCAL_YEAR),
                "rowid " + id_list(f"{r[0]} ({r[1]})" for r in rows))


def check_cash_book_fiscal_year(store: Store) -> Iterator[Problem]:
    """出納簿: ``entry_date`` is a valid date and ``fiscal_year`` is the 年度 of that date."""
    rows = store.query(
        f"SELECT id, entry_date, fiscal_year, {fiscal_year_sql('entry_date')} AS expected, "
        "date(entry_date) IS entry_date AS valid "
        "FROM cash_book_entries WHERE date(entry_date) IS NOT entry_date "
        f"OR fiscal_year IS NOT {fiscal_year_sql('entry_date')} ORDER BY id")
    for row in rows:
        if not row["valid"]:
            message = _("Cash book entry {id} has an invalid date: {date}.")
        else:
            message = _("Cash book entry {id} is dated {date}, which is in fiscal year "
                        "{expected}, but it is filed under fiscal year {found}.")
        yield Problem("cash_book_fiscal_year", "cash_book_entries", message.format(
            id=row["id"], date=row["entry_date"], expected=row["expected"],
            found=row["fiscal_year"]), f"id={row['id']}")


def check_project_dates(store: Store) -> Iterator[Problem]:
    """事業: a start date (``starts_on``), when set, falls in the project's 年度."""
    rows = store.query(
        f"SELECT id, name, fiscal_year, starts_on, {fiscal_year_sql('starts_on')} AS expected "
        f"FROM projects WHERE starts_on IS NOT NULL "
        f"AND {fiscal_year_sql('starts_on')} IS NOT fiscal_year ORDER BY id")
    for row in rows:
        yield Problem("project_fiscal_year", "projects", _(
            "The project “{name}” (fiscal year {found}) starts on {date}, outside its fiscal year."
        ).format(name=row["name"], found=row["fiscal_year"], date=row["starts_on"]),
            f"id={row['id']}, fiscal year of starts_on={row['expected']}")


def check_corrections(store: Store) -> Iterator[Problem]:
    """A 訂正 entry corrects another entry of the same council (never itself)."""
    rows = store.query(
        "SELECT c.id, c.council_id, c.correction_of_id, o.council_id AS original_council "
        "FROM cash_book_entries AS c JOIN cash_book_entries AS o ON o.id = c.correction_of_id "
        "WHERE c.council_id <> o.council_id OR c.id = o.id ORDER BY c.id")
    for row in rows:
        yield Problem("correction_council", "cash_book_entries", _(
            "Correction entry {id} corrects entry {original}, which belongs to another council "
            "or is the entry itself."
        ).format(id=row["id"], original=row["correction_of_id"]),
            f"council_id={row['council_id']}, original council_id={row['original_council']}")


def check_officer_terms(store: Store) -> Iterator[Problem]:
    """任期 of one person in one role of one body do not overlap.

    Terms that only touch (one ends on the day the next begins) are accepted; ``ends_on`` NULL
    means the term is still running.
    """
    rows = store.query(
        "SELECT a.id AS first_id, b.id AS second_id, p.name, r.name AS role "
        "FROM officer_terms AS a JOIN officer_terms AS b ON a.id < b.id "
        "AND a.person_id = b.person_id AND a.role = b.role "
        "AND a.council_id IS b.council_id AND a.organization_id IS b.organization_id "
        "AND a.subcommittee_id IS b.subcommittee_id "
        "AND a.starts_on < coalesce(b.ends_on, '9999-12-31') "
        "AND b.starts_on < coalesce(a.ends_on, '9999-12-31') "
        "JOIN people AS p ON p.id = a.person_id JOIN roles AS r ON r.code = a.role "
        "ORDER BY a.id, b.id")
    for row in rows:
        yield Problem("officer_term_overlap", "officer_terms", _(
            "Two terms of {name} as {role} in the same body overlap."
        ).format(name=row["name"], role=row["role"]),
            f"officer_terms id={row['first_id']} and id={row['second_id']}")


_REPORTED_ELSEWHERE = {("cash_book_entries", "entry_date"),
                       ("year_closes", "carried_out")}  # services/accounting/file_checks.py


def check_values(store: Store) -> Iterator[Problem]:
    """Values every row must meet whoever wrote it (store/values.py): amounts within MAX_YEN 円,
    non-negative counts, real dates, numbers in number columns and text in text columns."""
    from kyodo_desktop.store.values import value_findings

    for finding in value_findings(store.conn):
        if (finding.table, finding.column) in _REPORTED_ELSEWHERE or finding.column == "fiscal_year":
            continue  # check_fiscal_year_ranges and check_cash_book_fiscal_year say more
        yield Problem("value_" + finding.rule, finding.table, _(
            "{count} row(s) of the table {table} have an impossible value in the column "
            "{column}.").format(count=finding.count, table=finding.table, column=finding.column),
            finding.describe())


def check_current_plans(store: Store) -> Iterator[Problem]:
    """A council has at most one current 地域づくり計画 (``is_current = 1``)."""
    rows = store.query(
        "SELECT council_id, count(*) AS n, group_concat(id) AS ids FROM community_plans "
        "WHERE is_current = 1 GROUP BY council_id HAVING n > 1 ORDER BY council_id")
    for row in rows:
        yield Problem("current_plan", "community_plans", _(
            "Council {council} has {count} plans marked as current; only one may be."
        ).format(council=row["council_id"], count=row["n"]), f"community_plans id {row['ids']}")


def check_attachments(store: Store) -> Iterator[Problem]:
    """Every stored 証拠書類 file matches its SHA-256 and type (store/blob_check.py)."""
    from kyodo_desktop.store.blob_check import MAX_SHOWN, mismatched_blobs

    bad = mismatched_blobs(store.conn)
    if bad:
        yield Problem("attachment_checksum", "attachment_blobs", _(
            "{count} attached file(s) do not match their checksum: they were changed outside "
            "the app. Restore a backup, or remove the attachments and attach them again."
        ).format(count=len(bad)), "rowid " + ", ".join(str(r) for r in bad[:MAX_SHOWN]))


#: The checks of this module, in order (the change log's runs last, see :func:`all_checks`).
CHECKS: list[Check] = [
    check_integrity,
    check_foreign_keys,
    check_header,
    check_fiscal_year_ranges,
    check_values,
    check_cash_book_fiscal_year,
    check_project_dates,
    check_corrections,
    check_officer_terms,
    check_current_plans,
    check_attachments,
]


def check_audit_log(store: Store) -> Iterator[Problem]:
    """The change log is an unbroken hash chain and matches the accounting rows as they are now,
    so a changed amount or an edited log row is reported (store/audit.py)."""
    from kyodo_desktop.store import audit

    for message in audit.verify_chain(store):
        yield Problem("audit_chain", "audit_log", message, "")
    for message in audit.verify_covered_rows(store):
        yield Problem("audit_rows", "audit_log", message, "")


def all_checks() -> list[Check]:
    """The checks :func:`run_checks` runs by default: :data:`CHECKS` and the change log's. The
    accounting checks, which need the figures of the services, are added by
    :func:`kyodo_desktop.services.backup.file_check.run_checks` (``kyodo-desktop check``)."""
    return [*CHECKS, check_audit_log]


_KIND_NAMES = {"table": N_("table"), "index": N_("index"), "view": N_("view"),
               "trigger": N_("trigger")}
_DIFFERENCE_TEXTS = {
    "extra": N_("The file contains a {kind} {name} that kyodo-desktop does not make."),
    "missing": N_("The file lacks the {kind} {name} that kyodo-desktop makes."),
    "changed": N_("The {kind} {name} of the file differs from the one kyodo-desktop makes."),
}
#: The checks still run on a file whose records cannot be read safely (an extra or changed view
#: runs its own SQL when read; a missing table cannot be read): SQLite's own and the header.
STRUCTURE_CHECKS: tuple[Check, ...] = (check_integrity, check_foreign_keys, check_header)
#: Schema differences after which the records are not read (see STRUCTURE_CHECKS).
_UNREADABLE = ("extra view ", "changed view ", "missing table ")


def check_schema(store: Store) -> Iterator[Problem]:
    """Every table, index, view and trigger that differs from the app's own schema of the
    file's format (:mod:`kyodo_desktop.store.schema_check`), one problem each, by name (extra,
    missing or changed). Nothing for a format the app does not know (see check_header)."""
    from kyodo_desktop.store.schema_check import schema_differences

    version = store.schema_version
    if not 1 <= version <= latest_version():
        return
    for difference in schema_differences(store.conn, version):
        state, kind, name = difference.split(" ", 2)
        yield Problem("schema_" + state, name, _(_DIFFERENCE_TEXTS[state]).format(
            kind=_(_KIND_NAMES.get(kind, kind)), name=name), difference)


def run_checks(store: Store, checks: Iterable[Check] | None = None) -> list[Problem]:
    """Run ``checks`` (default :func:`all_checks`) on an open store; return every problem found.

    An empty list means the file is consistent. A check that SQLite cannot even run (a badly
    damaged file) becomes a ``"check_failed"`` problem instead of an exception. The schema is
    compared first (:func:`check_schema`); when a view of the file is not the app's or a table
    is missing, only the :data:`STRUCTURE_CHECKS` among ``checks`` run besides (a view runs its
    own SQL when read), and a problem says the records were not checked.
    """
    checks = all_checks() if checks is None else list(checks)
    schema = _run(store, [check_schema])
    unreadable = [p.detail for p in schema if p.detail.startswith(_UNREADABLE)]
    if unreadable:
        schema.append(Problem("schema_records_not_checked", "", _(
            "Because the file's structure is not kyodo-desktop's, its records were not checked. "
            "Do not use this file; use another backup or ask the sender for a new file."),
            "; ".join(unreadable)))
        checks = [c for c in checks if c in STRUCTURE_CHECKS]
    return schema + _run(store, checks)


def _run(store: Store, checks: Iterable[Check]) -> list[Problem]:
    problems: list[Problem] = []
    for check in checks:
        try:
            problems.extend(check(store))
        except sqlite3.DatabaseError as error:
            problems.append(Problem("check_failed", "", _(
                "A check could not be run; the data file may be damaged."),
                f"{check.__name__}: {error}"))
    return problems
