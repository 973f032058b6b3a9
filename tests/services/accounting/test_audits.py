"""会計監査 is recorded through the service, the CLI and the 今年度の流れ dialog: its rules
(period inside the 年度, held after the period, not absurdly late), the audit log, and the step
監査 turning 済."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.cli import main
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.services.accounting import audits
from kyodo_desktop.services.council import councils
from kyodo_desktop.services.year_path.steps import year_steps

FY = 2026


@pytest.fixture
def council(demo_store) -> int:
    return councils.find_council(demo_store, "湯田")["id"]


def _audit_step(store, council):
    return next(s for s in year_steps(store, council, FY) if s.key == "audit")


def test_recording_the_audit_marks_the_step_done_and_is_logged(demo_store, council):
    assert audits.get_audit(demo_store, council, FY) is None
    assert _audit_step(demo_store, council).done_on is None
    audits.record_audit(demo_store, council, FY, date(2027, 5, 10), opinion="適正です\x07")
    record = audits.get_audit(demo_store, council, FY)
    assert record.audited_on == date(2027, 5, 10) and record.opinion == "適正です"
    assert (record.period_from, record.period_to) == (date(2026, 4, 1), date(2027, 3, 31))
    assert _audit_step(demo_store, council).state == "done"
    assert demo_store.scalar("SELECT count(*) FROM audit_log WHERE table_name = 'audits' "
                             "AND action = 'insert'") >= 1
    audits.record_audit(demo_store, council, FY, date(2027, 5, 12))
    assert audits.get_audit(demo_store, council, FY).audited_on == date(2027, 5, 12)
    assert demo_store.scalar("SELECT count(*) FROM audits WHERE fiscal_year = ?", (FY,)) == 1


@pytest.mark.parametrize(("audited_on", "start", "end", "field"), [
    (date(2027, 3, 1), None, None, "audited_on"),         # before the period ended
    (date(2028, 6, 1), None, None, "audited_on"),         # more than a year after the 年度
    (date(2027, 5, 1), date(2026, 3, 31), None, "period_from"),  # period starts before the 年度
    (date(2027, 5, 1), date(2026, 9, 1), date(2026, 8, 1), "period_from"),  # reversed
])
def test_impossible_audits_are_refused_with_the_field(demo_store, council, audited_on, start,
                                                      end, field):
    with pytest.raises(ValidationError) as refused:
        audits.record_audit(demo_store, council, FY, audited_on, period_from=start,
                            period_to=end)
    assert refused.value.field == field
    assert audits.get_audit(demo_store, council, FY) is None


def test_cli_records_and_shows_the_audit(demo_path, capsys):
    base = ["audit", "--db", str(demo_path), "--council", "湯田", "--fiscal-year", "R8"]
    assert main(base) == 0
    assert "まだ記録されていません" in capsys.readouterr().out
    assert main([*base, "--date", "５/１０", "--opinion", "適正"]) == 0  # 5/10 of the next 年度
    assert "令和9年5月10日" in capsys.readouterr().out
    assert main([*base, "--date", "R8.3.1"]) == 2
    assert "以降の日付" in capsys.readouterr().err
