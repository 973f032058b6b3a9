"""A handover package brings only its council's rows: the shared reference rows it carries must be
the receiving file's own.

Every council of a file reads the same reference rows: 交付金 programmes (their rules decide
which 費目 count as 対象経費 and the caps), 費目 (income and expense categories), 会計区分
(funds), 地域, 団体の種類 and 役職. A package whose programme rules were altered, imported under a
new name, would change another council's 精算書. So before anything is copied, each reference row
of the package is matched in the target by its code (地域 by city and name, センター by name):

* found → it must be identical (ids aside), else the import stops and names the rows;
* not found → a 地域 or 地域交流センター is added (a council from another area), a programme
  only when it is exactly the shipped city preset's (a new file has none yet); anything else
  (a 費目, a fund, a role …) the app does not know stops the import.

The funds and programmes a council defined itself (migration 19: a ``council_`` code, owned
through ``council_funds`` / ``council_programs``) are the exception: they belong to the
package's council, are not compared, and arrive under fresh codes (:func:`council_code_renames`),
so they can neither replace nor join another council's. A claim that is not such a row (a city
fund or programme, a programme with a city preset or paying into a fund the council does not
own) and a ``council_`` row nobody claims stop the import.

Which tables are shared is read from the schema (:func:`store.handover_copy.owned_tables`), so
tables added later are checked too.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from dataclasses import dataclass

from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.accounting.funders import COUNCIL_CODE_PREFIX, is_council_code
from kyodo_desktop.store.handover_copy import NEVER_COPIED, Table, owned_tables, read_schema

#: Shared tables whose missing rows the package may add (they change no other council).
ADDABLE = frozenset({"districts", "community_centers"})
#: Natural keys of shared tables that have neither a code nor a UNIQUE key.
FALLBACK_KEYS = {"community_centers": ("name",)}
#: Names of the reference tables in messages.
LABELS = {
    "grant_programs": N_("grant programme"),
    "income_categories": N_("income category"),
    "expense_categories": N_("expense category"),
    "funds": N_("fund"),
    "council_funds": N_("council's own fund"),
    "council_programs": N_("council's own programme"),
    "districts": N_("district"),
    "community_centers": N_("community center"),
    "organization_kinds": N_("organization kind"),
    "roles": N_("role"),
}
_SHOWN = 6


@dataclass(frozen=True)
class ReferenceDifference:
    """A reference row of the package that the target does not have as it is: ``table``, its
    natural ``key`` and the ``columns`` that differ (empty when the target lacks the row)."""

    table: str
    key: tuple
    columns: tuple[str, ...]

    def describe(self) -> str:
        """``"grant programme yamaguchi_activity (rules)"`` in the user's language."""
        label = _(LABELS[self.table]) if self.table in LABELS else self.table
        key = "/".join(str(k) for k in self.key)
        what = ", ".join(self.columns) if self.columns else _("not in this data file")
        return f"{label} {key} ({what})"


def _key_columns(table: Table) -> tuple[str, ...]:
    if not table.int_id and table.unique:
        return table.unique[0]
    for columns in table.unique:
        if columns != ("id",):
            return columns
    return FALLBACK_KEYS.get(table.name, tuple(c for c in table.columns if c != "id"))


class _Side:
    """Reference rows of one connection, by table and natural key, ids resolved to keys."""

    def __init__(self, conn: sqlite3.Connection, schema: dict[str, Table], shared: set[str]):
        self.conn, self.schema, self.shared = conn, schema, shared
        self._keys: dict[tuple[str, object], tuple] = {}

    def rows(self, name: str) -> dict[tuple, dict]:
        table = self.schema[name]
        key = _key_columns(table)
        found = {}
        cursor = self.conn.execute(f'SELECT * FROM "{name}" ORDER BY rowid')
        names = [d[0] for d in cursor.description]
        for values in cursor.fetchall():
            row = self._comparable(table, dict(zip(names, values, strict=True)))
            found[tuple(row[c] for c in key)] = row
        return found

    def _comparable(self, table: Table, row: dict) -> dict:
        result = {c: v for c, v in row.items() if not (table.int_id and c == "id")}
        for column, parent, parent_column in table.fks:
            parent_table = self.schema.get(parent)
            if (parent in self.shared and parent_table is not None and parent_table.int_id
                    and parent_column == "id" and row.get(column) is not None):
                result[column] = self._parent_key(parent_table, row[column])
        return result

    def _parent_key(self, parent: Table, row_id: object) -> tuple:
        cache = (parent.name, row_id)
        if cache not in self._keys:
            columns = _key_columns(parent)
            found = self.conn.execute(
                f'SELECT {", ".join(columns)} FROM "{parent.name}" WHERE id = ?',
                (row_id,)).fetchone()
            self._keys[cache] = tuple(found) if found else ("?", row_id)
        return self._keys[cache]


