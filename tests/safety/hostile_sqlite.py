"""A corpus of hostile database files, made from the demo by code (no binary fixtures kept).

Each :class:`Hostile` is a file someone could hand a treasurer on a USB stick — a backup or a
handover package with an extra trigger, a loosened CHECK, a lowered format number, 2^63−1 円,
altered reference rows, a wrong passphrase … — and the paths it is run through (``restore``,
``handover-import`` and opening it with ``open``). Every one must be refused with 「エラー:」, exit
2, no traceback, and no table of the target changed (tests/safety/test_hostile_sqlite_corpus.py).

:func:`build_corpus` writes them into a folder; ``MUTATIONS`` maps a name to the change made on a
copy of a sound file (a backup of the demo, or a handover package of 湯田).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ALL_PATHS = ("restore", "handover-import", "open")
PACKAGE_ONLY = ("handover-import",)
#: What the full validation of an incoming file refuses (restore, handover import), and opening
#: does not look for (it would read the whole change log): the shape of a batch record.
FULL_CHECK_PATHS = ("restore", "handover-import")

SPY_TRIGGER = (
    "CREATE TRIGGER cash_book_spy AFTER INSERT ON cash_book_entries BEGIN "
    "UPDATE people SET phone = '090-0000-0000'; "
    "UPDATE cash_book_entries SET amount = amount * 10 WHERE id = NEW.id; END")


@dataclass(frozen=True)
class Hostile:
    """One corpus file: ``name``, its ``path`` and the ``paths`` (commands) it is run through."""

    name: str
    path: Path
    paths: tuple[str, ...]


def _past_entry_rules(conn: sqlite3.Connection, run: Callable[[], None]) -> None:
    """Run ``run`` with the 出納簿 entry-rule triggers (migration 8) out of the way and put them
    back: an attacker edits the file with any SQLite tool, not through the app's rules."""
    guards = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                          "AND sql LIKE '%kyodo:entry%'").fetchall()
    for name, _sql_text in guards:
        conn.execute(f'DROP TRIGGER "{name}"')
    run()
    for _name, sql_text in guards:
        conn.execute(sql_text)


def _past_triggers(table: str, *statements: str) -> Callable[[sqlite3.Connection], None]:
    """The ``statements`` run with every trigger of ``table`` out of the way (put back as they
    were): a file edited with any SQLite tool."""
    def change(conn: sqlite3.Connection) -> None:
        guards = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                              "AND tbl_name = ?", (table,)).fetchall()
        for name, _sql_text in guards:
            conn.execute(f'DROP TRIGGER "{name}"')
        for statement in statements:
            conn.execute(statement)
        for _name, sql_text in guards:
            conn.execute(sql_text)
    return change


def _sql(*statements: str) -> Callable[[sqlite3.Connection], None]:
    def change(conn: sqlite3.Connection) -> None:
        def run() -> None:
            for statement in statements:
                conn.execute(statement)
        _past_entry_rules(conn, run)
    return change


def _set_sql(conn: sqlite3.Connection, name: str, sql: str) -> None:
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (sql, name))
    conn.execute("PRAGMA writable_schema = OFF")
    conn.commit()


def _rewrite_schema(name: str, old: str, new: str, after: str, *, put_back: bool = False
                    ) -> Callable[[sqlite3.Connection], None]:
    """Edit the CREATE statement of ``name`` in place (writable_schema), run ``after`` on a
    fresh connection, as a hand-edited file would be; ``put_back`` restores the original
    statement afterwards (the schema then looks right, the data does not)."""
    def change(conn: sqlite3.Connection) -> None:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
        assert old in sql, (name, old)
        _set_sql(conn, name, sql.replace(old, new))
        path = conn.execute("PRAGMA database_list").fetchone()[2]
        fresh = sqlite3.connect(path)
        try:
            _past_entry_rules(fresh, lambda: fresh.execute(after))
            fresh.commit()
            if put_back:
                _set_sql(fresh, name, sql)
        finally:
            fresh.close()
    return change


def _a_batch_record(key: str, action: str, before: str, after: str,
                    table: str = "cash_book_entries") -> str:
    """An INSERT of a change-log batch record (``before``/``after`` SQL literals) chained to
    the last record."""
    return ("INSERT INTO audit_log (occurred_at, table_name, row_key, action, before, after, "
            f"actor, prev_hash, hash) SELECT '2026-01-01T00:00:00', '{table}', '{key}', "
            f"'{action}', {before}, {after}, '', hash, printf('%064d', 0) FROM audit_log "
            "ORDER BY id DESC LIMIT 1")


