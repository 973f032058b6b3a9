"""配布部数表: copies per 自治会 from the roster's 加入世帯数, spares, 回覧 rounding, the total,
a slip per 自治会 and refused requests."""

from __future__ import annotations

import pytest

from kyodo_desktop.errors import ValidationError
from kyodo_desktop.reports.distribution import build_distribution
from kyodo_desktop.reports.readback import page_texts
from kyodo_desktop.reports.registry import ReportRequest
from kyodo_desktop.services.meetings.distribution import copies_for, distribution_rows
from kyodo_desktop.services.roster.totals import roster_totals


def test_copies_follow_the_households_and_the_kind():
    assert copies_for("全戸配布", 123, 2) == 125
    assert copies_for("回覧", 123, 2) == 15  # 13 + 2
    assert copies_for("回覧", 5, 0) == 1
    assert copies_for("回覧", None, 3) == 3


def test_the_sheet_totals_the_roster_and_has_a_slip_per_association(demo_store, yuda):
    rows = distribution_rows(demo_store, yuda, 2026, "全戸配布", 2)
    totals = roster_totals(demo_store, yuda, 2026)
    assert sum(r.member_households or 0 for r in rows) == totals.member_households
    assert sum(r.copies for r in rows) == totals.member_households + 2 * len(rows)
    pdf = build_distribution(demo_store, ReportRequest(yuda, 2026, options={
        "kind": "回覧", "spares": "1"}))
    text = "".join(page_texts(pdf))
    assert text.count("配布物送付票") == len(rows)
    circulated = sum(r.copies for r in distribution_rows(demo_store, yuda, 2026, "回覧", 1))
    assert f"{circulated:,}" in text
    assert not any(p["phone"] and p["phone"] in text
                   for p in demo_store.query("SELECT phone FROM people"))


def test_bad_requests_are_refused(demo_store, yuda):
    with pytest.raises(ValidationError, match="全戸配布"):
        distribution_rows(demo_store, yuda, 2026, "郵送")
    with pytest.raises(ValidationError, match="予備"):
        distribution_rows(demo_store, yuda, 2026, "回覧", "-5")
    with pytest.raises(ValidationError, match="予備"):
        distribution_rows(demo_store, yuda, 2026, "回覧", "abc")
