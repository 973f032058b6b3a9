"""The meetings area's row shapes have exactly the keys its functions return on the demo."""

from __future__ import annotations

import typing

from kyodo_desktop.services.meetings import agenda, assembly, records, rules
from kyodo_desktop.services.meetings import rows as meeting_rows


def check(rows, shape) -> None:
    rows = rows if isinstance(rows, list) else [rows]
    keys = set(typing.get_type_hints(shape))
    assert rows
    for row in rows:
        assert set(row) == keys, (shape.__name__, set(row) ^ keys)


def test_meeting_rows_match_their_shapes(demo_store, yuda):
    listed = records.list_meetings(demo_store, yuda, 2025)
    check(listed, meeting_rows.MeetingListRow)
    check(records.get_meeting(demo_store, listed[0]["id"]), meeting_rows.MeetingRow)
    check(assembly.ordinary_assembly(demo_store, yuda, 2025), meeting_rows.MeetingListRow)
    check(agenda.items(demo_store, listed[0]["id"]), meeting_rows.AgendaItemRow)
    check(rules.revisions(demo_store, yuda), meeting_rows.RulesRevision)
    check(rules.rules_in_force(demo_store, yuda), meeting_rows.RulesRevision)
