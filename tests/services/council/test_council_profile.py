"""The 協議会 page's services: profile rules, backup, Changes (the overview: test_council_overview)."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.services.backup import copies as backup
from kyodo_desktop.services.changes import ACCOUNTS, COUNCIL, ROSTER, Changes
from kyodo_desktop.services.council import profile as council_profile
from kyodo_desktop.services.council.profile import ProfileValidationError


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
