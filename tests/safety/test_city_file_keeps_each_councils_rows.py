"""A 年度報告 can change only its own 地域's row of the city file: a return whose manifest names
another 地域 or council than its content, whose names carry unprintable characters, or whose
dates are impossible (made or closed in the future or before its year began) is refused
with 「エラー: …」 and exit 2; the city file stays as it was. The seal is a checksum anyone can
recompute, so each of these is sealed again as a forger would."""

from __future__ import annotations

import json
import shutil
from datetime import datetime

import pytest

from kyodo_desktop import cli
from kyodo_desktop.services.city import seal
from kyodo_desktop.services.city.return_reader import ReturnRefused, verify_bytes

from .conftest import file_digests

NOW = datetime(2026, 12, 2, 12, 0)


def _resealed(data: bytes, change) -> bytes:
    document = json.loads(data)
    head = document.pop("seal")["audit_head"]
    change(document)
    return seal.sealed(document, head)


def _manifest(**fields):
    def change(document):
        document["manifest"].update(fields)
    return change


def _as(district: str, council: str, **fields):
    """The return re-labelled whole (manifest and profile) as another 地域's."""
    def change(document):
        document["manifest"].update(district=district, council=council, **fields)
        document["content"]["profile"].update(district=district, name=council)
    return change


FORGED = {
    "manifest names another district than the profile":
        _manifest(district="大殿", created_at="2026-12-01T00:00:00"),
    "manifest names another council than the profile":
        _manifest(council="大殿地域づくり協議会", created_at="2026-12-01T00:00:00"),
    "made in the future blocks every later return":
        _as("大殿", "大殿地域づくり協議会", created_at="2099-12-01T00:00:00"),
    "closed in the future": _manifest(closed_at="2099-03-31T00:00:00"),
    "closed before its year began": _manifest(closed_at="2025-03-01T00:00:00"),
    "a year not yet begun": _manifest(fiscal_year=2031),
    "a date that does not exist": _manifest(created_at="2026-13-45T99:99:99"),
    "terminal escape and bidi override in the district": _as("\x1b[2J\u202e殿大", "湯田地域づくり協議会"),
    "zero-width space makes a second 湯田": _as("湯田\u200b", "湯田地域づくり協議会"),
    "blank around the district": _as(" 湯田", "湯田地域づくり協議会"),
    "district longer than the city file keeps": _as("湯" * 150, "湯田地域づくり協議会"),
}


@pytest.mark.parametrize("name", FORGED)
def test_an_inconsistent_return_is_refused(yuda_return, name):
    with pytest.raises(ReturnRefused) as refused:
        verify_bytes(_resealed(yuda_return, FORGED[name]), "x.kyodo-return", now=NOW)
    assert "x.kyodo-return" in str(refused.value)


def test_the_real_return_and_a_relabelled_consistent_one_still_read(yuda_return):
    assert verify_bytes(yuda_return, "x", now=NOW).manifest["district"] == "湯田"
    made_today = _resealed(yuda_return, _manifest(created_at="2026-12-02T18:00:00"))
    assert verify_bytes(made_today, "x", now=NOW)


@pytest.mark.parametrize("name", ["manifest names another district than the profile",
                                  "made in the future blocks every later return",
                                  "terminal escape and bidi override in the district"])
def test_the_city_file_is_unchanged_and_the_cli_says_why(capsys, city_template, tmp_path,
                                                         yuda_return, name):
    city = tmp_path / "city.sqlite3"
    shutil.copy(city_template, city)
    before = file_digests(city)
    forged = tmp_path / "\u202eodo.kyodo-return"
    forged.write_bytes(_resealed(yuda_return, FORGED[name]))
    code = cli.main(["city", "import-return", str(forged), "--db", str(city), "--replace"])
    out, err = capsys.readouterr()
    assert code == 2 and err.startswith("エラー:"), err
    assert "Traceback" not in out + err
    assert "\x1b" not in out + err and "\u202e" not in out + err
    assert file_digests(city) == before


def test_another_councils_return_never_replaces_a_district_row(city_template, tmp_path,
                                                              yuda_return):
    """A consistent return re-labelled as 大殿's, by another council from another data file,
    does not replace 大殿's return even with --replace; the real council's own newer return
    (same name) does."""
    from kyodo_desktop.services.city import city_file
    from kyodo_desktop.store import open_store

    city = tmp_path / "city.sqlite3"
    shutil.copy(city_template, city)
    with open_store(city) as store:
        real = store.query("SELECT council, json_extract(document, '$.manifest.source_file') "
                           "AS source FROM city_returns WHERE district = '大殿' AND "
                           "fiscal_year = 2025 AND replaced_at IS NULL")[0]
        forged = _resealed(yuda_return, _as("大殿", "大殿まちづくり会議",
                                           created_at="2026-12-01T00:00:00"))
        with pytest.raises(ReturnRefused, match="大殿地域づくり協議会"):
            city_file.import_return(store, verify_bytes(forged, "x", now=NOW), replace=True)
        own = _resealed(yuda_return, _as("大殿", real["council"],
                                        created_at="2026-12-01T00:00:00"))
        added = city_file.import_return(store, verify_bytes(own, "x", now=NOW), replace=True)
        assert added.replaced_id is not None
