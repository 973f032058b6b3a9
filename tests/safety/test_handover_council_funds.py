"""Funds and programmes a council defined itself travel in its handover package, under fresh
codes, and a package that claims more than its own (a city fund or programme, a programme with
a city preset, a row nobody owns) is refused before anything is written: no import changes
another council's programmes, rules or figures."""

from __future__ import annotations

import sqlite3

import pytest

from kyodo_desktop.demo import funder as demo_funder
from kyodo_desktop.errors import UserError
from kyodo_desktop.services.accounting import common, figures, funders
from kyodo_desktop.services.backup import handover_package as handover
from kyodo_desktop.services.council import presets
from kyodo_desktop.store import audit
from kyodo_desktop.store.backup import table_digests

from .conftest import yuda_id
from .hostile_sqlite import mutate_copy
from .test_handover_reference_rows import council_digests, eligible_figures


@pytest.fixture
def package(demo_store, tmp_path):
    return handover.export_council(demo_store, yuda_id(demo_store),
                                   tmp_path / "pkg.sqlite3").path


def _programme_values(store, council):
    return [(p.fund_name, p.values.__dict__ | {"fund_code": None})
            for p in funders.list_programs(store, council)]


def test_the_councils_own_fund_arrives_under_a_fresh_code(demo_store, package):
    yuda = yuda_id(demo_store)
    before = council_digests(demo_store.conn)
    programmes = _programme_values(demo_store, yuda)
    result = handover.import_package(demo_store, package, new_name="湯田の写し")
    copy = result.council_id
    after = council_digests(demo_store.conn)
    assert {k: v for k, v in after.items() if k in before} == before
    assert after["湯田の写し own funds and programmes"] != after[
        "湯田地域づくり協議会 own funds and programmes"]  # the same rows under new codes
    [own] = funders.list_funds(demo_store, copy)
    assert own.name == demo_funder.FUND_NAME and own.code != demo_funder.FUND_CODE
    assert _programme_values(demo_store, copy) == programmes
    assert _programme_values(demo_store, yuda) == programmes
    assert funders.list_funds(demo_store, yuda)[0].code == demo_funder.FUND_CODE
    assert (figures.fund_balances(demo_store, copy, 2026)[own.code]
            == figures.fund_balances(demo_store, yuda, 2026)[demo_funder.FUND_CODE])
    assert own.code in presets.program_rules(demo_store, copy)
    assert own.code not in presets.program_rules(demo_store, yuda)


def test_into_a_new_file_and_over_the_council_itself(store, demo_store, package):
    result = handover.import_package(store, package)
    [own] = funders.list_funds(store, result.council_id)
    assert own.name == demo_funder.FUND_NAME
    assert list(common.fund_names(store)) == ["operating_support", "activity_support",
                                              "own_funds"]
    yuda = yuda_id(demo_store)
    figures_before = eligible_figures(demo_store)
    again = handover.import_package(demo_store, package, replace_council_id=yuda)
    assert [f.name for f in funders.list_funds(demo_store, again.council_id)] == [
        demo_funder.FUND_NAME]
    assert sorted(eligible_figures(demo_store).values()) == sorted(figures_before.values())


CLAIMS = {
    "claims_a_city_fund": "UPDATE council_funds SET fund_code = 'activity_support'",
    "programme_with_a_city_preset": "UPDATE grant_programs SET city_preset = 'yamaguchi' "
                                    "WHERE code LIKE 'council\\_%' ESCAPE '\\'",
    "claims_a_city_programme": "UPDATE council_programs SET program_id = (SELECT id FROM "
                               "grant_programs WHERE fund_code = 'activity_support')",
    "programme_into_a_city_fund": "UPDATE grant_programs SET fund_code = 'activity_support' "
                                  "WHERE code LIKE 'council\\_%' ESCAPE '\\'",
    "unclaimed_council_fund": "INSERT INTO funds VALUES ('council_0123456789ab', "
                              "'council_0123456789ab', 1, 1)",
}


@pytest.mark.parametrize("attack", sorted(CLAIMS))
def test_a_package_claiming_more_than_its_own_is_refused(demo_store, package, tmp_path, attack):
    def change(conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute(CLAIMS[attack])

    hostile = mutate_copy(package, tmp_path / f"{attack}.sqlite3", change)
    before, figures_before = table_digests(demo_store.conn), eligible_figures(demo_store)
    rules_before = {c: presets.program_rules(demo_store, c) for (c,) in
                    demo_store.conn.execute("SELECT id FROM councils")}
    with pytest.raises(UserError) as caught:
        handover.import_package(demo_store, hostile, new_name="別の地域づくり協議会")
    assert "何も取り込みませんでした" in caught.value.message
    assert table_digests(demo_store.conn) == before
    assert eligible_figures(demo_store) == figures_before
    assert {c: presets.program_rules(demo_store, c) for c in rules_before} == rules_before


def test_the_programmes_a_package_brings_are_in_the_change_log(store, demo_store, package):
    """A shared row the import inserts (the council's own programme under a fresh code, the
    city's programmes into a new file) is logged as an insert: the check stays clean and the
    programme has its 変更履歴."""
    result = handover.import_package(store, package)
    assert audit.verify_chain(store) == [] and audit.verify_covered_rows(store) == []
    [own] = funders.list_programs(store, result.council_id)
    [logged] = audit.history(store, "grant_programs", str(own.program_id))
    assert logged["action"] == "insert" and logged["after"]["code"] == own.code
    copy = handover.import_package(demo_store, package, new_name="湯田の写し")
    assert audit.verify_covered_rows(demo_store) == []
    [own] = funders.list_programs(demo_store, copy.council_id)
    assert [row["action"] for row in audit.history(demo_store, "grant_programs",
                                                   str(own.program_id))] == ["insert"]
