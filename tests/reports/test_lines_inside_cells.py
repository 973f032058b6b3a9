"""No printed line sticks out of its width, on the demo's printed sets: reportlab hangs a closing
mark at the end of a line (「（10月分）」 in the 出納簿 and 領収書総括表, 「センター」 in the
手引き) across the rule of its cell, over the next column; the 禁則 rules take it down with the
character before it. Only a hanging 句読点 (「、」「。」) may pass the width, into the padding."""

from __future__ import annotations

import pytest
from reportlab.platypus import Paragraph

from kyodo_desktop.reports.kinsoku import HANGING
from kyodo_desktop.reports.registry import ReportRequest, report_kinds


@pytest.fixture
def overflows(monkeypatch) -> list[tuple[float, str]]:
    """Every line laid out while the test runs that is wider than its paragraph, as
    (extra space, the line's end)."""
    found: list[tuple[float, str]] = []
    wrap = Paragraph.wrap

    def checked(self, width, height):
        result = wrap(self, width, height)
        for line in self.blPara.lines:
            if isinstance(line, tuple):
                extra, text = line[0], "".join(line[1])
            else:
                extra, text = line.extraSpace, "".join(getattr(w, "text", "") for w in line.words)
            if extra < -0.5 and text and text[-1] not in HANGING:
                found.append((extra, text[-12:]))
        return result

    monkeypatch.setattr(Paragraph, "wrap", checked)
    return found


@pytest.mark.parametrize(("kind", "year"), [("year-end", 2025), ("year-end", 2026),
                                            ("handbook", 2026), ("general-assembly", 2026)])
def test_no_line_passes_the_rule_of_its_cell(demo_store, overflows, kind, year):
    council = demo_store.scalar("SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")
    report_kinds()[kind].build(demo_store, ReportRequest(council, year, draft=True))
    assert overflows == []
