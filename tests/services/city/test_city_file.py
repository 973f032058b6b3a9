"""The city file: verified returns go in; tampered, unclosed, duplicate and older ones are refused
with the reason; a newer one replaces the older only when asked and the history is kept."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from kyodo_desktop.errors import UserError
from kyodo_desktop.services.city import city_file, seal
from kyodo_desktop.services.city.return_reader import ReturnRefused, read_return, verify_bytes


def _resealed(data: bytes, change) -> bytes:
    """The return with ``change(document)`` applied and sealed again (a hand-made return)."""
    document = json.loads(data)
    head = document.pop("seal")["audit_head"]
    change(document)
    return seal.sealed(document, head)


def test_the_demo_return_imports_and_shows_its_figures(city_store, return_file):
    added = city_file.import_return(city_store, read_return(return_file))
    assert (added.district, added.fiscal_year, added.replaced_id) == ("湯田", 2025, None)
    [stored] = city_file.current_returns(city_store, 2025)
    assert stored.council == "湯田地域づくり協議会"
    assert stored.summary["decided_amount"] == 10_247_000
    assert stored.summary["refund_amount"] == 138_615
    assert city_file.return_years(city_store) == [2025]


def _flips_accepted(data: bytes, masks: tuple[int, ...]) -> list[tuple[int, int]]:
    """Every (position, mask) whose ``data[position] ^ mask`` the reader does NOT refuse."""
    accepted, damaged = [], bytearray(data)
    for mask in masks:
        for position in range(len(data)):
            damaged[position] ^= mask
            try:
                verify_bytes(bytes(damaged), "x")
            except ReturnRefused:
                pass
            else:
                accepted.append((position, mask))
            damaged[position] ^= mask
    return accepted


def test_every_byte_of_the_demo_return_flipped_is_refused(yuda_return):
    assert len(yuda_return) > 50_000
    assert _flips_accepted(yuda_return, (0x01,)) == []
    assert verify_bytes(yuda_return, "x").manifest["district"] == "湯田"


@pytest.fixture(scope="module")
def small_return(demo_template, tmp_path_factory) -> bytes:
    """A real, small return: the demo's 白石, its empty 令和7年度 closed (some 3 kB)."""
    import shutil

    from kyodo_desktop.services.accounting.year_close import close_year
    from kyodo_desktop.services.city.annual_return import build_return
    from kyodo_desktop.store import open_store

    path = tmp_path_factory.mktemp("small") / "demo.sqlite3"
    shutil.copy(demo_template, path)
    with open_store(path) as opened:
        council = opened.scalar("SELECT id FROM councils WHERE name = '白石地域づくり協議会'")
        close_year(opened, council, 2025, allow_empty=True)
        return build_return(opened, council, 2025, now=datetime(2026, 11, 21, 9, 0))


def test_every_byte_of_a_small_return_flipped_by_every_mask_is_refused(small_return):
    masks = (0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0xFF)
    assert _flips_accepted(small_return, masks) == []
    assert verify_bytes(small_return, "x").manifest["district"] == "白石"


def test_a_return_not_ending_in_seal_and_version_is_checked_after_parsing(yuda_return):
    assert seal.raw_seal_matches(yuda_return) is True
    extended = _resealed(yuda_return, lambda d: d.update(zz_note="何か"))
    assert seal.raw_seal_matches(extended) is None
    assert verify_bytes(extended, "x").document["zz_note"] == "何か"
    damaged = extended.replace("何か".encode(), "何が".encode())
    with pytest.raises(ReturnRefused, match="seal|封印"):
        verify_bytes(damaged, "x")


def test_tampered_figure_is_refused_with_the_reason(city_store, yuda_return, tmp_path):
    text = yuda_return.decode("utf-8").replace('"refund_amount":138615', '"refund_amount":1', 1)
    path = tmp_path / "tampered.kyodo-return"
    path.write_bytes(text.encode("utf-8"))
    with pytest.raises(ReturnRefused, match="seal|封印"):
        read_return(path)
    assert city_file.current_returns(city_store, 2025) == []


def test_unclosed_year_is_refused(yuda_return):
    data = _resealed(yuda_return, lambda d: d["manifest"].update(closed_at=None))
    with pytest.raises(ReturnRefused, match="not closed|締め"):
        verify_bytes(data, "open.kyodo-return")


def test_summary_not_matching_its_figures_is_refused(yuda_return):
    data = _resealed(yuda_return, lambda d: d["content"]["summary"].update(projects=99))
    with pytest.raises(ReturnRefused, match="summary|集計"):
        verify_bytes(data, "x")


def test_duplicate_is_refused(city_store, return_file):
    city_file.import_return(city_store, read_return(return_file))
    with pytest.raises(ReturnRefused, match="already|既に"):
        city_file.import_return(city_store, read_return(return_file))


def test_newer_return_replaces_only_when_asked_and_keeps_the_history(city_store, yuda_return):
    city_file.import_return(city_store, verify_bytes(yuda_return, "a"))
    newer = verify_bytes(_resealed(yuda_return, lambda d: d["manifest"].update(
        created_at="2026-12-01T10:00:00")), "b")
    with pytest.raises(ReturnRefused, match="--replace"):
        city_file.import_return(city_store, newer)
    added = city_file.import_return(city_store, newer, replace=True,
                                    now=datetime(2026, 12, 1, 11))
    assert added.replaced_id is not None
    history = city_file.return_history(city_store, "湯田", 2025)
    assert [(h.created_at, h.replaced_at) for h in history] == [
        ("2026-11-21T09:00:00", "2026-12-01T11:00:00"), ("2026-12-01T10:00:00", None)]
    assert [r.id for r in city_file.current_returns(city_store, 2025)] == [added.id]
    older = verify_bytes(_resealed(yuda_return, lambda d: d["manifest"].update(
        created_at="2026-11-25T10:00:00")), "c")
    with pytest.raises(ReturnRefused, match="newer|新しい"):
        city_file.import_return(city_store, older, replace=True)


def test_a_council_file_is_never_made_a_city_file(demo_store):
    with pytest.raises(UserError):
        city_file.make_city_file(demo_store)
    assert not city_file.is_city_file(demo_store)


def test_cli_imports_and_reports_each_refusal(tmp_path, return_file, capsys):
    from kyodo_desktop.cli import main

    city = tmp_path / "city.sqlite3"
    assert main(["city", "import-return", str(return_file), "--db", str(city),
                 "--new-district", "湯田"]) == 0
    assert "湯田" in capsys.readouterr().out
    assert main(["city", "import-return", str(return_file), "--db", str(city)]) == 2
    assert return_file.name in capsys.readouterr().err
