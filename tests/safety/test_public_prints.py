"""Public prints carry no personal contact: the plan booklet, the performance-report set with its
事業実績書, and the handbook's public edition contain no person's phone, email or address, while
the handbook's staff edition (the control) does."""

from __future__ import annotations

import re

import pytest

from kyodo_desktop.reports.readback import page_texts
from kyodo_desktop.reports.registry import ReportRequest, report_kinds

from .conftest import yuda_id


def _personal_values(store, council_id) -> set[str]:
    rows = store.query("SELECT phone, email, address FROM people WHERE council_id = ?",
                       (council_id,))
    return {value for row in rows for value in row.values() if value and len(value) >= 8}


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _print(store, kind, year, **options) -> str:
    request = ReportRequest(yuda_id(store), year, options=options)
    return _flat("".join(page_texts(report_kinds()[kind].build(store, request))))


@pytest.mark.parametrize(("kind", "year", "options"), [
    ("plan", None, {}),
    ("performance-report", 2025, {}),
    ("handbook", 2026, {"edition": "public", "large_print": False, "booklet": False}),
])
def test_public_prints_leave_out_personal_contacts(demo_store, kind, year, options):
    personal = _personal_values(demo_store, yuda_id(demo_store))
    assert len(personal) > 50
    text = _print(demo_store, kind, year, **options)
    assert len(text) > 500
    leaked = sorted(value for value in personal if _flat(value) in text)
    assert leaked == []


def test_the_staff_handbook_does_show_contacts(demo_store):
    personal = _personal_values(demo_store, yuda_id(demo_store))
    text = _print(demo_store, "handbook", 2026, edition="staff", large_print=False,
                  booklet=False)
    assert sum(_flat(value) in text for value in personal) >= 10
