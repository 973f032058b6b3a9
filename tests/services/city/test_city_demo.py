"""The demo city file: 21 councils × 2 years, 湯田's 令和7年度 the real demo return, the others
varied; its summary prints on at most 3 A4 landscape pages and exports to .xlsx."""

from __future__ import annotations

import json
import re

import openpyxl
import pytest

from kyodo_desktop.reports.registry import ReportRequest, report_kinds
from kyodo_desktop.services.city.city_file import current_returns, return_years
from kyodo_desktop.services.city.summary import city_summary


@pytest.fixture
def city(city_path):
    from kyodo_desktop.store import open_store

    with open_store(city_path) as store:
        yield store


def test_21_councils_for_two_years(city):
    store = city
    assert store.scalar("SELECT count(*) FROM city_returns") == 42
    assert return_years(store) == [2025, 2024]
    for year in (2024, 2025):
        rows = city_summary(store, year).rows
        assert len({r.district for r in rows}) == 21
        assert len({r.decided_amount for r in rows}) > 15  # varied
        assert all(0.8 < r.execution_rate <= 1 and 0.5 < r.membership_rate < 1 for r in rows)
        assert all(r.projects > 0 and r.indicators_judged > 0 for r in rows)
    findings = sum(r.findings_errors + r.findings_notes for r in city_summary(store, 2025).rows)
    assert findings > 0


def test_yuda_2025_is_the_real_demo_return(city, yuda_return):
    store = city
    [yuda] = [r for r in current_returns(store, 2025) if r.district == "湯田"]
    assert yuda.document["content"] == json.loads(yuda_return)["content"]


def test_summary_prints_on_at_most_three_pages_and_exports(city, tmp_path):
    store = city
    pdf = report_kinds()["city-summary"].build(store, ReportRequest(None, 2025))
    assert 1 <= len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf)) <= 3
    assert b"/MediaBox [ 0 0 841.8898 595.2756 ]" in pdf  # A4 landscape
    from kyodo_desktop.io.city_summary_export import export_city_summary

    export_city_summary(store, None, 2025, tmp_path / "city.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "city.xlsx").active
    districts = [r[0].value for r in sheet.iter_rows() if r[0].value]
    assert districts[-1] == "合計" and len(districts) == 1 + 1 + 21 + 1  # title, header, rows