def _a_cash_entry(column: str, value: str) -> str:
    return (f"UPDATE cash_book_entries SET {column} = {value} "
            "WHERE id = (SELECT max(id) FROM cash_book_entries WHERE correction_of_id IS NULL)")


#: name → (change on a sound file, paths). Files of the demo's format unless the name says.
MUTATIONS: dict[str, tuple[Callable[[sqlite3.Connection], None], tuple[str, ...]]] = {
    "extra_trigger": (_sql(SPY_TRIGGER), ALL_PATHS),
    "extra_view": (_sql("CREATE VIEW everyone AS SELECT name, phone, address FROM people"),
                   ALL_PATHS),
    "extra_table": (_sql("CREATE TABLE exfiltrate (data TEXT) STRICT",
                         "INSERT INTO exfiltrate SELECT phone FROM people"), ALL_PATHS),
    "extra_index": (_sql("CREATE INDEX people_phone ON people(phone)"), ALL_PATHS),
    "dropped_year_lock": (_sql("DROP TRIGGER cash_book_entries_closed_insert"), ALL_PATHS),
    "changed_check": (_rewrite_schema(
        "cash_book_entries", "CHECK (amount > 0 OR", "CHECK (amount > -999999999 OR",
        _a_cash_entry("amount", "-5000")), ALL_PATHS),
    "not_strict_text_in_integer": (_rewrite_schema(
        "budget_lines", ") STRICT", ")",
        "UPDATE budget_lines SET budget = 'many' WHERE id = (SELECT max(id) FROM budget_lines)"),
        ALL_PATHS),
    "text_in_integer_column": (_rewrite_schema(
        "grants", ") STRICT", ")",
        "UPDATE grants SET decided_amount = 'x' WHERE id = (SELECT min(id) FROM grants)",
        put_back=True), ALL_PATHS),
    "check_violated_behind_the_schema": (_rewrite_schema(
        "grant_payments", "CHECK (amount > 0)", "CHECK (amount IS NOT NULL)",
        "UPDATE grant_payments SET amount = -1 WHERE id = (SELECT max(id) FROM grant_payments)",
        put_back=True), ALL_PATHS),
    "old_user_version": (_sql("PRAGMA user_version = 1"), ALL_PATHS),
    "negative_user_version": (_sql("PRAGMA user_version = -3"), ALL_PATHS),
    "zero_user_version": (_sql("PRAGMA user_version = 0"), ALL_PATHS),
    "too_new_user_version": (_sql("PRAGMA user_version = 999"), ALL_PATHS),
    "wrong_application_id": (_sql("PRAGMA application_id = 1234"), ALL_PATHS),
    "absurd_amount": (_sql(_a_cash_entry("amount", str(2**63 - 1))), ALL_PATHS),
    "absurd_negative_correction": (_sql(
        "UPDATE cash_book_entries SET amount = -9223372036854775808, correction_of_id = "
        "(SELECT min(id) FROM cash_book_entries) WHERE id = (SELECT max(id) FROM "
        "cash_book_entries)"), ALL_PATHS),
    "absurd_budget": (_sql("UPDATE budget_lines SET budget = 100000000000000 "
                           "WHERE id = (SELECT max(id) FROM budget_lines)"), ALL_PATHS),
    "absurd_opening_balance": (_sql("UPDATE opening_balances SET carried_in = "
                                    "-9223372036854775807 WHERE rowid = "
                                    "(SELECT max(rowid) FROM opening_balances)"), ALL_PATHS),
    "absurd_population": (_sql("UPDATE council_year_stats SET population = 99999999999 "
                               "WHERE rowid = (SELECT min(rowid) FROM council_year_stats)"),
                          ALL_PATHS),
    "year_3000_budget": (_sql("UPDATE budget_lines SET fiscal_year = 3000 "
                              "WHERE id = (SELECT max(id) FROM budget_lines)"), ALL_PATHS),
    "impossible_date": (_sql("UPDATE grants SET decided_on = '2026-02-30' "
                             "WHERE id = (SELECT min(id) FROM grants)"), ALL_PATHS),
    "date_in_year_9999": (_sql("UPDATE officer_terms SET ends_on = '9999-12-31' "
                               "WHERE id = (SELECT min(id) FROM officer_terms)"), ALL_PATHS),
    "not_a_date_in_the_audit_period": (_sql(
        "UPDATE audits SET period_from = '2025-04-01<x>' WHERE id = (SELECT min(id) FROM audits)"),
        ALL_PATHS),
    "not_a_date_in_a_transfer": (_past_triggers(
        "account_transfers", "UPDATE account_transfers SET transfer_date = '2025-04-01x' "
        "WHERE id = (SELECT min(id) FROM account_transfers)"), ALL_PATHS),
    "carried_out_not_json": (_past_triggers(
        "year_closes", "UPDATE year_closes SET carried_out = '{\"own_funds\": 1,' "
        "WHERE id = (SELECT min(id) FROM year_closes)"), ALL_PATHS),
    "carried_out_absurd": (_past_triggers(
        "year_closes", "UPDATE year_closes SET carried_out = "
        "'{\"own_funds\": 9223372036854775807}' WHERE id = (SELECT min(id) FROM year_closes)"),
        ALL_PATHS),
    "plan_methods_not_a_list": (_sql(
        "UPDATE community_plans SET methods = '{\"a\": 1}' "
        "WHERE id = (SELECT min(id) FROM community_plans)"), ALL_PATHS),
    "cash_count_not_counts": (_sql(
        "UPDATE reconciliations SET cash_count = '{\"10000\": -5}' "
        "WHERE id = (SELECT min(id) FROM reconciliations WHERE cash_count <> '')"), ALL_PATHS),
    "broken_foreign_key": (_sql("PRAGMA foreign_keys = OFF",
                                "UPDATE people SET council_id = 9999 "
                                "WHERE id = (SELECT min(id) FROM people)"), ALL_PATHS),
    # a change-log batch record the store's trigger would refuse, written past it: a "delete"
    # of three entries holding one, an "insert" whose rows are not the ids of its key
    "bogus_batch_delete": (_past_triggers("audit_log", _a_batch_record(
        "rows:1-3", "delete", "'{\"columns\":[\"id\"],\"rows\":[[1]]}'", "NULL")),
        FULL_CHECK_PATHS),
    "bogus_batch_insert": (_past_triggers("audit_log", _a_batch_record(
        "rows:5-6", "insert", "NULL", "'{\"columns\":[\"id\"],\"rows\":[[1],[2]]}'")),
        FULL_CHECK_PATHS),
    # the shape of a batch, but not one the app writes: a table not logged by id, ids not in a
    # row, column names that are not names or come twice (the first crashed ``check``)
    "bogus_batch_other_table": (_past_triggers("audit_log", _a_batch_record(
        "rows:1-1", "insert", "NULL", "'{\"columns\":[\"id\"],\"rows\":[[1]]}'",
        table="councils")), FULL_CHECK_PATHS),
    "bogus_batch_ids_apart": (_past_triggers("audit_log", _a_batch_record(
        "rows:5-7", "insert", "NULL", "'{\"columns\":[\"id\"],\"rows\":[[5],[99],[7]]}'")),
        FULL_CHECK_PATHS),
    "bogus_batch_column_not_a_name": (_past_triggers("audit_log", _a_batch_record(
        "rows:5-5", "insert", "NULL",
        "'{\"columns\":[\"id\",{\"x\":1}],\"rows\":[[5,1]]}'")), FULL_CHECK_PATHS),
    "bogus_batch_column_twice": (_past_triggers("audit_log", _a_batch_record(
        "rows:5-5", "insert", "NULL", "'{\"columns\":[\"id\",\"id\"],\"rows\":[[5,1]]}'")),
        FULL_CHECK_PATHS),
}


