"""The row shapes the meetings area hands to ui/ and reports/ (typed dicts: the keys are the
contract; tests/services/meetings/test_meeting_rows.py checks each against the demo). Dates are
``date`` objects; times ``HH:MM`` text ("" when not entered)."""

from __future__ import annotations

from datetime import date
from typing import TypedDict


class MeetingRow(TypedDict):
    """A meeting (``meetings`` row) with ``held_on`` as a date, its 年度 (``fiscal_year``),
    ``kind_label`` (通常総会 …), ``subcommittee_name`` (None unless a 部会) and ``body`` (the
    printed name of the body: 理事会, 総務部会, the 実行委員会's name)."""

    id: int
    council_id: int
    kind: str
    subcommittee_id: int | None
    body_name: str
    held_on: date
    start_time: str
    end_time: str
    place: str
    chair_name: str
    secretary_name: str
    signer_names: str
    guests: str
    proceedings: str
    notes: str
    subcommittee_name: str | None
    fiscal_year: int
    kind_label: str
    body: str


class MeetingListRow(MeetingRow):
    """A meeting in the year's list, with its counts: ``members`` (構成員), ``present``,
    ``proxy`` (委任状), ``items`` (議案) and ``undecided`` (議案 without a result)."""

    members: int
    present: int
    proxy: int
    items: int
    undecided: int


class AgendaItemRow(TypedDict):
    """A 議案 (``agenda_items`` row; ``result`` None = 未決, votes None = not counted) with
    ``result_text`` as the minutes print it (「可決（賛成12・反対1・保留0）」)."""

    id: int
    meeting_id: int
    number: int
    title: str
    proposer: str
    body: str
    proceedings: str
    result: str | None
    votes_for: int | None
    votes_against: int | None
    votes_abstain: int | None
    result_text: str


class RulesRevision(TypedDict):
    """A revision of the 規約: its date, 改正内容 (``summary``) and full text."""

    id: int
    revised_on: date
    summary: str
    body: str
