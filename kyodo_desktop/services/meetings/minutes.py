"""Plain data of a meeting's 議事録 (minutes) in the standard layout: 日時, 場所, 出席者数 and
定足数 (with the rule and whether the meeting was 成立), 議長・書記, 議事 (each 議案 with its
経過 and 結果), 決定事項, the open follow-ups of the previous meetings, and the 署名欄 for the
議長 and each 議事録署名人. The report (:mod:`kyodo_desktop.reports.minutes`) only lays it out.
"""

from __future__ import annotations

from dataclasses import dataclass

from kyodo_desktop.domain import meetings as dm
from kyodo_desktop.domain import wareki
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.council import councils
from kyodo_desktop.services.meetings import agenda, records
from kyodo_desktop.store import Store

#: Meetings with at most this many 構成員 list the attendees by name (a 理事会, a 部会).
NAMED_ATTENDANCE_UP_TO = 40


@dataclass(frozen=True)
class MinutesItem:
    """One 議案 as the minute prints it: 「第1号議案」, title, 提案者, 経過, 結果 text."""

    label: str
    title: str
    proposer: str
    proceedings: str
    result: str


@dataclass(frozen=True)
class MinutesData:
    """Everything a 議事録 prints (texts already formatted, 和暦 dates)."""

    council: str
    title: str
    when: str
    place: str
    attendance: dm.Attendance
    attendance_text: str
    quorum_text: str
    attendees: tuple[str, ...]
    proxies: tuple[str, ...]
    absentees: tuple[str, ...]
    guests: str
    chair: str
    secretary: str
    signers: tuple[str, ...]
    proceedings: str
    items: tuple[MinutesItem, ...]
    actions: tuple[agenda.Action, ...]
    follow_ups: tuple[agenda.Action, ...]


def _when(meeting: dict) -> str:
    text = wareki.format_wareki(meeting["held_on"], "weekday")
    times = "〜".join(t for t in (meeting["start_time"], meeting["end_time"]) if t)
    return f"{text}　{times}" if times else text


def _attendance_texts(a: dm.Attendance) -> tuple[str, str]:
    counts = f"構成員{a.members}名中　出席{a.present}名"
    if a.proxy:
        counts += f"（ほか委任状{a.proxy}名）"
    counts += f"　欠席{a.absent}名"
    source = f"（{a.rule.source}）" if a.rule.source else ""
    verdict = "本会議は成立した" if a.met else "定足数に達せず、本会議は成立していない"
    quorum = f"定足数{a.quorum}名　{a.rule.describe()}{source}　出席{a.attending}名により{verdict}。"
    return counts, quorum


def minutes_data(store: Store, council_id: int, meeting_id: int) -> MinutesData:
    """The 議事録 of meeting ``meeting_id``. Raises UserError when the meeting does not exist
    or belongs to another council."""
    meeting = records.get_meeting(store, meeting_id)
    if meeting["council_id"] != council_id:
        raise UserError(_("Meeting {id} belongs to another council. Choose the council with "
                          "--council or check the meeting number.").format(id=meeting_id))
    council = councils.council_row(store, council_id)["name"]
    members = records.members_of(store, meeting_id)
    att = records.attendance(store, meeting_id)
    counts, quorum = _attendance_texts(att)
    named = len(members) <= NAMED_ATTENDANCE_UP_TO

    def names(*statuses: str) -> tuple[str, ...]:
        return tuple(f"{m.name}（{m.role_text}）" if m.role_text else m.name
                     for m in members if m.status in statuses) if named else ()

    year = wareki.format_fiscal_year(meeting["fiscal_year"])
    return MinutesData(
        council=council, title=f"{year}　{council}　{meeting['body']}　議事録",
        when=_when(meeting), place=meeting["place"], attendance=att, attendance_text=counts,
        quorum_text=quorum, attendees=names("present"), proxies=names("proxy"),
        absentees=names("absent"),
        guests=meeting["guests"], chair=meeting["chair_name"],
        secretary=meeting["secretary_name"],
        signers=tuple(s for s in meeting["signer_names"].splitlines() if s.strip()),
        proceedings=meeting["proceedings"],
        items=tuple(MinutesItem(f"第{i['number']}号議案", i["title"], i["proposer"],
                                i["proceedings"], i["result_text"])
                    for i in agenda.items(store, meeting_id)),
        actions=tuple(agenda.actions(store, meeting_id)),
        follow_ups=tuple(agenda.follow_ups_for(store, meeting_id)))
