"""議案 (agenda items: 第N号, title, 提案者, text, 議事の経過, result and votes) and 決定事項
(who does what by when) of a meeting; the open follow-ups of the previous meetings of the same
body are shown on the next one (:func:`follow_ups_for`).

Votes are checked against the attendance: 賛成 + 反対 + 保留 can never exceed 出席 + 委任状,
and a result 可決 / 否決 must agree with the counts when they are entered. Every write returns
``Changes.of(MEETINGS, council_id=…)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kyodo_desktop.domain import meetings as dm
from kyodo_desktop.domain import wareki
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import MEETINGS, Changes
from kyodo_desktop.services.meetings import records
from kyodo_desktop.services.meetings.rows import AgendaItemRow
from kyodo_desktop.services.meetings.validate import (
    clean_line,
    clean_optional_day,
    clean_text,
    clean_votes,
)
from kyodo_desktop.store import Store

ITEM_FIELDS = ("number", "title", "proposer", "body", "proceedings", "result", "votes_for",
               "votes_against", "votes_abstain")
VOTES = ("votes_for", "votes_against", "votes_abstain")


def items(store: Store, meeting_id: int) -> list[AgendaItemRow]:
    """The meeting's 議案 by number: every column of agenda_items plus ``result_text``
    (「可決（賛成12・反対1・保留0）」)."""
    rows = store.query("SELECT * FROM agenda_items WHERE meeting_id = ? ORDER BY number",
                       (meeting_id,))
    return [{**r, "result_text": dm.result_text(r["result"], tuple(r[v] for v in VOTES))}
            for r in rows]


def _item(store: Store, item_id: int) -> dict:
    rows = store.query("SELECT * FROM agenda_items WHERE id = ?", (item_id,))
    if not rows:
        raise UserError(_("This motion no longer exists in the data file."))
    return rows[0]


def _clean_item(values: dict) -> dict:
    unknown = set(values) - set(ITEM_FIELDS)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    clean: dict = {}
    if "number" in values:
        number = clean_votes(values["number"], "number")
        if number is None or not 1 <= number <= 999:
            raise ValidationError(_("Enter the motion's number (第N号) from 1 to 999."),
                                  field="number")
        clean["number"] = number
    if "title" in values:
        clean["title"] = clean_line(values["title"], 300)
        if not clean["title"]:
            raise ValidationError(_("Enter the motion's title."), field="title")
    if "proposer" in values:
        clean["proposer"] = clean_line(values["proposer"], 100)
    for key in ("body", "proceedings"):
        if key in values:
            clean[key] = clean_text(values[key])
    if "result" in values:
        if values["result"] not in (None, *dm.RESULT_LABELS):
            raise ValidationError(_("Choose the result: approved, rejected or continued."),
                                  field="result")
        clean["result"] = values["result"]
    for key in VOTES:
        if key in values:
            clean[key] = clean_votes(values[key], key)
    return clean


def _check_votes(store: Store, meeting_id: int, row: dict) -> None:
    """Votes within the attendance and agreeing with the result."""
    counts = [row.get(v) for v in VOTES]
    total = sum(c or 0 for c in counts)
    voters = records.attendance(store, meeting_id).voters
    if total > voters:
        raise ValidationError(_(
            "The votes ({votes}) are more than the members present or with a proxy ({voters}). "
            "Check the counts.").format(votes=total, voters=voters), field="votes_for")
    yes, no = row.get("votes_for"), row.get("votes_against")
    if yes is None or no is None:
        return
    if row.get("result") == "approved" and yes <= no:
        raise ValidationError(_("The motion cannot be approved with {yes} votes for and {no} "
                                "against. Check the result or the counts.").format(yes=yes, no=no),
                              field="result")
    if row.get("result") == "rejected" and yes > no:
        raise ValidationError(_("The motion cannot be rejected with {yes} votes for and {no} "
                                "against. Check the result or the counts.").format(yes=yes, no=no),
                              field="result")


def _check_number(store: Store, meeting_id: int, number: int, own_id: int | None) -> None:
    if store.scalar("SELECT 1 FROM agenda_items WHERE meeting_id = ? AND number = ? "
                    "AND id IS NOT ?", (meeting_id, number, own_id)):
        raise ValidationError(_("This meeting already has motion No. {number} (第{number}号). "
                                "Choose another number.").format(number=number), field="number")


def add_item(store: Store, meeting_id: int, values: dict) -> tuple[int, Changes]:
    """Add a 議案 (``values`` keys of :data:`ITEM_FIELDS`; ``title`` required, ``number``
    defaults to the next). Returns ``(id, Changes)``. Raises ValidationError (no title, number
    taken or out of range, votes beyond the attendance or against the result)."""
    council_id = records.get_meeting(store, meeting_id)["council_id"]
    clean = _clean_item(values)
    if not clean.get("title"):
        raise ValidationError(_("Enter the motion's title."), field="title")
    if "number" not in clean:
        clean["number"] = store.scalar("SELECT coalesce(max(number), 0) + 1 FROM agenda_items "
                                       "WHERE meeting_id = ?", (meeting_id,))
    _check_number(store, meeting_id, clean["number"], None)
    _check_votes(store, meeting_id, clean)
    with store.transaction() as db:
        item_id = db["agenda_items"].insert({**clean, "meeting_id": meeting_id}).last_pk
    return item_id, Changes.of(MEETINGS, council_id=council_id)


def update_item(store: Store, item_id: int, values: dict) -> Changes:
    """Save the given fields of a 議案; the same checks as :func:`add_item`."""
    current = _item(store, item_id)
    meeting_id = current["meeting_id"]
    council_id = records.get_meeting(store, meeting_id)["council_id"]
    clean = _clean_item(values)
    if "number" in clean:
        _check_number(store, meeting_id, clean["number"], item_id)
    _check_votes(store, meeting_id, {**current, **clean})
    return records.write_row(store, "agenda_items", item_id, clean, council_id)


def delete_item(store: Store, item_id: int) -> Changes:
    """Delete a 議案."""
    meeting_id = _item(store, item_id)["meeting_id"]
    return records.write_row(store, "agenda_items", item_id, None,
                             records.get_meeting(store, meeting_id)["council_id"])


# --- 決定事項 and follow-ups -----------------------------------------------------------------------

@dataclass(frozen=True)
class Action:
    """A 決定事項: ``content``, who (``assignee``), by when (``due_on``), ``done_on`` (None =
    open) and, for a follow-up, the day of the meeting that decided it (``decided_on``)."""

    content: str
    assignee: str = ""
    due_on: date | None = None
    done_on: date | None = None
    decided_on: date | None = None
    id: int | None = None


def actions(store: Store, meeting_id: int) -> list[Action]:
    """The meeting's 決定事項 in order."""
    return [_action(r) for r in store.query(
        "SELECT a.*, m.held_on FROM meeting_actions a JOIN meetings m ON m.id = a.meeting_id "
        "WHERE a.meeting_id = ? ORDER BY a.position, a.id", (meeting_id,))]


