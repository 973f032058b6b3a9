"""``report city-summary`` loaded every return of the 年度 whole (json.loads of each document:
21 returns of 6 MB each held at once), so its memory grew with the size of the returns it did
not print. It now reads each return's stored summary and only the findings it prints
(services/city/detail.printed_findings, SQLite's JSON functions), so the same report of returns
padded with thousands of unprinted findings peaks as the one of small returns
(bench/city_summary_memory.py prints the ratios of 21 councils × 10 years)."""

from __future__ import annotations

import tracemalloc

import pytest

from kyodo_desktop.reports.city_summary import build_city_summary
from kyodo_desktop.reports.readback import page_texts
from kyodo_desktop.reports.registry import ReportRequest
from kyodo_desktop.store import open_store

from .conftest import bench_module

YEARS, PADDING = 2, 1500


@pytest.fixture(scope="module")
def bench():
    return bench_module("city_summary_memory")


@pytest.fixture(scope="module")
def cities(bench, tmp_path_factory):
    folder = tmp_path_factory.mktemp("cities")
    small, large = folder / "small.sqlite3", folder / "large.sqlite3"
    bench.build_city(small, YEARS, 0)
    bench.build_city(large, YEARS, PADDING)
    return small, large


def _peak(path) -> tuple[int, bytes]:
    with open_store(path) as store:
        tracemalloc.start()
        try:
            pdf = build_city_summary(store, ReportRequest(None, 2025))
            return tracemalloc.get_traced_memory()[1], pdf
        finally:
            tracemalloc.stop()


def _text(pdf: bytes) -> str:
    return "".join("".join(page_texts(pdf)).split()).replace(",", "")


def test_the_peak_does_not_grow_with_the_returns_it_does_not_print(cities):
    _peak(cities[0])  # fonts and modules loaded once, outside the measured runs
    (small_peak, small_pdf), (large_peak, large_pdf) = _peak(cities[0]), _peak(cities[1])
    assert cities[1].stat().st_size > 10 * cities[0].stat().st_size
    assert large_peak < 1.3 * small_peak, (small_peak, large_peak)
    text = _text(large_pdf)
    assert text.count("00004" + "長" * 35) == 21  # every return's printed findings are there
    assert text.count("ほか1510件") == 21 and _text(small_pdf).count("ほか10件") == 21


def test_the_findings_read_in_sql_are_those_shown_from_the_whole_document(cities, bench):
    from kyodo_desktop.services.city.detail import printed_findings, shown_findings

    with open_store(cities[1]) as store:
        return_id = store.scalar("SELECT min(id) FROM city_returns WHERE fiscal_year = 2025")
        read = printed_findings(store, return_id, 30)
    whole = [bench.finding(n) for n in range(bench.SHOWN_FINDINGS + PADDING)]
    assert read == shown_findings(whole, 30)
    assert read[1] == len(whole) - 30
