"""今年度の流れ: the states of the yearly steps read from the records (services/year_path) and
``kyodo-desktop status``."""

from __future__ import annotations

from datetime import date

from kyodo_desktop.cli import main
from kyodo_desktop.services.council.profile import create_council
from kyodo_desktop.services.year_path.steps import (
    DONE,
    LATER,
    NOT_NEEDED,
    NOW,
    next_steps,
    record_print,
    year_steps,
)

YUDA = "SELECT id FROM councils WHERE name = '湯田地域づくり協議会'"


def _states(steps):
    return {step.key: step.state for step in steps}


def test_the_closed_demo_year_is_done_in_every_step(demo_store):
    steps = year_steps(demo_store, demo_store.scalar(YUDA), 2025, today=lambda: date(2026, 12, 1))
    assert [s.key for s in steps][:3] == ["officers", "budget", "projects"]
    assert set(_states(steps).values()) == {DONE}
    assert next_steps(steps) == []
    assert all(s.missing == "" for s in steps)


def test_the_open_demo_year_is_at_its_bookkeeping(demo_store):
    steps = year_steps(demo_store, demo_store.scalar(YUDA), 2026, today=lambda: date(2026, 12, 1))
    states = _states(steps)
    assert [s.key for s in next_steps(steps)] == ["bookkeeping"]
    assert states["revisions"] == DONE  # 補正第1号: the 令和7年度 返還金, paid after its 精算
    assert states["audit"] == states["close"] == LATER  # they wait for the year's end
    after_the_year = year_steps(demo_store, demo_store.scalar(YUDA), 2026,
                                today=lambda: date(2027, 4, 5))
    assert _states(after_the_year)["bookkeeping"] == DONE
    assert [s.key for s in next_steps(after_the_year)] == ["audit"]


def test_a_new_council_starts_with_officers_and_budget(store):
    council_id, _changes = create_council(store, "新しい地域づくり協議会", district_name="新町")
    steps = year_steps(store, council_id, 2026, today=lambda: date(2026, 5, 1))
    assert [s.key for s in next_steps(steps)] == ["officers", "budget"]
    assert _states(steps)["projects"] == LATER and _states(steps)["handbook"] == LATER
    assert steps[0].missing and steps[1].missing


def test_a_final_handbook_print_marks_its_step_and_a_draft_does_not(store):
    council_id, _changes = create_council(store, "印刷地域づくり協議会", district_name="印刷町")
    assert not record_print(store, "handbook", council_id, 2026, draft=True)
    assert not record_print(store, "application", council_id, 2026, draft=False)
    assert record_print(store, "handbook", council_id, 2026, draft=False,
                        today=lambda: date(2026, 5, 20))
    handbook = year_steps(store, council_id, 2026)[-1]
    assert handbook.state == DONE and handbook.done_on == date(2026, 5, 20)


def test_status_prints_the_steps_and_what_to_do_now(demo_path, capsys):
    assert main(["status", "--db", str(demo_path), "--council", "湯田",
                 "--fiscal-year", "R7"]) == 0
    out = capsys.readouterr().out
    assert "令和7年度の流れ" in out and "すべて済みました" in out
    assert main(["status", "--db", str(demo_path), "--council", "湯田",
                 "--fiscal-year", "2026"]) == 0
    out = capsys.readouterr().out.splitlines()
    from kyodo_desktop.store import open_store

    with open_store(demo_path) as store:  # the same steps as the service, on today's date
        expected = year_steps(store, store.scalar(YUDA), 2026)
    labels = {DONE: "済", NOW: "今やること", LATER: "まだ", NOT_NEEDED: "対象外"}
    for step, line in zip(expected, out[1:14], strict=True):
        assert line.startswith(f"{step.number:>2}. ") and labels[step.state] in line
    for step in next_steps(expected):
        assert any(line.startswith(f"今やること: {line_title(step)}") for line in out)


def line_title(step) -> str:
    from kyodo_desktop.i18n import _

    return _(step.title)


def test_the_grant_steps_are_dated_the_day_they_became_complete(demo_store):
    """令和8年度 has three grants: the city's two (申請 4/1, paid from 4/17 and 4/24) and the
    共同募金 (申請 4/24, 決定 6/19, first paid 7/10). The 交付請求・概算払 step is complete when the
    last of them is first paid — never dated before the 申請 and 決定 it follows."""
    council = demo_store.scalar(YUDA)
    steps = {s.key: s for s in year_steps(demo_store, council, 2026,
                                          today=lambda: date(2026, 12, 1))}
    firsts = demo_store.conn.execute(
        "SELECT min(p.paid_on) FROM grants AS g JOIN grant_payments AS p ON p.grant_id = g.id "
        "WHERE g.council_id = ? AND g.fiscal_year = 2026 GROUP BY g.id", (council,)).fetchall()
    assert len(firsts) == 3
    assert steps["payments"].done_on == date.fromisoformat(max(f[0] for f in firsts))
    assert (steps["application"].done_on <= steps["decision"].done_on
            <= steps["payments"].done_on)
