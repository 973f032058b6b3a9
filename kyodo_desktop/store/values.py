"""Value rules every stored row must meet, whoever wrote the file.

The schema's CHECK constraints say "≥ 0"; they do not stop 2^63−1 円, which later makes every
sum fail with ``integer overflow``. These rules, read from the column names of the schema (so
new tables follow them), are checked on opening a file, before a restore or a handover import,
and reported by ``kyodo-desktop check``:

* money (``amount``, ``*_amount``, ``budget``, ``revised_budget``, ``carried_in``,
  ``eligible_spending``): between −MAX_YEN and MAX_YEN 円 (:data:`domain.money.MAX_YEN`);
* counts (``population``, ``households``, ``member_households``, ``*_participants``):
  0 … :data:`MAX_COUNT`;
* years (``fiscal_year``, ``*_year``): 1989 … 2200 (平成元年度 … );
* dates (``*_on``, ``entry_date``): a real ISO date ``YYYY-MM-DD`` (not 2026-02-30) from 1900
  to 2200;
  time stamps (``*_at``) start with such a date;
* every INTEGER column an integer of at most ±:data:`MAX_INTEGER`, every TEXT column text,
  every REAL column a finite number (or NULL);
* dates also in ``*_date``, ``period_from``, ``period_to`` (a crafted 監査の期間 of 「x」 stopped
  the 総会議案書 with a traceback);
* the JSON columns (:data:`JSON_COLUMNS`): valid JSON of the kind the code reads, the
  次年度繰越金 of ``year_closes.carried_out`` integers within MAX_YEN 円 and the 金種表 counts
  within :data:`MAX_COUNT` (invalid JSON stopped the 年度末一式 and the 監査報告);
* a batch record of the change log (``audit_log.row_key`` ``rows:<first>-<last>``, schema steps
  23 and 24) of the shape the store's trigger ``audit_log_batch_shape`` lets the app write
  (:func:`batch_shape_sql`; a crafted file may hold any record, the trigger guards only new
  ones). Checked in full only (before a restore or a handover import, and by ``check``), not
  on every opening: it reads the whole change log.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from kyodo_desktop.domain.money import MAX_YEN

#: The largest count of people or households a council can have.
MAX_COUNT = 10_000_000
#: The largest integer stored anywhere (row ids included): far below 2^63, so sums cannot overflow.
MAX_INTEGER = 10**15
YEAR_MIN, YEAR_MAX = 1989, 2200
DATE_MIN, DATE_MAX = "1900-01-01", "2200-12-31"
_MONEY = {"amount", "budget", "revised_budget", "carried_in", "eligible_spending"}
_COUNTS = {"population", "households", "member_households"}
#: The columns that hold JSON: (table, column) → the rule ("json_array", "json_object",
#: "json_money" an object of 円 amounts, "json_counts" an object of counts or '').
JSON_COLUMNS = {("community_plans", "methods"): "json_array",
                ("grant_programs", "rules"): "json_object",
                ("year_closes", "carried_out"): "json_money",
                ("reconciliations", "cash_count"): "json_counts",
                ("city_returns", "summary"): "json_object",
                ("city_returns", "document"): "json_object"}
_DATE_NAMES = {"entry_date", "period_from", "period_to"}
#: Column rules of their own: (table, column) → rule (see :func:`batch_shape_sql`).
RECORD_COLUMNS = {("audit_log", "row_key"): "audit_batch"}
#: How many row ids a finding keeps.
MAX_ROWIDS = 20


@dataclass(frozen=True)
class ValueFinding:
    """Rows of ``table`` whose ``column`` breaks rule ``rule`` ("money", "count", "year",
    "date", "timestamp", "integer", "text", "real"): ``count`` rows, the first ``rowids``."""

    rule: str
    table: str
    column: str
    count: int
    rowids: tuple[int, ...]

    def describe(self) -> str:
        """``"cash_book_entries.amount (money): 1 row, rowid 7"`` (technical English)."""
        ids = ", ".join(str(r) for r in self.rowids)
        return f"{self.table}.{self.column} ({self.rule}): {self.count} row(s), rowid {ids}"


def _rule_of(name: str, declared: str, table: str = "") -> str | None:
    if (table, name) in JSON_COLUMNS:
        return JSON_COLUMNS[table, name]
    if (table, name) in RECORD_COLUMNS:
        return RECORD_COLUMNS[table, name]
    declared = declared.upper()
    if declared == "INTEGER":
        if name in _MONEY or name.endswith("_amount"):
            return "money"
        if name in _COUNTS or name.endswith("_participants"):
            return "count"
        if name == "fiscal_year" or name.endswith("_year"):
            return "year"
        return "integer"
    if declared == "TEXT":
        if name.endswith(("_on", "_date")) or name in _DATE_NAMES:
            return "date"
        if name.endswith("_at"):
            return "timestamp"
        return "text"
    if declared == "REAL":
        return "real"
    return None


def _bad_sql(rule: str, column: str, quick: bool = False) -> str:
    """SQL true when ``column`` breaks ``rule`` (NULL is never a break: NOT NULL is the
    schema's job)."""
    c = f'"{column}"'
    integer = f"({c} IS NOT NULL AND typeof({c}) <> 'integer')"
    text = f"({c} IS NOT NULL AND typeof({c}) <> 'text')"
    bounds = {"money": (-MAX_YEN, MAX_YEN), "count": (0, MAX_COUNT),
              "year": (YEAR_MIN, YEAR_MAX), "integer": (-MAX_INTEGER, MAX_INTEGER)}
    if rule in bounds:
        low, high = bounds[rule]
        if quick:  # the STRICT column holds integers
            return f"({c} NOT BETWEEN {low} AND {high})"
        return f"({integer} OR {c} NOT BETWEEN {low} AND {high})"
    if rule == "real":
        return (f"({c} IS NOT NULL AND (typeof({c}) NOT IN ('real', 'integer') "
                f"OR abs({c}) > {float(MAX_INTEGER)}))")
    if rule.startswith("json_"):
        return _bad_json_sql(rule, c)
    if rule == "audit_batch":
        return (f"({text} OR ({c} GLOB 'rows:*' AND (NOT coalesce(("
                f"{batch_shape_sql(c, *(f'audit_log.{n}' for n in ('action', 'before', 'after')))}"
                f"), 0) OR {_batch_content_bad_sql()})))")
    if rule in ("date", "timestamp"):
        day = c if rule == "date" else f"substr({c}, 1, 10)"
        return (f"({text} OR ({c} IS NOT NULL AND (date({day}, '+0 days') IS NOT {day} "
                f"OR {day} NOT BETWEEN '{DATE_MIN}' AND '{DATE_MAX}')))")
    return text


def _bad_json_sql(rule: str, c: str) -> str:
    """SQL true when the JSON column ``c`` breaks ``rule`` (see :data:`JSON_COLUMNS`). A CASE,
    because json_type and json_each raise on malformed JSON: they see only valid JSON."""
    kind, allowed, value_rule = rule.removeprefix("json_"), "", ""
    if rule == "json_counts":
        kind, allowed = "object", f" OR {c} = ''"  # '' for a bank account
        value_rule = f"type <> 'integer' OR value NOT BETWEEN 0 AND {MAX_COUNT}"
    elif rule == "json_money":
        kind, value_rule = "object", f"type <> 'integer' OR value NOT BETWEEN {-MAX_YEN} AND {MAX_YEN}"
    values = f" OR EXISTS (SELECT 1 FROM json_each({c}) WHERE {value_rule})" if value_rule else ""
    return (f"(CASE WHEN {c} IS NULL{allowed} THEN 0 "
            f"WHEN typeof({c}) <> 'text' OR NOT json_valid({c}) THEN 1 "
            f"ELSE (json_type({c}) IS NOT '{kind}'{values}) END)")


def _batch_content_bad_sql() -> str:
    """SQL true when a batch record of the right shape (:func:`batch_shape_sql`) still is not
    one the app writes: of a table not logged by ``id`` (or none of the file's), its column
    names not all distinct texts, or a row's id not the next of the previous row's."""
    from kyodo_desktop.store.audit import AUDITED_TABLES

    batched = ", ".join(f"'{name}'" for name, key in AUDITED_TABLES.items() if key == ("id",))
    rows = ("(CASE audit_log.action WHEN 'delete' THEN audit_log.before "
            "ELSE audit_log.after END)")
    return (f"(audit_log.table_name NOT IN ({batched}) OR CASE WHEN json_valid({rows}) THEN "
            f"(SELECT count(*) <> count(DISTINCT value) OR sum(type <> 'text') > 0 "
            f"FROM json_each({rows}, '$.columns')) OR EXISTS (SELECT 1 FROM json_each({rows}, "
            "'$.rows') WHERE json_extract(value, '$[0]') IS NOT key + CAST(substr("
            "audit_log.row_key, 6, instr(audit_log.row_key, '-') - 6) AS INTEGER)) ELSE 0 END)")


def batch_shape_sql(key: str, action: str, before: str, after: str) -> str:
    """A SELECT giving 1 when the change-log record of ``row_key`` ``key`` (a ``rows:…``
    record), ``action``, ``before`` and ``after`` (SQL expressions) has the shape of a batch
    record: an insert with ``after`` or a delete with ``before`` holding
    ``{"columns": ["id", …], "rows": [[id, …], …]}``, one row per id of the key (digits only),
    the first row of the first id and the last of the last id. The trigger
    ``audit_log_batch_shape`` of schema step 24 is the same rule over ``NEW``."""
    return (
        f"SELECT ({action} = 'insert' AND {before} IS NULL OR {action} = 'delete' "
        f"AND {after} IS NULL) AND {key} GLOB 'rows:[0-9]*-[0-9]*' "
        f"AND {key} NOT GLOB 'rows:*[^0-9-]*' AND {key} NOT GLOB 'rows:*-*-*' "
        "AND json_type(rows, '$.columns') IS 'array' "
        "AND json_type(rows, '$.rows') IS 'array' "
        "AND json_extract(rows, '$.columns[0]') IS 'id' "
        "AND json_array_length(rows, '$.rows') = last - first + 1 "
        "AND json_extract(rows, '$.rows[0][0]') IS first "
        "AND json_extract(rows, '$.rows[' || max(last - first, 0) || '][0]') IS last "
        f"FROM (SELECT CASE WHEN json_valid(CASE {action} WHEN 'delete' THEN {before} "
        f"ELSE {after} END) THEN CASE {action} WHEN 'delete' THEN {before} ELSE {after} END "
        "ELSE '{}' END AS rows, "  # never malformed: json_type would raise, not say no
        f"CAST(substr({key}, 6, instr({key}, '-') - 6) AS INTEGER) AS first, "
        f"CAST(substr({key}, instr({key}, '-') + 1) AS INTEGER) AS last)")


#: Rules left out of the quick pass on opening: the STRICT schema enforces the types (SQLite's
#: quick check verifies them in a file whose schema is the app's own), time stamps are shown,
#: never computed with, and the shape of the change log's batch records (the whole log is read).
_TYPE_ONLY = {"integer", "text", "timestamp", "audit_batch"}


def _columns(conn: sqlite3.Connection, table: str, quick: bool) -> list[tuple[str, str]]:
    rows = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
    found = []
    for row in rows:
        rule = _rule_of(row[1], row[2] or "", table)
        if rule is not None and not (quick and rule in _TYPE_ONLY):
            found.append((row[1], rule))
    return found


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]