def reference_differences(package: sqlite3.Connection, target: sqlite3.Connection
                          ) -> list[ReferenceDifference]:
    """The package's reference rows that the target lacks or has otherwise (see module
    docstring); empty when the package may be imported."""
    schema = read_schema(package)
    target_schema = read_schema(target)
    shared = set(schema) - owned_tables(schema) - NEVER_COPIED
    ours = _Side(package, schema, shared)
    theirs = _Side(target, target_schema, shared & set(target_schema))
    claimed, differences = _council_claims(package, schema)
    for name in sorted(shared):
        existing = theirs.rows(name) if name in target_schema else {}
        for key, row in ours.rows(name).items():
            if is_council_code(row.get("code")) and name in ("funds", "grant_programs"):
                if row["code"] not in claimed:
                    differences.append(ReferenceDifference(name, key, ()))
                continue
            match = existing.get(key)
            if match is None:
                if name not in ADDABLE and not _is_preset_programme(name, row):
                    differences.append(ReferenceDifference(name, key, ()))
                continue
            columns = tuple(c for c in row if c in match and row[c] != match[c])
            if columns:
                differences.append(ReferenceDifference(name, key, columns))
    return differences


def _council_claims(package: sqlite3.Connection, schema: dict[str, Table]
                    ) -> tuple[set[str], list[ReferenceDifference]]:
    """The codes of the funds and programmes the package's council rightly owns, and a
    difference for every claim that is not such a row."""
    if "council_funds" not in schema or "council_programs" not in schema:
        return set(), []
    funds = {code for (code,) in package.execute("SELECT fund_code FROM council_funds")}
    wrong = [ReferenceDifference("council_funds", (code,), ()) for code in sorted(funds)
             if not is_council_code(code)]
    funds = {code for code in funds if is_council_code(code)}
    programs = set()
    for program_id, code, fund, preset in package.execute(
            "SELECT cp.program_id, p.code, p.fund_code, p.city_preset FROM council_programs cp "
            "LEFT JOIN grant_programs p ON p.id = cp.program_id"):
        if is_council_code(code) and fund in funds and preset == "":
            programs.add(code)
        else:
            wrong.append(ReferenceDifference("council_programs", (code or program_id,), ()))
    return funds | programs, wrong


def council_code_renames(package: sqlite3.Connection) -> dict[str, dict[str, str]]:
    """Fresh codes for every council-defined fund and programme of the package:
    ``{"funds": {old: new}, "grant_programs": {old: new}}`` (see CouncilCopier ``renames``)."""
    return {table: {code: COUNCIL_CODE_PREFIX + secrets.token_hex(6) for (code,) in
                    package.execute(f'SELECT code FROM "{table}" WHERE substr(code, 1, 8) = ?',
                                    (COUNCIL_CODE_PREFIX,))}
            for table in ("funds", "grant_programs")}


def _is_preset_programme(table: str, row: dict) -> bool:
    """True for a ``grant_programs`` row that is exactly the shipped preset's programme."""
    if table != "grant_programs":
        return False
    from kyodo_desktop.services.council.presets import load_preset, program_rows

    try:
        preset = load_preset(str(row.get("city_preset", "")))
    except UserError:
        return False
    for expected in program_rows(preset):
        if all(_same(row.get(c), v, c) for c, v in expected.items()):
            return True
    return False


def _same(found: object, expected: object, column: str) -> bool:
    if column == "rules" and isinstance(found, str) and isinstance(expected, str):
        try:
            return json.loads(found) == json.loads(expected)
        except ValueError:
            return False
    return found == expected


def refuse_differences(package: sqlite3.Connection, target: sqlite3.Connection,
                       shown_as: object) -> None:
    """Raise UserError naming the reference rows of the package (the file ``shown_as``) that
    differ from the target's; nothing is imported then."""
    differences = reference_differences(package, target)
    if not differences:
        return
    names = "、".join(d.describe() for d in differences[:_SHOWN])
    if len(differences) > _SHOWN:
        names += "、…"
    raise UserError(_(
        "The handover package {path} carries shared settings that differ from this data file: "
        "{names}. They are used by every council of the file, so nothing was imported. Ask the "
        "sender to export the package again with the same version of the app and city "
        "settings.").format(path=shown_as, names=names),
        detail="; ".join(d.describe() for d in differences))
