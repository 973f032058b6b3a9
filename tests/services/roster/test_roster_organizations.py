"""構成団体: editing, 世帯数 per 年度, 加入率 totals, 五十音順, filters and undoable deletion."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.domain.text import kana_sort_key
from kyodo_desktop.services.changes import undo, undoable
from kyodo_desktop.services.roster import officers
from kyodo_desktop.services.roster import organizations as roster
from kyodo_desktop.services.roster import people as roster_people
from kyodo_desktop.services.roster.validate import RosterValidationError


def _add(store, council, name, kana, **values):
    organization_id, changes = roster.create_organization(store, council, {"name": name,
                                                                  "name_kana": kana, **values})
    assert changes.touches("roster") and changes.council_id == council
    return organization_id


def test_list_is_in_gojuon_order_not_code_point_order(store, council):
    # by code point 南 (U+5357) < 東 (U+6771) < 西 (U+897F); by reading にし < ひがし < みなみ
    for name, kana in (("南自治会", "みなみじちかい"), ("東自治会", "ヒガシジチカイ"),
                       ("西自治会", "にしじちかい")):
        _add(store, council, name, kana)
    names = [o["name"] for o in roster.list_organizations(store, council, 2026)]
    assert names == ["西自治会", "東自治会", "南自治会"]
    assert sorted(names) != names  # the order really is not the kanji's
    stored = store.scalar("SELECT name_kana FROM member_organizations WHERE name = '東自治会'")
    assert stored == "ひがしじちかい"  # katakana typed, hiragana stored


def test_households_per_year_and_membership_rate(store, council):
    first = _add(store, council, "一区自治会", "いっく")
    second = _add(store, council, "二区自治会", "にく")
    _add(store, council, "老人クラブ", "ろうじん", kind="老人クラブ")
    roster.set_households(store, first, 2025, "１２０", "100世帯")
    roster.set_households(store, second, 2025, 80, 60)
    roster.set_households(store, first, 2026, "1,000", "700")
    totals_2025 = roster.roster_totals(store, council, 2025)
    assert (totals_2025.associations, totals_2025.households,
            totals_2025.member_households) == (2, 200, 160)
    assert totals_2025.membership_rate == pytest.approx(0.8)
    totals_2026 = roster.roster_totals(store, council, 2026)
    assert (totals_2026.households, totals_2026.member_households) == (1000, 700)
    assert [t.fiscal_year for t in roster.membership_history(store, council)] == [2025, 2026]
    listed = {o["name"]: o for o in roster.list_organizations(store, council, 2025)}
    assert listed["一区自治会"]["membership_rate"] == pytest.approx(100 / 120)
    assert listed["老人クラブ"]["households"] is None
    assert listed["老人クラブ"]["kind_name"] == "老人クラブ"


@pytest.mark.parametrize(("total", "members", "field", "words"), [
    ("100", "101", "member_households", "超え"),
    ("100", "", "member_households", "加入世帯数"),
    ("", "5", "households", "世帯数"),
    ("12.5", "3", "households", "整数"),
    ("-3", "1", "households", "整数"),
])
def test_bad_household_figures_are_refused(store, council, total, members, field, words):
    org = _add(store, council, "一区自治会", "")
    with pytest.raises(RosterValidationError) as caught:
        roster.set_households(store, org, 2026, total, members)
    assert field in caught.value.errors
    assert words in caught.value.errors[field]
    assert store.scalar("SELECT count(*) FROM organization_households") == 0


def test_empty_figures_remove_the_year(store, council):
    org = _add(store, council, "一区自治会", "")
    roster.set_households(store, org, 2026, 10, 9)
    roster.set_households(store, org, 2026, "", "")
    assert roster.household_history(store, org) == []


def test_membership_in_the_year_follows_joined_and_left(store, council):
    _add(store, council, "新しい自治会", "あたらしい", joined_on="R8.4.1")
    _add(store, council, "解散した自治会", "かいさん", joined_on="2010-04-01",
         left_on="令和7年3月31日")
    assert [o["name"] for o in roster.list_organizations(store, council, 2025)] == []
    assert [o["name"] for o in roster.list_organizations(store, council, 2026)] == ["新しい自治会"]
    everyone = roster.list_organizations(store, council, 2026, include_left=True)
    assert {o["name"]: o["belongs"] for o in everyone} == {"新しい自治会": True,
                                                            "解散した自治会": False}
    assert roster.roster_totals(store, council, 2026).associations == 1


def test_validation_names_every_bad_field(store, council):
    with pytest.raises(RosterValidationError) as caught:
        roster.create_organization(store, council, {"name": " ", "phone": "12", "kind": "x",
                                                    "joined_on": "2026-04-01",
                                                    "left_on": "R1.5.1"})
    assert set(caught.value.errors) == {"name", "phone", "kind"}
    with pytest.raises(RosterValidationError) as caught:
        roster.create_organization(store, council, {"name": "A", "joined_on": "2026-04-01",
                                                    "left_on": "R1.5.1"})
    assert set(caught.value.errors) == {"left_on"}
    assert store.scalar("SELECT count(*) FROM member_organizations") == 0


def test_search_and_kind_filter_on_the_demo(demo, yuda):
    everything = roster.list_organizations(demo, yuda, 2026)
    keys = [kana_sort_key(o["name_kana"]) for o in everything]
    assert keys == sorted(keys) and len(everything) == 50
    associations = roster.list_organizations(demo, yuda, 2026, kind="neighborhood_association")
    assert len(associations) == 37
    found = roster.list_organizations(demo, yuda, 2026, search="ユダオンセン")
    assert len(found) > 3 and all("ゆだおんせん" in o["name_kana"] for o in found)
    found = roster.list_organizations(demo, yuda, 2026, search="ﾕﾀﾞｵﾝｾﾝ",
                                      kind="neighborhood_association")
    assert found and all(o["name"].startswith("湯田温泉") for o in found)
    assert all(o["representative"] for o in associations)


def test_delete_is_undone_by_the_snapshot(demo, yuda):
    # the 自治会 that never paid 会費: one with payments is not deleted (its 退会日 is recorded)
    org = next(o["id"] for o in roster.list_organizations(
        demo, yuda, 2026, kind="neighborhood_association") if not demo.scalar(
        "SELECT 1 FROM dues_payments WHERE organization_id = ?", (o["id"],)))
    before = {table: demo.query(f"SELECT * FROM {table} ORDER BY 1, 2")
              for table in ("member_organizations", "organization_households", "officer_terms",
                            "subcommittee_organizations")}
    usage = roster.organization_usage(demo, org)
    assert any("任期" in line for line in usage) and any("世帯数" in line for line in usage)
    done = undoable(demo, lambda: roster.delete_organization(demo, org))
    assert demo.scalar("SELECT count(*) FROM officer_terms WHERE organization_id = ?", (org,)) == 0
    undo(demo, done)
    after = {table: demo.query(f"SELECT * FROM {table} ORDER BY 1, 2") for table in before}
    assert after == before


def test_representative_is_the_president_of_the_reference_date(store, council):
    org = _add(store, council, "一区自治会", "いっく")
    old, _c = roster_people.create_person(store, council, {"name": "旧 会長", "name_kana": "きゅう"})
    new, _c = roster_people.create_person(store, council, {"name": "新 会長", "name_kana": "しん"})
    body = officers.Body(officers.ORGANIZATION, org)
    term, _c, _w = officers.appoint(store, old, "president", body, date(2025, 4, 1))
    officers.change_holder(store, term, new, date(2026, 4, 1))
    assert roster.list_organizations(store, council, 2025)[0]["representative"] == "旧 会長"
    assert roster.list_organizations(store, council, 2026)[0]["representative"] == "新 会長"