def altered_programme_rules(conn: sqlite3.Connection) -> tuple[str, str]:
    """(code, rules JSON) of the package's 活動支援 programme with rules that admit only 食糧費."""
    code, rules = conn.execute("SELECT code, rules FROM grant_programs "
                               "WHERE fund_code = 'activity_support'").fetchone()
    data = json.loads(rules)
    data["allowed_expense_categories"] = ["food"]
    return code, json.dumps(data, ensure_ascii=False)


def programme_under_a_new_code(conn: sqlite3.Connection) -> None:
    """The finding: a programme of another code, same city and fund, rules admitting almost
    nothing, which the other councils of the receiving file would then read."""
    code, rules = altered_programme_rules(conn)
    conn.execute("INSERT INTO grant_programs (code, name, fund_code, city_preset, rules) "
                 "SELECT 'evil_' || code, name, fund_code, city_preset, ? FROM grant_programs "
                 "WHERE code = ?", (rules, code))
    conn.execute("UPDATE grants SET program_id = last_insert_rowid() WHERE program_id = "
                 "(SELECT id FROM grant_programs WHERE code = ?)", (code,))


def programme_rules_changed(conn: sqlite3.Connection) -> None:
    code, rules = altered_programme_rules(conn)
    conn.execute("UPDATE grant_programs SET rules = ? WHERE code = ?", (rules, code))


