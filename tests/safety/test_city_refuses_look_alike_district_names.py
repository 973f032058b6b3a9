"""A return is taken only for a registered 地域, but a return of 「湯田」 followed by a character
that shows as nothing (a variation selector U+FE00, the grapheme joiner, a Hangul filler, the
blank braille pattern: the name's normalization keeps them, since an 異体字 selector is part of a
real name) was a new 地域 that looks exactly like 湯田: the refusal told the city to check with
「湯田」's council and to import it with --new-district and the pasted name, which put a second
「湯田」 row into the city's table. Now such a name is refused also with --new-district (the
message spells the hidden character and names the registered 地域), and add-district refuses a
name that looks like a registered one; the file is left as it was."""

from __future__ import annotations

import pytest

from kyodo_desktop.errors import ValidationError
from kyodo_desktop.services.city import city_file
from kyodo_desktop.services.city.return_reader import ReturnRefused, verify_bytes
from kyodo_desktop.store import open_store

from .conftest import file_digests, run_cli
from .test_city_takes_returns_of_registered_districts import _as_new_district

LOOK_ALIKES = ["湯田\ufe00", "湯田\U000e0100", "湯\u034f田", "湯田\u1160", "湯田\u2800",
               "湯田\u180b", "湯田\u115f"]


@pytest.mark.parametrize("name", LOOK_ALIKES)
def test_a_return_of_a_look_alike_district_is_refused_even_when_named(city_path, yuda_return,
                                                                       name):
    with open_store(city_path) as store:
        city_file.withdraw_return(store, city_file.current_return(store, "湯田", 2025).id)
        forged = verify_bytes(_as_new_district(yuda_return, name), "x")
        for named in (False, True):
            with pytest.raises(ReturnRefused) as refused:
                city_file.import_return(store, forged, new_district=named)
            assert "湯田" in refused.value.message and "<U+" in refused.value.message
        assert name not in city_file.registered_districts(store)
        assert store.scalar("SELECT count(*) FROM city_returns WHERE district = ?", (name,)) == 0


def test_the_cli_refuses_it_with_new_district(capsys, city_path, tmp_path, yuda_return):
    forged = tmp_path / "return.kyodo-return"
    forged.write_bytes(_as_new_district(yuda_return, "湯田\ufe00"))
    before = file_digests(city_path)
    code, out, err = run_cli(capsys, "city", "import-return", forged, "--db", city_path,
                             "--new-district", "湯田\ufe00")
    assert code == 2 and err.startswith("エラー: ") and "<U+FE00>" in err
    assert file_digests(city_path) == before


@pytest.mark.parametrize("name", LOOK_ALIKES)
def test_add_district_refuses_a_look_alike_of_a_registered_one(city_path, name):
    with open_store(city_path) as store:
        with pytest.raises(ValidationError):
            city_file.register_districts(store, ["湯田\u3164"])  # NFKC: U+1160
        with pytest.raises(ValidationError):
            city_file.register_districts(store, [name])
        with pytest.raises(ValidationError):
            city_file.register_districts(store, ["新地域", "新地域" + name.strip("湯田")])
        assert city_file.register_districts(store, ["葛\U000e0100城"]) == ["葛\U000e0100城"]
