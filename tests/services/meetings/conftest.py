"""Fixtures of the meeting tests: the demo council's id and a small council with a 部会 and
officers for the service tests."""

from __future__ import annotations

import pytest

YUDA = "SELECT id FROM councils WHERE name = '湯田地域づくり協議会'"


@pytest.fixture
def yuda(demo_store) -> int:
    """The id of the fully populated demo council."""
    return demo_store.scalar(YUDA)


@pytest.fixture
def council(store) -> int:
    """A council with 5 理事-level officers (会長 and 4 理事) in office from 2025-04-01."""
    with store.transaction() as db:
        council_id = db["councils"].insert({"name": "テスト地域づくり協議会"}).last_pk
        for number, role in enumerate(["president", "director", "director", "director",
                                       "director"], start=1):
            person = db["people"].insert({"council_id": council_id,
                                          "name": f"委員 {number}"}).last_pk
            db["officer_terms"].insert({"person_id": person, "role": role,
                                        "council_id": council_id, "starts_on": "2025-04-01"})
    return council_id
