"""One undo path (services.changes.undoable / undo / redo over store.snapshot): an edit, a
delete, imports, a handover, a plan's creation and deletion and a reorder are each put back with
the same ids and links (every table's digest equal), redone exactly, and leave ``check`` clean
(the change log records the undo); a step whose rows were changed since is refused."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kyodo_desktop.io.cash_book_import import preview_cash_book
from kyodo_desktop.io.cash_book_kinds import import_with_opening
from kyodo_desktop.io.roster_import import preview_roster
from kyodo_desktop.io.roster_import_apply import apply_roster_import
from kyodo_desktop.services.accounting import cash_book
from kyodo_desktop.services.changes import ACCOUNTS, PLAN, ROSTER, redo, undo, undoable
from kyodo_desktop.services.council.profile import create_council
from kyodo_desktop.services.plan import plans, structure
from kyodo_desktop.services.roster import handover
from kyodo_desktop.services.roster import organizations as roster
from kyodo_desktop.services.roster.handover import KEEP, REPLACE, VACATE, Decision
from kyodo_desktop.store.check import run_checks
from kyodo_desktop.store.snapshot import SnapshotConflict


@pytest.fixture
def yuda(demo_store):
    return demo_store.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")


def _round_trip(store, digest, operation, area):
    """Run ``operation`` undoably, undo it, redo it; assert every table comes back exactly and
    the file checks clean after each step. Returns the Undoable."""
    before = digest(store)
    done = undoable(store, operation)
    after = digest(store)
    assert after != before and done.snapshot
    assert done.changes.touches(area)
    assert run_checks(store) == []
    assert undo(store, done) == done.changes
    assert digest(store) == before
    assert run_checks(store) == []
    assert redo(store, done) == done.changes
    assert digest(store) == after
    assert run_checks(store) == []
    undo(store, done)
    assert digest(store) == before
    return done


def _open_entry(store, council_id):
    return store.query("SELECT id FROM cash_book_entries WHERE council_id = ? AND fiscal_year = "
                       "2026 AND correction_of_id IS NULL ORDER BY id LIMIT 1", (council_id,))[0]["id"]


def test_demo_checks_clean_to_start_with(demo_store):
    assert run_checks(demo_store) == []


def test_an_audited_edit(demo_store, yuda, digest):
    entry_id = _open_entry(demo_store, yuda)
    stored = cash_book.entry_input(cash_book.get_entry(demo_store, entry_id))
    edited = replace(stored, amount=stored.amount + 1234, description="訂正した摘要")
    _round_trip(demo_store, digest,
                lambda: cash_book.update_entry(demo_store, entry_id, edited), ACCOUNTS)
    assert cash_book.get_entry(demo_store, entry_id).amount == stored.amount


def test_a_delete_with_cascades_and_unlinked_rows(demo_store, yuda, digest):
    # a PTA: the demo's 自治会 all paid 会費, and an association with payments is not deleted
    org = roster.list_organizations(demo_store, yuda, 2026, kind="pta")[0]["id"]
    done = _round_trip(demo_store, digest,
                       lambda: roster.delete_organization(demo_store, org), ROSTER)
    assert done.snapshot.count("member_organizations") == 1
    assert done.snapshot.count("officer_terms") > 0  # deleted by the schema's cascade
    assert roster.get_organization(demo_store, org)["id"] == org


def test_an_audited_delete_keeps_the_entry_id(demo_store, yuda, digest):
    entry_id = _open_entry(demo_store, yuda)
    _round_trip(demo_store, digest, lambda: cash_book.delete_entry(demo_store, entry_id), ACCOUNTS)
    assert cash_book.get_entry(demo_store, entry_id).id == entry_id


def test_a_plan_deletion_and_creation(demo_store, yuda, digest):
    plan_id = plans.current_plan_id(demo_store, yuda)
    linked = demo_store.scalar("SELECT count(*) FROM projects p JOIN plan_actions a "
                               "ON a.id = p.action_id")
    assert linked > 0
    done = _round_trip(demo_store, digest, lambda: plans.delete_plan(demo_store, plan_id), PLAN)
    assert done.snapshot.count("projects") == linked  # their links are put back
    assert demo_store.scalar("SELECT count(*) FROM projects p JOIN plan_actions a "
                             "ON a.id = p.action_id") == linked
    _round_trip(demo_store, digest, lambda: plans.create_plan(
        demo_store, yuda, {"title": "第3次計画", "first_year": 2031, "last_year": 2035},
        make_current=True), PLAN)
    assert plans.current_plan_id(demo_store, yuda) == plan_id


def test_a_reorder_swaps_unique_positions_back(demo_store, yuda, digest):
    plan_id = plans.current_plan_id(demo_store, yuda)
    goals = structure.plan_tree(demo_store, plan_id)
    assert len(goals) >= 2
    last = goals[-1]
    _round_trip(demo_store, digest,
                lambda: structure.move_item(demo_store, "goal", last.id, plan_id, 1), PLAN)


def test_a_roster_import(store, digest, write_csv):
    council, _changes = create_council(store, "テスト地域づくり協議会")
    path = write_csv([
        ["自治会名", "ふりがな", "会長氏名", "会長ふりがな", "世帯数", "加入世帯数"],
        ["一区自治会", "いっく", "山田 太郎", "やまだ たろう", "120", "100"],
        ["二区自治会", "にく", "佐藤 花子", "さとう はなこ", "80", "60"],
    ])
    preview = preview_roster(store, council, path, fiscal_year=2026)
    done = _round_trip(store, digest, lambda: apply_roster_import(store, council, preview),
                       ROSTER)
    assert done.result.organizations == 2
    assert store.scalar("SELECT count(*) FROM member_organizations") == 0


def test_a_cash_book_import_with_its_opening_balance(store, digest, write_xlsx):
    council, _changes = create_council(store, "湯田地域づくり協議会")
    path = write_xlsx([
        ["日付", "摘要", "費目", "収入", "支出"],
        ["R5.4.1", "前年度繰越金", "繰越金", "12,000", ""],
        ["R5.4.1", "交付金", "交付金", "300,000", ""],
        ["R5.4.3", "用紙", "消耗品", "", "1,100"],
    ])
    preview = preview_cash_book(path, fiscal_year=2023, fund_code="活動支援")
    assert not preview.bad_rows
    done = _round_trip(store, digest, lambda: import_with_opening(store, council, 2023, preview),
                       ACCOUNTS)
    assert done.snapshot.count("cash_book_entries", "after") >= 2


def test_a_handover(demo_store, yuda, digest):
    items = [i for i in handover.handover_items(demo_store, yuda, 2027)
             if i.group == handover.ASSOCIATION]
    households = {row["id"]: (row["households"], row["member_households"])
                  for row in handover.carried_households(demo_store, yuda, 2027)}
    decisions = [Decision(items[0].term_id, KEEP), Decision(items[1].term_id, VACATE),
                 Decision(items[2].term_id, REPLACE, new_person={
                     "name": "新井 太郎", "name_kana": "あらい たろう"})]
    done = _round_trip(demo_store, digest, lambda: handover.apply_handover(
        demo_store, yuda, 2027, decisions, households), ROSTER)
    assert done.snapshot.count("people", "after") == 1 + done.snapshot.count("people")


def test_a_step_changed_since_is_refused(demo_store, yuda, digest):
    entry_id = _open_entry(demo_store, yuda)
    stored = cash_book.entry_input(cash_book.get_entry(demo_store, entry_id))
    done = undoable(demo_store, lambda: cash_book.update_entry(
        demo_store, entry_id, replace(stored, amount=stored.amount + 1)))
    cash_book.update_entry(demo_store, entry_id, replace(stored, amount=stored.amount + 2))
    changed = digest(demo_store)
    with pytest.raises(SnapshotConflict):
        undo(demo_store, done)
    assert digest(demo_store) == changed  # nothing written


def test_a_failed_operation_writes_nothing_and_records_nothing(demo_store, yuda, digest):
    before = digest(demo_store)
    org = roster.list_organizations(demo_store, yuda, 2026)[0]["id"]

    def half_done():
        roster.update_organization(demo_store, org, {"notes": "途中"})
        raise RuntimeError("stopped")

    with pytest.raises(RuntimeError):
        undoable(demo_store, half_done)
    assert digest(demo_store) == before
    assert demo_store.scalar("SELECT count(*) FROM temp.kyodo_undo_touched") == 0
    done = undoable(demo_store, lambda: roster.update_organization(demo_store, org, {"notes": "x"}))
    assert done.snapshot.count("member_organizations") == 1  # recording works again


def test_a_project_deletion_unlinks_its_entries_through_the_change_log(demo_store, yuda, digest):
    from kyodo_desktop.services.plan import projects

    project = demo_store.scalar("SELECT p.id FROM projects p JOIN cash_book_entries e ON "
                                "e.project_id = p.id WHERE p.council_id = ? AND e.fiscal_year = "
                                "2026 GROUP BY p.id ORDER BY p.id", (yuda,))
    assert project is not None
    done = _round_trip(demo_store, digest, lambda: projects.delete_project(demo_store, project),
                       PLAN)
    assert done.snapshot.count("cash_book_entries") > 0  # relinked on undo, logged