def table_findings(conn: sqlite3.Connection, table: str, *, quick: bool = False
                   ) -> list[ValueFinding]:
    """The value rules broken in one table (one pass over the table; row ids only for the
    columns that break a rule). ``quick``: see :func:`value_findings`."""
    columns = _columns(conn, table, quick)
    if not columns:
        return []
    sums = ", ".join(f"coalesce(sum({_bad_sql(rule, name, quick)}), 0)"
                     for name, rule in columns)
    counts = conn.execute(f'SELECT {sums} FROM "{table}"').fetchone()
    findings = []
    for (name, rule), count in zip(columns, counts, strict=True):
        if count:
            rowids = tuple(r[0] for r in conn.execute(
                f'SELECT rowid FROM "{table}" WHERE {_bad_sql(rule, name, quick)} ORDER BY rowid '
                f"LIMIT {MAX_ROWIDS}"))
            findings.append(ValueFinding(rule, table, name, count, rowids))
    return findings


def value_findings(conn: sqlite3.Connection, *, quick: bool = False) -> list[ValueFinding]:
    """Every value rule broken anywhere in the file (empty when all values are sane).

    ``quick`` (on opening a file whose schema was verified): leaves out the type rules the STRICT
    tables enforce and the time stamps, so a file of 100,000 出納簿 entries is checked in a
    fraction of a second.
    """
    return [f for table in _tables(conn) for f in table_findings(conn, table, quick=quick)]
