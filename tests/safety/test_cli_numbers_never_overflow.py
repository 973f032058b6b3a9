"""A number on the command line too large for SQLite's integers (2^63 and beyond) or negative,
given as the meeting, person, 交付請求 or 予備 of a report, is 「エラー: …」 with exit 2 and the
data file unchanged — `report minutes --meeting 10^30` was an OverflowError traceback."""

from __future__ import annotations

import pytest

from .conftest import file_digests, run_cli

COUNCIL = ("--council", "湯田地域づくり協議会")
OPTIONS = [
    ("minutes", "--meeting"),
    ("consent-form", "--person"),
    ("payment-request", "--payment"),
    ("distribution", "--spares"),
]


@pytest.mark.parametrize("value", [str(2**63), "9" * 30, "-1"])
@pytest.mark.parametrize(("report", "option"), OPTIONS, ids=[o[0] for o in OPTIONS])
def test_a_number_out_of_range_is_an_error(capsys, demo_path, tmp_path, report, option, value):
    before = file_digests(demo_path)
    code, _out, err = run_cli(capsys, "report", report, "--db", demo_path, *COUNCIL,
                              "--fiscal-year", "2026", option, value, "-o",
                              tmp_path / "out.pdf")
    assert code == 2 and err.startswith("エラー:"), err
    assert file_digests(demo_path) == before
    assert not (tmp_path / "out.pdf").exists()
