"""Meetings (総会 通常/臨時, 理事会, 役員会, 部会, 実行委員会): list, create, edit, delete, and
their attendance (出席 / 委任状 / 欠席 of each 構成員) with the 定足数 of the council's rule.

A meeting belongs to the 年度 of its date and is entered in that 年度: a date outside it is
refused, as is a second 通常総会 in one 年度. The 構成員 of a new meeting are proposed from the
roster on its date (:func:`roster_members`). Names are stored as written on the day.
Every write returns ``Changes.of(MEETINGS, council_id=…)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kyodo_desktop.domain import meetings as dm
from kyodo_desktop.domain import wareki
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import MEETINGS, Changes
from kyodo_desktop.services.meetings import rules
from kyodo_desktop.services.meetings.rows import MeetingListRow, MeetingRow
from kyodo_desktop.services.meetings.validate import (
    clean_day,
    clean_line,
    clean_text,
    clean_time,
)
from kyodo_desktop.services.roster import officers
from kyodo_desktop.store import Store

#: The most 構成員 a meeting may list (a 総会 of every 自治会 and group fits easily).
MAX_MEMBERS = 2_000
#: Council roles that sit on the 理事会 / 役員会.
BOARD_ROLES = ("president", "vice_president", "secretary_general", "treasurer", "director")
OFFICER_ROLES = (*BOARD_ROLES, "auditor")

_LINES = {"place": 200, "body_name": 100, "chair_name": 100, "secretary_name": 100}
_TEXTS = ("signer_names", "guests", "proceedings", "notes")
FIELDS = ("kind", "subcommittee_id", "held_on", "start_time", "end_time", *_LINES, *_TEXTS)


@dataclass(frozen=True)
class Member:
    """A 構成員 as the attendance lists them: roster ``person_id`` (None for someone typed
    in), ``name``, ``role_text`` (e.g. 「理事」, 「〇〇自治会長」) and ``status``."""

    person_id: int | None
    name: str
    role_text: str = ""
    status: str = "present"


def get_meeting(store: Store, meeting_id: int) -> MeetingRow:
    """The meeting's row with ``held_on`` as a date, ``kind_label`` and ``fiscal_year``.
    Raises UserError when it no longer exists."""
    rows = store.query("SELECT m.*, s.name AS subcommittee_name FROM meetings m "
                       "LEFT JOIN subcommittees s ON s.id = m.subcommittee_id WHERE m.id = ?",
                       (meeting_id,))
    if not rows:
        raise UserError(_("This meeting no longer exists in the data file."))
    return _decorate(rows[0])


def _decorate(row: dict):
    held = date.fromisoformat(row["held_on"])
    return {**row, "held_on": held, "fiscal_year": wareki.fiscal_year_of(held),
            "kind_label": dm.KIND_LABELS[row["kind"]], "body": body_title(row)}


def body_title(row: dict) -> str:
    """The name of the meeting's body as printed: 「通常総会」, 「理事会」, 「防災・防犯部会」
    (the 部会's name), the 実行委員会's own name."""
    if row["kind"] == "subcommittee":
        return row.get("subcommittee_name") or row["body_name"] or dm.KIND_LABELS["subcommittee"]
    if row["kind"] == "executive_committee" and row["body_name"]:
        return row["body_name"]
    return dm.KIND_LABELS[row["kind"]]


def list_meetings(store: Store, council_id: int, fiscal_year: int) -> list[MeetingListRow]:
    """The meetings of 年度 ``fiscal_year`` by date: the rows of :func:`get_meeting` plus
    ``members``, ``present``, ``proxy`` and ``items`` (議案) counts and ``undecided`` (議案
    without a result)."""
    start, end = wareki.fiscal_year_start(fiscal_year), wareki.fiscal_year_end(fiscal_year)
    rows = store.query(
        "SELECT m.*, s.name AS subcommittee_name, "
        "(SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = m.id) AS members, "
        "(SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = m.id "
        " AND a.status = 'present') AS present, "
        "(SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = m.id "
        " AND a.status = 'proxy') AS proxy, "
        "(SELECT count(*) FROM agenda_items i WHERE i.meeting_id = m.id) AS items, "
        "(SELECT count(*) FROM agenda_items i WHERE i.meeting_id = m.id "
        " AND i.result IS NULL) AS undecided "
        "FROM meetings m LEFT JOIN subcommittees s ON s.id = m.subcommittee_id "
        "WHERE m.council_id = ? AND m.held_on BETWEEN ? AND ? ORDER BY m.held_on, m.start_time, m.id",
        (council_id, start.isoformat(), end.isoformat()))
    return [_decorate(r) for r in rows]


def _clean(store: Store, council_id: int, values: dict, fiscal_year: int) -> dict:
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    clean: dict = {}
    if "kind" in values:
        if values["kind"] not in dm.KIND_LABELS:
            raise ValidationError(_("Choose the kind of meeting."), field="kind")
        clean["kind"] = values["kind"]
    if "held_on" in values:
        day = clean_day(values["held_on"], "held_on", _("Enter the date of the meeting."))
        if not wareki.fiscal_year_contains(fiscal_year, day):
            raise ValidationError(_(
                "The date {date} is outside {fiscal_year} ({start} – {end}). Enter a date in "
                "that year, or choose the right year first.").format(
                    date=wareki.format_wareki(day),
                    fiscal_year=wareki.format_fiscal_year(fiscal_year),
                    start=wareki.format_wareki(wareki.fiscal_year_start(fiscal_year)),
                    end=wareki.format_wareki(wareki.fiscal_year_end(fiscal_year))),
                field="held_on")
        clean["held_on"] = day.isoformat()
    for key in ("start_time", "end_time"):
        if key in values:
            clean[key] = clean_time(values[key], key)
    for key, limit in _LINES.items():
        if key in values:
            clean[key] = clean_line(values[key], limit)
    for key in _TEXTS:
        if key in values:
            clean[key] = clean_text(values[key])
    if "subcommittee_id" in values:
        sub = values["subcommittee_id"]
        if sub is not None and store.scalar(
                "SELECT 1 FROM subcommittees WHERE id = ? AND council_id = ?",
                (sub, council_id)) is None:
            raise ValidationError(_("Choose a subcommittee of this council."),
                                  field="subcommittee_id")
        clean["subcommittee_id"] = sub
    return clean


def _check_whole(store: Store, council_id: int, row: dict, own_id: int | None) -> None:
    """Rules across fields: 部会 needs its 部会, times in order, one 通常総会 per 年度."""
    if row["kind"] == "subcommittee" and row.get("subcommittee_id") is None:
        raise ValidationError(_("Choose which subcommittee (部会) met."), field="subcommittee_id")
    if row.get("start_time") and row.get("end_time") and row["end_time"] < row["start_time"]:
        raise ValidationError(_("The meeting ends before it starts. Check the times."),
                              field="end_time")
    if row["kind"] == "general_ordinary":
        fiscal_year = wareki.fiscal_year_of(date.fromisoformat(row["held_on"]))
        start, end = wareki.fiscal_year_start(fiscal_year), wareki.fiscal_year_end(fiscal_year)
        other = store.scalar(
            "SELECT held_on FROM meetings WHERE council_id = ? AND kind = 'general_ordinary' "
            "AND held_on BETWEEN ? AND ? AND id IS NOT ?",
            (council_id, start.isoformat(), end.isoformat(), own_id))
        if other is not None:
            raise ValidationError(_(
                "{fiscal_year} already has its ordinary general assembly (通常総会, {date}). "
                "Enter another assembly as an extraordinary one (臨時総会).").format(
                    fiscal_year=wareki.format_fiscal_year(fiscal_year),
                    date=wareki.format_wareki(date.fromisoformat(other))), field="kind")


def create_meeting(store: Store, council_id: int, fiscal_year: int, values: dict,
                   members: list[Member] | None = None) -> tuple[int, Changes]:
    """Add a meeting of 年度 ``fiscal_year`` (``values`` keys of :data:`FIELDS`; ``kind`` and
    ``held_on`` required) with its 構成員 (default: :func:`roster_members` on its date).
    Returns ``(id, Changes)``. Raises ValidationError (date outside the 年度, unknown kind, a
    second 通常総会, bad times, too long texts)."""
    clean = _clean(store, council_id, values, fiscal_year)
    if "kind" not in clean:
        raise ValidationError(_("Choose the kind of meeting."), field="kind")
    if "held_on" not in clean:
        raise ValidationError(_("Enter the date of the meeting."), field="held_on")
    _check_whole(store, council_id, clean, None)
    if members is None:
        members = roster_members(store, council_id, clean["kind"], clean.get("subcommittee_id"),
                                 date.fromisoformat(clean["held_on"]))
    with store.transaction() as db:
        meeting_id = db["meetings"].insert({**clean, "council_id": council_id}).last_pk
        _write_members(store, meeting_id, members)
    return meeting_id, Changes.of(MEETINGS, council_id=council_id)


def update_meeting(store: Store, meeting_id: int, values: dict) -> Changes:
    """Save the given fields of a meeting (its date stays in its 年度). Raises
    ValidationError or UserError (gone)."""
    current = get_meeting(store, meeting_id)
    council_id = current["council_id"]
    clean = _clean(store, council_id, values, current["fiscal_year"])
    merged = {**current, "held_on": current["held_on"].isoformat(), **clean}
    _check_whole(store, council_id, merged, meeting_id)
    return write_row(store, "meetings", meeting_id, clean, council_id)


def write_row(store: Store, table: str, row_id: int, clean: dict | None,
              council_id: int) -> Changes:
    """Update row ``row_id`` of ``table`` with ``clean`` (None: delete it, with what cascades);
    the Changes of the council's meetings."""
    if clean is None or clean:
        with store.transaction() as db:
            if clean is None:
                db[table].delete(row_id)
            else:
                db[table].update(row_id, clean)
    return Changes.of(MEETINGS, council_id=council_id)


def delete_meeting(store: Store, meeting_id: int) -> Changes:
    """Delete a meeting with its attendance, 議案 and 決定事項."""
    return write_row(store, "meetings", meeting_id, None,
                     get_meeting(store, meeting_id)["council_id"])


# --- attendance ----------------------------------------------------------------------------------

def roster_members(store: Store, council_id: int, kind: str, subcommittee_id: int | None,
                   on: date) -> list[Member]:
    """The 構成員 the roster gives for a meeting of ``kind`` on day ``on`` (all marked 出席):
    総会 — the 会長 of each 構成団体 and the council's 役員; 理事会 — the council's 会長, 副会長,
    事務局長, 会計 and 理事; 役員会 — those and the 監事; 部会 — its 部会長, 副部会長 and 部員;
    実行委員会 — nobody (typed in). Each person once, in the roster's order."""
    council_terms = officers.list_terms(store, council_id, on=on, current_only=True,
                                        body=officers.Body(officers.COUNCIL, council_id))
    if kind in dm.GENERAL_KINDS:
        terms = [t for t in officers.list_terms(store, council_id, on=on, current_only=True)
                 if t["body_kind"] == officers.ORGANIZATION and t["role"] == "president"]
        terms += [t for t in council_terms if t["role"] in OFFICER_ROLES]
    elif kind in ("board", "officers"):
        roles = BOARD_ROLES if kind == "board" else OFFICER_ROLES
        terms = [t for t in council_terms if t["role"] in roles]
    elif kind == "subcommittee" and subcommittee_id is not None:
        terms = officers.list_terms(store, council_id, on=on, current_only=True,
                                    body=officers.Body(officers.SUBCOMMITTEE, subcommittee_id))
    else:
        terms = []
    seen: dict[int, Member] = {}
    for t in terms:
        if t["person_id"] not in seen:
            role = t["role_name"] if t["body_kind"] != officers.ORGANIZATION else (
                f"{t['body_name']}{t['role_name']}")
            seen[t["person_id"]] = Member(t["person_id"], t["person_name"], role)
    return list(seen.values())


def _write_members(store: Store, meeting_id: int, members: list[Member]) -> None:
    if len(members) > MAX_MEMBERS:
        raise ValidationError(_("A meeting can list at most {limit} members.").format(
            limit=MAX_MEMBERS), field="members")
    rows = []
    for position, m in enumerate(members, start=1):
        name = clean_line(m.name, 100)
        if not name:
            raise ValidationError(_("Every member needs a name (member {number}).").format(
                number=position), field="members")
        if m.status not in dm.ATTENDANCE_LABELS:
            raise ValidationError(_("Mark each member as present, proxy or absent."),
                                  field="members")
        rows.append({"meeting_id": meeting_id, "person_id": m.person_id, "name": name,
                     "role_text": clean_line(m.role_text, 100), "status": m.status,
                     "position": position})
    store.db["meeting_attendance"].insert_all(rows)


def members_of(store: Store, meeting_id: int) -> list[Member]:
    """The meeting's 構成員 in their order."""
    return [Member(r["person_id"], r["name"], r["role_text"], r["status"])
            for r in store.query("SELECT * FROM meeting_attendance WHERE meeting_id = ? "
                                 "ORDER BY position, id", (meeting_id,))]


def set_members(store: Store, meeting_id: int, members: list[Member]) -> Changes:
    """Replace the meeting's 構成員 and their attendance. Raises ValidationError (a member
    without a name, an unknown status, too many members, or fewer votes than a 議案 already
    counts)."""
    council_id = get_meeting(store, meeting_id)["council_id"]
    voters = sum(1 for m in members if m.status in ("present", "proxy"))
    most = store.scalar("SELECT max(coalesce(votes_for, 0) + coalesce(votes_against, 0) + "
                        "coalesce(votes_abstain, 0)) FROM agenda_items WHERE meeting_id = ?",
                        (meeting_id,)) or 0
    if most > voters:
        raise ValidationError(_(
            "A motion of this meeting counts {votes} votes, but only {voters} members are "
            "present or sent a proxy. Correct the votes first.").format(votes=most,
                                                                       voters=voters),
            field="members")
    with store.transaction() as db:
        db.execute("DELETE FROM meeting_attendance WHERE meeting_id = ?", [meeting_id])
        _write_members(store, meeting_id, members)
    return Changes.of(MEETINGS, council_id=council_id)


def attendance(store: Store, meeting_id: int) -> dm.Attendance:
    """出席・委任状・欠席 counts and the 定足数 under the council's rule for the meeting's kind."""
    meeting = get_meeting(store, meeting_id)
    rule = rules.quorum_rule(store, meeting["council_id"], meeting["kind"])
    return dm.count_attendance([m.status for m in members_of(store, meeting_id)], rule)
