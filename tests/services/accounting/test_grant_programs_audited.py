"""交付金 programmes (grant_programs: name, 費目 rules, caps) are in the 変更履歴 since schema step
24: every write is logged (a preset installed, a council's own programme, undo), installing the
same preset again logs nothing, a programme changed with raw SQL is reported by the check, and a
file of the previous step has its programmes logged by the migration."""

from __future__ import annotations

import json

from kyodo_desktop.services import changes
from kyodo_desktop.services.accounting import funders, funders_history
from kyodo_desktop.services.council import presets
from kyodo_desktop.store import audit, open_store
from kyodo_desktop.store.migrations import all_migrations, latest_version

from .accounting_support import file_at_version, new_council

STEP = next(m.version for m in all_migrations() if m.name.endswith("_audit_programs_batch_deletes"))


def _clean(store) -> None:
    assert audit.verify_chain(store) == [] and audit.verify_covered_rows(store) == []


def _program_log(store) -> list[tuple[str, str]]:
    return [(key, action) for key, action in store.conn.execute(
        "SELECT row_key, action FROM audit_log WHERE table_name = 'grant_programs' ORDER BY id")]


def _own_programme(store, council) -> int:
    fund, _changes = funders.add_fund(store, council, "共同募金配分金")
    program, _changes = funders.add_program(store, council, funders.ProgramInput(
        "赤い羽根 地域配分金", "社会福祉協議会", fund, ("consumables",), max_amount=100_000))
    return program


def test_install_logs_each_programme_once_and_nothing_when_run_again(store):
    ids = presets.install_programs(store, "yamaguchi")
    assert _program_log(store) == [(str(i), "insert") for i in ids]
    _clean(store)
    count = store.scalar("SELECT count(*) FROM audit_log")
    assert presets.install_programs(store, "yamaguchi") == ids
    assert store.scalar("SELECT count(*) FROM audit_log") == count  # nothing rewritten
    with store.transaction() as db:  # an older name: the next install logs that change only
        audit.update_row(db, "grant_programs", {"id": ids[1]}, {"name": "古い名前"})
    mark = store.scalar("SELECT max(id) FROM audit_log")
    presets.install_programs(store, "yamaguchi")
    [(key, action, before, after)] = store.conn.execute(
        "SELECT row_key, action, before, after FROM audit_log WHERE id > ?", (mark,)).fetchall()
    assert (key, action) == (str(ids[1]), "update")
    assert (json.loads(before)["name"], json.loads(after)["name"]) == (
        "古い名前", "地域づくり活動支援交付金")
    _clean(store)


def test_a_change_to_a_programme_shows_in_its_history_and_undo_restores_it(store):
    council = new_council(store)
    program = _own_programme(store, council)
    stored = audit.snapshot(store.db, "grant_programs", {"id": program})
    values = funders.list_programs(store, council)[0].values
    done = changes.undoable(store, lambda: funders.update_program(
        store, council, program, values.__class__(**{**values.__dict__, "name": "新しい名前",
                                                     "allowed_categories": ("food",)})))
    history = audit.history(store, "grant_programs", str(program))
    assert [row["action"] for row in history] == ["insert", "update"]
    assert history[-1]["before"]["name"] == "赤い羽根 地域配分金"
    assert history[-1]["after"]["name"] == "新しい名前"
    assert json.loads(history[-1]["after"]["rules"])["allowed_expense_categories"] == ["food"]
    _clean(store)
    changes.undo(store, done)
    assert audit.snapshot(store.db, "grant_programs", {"id": program}) == stored
    assert [row["action"] for row in audit.history(store, "grant_programs", str(program))] == [
        "insert", "update", "update"]
    _clean(store)
    changes.redo(store, done)
    assert audit.snapshot(store.db, "grant_programs", {"id": program})["name"] == "新しい名前"
    _clean(store)


def test_saving_a_programme_unchanged_logs_nothing(store):
    council = new_council(store)
    program = _own_programme(store, council)
    before = _program_log(store)
    funders.update_program(store, council, program, funders.list_programs(store, council)[0]
                           .values)
    assert _program_log(store) == before


def test_undo_of_adding_a_programme_logs_its_delete(store):
    council = new_council(store)
    done = changes.undoable(store, lambda: _own_programme(store, council))
    program = done.result
    changes.undo(store, done)
    assert store.scalar("SELECT count(*) FROM grant_programs WHERE id = ?", (program,)) == 0
    assert [row["action"] for row in audit.history(store, "grant_programs", str(program))] == [
        "insert", "delete"]
    _clean(store)


def test_a_programme_changed_or_added_with_raw_sql_is_reported(store):
    council = new_council(store)
    program = _own_programme(store, council)
    _clean(store)
    store.conn.execute("UPDATE grant_programs SET rules = '{}' WHERE id = ?", (program,))
    store.conn.execute("INSERT INTO grant_programs (code, name, fund_code, city_preset) "
                       "VALUES ('evil', '偽の制度', 'activity_support', 'yamaguchi')")
    problems = audit.verify_covered_rows(store)
    assert any("交付金の制度" in p and "書き換え" in p and str(program) in p
               for p in problems), problems
    assert any("交付金の制度" in p and "変更履歴にない" in p for p in problems), problems


def test_a_file_of_the_previous_step_has_its_programmes_logged_by_the_migration(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = file_at_version(path, STEP - 1)
    conn.execute("INSERT INTO grant_programs (code, name, fund_code, city_preset) VALUES "
                 "('yamaguchi_activity_support', '活動支援', 'activity_support', 'yamaguchi')")
    conn.commit()
    conn.close()
    with open_store(path) as store:
        assert store.schema_version == latest_version()
        assert store.query("SELECT row_key, action, actor FROM audit_log WHERE table_name = "
                           "'grant_programs'") == [{"row_key": "1", "action": "insert",
                                                    "actor": "migration"}]
        _clean(store)


def test_the_councils_fund_history_shows_what_changed_in_a_programme(store):
    """The 変更履歴 of the council's own funds and programmes shows a change of the programme's
    name, 費目, keywords and 繰越 (grant_programs) as 「助成制度を変更」 with before → after."""
    council = new_council(store)
    program = _own_programme(store, council)
    values = funders.list_programs(store, council)[0].values
    funders.update_program(store, council, program, values.__class__(**{
        **values.__dict__, "name": "赤い羽根 配分金", "allowed_categories": ("consumables", "food"),
        "ineligible_keywords": ("懇親会",), "allows_carry_forward": True}))
    *_earlier, (what, details) = [(c.what, c.details)
                                  for c in funders_history.fund_changes(store, council)]
    assert what == "助成制度を変更"
    assert details.splitlines() == [
        "助成制度: 赤い羽根 配分金",
        "助成制度の名前: 赤い羽根 地域配分金 → 赤い羽根 配分金",
        "対象になる費目: 消耗品費 → 消耗品費、食糧費",
        "対象外の経費のキーワード: なし → 懇親会",
        "余り: 返還 → 繰越"]
    count = len(funders_history.fund_changes(store, council))
    funders.update_program(store, council, program, funders.list_programs(store, council)[0]
                           .values)  # saved unchanged: no line
    assert len(funders_history.fund_changes(store, council)) == count
