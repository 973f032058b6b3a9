"""``city withdraw-return`` and ``city list`` read ``--fiscal-year`` as every other command does
(2025, R7, 令和7年度; a year out of the calendar is refused with 「エラー: …」 and exit 2: an int
before 明治, a negative or a 20-digit year ended in a traceback), and ``--district`` /
``--new-district`` as the city file stores a 地域 name (NFKC, hidden characters and extra blanks
removed): 「ﾕﾀﾞ」 or 「湯田\u200b」 name the same 地域 as the return's manifest."""

from __future__ import annotations

import pytest

from kyodo_desktop.services.city import city_file
from kyodo_desktop.store import open_store

from .conftest import file_digests, run_cli

ABSURD_YEARS = ["99999999999999999999", "-5", "0", "13", "１２", "2025.5", "R99999"]


@pytest.mark.parametrize("year", ABSURD_YEARS)
@pytest.mark.parametrize("action", ["withdraw-return", "list"])
def test_an_absurd_year_is_refused_plainly_and_changes_nothing(capsys, city_path, year, action):
    before = file_digests(city_path)
    code, out, err = run_cli(capsys, "city", action, "--district", "湯田", "--fiscal-year", year,
                             "--db", city_path)
    assert code == 2 and err.startswith("エラー: "), (code, out, err)
    assert file_digests(city_path) == before


def test_the_year_may_be_given_in_wareki(capsys, city_path):
    code, out, err = run_cli(capsys, "city", "withdraw-return", "--district", "湯田",
                             "--fiscal-year", "令和7年度", "--db", city_path)
    assert code == 0, err
    assert "湯田 令和7年度" in out


@pytest.mark.parametrize("typed", ["湯田\u200b", " 湯田　", "\u202e湯田"])
def test_a_district_typed_with_hidden_characters_names_the_registered_one(capsys, city_path,
                                                                         typed):
    code, out, err = run_cli(capsys, "city", "withdraw-return", "--district", typed,
                             "--fiscal-year", "2025", "--db", city_path)
    assert code == 0, err
    with open_store(city_path) as store:
        [removed] = city_file.removed_returns(store, 2025)
        assert removed.district == "湯田"


def test_new_district_is_read_as_the_manifest_stores_it(capsys, city_path, tmp_path,
                                                       yuda_return):
    from .test_city_takes_returns_of_registered_districts import _as_new_district

    forged = tmp_path / "return.kyodo-return"
    forged.write_bytes(_as_new_district(yuda_return))
    code, out, err = run_cli(capsys, "city", "import-return", forged, "--db", city_path,
                             "--new-district", "山口市役所\u200b")  # pasted with a hidden mark
    assert code == 0, err
    with open_store(city_path) as store:
        assert "山口市役所" in city_file.registered_districts(store)
