"""services.councils: listing in 五十音順 and finding a council by id or (normalised) name."""

from __future__ import annotations

import pytest

from kyodo_desktop.errors import UserError
from kyodo_desktop.services.council.councils import (
    MAX_LISTED,
    describe_councils,
    find_council,
    list_councils,
)


@pytest.fixture
def councils(store):
    with store.transaction() as db:
        district = db["districts"].insert({"city": "山口市", "name": "湯田"}).last_pk
        db["councils"].insert_all([
            {"id": 1, "name": "湯田地域づくり協議会", "name_kana": "ゆだ", "district_id": district},
            {"id": 2, "name": "大殿地域づくり協議会", "name_kana": "おおどの"},
            {"id": 3, "name": "第３地区協議会", "name_kana": ""},
            {"id": 4, "name": "阿知須地域づくり協議会", "name_kana": "あじす"}])
    return store


def test_list_councils_shape_and_kana_order(councils):
    rows = list_councils(councils)
    assert [r["name_kana"] for r in rows][:3] == ["あじす", "おおどの", "ゆだ"]
    assert rows[-1]["id"] == 3  # no ふりがな: its kanji name sorts after the kana readings
    yuda = next(r for r in rows if r["id"] == 1)
    assert yuda == {"id": 1, "name": "湯田地域づくり協議会", "name_kana": "ゆだ",
                    "district": "湯田"}
    assert next(r for r in rows if r["id"] == 2)["district"] == ""


def test_list_councils_of_an_empty_file(store):
    assert list_councils(store) == []


@pytest.mark.parametrize("ref", [2, "2", "２", " 2 ", "大殿地域づくり協議会",
                                 "大殿　地域づくり協議会", " 大殿地域づくり協議会 "])
def test_find_council_by_id_or_name(councils, ref):
    assert find_council(councils, ref)["name"] == "大殿地域づくり協議会"


def test_find_council_by_nfkc_name(councils):
    assert find_council(councils, "第3地区協議会")["id"] == 3
    assert find_council(councils, "第３地区協議会")["id"] == 3


def test_unknown_council_lists_what_exists(councils):
    with pytest.raises(UserError) as raised:
        find_council(councils, "白石地域づくり協議会")
    message = raised.value.message
    assert "白石地域づくり協議会" in message and "ありません" in message
    assert "2: 大殿地域づくり協議会" in message and "1: 湯田地域づくり協議会" in message


def test_unknown_id_is_an_error(councils):
    with pytest.raises(UserError):
        find_council(councils, 99)


def test_no_council_at_all(store):
    with pytest.raises(UserError) as raised:
        find_council(store, "大殿")
    assert "まだ協議会が登録されていません" in raised.value.message


def test_names_equal_after_normalising_are_ambiguous(councils):
    with councils.transaction() as db:
        db["councils"].insert({"id": 5, "name": "第3地区協議会"})
    assert find_council(councils, "第3地区協議会")["id"] == 5  # the exact name wins
    with pytest.raises(UserError) as raised:
        find_council(councils, "第 3 地区協議会")
    assert "複数" in raised.value.message


def test_describe_councils_is_cut_after_max_listed():
    many = [{"id": i, "name": f"協議会{i}"} for i in range(MAX_LISTED + 5)]
    text = describe_councils(many)
    assert text.endswith("…")
    assert text.count("協議会") == MAX_LISTED


def test_a_district_name_alone_finds_its_council(store):
    from kyodo_desktop.demo.build import build_demo
    from kyodo_desktop.services.council.councils import find_council

    build_demo(store)
    assert find_council(store, "湯田")["name"] == "湯田地域づくり協議会"
    assert find_council(store, "秋穂")["name"] == "秋穂地域づくり協議会"  # not 秋穂二島
    assert find_council(store, "秋穂二")["name"] == "秋穂二島地域づくり協議会"
