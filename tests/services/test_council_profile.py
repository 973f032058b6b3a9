"""The 協議会 page's services: profile rules, the overview's figures, 年度 list, backup, Changes."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.services import backup, council_profile
from kyodo_desktop.services.changes import ACCOUNTS, COUNCIL, ROSTER, Changes
from kyodo_desktop.services.council_profile import ProfileValidationError


@pytest.fixture
def yuda(store):
    """A district with its center and one council in it; returns the council id."""
    with store.transaction() as db:
        district = db["districts"].insert({"city": "山口市", "name": "湯田"}).last_pk
        db["districts"].insert({"city": "山口市", "name": "大殿"})
        db["community_centers"].insert({"district_id": district, "name": "湯田地域交流センター"})
    council_id, _changes = council_profile.create_council(store, "湯田地域づくり協議会",
                                                          district_id=district)
    return council_id


def _stored(store, council_id, column):
    return store.scalar(f"SELECT {column} FROM councils WHERE id = ?", (council_id,))


# profile ----------------------------------------------------------------------------------------

def test_create_council_takes_the_center_of_its_district(store, yuda):
    profile = council_profile.get_profile(store, yuda)
    assert profile["name"] == "湯田地域づくり協議会"
    assert profile["district_name"] == "湯田"
    assert profile["community_center_name"] == "湯田地域交流センター"


def test_create_council_reports_the_change(store):
    council_id, changes = council_profile.create_council(store, "大殿地域づくり協議会")
    assert changes.touches(COUNCIL) and changes.council_id == council_id


def test_first_run_district_name_is_found_or_added(store, yuda):
    existing = store.scalar("SELECT id FROM districts WHERE name = '大殿'")
    first, _c = council_profile.create_council(store, "大殿協議会", district_name="大殿")
    second, _c = council_profile.create_council(store, "阿東協議会", district_name="阿東")
    assert _stored(store, first, "district_id") == existing
    assert store.scalar("SELECT name FROM districts WHERE id = ?",
                        (_stored(store, second, "district_id"),)) == "阿東"


@pytest.mark.parametrize("name", ["", "   ", "\u3000"])
def test_name_is_required(store, name):
    with pytest.raises(ProfileValidationError) as caught:
        council_profile.create_council(store, name)
    assert caught.value.field == "name" and "協議会名" in caught.value.message
    assert store.scalar("SELECT count(*) FROM councils") == 0


def test_name_must_be_unique(store, yuda):
    other, _c = council_profile.create_council(store, "大殿地域づくり協議会")
    with pytest.raises(ProfileValidationError) as caught:
        council_profile.update_profile(store, other, {"name": "湯田地域づくり協議会"})
    assert caught.value.field == "name" and "すでに" in caught.value.message
    # its own name is no conflict
    council_profile.update_profile(store, yuda, {"name": "湯田地域づくり協議会"})


@pytest.mark.parametrize("typed", ["〒753-0001", "7530001", "７５３－０００１", "753ー0001",
                                   " 753 0001 ", "〒７５３０００１"])
def test_postal_code_is_normalised(store, yuda, typed):
    council_profile.update_profile(store, yuda, {"postal_code": typed})
    assert _stored(store, yuda, "postal_code") == "753-0001"


@pytest.mark.parametrize("typed", ["75300", "753-00012", "abc-defg", "753-000a"])
def test_bad_postal_code_saves_nothing(store, yuda, typed):
    council_profile.update_profile(store, yuda, {"postal_code": "753-0001"})
    with pytest.raises(ProfileValidationError) as caught:
        council_profile.update_profile(store, yuda, {"postal_code": typed, "address": "変更"})
    assert caught.value.field == "postal_code" and "郵便番号" in caught.value.message
    assert _stored(store, yuda, "postal_code") == "753-0001"
    assert _stored(store, yuda, "address") == ""


@pytest.mark.parametrize(("typed", "stored"), [
    ("０８３－９２２－１２３４", "083-922-1234"), ("0839221234", "0839221234"),
    ("090-1234-5678", "090-1234-5678"), ("083ー922ー1234", "083-922-1234"), ("", "")])
def test_phone_accepts_digits_and_hyphens(store, yuda, typed, stored):
    council_profile.update_profile(store, yuda, {"phone": typed, "fax": typed})
    assert _stored(store, yuda, "phone") == stored
    assert _stored(store, yuda, "fax") == stored


@pytest.mark.parametrize("typed", ["083-922-12a4", "922-1234", "083--922-1234", "+81 83 922 1234"])
def test_bad_phone_is_refused(store, yuda, typed):
    with pytest.raises(ProfileValidationError) as caught:
        council_profile.update_profile(store, yuda, {"phone": typed})
    assert caught.value.field == "phone" and "ハイフン" in caught.value.message


def test_email_shape(store, yuda):
    council_profile.update_profile(store, yuda, {"email": " yuda@example.jp "})
    assert _stored(store, yuda, "email") == "yuda@example.jp"
    for bad in ("yuda@", "yuda.example.jp", "a b@example.jp", "yuda@example"):
        with pytest.raises(ProfileValidationError) as caught:
            council_profile.update_profile(store, yuda, {"email": bad})
        assert caught.value.field == "email"


@pytest.mark.parametrize("typed", ["R8.4.1", "令和8年4月1日", "2026-04-01", "２０２６／４／１",
                                   date(2026, 4, 1)])
def test_established_on_accepts_wareki_and_western(store, yuda, typed):
    council_profile.update_profile(store, yuda, {"established_on": typed})
    assert council_profile.get_profile(store, yuda)["established_on"] == date(2026, 4, 1)


def test_bad_established_on_names_the_field(store, yuda):
    with pytest.raises(ProfileValidationError) as caught:
        council_profile.update_profile(store, yuda, {"established_on": "R8.13.1"})
    assert caught.value.field == "established_on"
    assert isinstance(caught.value, ValidationError)
    council_profile.update_profile(store, yuda, {"established_on": ""})
    assert _stored(store, yuda, "established_on") is None


def test_every_bad_field_is_reported_at_once(store, yuda):
    with pytest.raises(ProfileValidationError) as caught:
        council_profile.update_profile(store, yuda, {"name": "", "postal_code": "1",
                                                     "email": "x", "notes": "ok"})
    assert set(caught.value.errors) == {"name", "postal_code", "email"}
    assert caught.value.field == "name"
    assert _stored(store, yuda, "notes") == ""


def test_kana_is_hiragana(store, yuda):
    council_profile.update_profile(store, yuda, {"name_kana": "ユダ チイキ"})
    assert _stored(store, yuda, "name_kana") == "ゆだ ちいき"
    with pytest.raises(ProfileValidationError) as caught:
        council_profile.update_profile(store, yuda, {"name_kana": "湯田"})
    assert caught.value.field == "name_kana"


def test_changing_the_district_changes_the_center(store, yuda):
    odono = store.scalar("SELECT id FROM districts WHERE name = '大殿'")
    with store.transaction() as db:
        center = db["community_centers"].insert({"district_id": odono,
                                                 "name": "大殿地域交流センター"}).last_pk
    changes = council_profile.update_profile(store, yuda, {"district_id": odono})
    assert _stored(store, yuda, "community_center_id") == center
    assert changes == Changes.of(COUNCIL, council_id=yuda)
    with pytest.raises(ProfileValidationError):
        council_profile.update_profile(store, yuda, {"district_id": 9999})


def test_missing_council_and_unknown_fields(store, yuda):
    with pytest.raises(UserError):
        council_profile.get_profile(store, yuda + 100)
    with pytest.raises(UserError):
        council_profile.update_profile(store, yuda + 100, {"notes": "x"})
    with pytest.raises(ValueError):
        council_profile.update_profile(store, yuda, {"city_preset": "x"})


def test_district_choices_in_city_order(store, yuda):
    with store.transaction() as db:
        db["districts"].update(store.scalar("SELECT id FROM districts WHERE name='大殿'"),
                               {"sort_order": -1})
    assert [d["name"] for d in council_profile.district_choices(store)] == ["大殿", "湯田"]


# overview -----------------------------------------------------------------------------------------

@pytest.fixture
def figures(store, yuda):
    """A small council with known figures for 2026 (and a few for 2025)."""
    db = store.db
    with store.transaction():
        def org(kind, name, joined=None, left=None):
            return db["member_organizations"].insert(
                {"council_id": yuda, "kind": kind, "name": name, "joined_on": joined,
                 "left_on": left}).last_pk
        a = org("neighborhood_association", "一丁目自治会")
        b = org("neighborhood_association", "二丁目自治会", joined="2026-06-01")
        org("neighborhood_association", "解散した自治会", left="2025-03-31")
        org("senior_club", "老人クラブ")
        org("pta", "後から入った PTA", joined="2027-05-01")
        db["organization_households"].insert_all([
            {"organization_id": a, "fiscal_year": 2026, "households": 300, "member_households": 240},
            {"organization_id": b, "fiscal_year": 2026, "households": 100, "member_households": 60},
            {"organization_id": a, "fiscal_year": 2025, "households": 290, "member_households": 250},
        ])
        people = [db["people"].insert({"council_id": yuda, "name": f"人{i}"}).last_pk
                  for i in range(5)]
        db["officer_terms"].insert_all([
            {"person_id": people[0], "role": "president", "council_id": yuda,
             "starts_on": "2025-04-01", "ends_on": "2027-03-31"},
            {"person_id": people[0], "role": "director", "council_id": yuda,
             "starts_on": "2025-04-01"},  # same person twice: counted once
            {"person_id": people[1], "role": "auditor", "council_id": yuda,
             "starts_on": "2023-04-01", "ends_on": "2025-03-31"},  # closed
            {"person_id": people[2], "role": "office_staff", "council_id": yuda,
             "starts_on": "2025-04-01"},  # staff, not an officer
            {"person_id": people[3], "role": "treasurer", "council_id": yuda,
             "starts_on": "2026-10-01"},
        ])
        db["subcommittees"].insert_all([
            {"council_id": yuda, "name": "総務部会", "is_office": 0},
            {"council_id": yuda, "name": "福祉部会", "is_office": 0},
            {"council_id": yuda, "name": "事務局", "is_office": 1}])
        ops = db["grant_programs"].insert({"code": "ops", "name": "運営支援交付金",
                                           "fund_code": "operating_support",
                                           "city_preset": "yamaguchi"}).last_pk
        act = db["grant_programs"].insert({"code": "act", "name": "活動支援交付金",
                                           "fund_code": "activity_support",
                                           "city_preset": "yamaguchi"}).last_pk
        g1 = db["grants"].insert({"council_id": yuda, "fiscal_year": 2026, "program_id": act,
                                  "applied_amount": 5_000_000, "decided_amount": 4_900_000}).last_pk
        g2 = db["grants"].insert({"council_id": yuda, "fiscal_year": 2026, "program_id": ops,
                                  "applied_amount": 4_000_000}).last_pk
        db["grant_payments"].insert_all([
            {"grant_id": g1, "paid_on": "2026-04-20", "amount": 2_450_000},
            {"grant_id": g1, "paid_on": None, "amount": 2_450_000},  # requested, not paid yet
            {"grant_id": g2, "paid_on": "2026-04-20", "amount": 1_000_000}])
        db["budget_lines"].insert_all([
            {"council_id": yuda, "fiscal_year": 2026, "fund_code": "activity_support",
             "direction": "expense", "expense_category_code": "consumables", "budget": 100_000},
            {"council_id": yuda, "fiscal_year": 2026, "fund_code": "activity_support",
             "direction": "expense", "expense_category_code": "printing", "budget": 300_000,
             "revised_budget": 200_000},
            {"council_id": yuda, "fiscal_year": 2026, "fund_code": "activity_support",
             "direction": "income", "income_category_code": "grant", "budget": 9_999_999}])

        def entry(fund, direction, amount, day="2026-05-01"):
            category = ("expense_category_code", "consumables") if direction == "expense" \
                else ("income_category_code", "grant")
            db["cash_book_entries"].insert({"council_id": yuda, "fiscal_year": 2026,
                                            "fund_code": fund, "entry_date": day,
                                            "direction": direction, category[0]: category[1],
                                            "amount": amount})
        entry("activity_support", "income", 2_450_000)
        entry("activity_support", "expense", 120_000)
        entry("activity_support", "expense", 30_000)
        entry("own_funds", "income", 50_000)
        entry("own_funds", "expense", 8_000)
        db["opening_balances"].insert({"council_id": yuda, "fiscal_year": 2026,
                                       "fund_code": "own_funds", "carried_in": 412_380})
    return yuda


def test_overview_counts(store, figures):
    overview = council_profile.council_overview(store, figures, 2026, today=date(2026, 11, 20))
    assert overview.neighborhood_associations == 2
    assert overview.other_organizations == 1
    assert (overview.households, overview.member_households) == (400, 300)
    assert overview.membership_rate == pytest.approx(0.75)
    assert overview.officers == 2  # 会長(+理事) and 会計; the 監事's term closed, staff excluded
    assert overview.subcommittees == 2


def test_overview_officers_as_of_the_reference_date(store, figures):
    before_treasurer = council_profile.council_overview(store, figures, 2026,
                                                        today=date(2026, 9, 30))
    assert before_treasurer.officers == 1
    past = council_profile.council_overview(store, figures, 2024, today=date(2026, 9, 30))
    assert past.officers == 1  # only the 監事 (term 2023–2024) on 2025-03-31


def test_overview_grants_and_funds(store, figures):
    overview = council_profile.council_overview(store, figures, 2026, today=date(2026, 11, 20))
    by_name = {g.program: g for g in overview.grants}
    assert [g.program for g in overview.grants] == ["運営支援交付金", "活動支援交付金"]
    assert (by_name["活動支援交付金"].applied, by_name["活動支援交付金"].decided,
            by_name["活動支援交付金"].received) == (5_000_000, 4_900_000, 2_450_000)
    assert by_name["運営支援交付金"].decided is None
    assert overview.grant_total == 4_900_000 + 4_000_000
    funds = {f.fund_code: f for f in overview.funds}
    activity = funds["activity_support"]
    assert (activity.budget, activity.spent) == (300_000, 150_000)
    assert activity.execution_rate == pytest.approx(0.5)
    assert activity.balance == 2_450_000 - 150_000
    assert funds["own_funds"].balance == 412_380 + 50_000 - 8_000
    assert funds["own_funds"].execution_rate is None
    assert all(isinstance(f.balance, int) for f in overview.funds)


def test_overview_of_a_year_without_data(store, figures):
    overview = council_profile.council_overview(store, figures, 2023, today=date(2026, 11, 20))
    assert overview.households is None and overview.membership_rate is None
    assert overview.grants == () and overview.grant_total == 0
    assert all(f.budget == f.spent == f.balance == 0 for f in overview.funds)


def test_fiscal_years(store, figures):
    assert council_profile.fiscal_years(store, figures, today=date(2028, 5, 1)) == [2025, 2026,
                                                                                    2028]
    assert council_profile.fiscal_years(store, None, today=date(2027, 3, 31)) == [2026]


# backup -------------------------------------------------------------------------------------------

def test_backup_is_a_checked_copy(store, yuda, tmp_path):
    target = tmp_path / "copies" / backup.default_backup_name(date(2026, 11, 21))
    target.parent.mkdir()
    written = backup.backup_to(store, target)
    assert written.name == "kyodo-backup-20261121.sqlite3"
    conn = sqlite3.connect(written)
    try:
        assert conn.execute("SELECT name FROM councils").fetchall() == [("湯田地域づくり協議会",)]
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()
    assert list(target.parent.iterdir()) == [written]


def test_backup_refuses_the_open_file_and_bad_places(store, tmp_path):
    with pytest.raises(UserError) as caught:
        backup.backup_to(store, store.path)
    assert "別のファイル" in caught.value.message
    with pytest.raises(UserError) as caught:
        backup.backup_to(store, tmp_path / "missing-folder" / "copy.sqlite3")
    assert "書き込めません" in caught.value.message


# Changes ------------------------------------------------------------------------------------------

def test_changes():
    council = Changes.of(COUNCIL, council_id=1)
    assert council.touches(COUNCIL) and not council.touches(ACCOUNTS)
    assert council.concerns(1) and not council.concerns(2) and Changes.of(ROSTER).concerns(2)
    both = council | Changes.of(ACCOUNTS, council_id=1)
    assert both.areas == {COUNCIL, ACCOUNTS} and both.council_id == 1
    assert (council | Changes.of(ACCOUNTS, council_id=2)).council_id is None
    assert (Changes() | council) == council and not Changes()
    assert Changes.everything().touches(ACCOUNTS)
    with pytest.raises(ValueError):
        Changes.of("nonsense")