def _action(row: dict) -> Action:
    def day(value):
        return None if value is None else date.fromisoformat(value)
    return Action(row["content"], row["assignee"], day(row["due_on"]), day(row["done_on"]),
                  day(row["held_on"]), row["id"])


def set_actions(store: Store, meeting_id: int, entries: list[Action]) -> Changes:
    """Replace the meeting's 決定事項. Raises ValidationError (no content; a 期限 or 完了日
    before the meeting)."""
    meeting = records.get_meeting(store, meeting_id)
    rows = []
    for position, a in enumerate(entries, start=1):
        content = clean_text(a.content, 2_000)
        if not content:
            raise ValidationError(_("Enter what was decided (item {number}).").format(
                number=position), field="content")
        due = clean_optional_day(a.due_on, "due_on")
        done = clean_optional_day(a.done_on, "done_on")
        for value in (due, done):
            if value is not None and value < meeting["held_on"]:
                raise ValidationError(_(
                    "The date {date} of item {number} is before the meeting ({held}).").format(
                        date=wareki.format_wareki(value), number=position,
                        held=wareki.format_wareki(meeting["held_on"])), field="due_on")
        rows.append({"meeting_id": meeting_id, "content": content,
                     "assignee": clean_line(a.assignee, 100),
                     "due_on": None if due is None else due.isoformat(),
                     "done_on": None if done is None else done.isoformat(),
                     "position": position})
    with store.transaction() as db:
        db.execute("DELETE FROM meeting_actions WHERE meeting_id = ?", [meeting_id])
        db["meeting_actions"].insert_all(rows)
    return Changes.of(MEETINGS, council_id=meeting["council_id"])


def follow_ups_for(store: Store, meeting_id: int) -> list[Action]:
    """The follow-ups shown on a meeting: every 決定事項 of the earlier meetings of the same
    body (same kind; same 部会 or 実行委員会 name) that was open on the meeting's day — not done,
    or done only on or after it — oldest first."""
    m = records.get_meeting(store, meeting_id)
    kinds = dm.GENERAL_KINDS if m["kind"] in dm.GENERAL_KINDS else (m["kind"],)
    marks = ", ".join("?" * len(kinds))
    rows = store.query(
        "SELECT a.*, m.held_on FROM meeting_actions a JOIN meetings m ON m.id = a.meeting_id "
        f"WHERE m.council_id = ? AND m.kind IN ({marks}) AND m.subcommittee_id IS ? "
        "AND m.body_name = ? AND m.held_on < ? AND (a.done_on IS NULL OR a.done_on >= ?) "
        "ORDER BY m.held_on, a.position, a.id",
        (m["council_id"], *kinds, m["subcommittee_id"], m["body_name"],
         m["held_on"].isoformat(), m["held_on"].isoformat()))
    return [_action(r) for r in rows]
