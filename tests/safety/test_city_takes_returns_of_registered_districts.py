"""A return's seal is a checksum, not a signature: a council (or anyone with the app) can make
a consistent, sealed return for a 地域 that has none in the city file yet, and it went in as that
地域's. The city file now takes a return only for a 地域 the city registered (``city
add-district``, the demo registers 山口市's 21) or named on purpose while importing
(``--new-district NAME``, which registers it); otherwise 「エラー: …」, exit 2, the file as it
was, and the message says what to check and how to take it."""

from __future__ import annotations

from datetime import datetime

import pytest

from kyodo_desktop.services.city import city_file
from kyodo_desktop.services.city.return_reader import ReturnRefused, verify_bytes

from .conftest import file_digests, run_cli
from .test_city_file_keeps_each_councils_rows import _as, _resealed


def _as_new_district(yuda_return: bytes, district: str = "山口市役所") -> bytes:
    return _resealed(yuda_return, _as(district, f"{district}地域づくり協議会"))


def test_a_consistent_return_of_an_unregistered_district_is_refused(store, yuda_return):
    city_file.make_city_file(store)
    city_file.register_districts(store, ["湯田"])
    forged = verify_bytes(_as_new_district(yuda_return), "x")
    with pytest.raises(ReturnRefused) as refused:
        city_file.import_return(store, forged)
    message = refused.value.message
    assert "山口市役所" in message and "登録されていない" in message
    assert "--new-district 山口市役所" in message
    assert store.scalar("SELECT count(*) FROM city_returns") == 0
    assert city_file.registered_districts(store) == ["湯田"]
    city_file.import_return(store, verify_bytes(yuda_return, "x"))  # 湯田 is registered
    added = city_file.import_return(store, forged, new_district=True)  # named on purpose
    assert added.district == "山口市役所"
    assert city_file.registered_districts(store) == ["湯田", "山口市役所"]


def test_the_cli_takes_it_only_when_the_city_names_that_district(capsys, city_path, tmp_path,
                                                                 yuda_return):
    forged = tmp_path / "return.kyodo-return"
    forged.write_bytes(_as_new_district(yuda_return))
    before = file_digests(city_path)
    code, out, err = run_cli(capsys, "city", "import-return", forged, "--db", city_path)
    assert code == 2 and err.startswith("エラー: ") and "山口市役所" in err
    code, out, err = run_cli(capsys, "city", "import-return", forged, "--db", city_path,
                             "--new-district", "湯田")  # another 地域 named: still refused
    assert code == 2 and "山口市役所" in err
    assert file_digests(city_path) == before
    code, out, err = run_cli(capsys, "city", "import-return", forged, "--db", city_path,
                             "--new-district", "山口市役所")
    assert code == 0 and "山口市役所" in out
    code, out, err = run_cli(capsys, "city", "add-district", "阿東", "\u200b", "--db", city_path)
    assert code == 2 and err.startswith("エラー: ")


def test_the_demo_city_has_its_21_districts_registered(city_path, capsys):
    code, out, err = run_cli(capsys, "city", "list", "--db", city_path)
    assert code == 0 and "湯田" in out and "阿東" in out


def test_a_district_the_city_file_already_holds_returns_of_counts_as_registered(store,
                                                                                yuda_return):
    """A city file made before 地域 were registered has returns but no registered 地域: the city
    took those returns on purpose, so their 地域 take the next year's return as before, while
    a 地域 it never took a return of is still refused."""
    city_file.make_city_file(store)
    city_file.import_return(store, verify_bytes(yuda_return, "x"), new_district=True)
    with store.transaction() as db:
        db.execute("DELETE FROM districts")  # as a city file of the earlier version has it
    assert city_file.registered_districts(store) == ["湯田"]
    newer = verify_bytes(_resealed(yuda_return, lambda document: document["manifest"].update(
        created_at="2099-04-01T00:00:00")), "x", now=datetime(2099, 4, 2))
    city_file.import_return(store, newer, replace=True)
    assert store.scalar("SELECT count(*) FROM city_returns WHERE replaced_at IS NULL") == 1
    with pytest.raises(ReturnRefused):
        city_file.import_return(store, verify_bytes(_as_new_district(yuda_return), "x"))
    city_file.register_districts(store, ["阿東"])
    assert city_file.registered_districts(store) == ["阿東", "湯田"]  # registered ones first
