"""The 変更履歴 covers the 証拠書類 of the entries, the 会費の納入 and the council's own funds
and programmes: every write is logged (the chain and the row check stay clean), the entry's
history shows its files and its 納入 in plain Japanese, and a file of the previous version has
the rows it already holds logged once by the migration."""

from __future__ import annotations

from datetime import date

from kyodo_desktop.demo.receipts import receipt_picture
from kyodo_desktop.services.accounting import accounts, attachments, cash_book, funders
from kyodo_desktop.services.accounting.funders import ProgramInput
from kyodo_desktop.services.dues import payments, rates
from kyodo_desktop.services.roster import organizations
from kyodo_desktop.store import audit, open_store
from kyodo_desktop.store.migrations import all_migrations

from .accounting_support import FY, entry, file_at_version, new_council

PNG = receipt_picture("文具店", date(FY, 5, 10), "会費", 12_000, kind="PNG")


def _actions(store, table: str, key: str) -> list[str]:
    return [row["action"] for row in audit.history(store, table, key)]


def _clean(store) -> None:
    assert audit.verify_chain(store) == []
    assert audit.verify_covered_rows(store) == []


def test_own_funds_and_programmes_are_logged(store):
    council = new_council(store)
    fund, _ = funders.add_fund(store, council, "共同募金配分金")
    funders.rename_fund(store, council, fund, "赤い羽根共同募金")
    program, _ = funders.add_program(store, council, ProgramInput(
        "地域福祉活動助成", "社会福祉協議会", fund, ("consumables",), (), 100_000, False,
        "settlement_statement"))
    funders.update_program(store, council, program, ProgramInput(
        "地域福祉活動助成", "市社会福祉協議会", fund, ("consumables",), (), 80_000, False,
        "settlement_statement"))
    assert _actions(store, "council_funds", fund) == ["insert", "update"]
    [update] = audit.history(store, "council_funds", fund)[1:]
    assert (update["before"]["name"], update["after"]["name"]) == ("共同募金配分金",
                                                                  "赤い羽根共同募金")
    changed = audit.history(store, "council_programs", str(program))[-1]
    assert (changed["before"]["max_amount"], changed["after"]["max_amount"]) == (100_000, 80_000)
    _clean(store)
    other, _ = funders.add_fund(store, council, "寄付金")
    funders.delete_fund(store, council, other)
    assert _actions(store, "council_funds", other) == ["insert", "delete"]
    _clean(store)


def _dues_payment(store, council) -> tuple[int, int]:
    org, _ = organizations.create_organization(
        store, council, {"name": "東町自治会", "name_kana": "ひがしまち", "kind": "自治会"})
    organizations.set_households(store, org, FY, 50, 40)
    rates.set_rate(store, council, FY, 300, 0)
    payment, _ = payments.record_payment(store, council, FY, org, date(FY, 5, 10), 12_000,
                                         accounts.cash_account_id(store, council))
    return payment, payments.get_payment(store, payment).entry_id


def test_an_entrys_files_and_fee_payment_are_in_its_history(store):
    from kyodo_desktop.ui.accounts.review import action_label, describe_change

    council = new_council(store)
    payment, entry_id = _dues_payment(store, council)
    link, _ = attachments.add_attachment(store, entry_id, PNG, "領収書.png",
                                         today=date(FY, 5, 11))
    attachments.remove_attachment(store, link)
    attachments.add_attachment(store, entry_id, PNG, "領収書の写し.png", today=date(FY, 5, 12))
    _clean(store)
    history = cash_book.entry_history(store, entry_id)
    assert [(row["table_name"], row["action"]) for row in history] == [
        ("cash_book_entries", "insert"), ("dues_payments", "insert"),
        ("entry_attachments", "insert"), ("entry_attachments", "delete"),
        ("entry_attachments", "insert")]
    shown = [(action_label(row), describe_change(row)) for row in history[1:]]
    assert shown == [("会費の納入として記録", "自治会: 東町自治会\n会費の領収書番号: 1"),
                     ("証拠書類を添付", "ファイル名: 領収書.png"),
                     ("証拠書類を取り外し", "ファイル名: 領収書.png"),
                     ("証拠書類を添付", "ファイル名: 領収書の写し.png")]
    payments.delete_payment(store, payment)  # the entry goes, and its file and 納入 with it
    assert _actions(store, "dues_payments", str(payment)) == ["insert", "delete"]
    assert [row["action"] for row in cash_book.entry_history(store, entry_id)][-3:] == [
        "delete", "delete", "delete"]
    _clean(store)


def test_deleting_an_entry_logs_its_files(store):
    council = new_council(store)
    [entry_id] = cash_book.record_entries_with_ids(store, council, FY, [entry(date(FY, 6, 1))])
    link, _ = attachments.add_attachment(store, entry_id, PNG, "a.png")
    cash_book.delete_entry(store, entry_id)
    assert _actions(store, "entry_attachments", str(link)) == ["insert", "delete"]
    _clean(store)


#: The version just before these tables were logged.
PREVIOUS = next(m.version for m in all_migrations() if m.name.endswith(
    "_audit_evidence_dues_funds")) - 1


def test_a_file_of_the_previous_version_has_its_rows_logged_by_the_migration(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = file_at_version(path, PREVIOUS)
    conn.execute("INSERT INTO councils (id, name) VALUES (1, '湯田')")
    conn.execute("INSERT INTO funds (code, name, is_grant, sort_order) VALUES "
                 "('council_1', 'council_1', 0, 1001)")
    conn.execute("INSERT INTO council_funds (fund_code, council_id, name) VALUES "
                 "('council_1', 1, '共同募金配分金')")
    program = conn.execute("INSERT INTO grant_programs (code, name, fund_code, city_preset) "
                           "VALUES ('council_p1', '助成', 'council_1', '')").lastrowid
    conn.execute("INSERT INTO council_programs (program_id, council_id, funder) VALUES "
                 "(?, 1, '社会福祉協議会')", (program,))
    conn.commit()
    conn.close()
    old = open_store(path, migrate=False, check=False)
    with old.transaction() as db:  # the older app logged its own tables, not these
        audit.log_unlogged(db, [t for t in audit.AUDITED_TABLES if t not in audit.AUDITED_SINCE
                                and t in {"cash_book_entries", "grants"}], "old app")
    assert audit.verify_covered_rows(old) != []  # seen with today's list: not logged yet
    old.close()
    with open_store(path) as store:
        assert store.schema_version > PREVIOUS
        assert _actions(store, "council_funds", "council_1") == ["insert"]
        assert _actions(store, "council_programs", str(program)) == ["insert"]
        _clean(store)
