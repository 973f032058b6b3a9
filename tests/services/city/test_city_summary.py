"""The city summary: 湯田's return in a new city file shows the figures of its 精算書 and
実績報告書 and of its own data; it prints on A4 landscape and exports to .xlsx without formulas."""

from __future__ import annotations

import json

import openpyxl
import pytest

from kyodo_desktop.errors import UserError
from kyodo_desktop.reports.readback import page_texts
from kyodo_desktop.reports.registry import ReportRequest, report_kinds
from kyodo_desktop.services.city import city_file
from kyodo_desktop.services.city.return_reader import read_return
from kyodo_desktop.services.city.summary import city_summary
from kyodo_desktop.services.forms.common import Gate
from kyodo_desktop.services.forms.results import performance_report_data, settlement_data
from kyodo_desktop.services.roster.totals import roster_totals


def test_yuda_in_a_new_city_file_equals_its_settlement_and_performance_report(
        demo_store, city_store, return_file):
    city_file.import_return(city_store, read_return(return_file))
    [row] = city_summary(city_store, 2025).rows
    council = demo_store.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")
    settlement = settlement_data(demo_store, council, 2025, Gate())
    in_force, received, eligible, refund, _carried = settlement.rows[-1].amounts
    assert (row.decided_amount, row.received, row.eligible, row.refund_amount) == (
        in_force, received, eligible, refund)
    report = performance_report_data(demo_store, council, 2025, Gate())
    assert row.eligible == sum(r.amounts[2] for r in report.rows)
    assert row.execution_rate == eligible / in_force
    totals = roster_totals(demo_store, council, 2025)
    assert (row.households, row.member_households) == (totals.households,
                                                       totals.member_households)
    assert row.projects == demo_store.scalar(
        "SELECT count(*) FROM projects WHERE council_id = ? AND fiscal_year = 2025", (council,))


def test_the_summary_prints_and_exports(city_store, return_file, tmp_path):
    city_file.import_return(city_store, read_return(return_file))
    pdf = report_kinds()["city-summary"].build(city_store, ReportRequest(None, 2025))
    text = "".join(page_texts(pdf))
    assert "年度報告一覧" in text and "湯田" in text and "10,247,000" in text
    assert "138,615" in text
    from kyodo_desktop.io.city_summary_export import export_city_summary

    path = tmp_path / "city.xlsx"
    export_city_summary(city_store, None, 2025, path)
    sheet = openpyxl.load_workbook(path).active
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    header = rows.index(next(r for r in rows if r[0] == "地域"))
    yuda = dict(zip(rows[header], rows[header + 1], strict=True))
    assert (yuda["地域"], yuda["交付決定額"], yuda["返還額"]) == ("湯田", 10_247_000, 138_615)
    assert all(not (isinstance(v, str) and v.startswith("=")) for r in rows for v in r)


def test_the_summary_needs_a_city_file(demo_store):
    with pytest.raises(UserError):
        city_summary(demo_store, 2025)


def test_cli_prints_the_city_summary(tmp_path, return_file):
    from kyodo_desktop.cli import main

    city = tmp_path / "city.sqlite3"
    assert main(["city", "import-return", str(return_file), "--db", str(city),
                 "--new-district", "湯田"]) == 0
    assert main(["report", "city-summary", "--db", str(city), "--fiscal-year", "R7",
                 "-o", str(tmp_path / "x.pdf")]) == 0
    assert main(["export", "city-summary", "--db", str(city), "--fiscal-year", "2025",
                 "-o", str(tmp_path / "x.xlsx")]) == 0
    assert (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF")
    assert json.loads(return_file.read_bytes())["manifest"]["district"] == "湯田"


def _preset_with_columns(monkeypatch, columns):
    """The 山口市 preset as if its JSON chose ``columns`` for the city table."""
    import dataclasses

    from kyodo_desktop.services.council import presets

    real = presets.load_preset("yamaguchi")
    monkeypatch.setattr(presets, "load_preset", lambda code: dataclasses.replace(
        real, city_columns=tuple(columns)))


def test_the_city_preset_chooses_the_columns_of_the_table_and_the_print(
        city_store, return_file, monkeypatch):
    from kyodo_desktop.services.city.columns import DEFAULT_KEYS, city_columns

    city_file.import_return(city_store, read_return(return_file))
    assert tuple(c.key for c in city_columns(city_store)) == DEFAULT_KEYS  # yamaguchi.json
    _preset_with_columns(monkeypatch, ["council", "refund_amount", "council"])
    assert [c.key for c in city_columns(city_store)] == ["district", "council", "refund_amount"]
    pdf = report_kinds()["city-summary"].build(city_store, ReportRequest(None, 2025))
    text = "".join(page_texts(pdf))
    assert "湯田地域づくり協議会" in text and "138,615" in text  # 協議会 and 返還額 shown
    assert "10,247,000" not in text  # 交付決定額 not chosen
    _preset_with_columns(monkeypatch, ["district", "refund", "phone"])
    with pytest.raises(UserError, match="refund, phone"):
        city_columns(city_store)


def test_a_preset_with_a_broken_column_list_is_refused():
    from kyodo_desktop.services.council.presets import preset_problems

    for broken in ({"columns": "district"}, {"columns": [1, 2]}, "district", {"columns": [""]}):
        problems = preset_problems({"city_summary": broken})
        assert "city_summary.columns must be a list of column keys" in problems, broken
    assert "city_summary.columns must be a list of column keys" not in preset_problems(
        {"city_summary": {"columns": ["district", "projects"]}})


def test_the_city_file_remembers_its_preset(city_store):
    from kyodo_desktop.services.city.columns import city_preset_code

    assert city_preset_code(city_store) == "yamaguchi"
    with pytest.raises(UserError):
        city_file.make_city_file(city_store, "../../etc/passwd")
    city_file.make_city_file(city_store, "yamaguchi")
    assert city_preset_code(city_store) == "yamaguchi"
    assert city_store.scalar("SELECT value FROM settings WHERE key = 'city_preset'") == "yamaguchi"
