"""A wrong return taken into the city file could not be removed: the city's table kept showing
it. ``city withdraw-return --district D --fiscal-year Y`` (and 「年度報告を取り下げる…」 on the city
page, after a confirmation naming the 地域, 年度 and dates) takes it out of the table without
deleting it: it stays in the file with the time, and the CLI's list, the city page and the city
summary PDF show it as withdrawn (a replaced return as replaced). The council may then file again;
the same file again is refused with the date it was withdrawn."""

from __future__ import annotations

from datetime import datetime

import pytest

from kyodo_desktop.errors import UserError
from kyodo_desktop.reports.city_summary import build_city_summary
from kyodo_desktop.reports.readback import page_texts
from kyodo_desktop.reports.registry import ReportRequest
from kyodo_desktop.services.city import city_file
from kyodo_desktop.services.city.return_reader import ReturnRefused, read_return, verify_bytes
from kyodo_desktop.services.city.summary import city_summary
from kyodo_desktop.store import open_store

from .conftest import run_cli
from .test_city_file_keeps_each_councils_rows import _manifest, _resealed

WITHDRAWN = datetime(2026, 12, 2, 14, 30)


def _flat(pdf: bytes) -> str:
    return "".join("".join(page_texts(pdf)).split())


def test_a_withdrawn_return_leaves_the_table_and_is_listed_with_its_time(city_path):
    with open_store(city_path) as store:
        stored = city_file.current_return(store, "湯田", 2025)
        city_file.withdraw_return(store, stored.id, now=WITHDRAWN)
        rows = city_summary(store, 2025).rows
        assert "湯田" not in [row.district for row in rows] and len(rows) == 20
        [removed] = city_file.removed_returns(store, 2025)
        assert removed.id == stored.id and removed.withdrawn
        assert store.scalar("SELECT count(*) FROM city_returns WHERE id = ?", (stored.id,)) == 1
        text = _flat(build_city_summary(store, ReportRequest(None, 2025)))
        assert "取り下げた・差し替えた年度報告" in text
        assert "湯田湯田地域づくり協議会令和8年5月20日10:00令和8年6月1日09:00取り下げ令和8年12月2日14:30" in text
        with pytest.raises(UserError):
            city_file.withdraw_return(store, stored.id)  # once only


def test_the_council_may_file_again_but_not_the_same_file(city_path, yuda_return):
    with open_store(city_path) as store:
        filed = city_file.import_return(store, verify_bytes(yuda_return, "x"), replace=True)
        city_file.withdraw_return(store, filed.id, now=WITHDRAWN)
        with pytest.raises(ReturnRefused) as refused:
            city_file.import_return(store, verify_bytes(yuda_return, "x"))
        assert "取り下げ" in refused.value.message and "令和8年12月2日" in refused.value.message
        again = _resealed(yuda_return, _manifest(created_at="2026-11-30T10:00:00"))
        added = city_file.import_return(store, verify_bytes(again, "x"))
        assert added.replaced_id is None
        assert city_file.current_return(store, "湯田", 2025).id == added.id


def test_a_replaced_return_is_listed_as_replaced(city_path, yuda_return, tmp_path):
    newer = tmp_path / "new.kyodo-return"
    newer.write_bytes(_resealed(yuda_return, _manifest(created_at="2026-11-30T10:00:00")))
    with open_store(city_path) as store:
        city_file.import_return(store, read_return(newer), replace=True)
        [removed] = city_file.removed_returns(store, 2025)
        assert not removed.withdrawn
        assert "差し替え" in city_file.removed_text(removed)


def test_the_cli_withdraws_by_district_and_year_and_lists_it(capsys, city_path):
    code, out, err = run_cli(capsys, "city", "withdraw-return", "--district", "湯田",
                             "--fiscal-year", "2025", "--db", city_path)
    assert code == 0, err
    assert "湯田 令和7年度" in out and "取り下げました" in out and "湯田地域づくり協議会" in out
    code, out, err = run_cli(capsys, "city", "list", "--fiscal-year", "2025", "--db", city_path)
    assert code == 0 and "取り下げ" in out and "湯田 令和7年度" in out
    code, out, err = run_cli(capsys, "city", "withdraw-return", "--district", "湯田",
                             "--fiscal-year", "2025", "--db", city_path)
    assert code == 2 and err.startswith("エラー: ") and "湯田" in err
    assert "取り下げ 令和" in err  # says when it was withdrawn
    code, out, err = run_cli(capsys, "city", "withdraw-return", "--db", city_path)
    assert code == 2 and err.startswith("エラー: ")