#: Handover packages whose shared reference rows were altered: name → (change, naming text).
REFERENCE_ATTACKS: dict[str, tuple[Callable[[sqlite3.Connection], None], str]] = {
    "new_programme": (programme_under_a_new_code, "evil_"),
    "programme_rules": (programme_rules_changed, "交付金の制度"),
    "expense_category": (_sql("UPDATE expense_categories SET parent_code = NULL "
                              "WHERE code = 'food'"), "food"),
    "unknown_fund": (_sql("INSERT INTO funds (code, name, is_grant, sort_order) "
                          "VALUES ('secret', '裏金', 0, 9)"), "secret"),
    "role": (_sql("UPDATE roles SET name = name || '（改）' WHERE rowid = 1"), "役職"),
    "organization_kind": (_sql("UPDATE organization_kinds SET sort_order = 0 "
                               "WHERE code = 'pta'"), "pta"),
    "income_category": (_sql("UPDATE income_categories SET name = '交付金（市）' "
                             "WHERE code = 'grant'"), "grant"),
}
MUTATIONS.update({f"package_{name}": (change, PACKAGE_ONLY)
                  for name, (change, _named) in REFERENCE_ATTACKS.items()})


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _garbage(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04 this is not a database " * 50)


def _empty(path: Path) -> None:
    path.write_bytes(b"")


#: name → change of the file's bytes (after it was written).
BYTE_MUTATIONS: dict[str, Callable[[Path], None]] = {
    "truncated": _truncate,
    "not_sqlite": _garbage,
    "empty_file": _empty,
}


def mutate_copy(source: Path, target: Path, change: Callable[[sqlite3.Connection], None]
                ) -> Path:
    """Copy ``source`` to ``target`` and apply ``change`` to it (committed)."""
    shutil.copy(source, target)
    conn = sqlite3.connect(target)
    try:
        change(conn)
        conn.commit()
    finally:
        conn.close()
    return target


def encrypted_files(folder: Path, backup: Path, package: Path, passphrase: str
                    ) -> list[Hostile]:
    """Encrypted files that must be refused although the right ``passphrase`` is given (the
    runs use it): encrypted with another passphrase, cut short, a byte changed, and sound
    encryption around a file with a tampering trigger or an altered package."""
    from kyodo_desktop.services.backup.encryption import encrypt_file

    made = []
    wrong = encrypt_file(backup, folder / "encrypted_wrong_passphrase.sqlite3.enc",
                         passphrase + "別")
    made.append(Hostile("encrypted_wrong_passphrase", wrong, ALL_PATHS))
    sound = encrypt_file(backup, folder / "encrypted_sound.tmp", passphrase)
    data = sound.read_bytes()
    sound.unlink()
    cut = folder / "encrypted_cut_short.sqlite3.enc"
    cut.write_bytes(data[: len(data) // 2])
    flipped = folder / "encrypted_byte_changed.sqlite3.enc"
    flipped.write_bytes(data[:-100] + bytes([data[-100] ^ 0x40]) + data[-99:])
    made += [Hostile("encrypted_cut_short", cut, ALL_PATHS),
             Hostile("encrypted_byte_changed", flipped, ALL_PATHS)]
    for name, source in (("extra_trigger", backup), ("package_new_programme", package)):
        inner = folder / f"{name}.sqlite3"
        made.append(Hostile(f"encrypted_{name}", encrypt_file(
            inner, folder / f"encrypted_{name}.sqlite3.enc", passphrase),
            ALL_PATHS if source is backup else PACKAGE_ONLY))
    return made


def build_corpus(folder: Path, backup: Path, package: Path,
                 extra: dict[str, Callable[[Path], Hostile]] | None = None) -> list[Hostile]:
    """Write the corpus into ``folder`` from a sound ``backup`` (a backup file of the demo) and
    a sound handover ``package``; ``extra`` adds builders ``(folder) -> Hostile``. Returns every
    file made (encrypted ones come from :func:`encrypted_files`, run after this)."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for name, (change, paths) in MUTATIONS.items():
        source = package if paths == PACKAGE_ONLY else backup
        made.append(Hostile(name, mutate_copy(source, folder / f"{name}.sqlite3", change),
                            paths))
    for name, change_bytes in BYTE_MUTATIONS.items():
        path = folder / f"{name}.sqlite3"
        shutil.copy(backup, path)
        change_bytes(path)
        # an empty file is a new data file when opened, which is right; it is no backup
        made.append(Hostile(name, path, ALL_PATHS if name != "empty_file" else
                            ("restore", "handover-import")))
    for build in (extra or {}).values():
        made.append(build(folder))
    return made
