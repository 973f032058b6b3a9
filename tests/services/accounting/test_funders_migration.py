"""Migration 19: a file of the previous version (schema 18) keeps its three funds and the city's
programmes as they were, and its councils can then add their own."""

from __future__ import annotations

import json

from kyodo_desktop.services.accounting import common, figures, funders
from kyodo_desktop.services.council import presets
from kyodo_desktop.store import audit, open_store
from kyodo_desktop.store.migrations import all_migrations

from .accounting_support import file_at_version

#: The version just before the council's own funds (migration ``council_funds``).
PREVIOUS = next(m.version for m in all_migrations() if m.name.endswith("_council_funds")) - 1
FUNDS = [("operating_support", "運営支援", 1, 1), ("activity_support", "活動支援", 1, 2),
         ("own_funds", "自主財源", 0, 3)]


def _previous_version_file(path) -> None:
    conn = file_at_version(path, PREVIOUS)
    conn.execute("INSERT INTO councils (id, name) VALUES (1, '湯田'), (2, '白石')")
    for row in presets.program_rows(presets.load_preset("yamaguchi")):
        conn.execute("INSERT INTO grant_programs (code, name, fund_code, city_preset, "
                     "allows_carry_forward, rules) VALUES (?, ?, ?, ?, ?, ?)",
                     [row[c] for c in ("code", "name", "fund_code", "city_preset",
                                       "allows_carry_forward", "rules")])
    program = conn.execute("SELECT id FROM grant_programs WHERE fund_code = 'activity_support'"
                           ).fetchone()[0]
    conn.execute("INSERT INTO grants (id, council_id, fiscal_year, program_id, decided_amount, "
                 "decided_on) VALUES (1, 1, 2025, ?, 50000, '2025-04-20')", (program,))
    for category, amount, text in (("consumables", 1000, "コピー用紙"), ("food", 9000, "弁当"),
                                   ("consumables", 3000, "懇親会の飾り")):
        conn.execute("INSERT INTO cash_book_entries (council_id, fiscal_year, fund_code, "
                     "entry_date, direction, expense_category_code, amount, description) "
                     "VALUES (1, 2025, 'activity_support', '2025-06-01', 'expense', ?, ?, ?)",
                     (category, amount, text))
    conn.commit()
    conn.close()


def test_an_older_file_keeps_its_funds_and_the_city_programmes(tmp_path):
    path = tmp_path / "old.sqlite3"
    _previous_version_file(path)
    old = open_store(path, migrate=False, check=False)
    programs_before = old.query("SELECT * FROM grant_programs ORDER BY id")
    audit.baseline(old)
    old.close()
    store = open_store(path)
    try:
        assert store.schema_version > PREVIOUS
        assert [tuple(r.values()) for r in store.query(
            "SELECT code, name, is_grant, sort_order FROM funds ORDER BY sort_order")] == FUNDS
        assert store.query("SELECT * FROM grant_programs ORDER BY id") == programs_before
        for council in (1, 2):
            assert list(common.fund_names(store, council).values()) == ["運営支援", "活動支援",
                                                                        "自主財源"]
            rules = presets.program_rules(store, council)
            assert {fund: pair[1].code for fund, pair in rules.items()} == {
                "operating_support": "yamaguchi_operating_support",
                "activity_support": "yamaguchi_activity_support"}
            assert json.loads(programs_before[1]["rules"]) == rules["activity_support"][1].to_dict()
        # 1,000 (用紙) + 食糧費 capped at 10 % of 50,000; 懇親会 is not 対象経費
        assert figures.eligible_cost(store, 1) == 1000 + 5000
        assert audit.verify_covered_rows(store) == []
        fund, _ = funders.add_fund(store, 2, "共同募金配分金")
        assert fund in common.fund_names(store, 2) and fund not in common.fund_names(store, 1)
        assert figures.eligible_cost(store, 1) == 6000
    finally:
        store.close()
