"""Demo step 7: 湯田's 規約 (制定 and two 改正), its 定足数 rules, the 通常総会 of 2025 and 2026
with their results, a 理事会 every month (2nd Thursday, up to the demo's today) and each 部会
four times a year, with attendance from the roster, 議案 with results and votes, and 決定事項
(the older ones done, the newest still open).

Written through the meeting services (so the demo passes their checks); deterministic through
``ctx.rng``. Static texts: ``resources/demo/meetings.json``.
"""

from __future__ import annotations

from datetime import date, timedelta

from kyodo_desktop.demo.common import TODAY, YEARS, DemoContext, fy_date, load, nendo
from kyodo_desktop.domain.meetings import QuorumRule
from kyodo_desktop.services.meetings import agenda, assembly, records, rules
from kyodo_desktop.services.meetings.records import Member

#: The 通常総会 of each demo year (Sundays after the 年度 began).
ASSEMBLY_DAYS = {2025: date(2025, 4, 27), 2026: date(2026, 4, 26)}
#: The months the 部会 meet.
SUBCOMMITTEE_MONTHS = (5, 8, 11, 2)


def build_meetings(ctx: DemoContext) -> None:
    """Write the 規約, rules and meetings of the demo council (湯田)."""
    data = load("meetings")
    _rules(ctx, data)
    open_actions: list[int] = []
    for year in YEARS:
        _assembly(ctx, data, year)
        _boards(ctx, data, year, open_actions)
        _subcommittees(ctx, data, year)


def _rules(ctx: DemoContext, data: dict) -> None:
    articles = data["rules"]
    for index, revision in enumerate(data["rules_revisions"]):
        # each revision's text: the articles with the 附則 lines of the revisions so far
        supplementary = articles[-1].split("\n")
        body = "\n\n".join([*articles[:-1], "\n".join(supplementary[:2 * (index + 1)])])
        rules.add_revision(ctx.store, ctx.council_id, revision["revised_on"], body,
                           revision["summary"])
    for kind, (numerator, denominator, strict, proxies, source) in data["quorum"].items():
        rules.set_quorum_rule(ctx.store, ctx.council_id, kind,
                              QuorumRule(numerator, denominator, bool(strict), bool(proxies),
                                         source))


def _mark(ctx: DemoContext, members: list[Member], *, proxies: bool) -> list[Member]:
    """Attendance: about 75 % 出席, the rest 委任状 (when the rule knows them) or 欠席."""
    marked = []
    for m in members:
        roll = ctx.rng.random()
        status = "present" if roll < 0.75 else ("proxy" if proxies and roll < 0.93 else "absent")
        marked.append(Member(m.person_id, m.name, m.role_text, status))
    return marked


def _votes(ctx: DemoContext, voters: int) -> dict:
    if voters == 0:
        return {"result": "continued"}
    against = ctx.rng.choice((0, 0, 0, 1)) if voters > 4 else 0
    abstain = ctx.rng.choice((0, 0, 1, 2)) if voters > 6 else 0
    return {"result": "approved", "votes_for": voters - against - abstain,
            "votes_against": against, "votes_abstain": abstain}


def _officer_name(ctx: DemoContext, key: str) -> str:
    return ctx.names.get(ctx.refs.get(key, 0), "")


def _signers(ctx: DemoContext, members: list[Member], chair: str) -> str:
    present = [m.name for m in members if m.status == "present" and m.name != chair]
    return "\n".join(ctx.rng.sample(present, 2)) if len(present) >= 2 else ""


def _meeting(ctx: DemoContext, year: int, values: dict, proxies: bool,
             chair: str | None = None) -> tuple[int, list[Member]]:
    """Create one meeting with marked attendance; ``chair`` None: a present member chairs."""
    day = values["held_on"]
    members = _mark(ctx, records.roster_members(ctx.store, ctx.council_id, values["kind"],
                                                values.get("subcommittee_id"), day),
                    proxies=proxies)
    present = [m.name for m in members if m.status == "present"]
    chair = chair if chair in present else (present[0] if present else "")
    values = {**values, "chair_name": chair,
              "secretary_name": _officer_name(ctx, "officer:office_staff_1"),
              "signer_names": _signers(ctx, members, chair)}
    meeting_id, _changes = records.create_meeting(ctx.store, ctx.council_id, year, values,
                                                  members)
    return meeting_id, members


def _assembly(ctx: DemoContext, data: dict, year: int) -> None:
    day = ASSEMBLY_DAYS[year]
    meeting_id, members = _meeting(ctx, year, {
        "kind": "general_ordinary", "held_on": day, "start_time": "13:30", "end_time": "15:00",
        "place": data["place"], "guests": "山口市協働推進課長、湯田地域交流センター所長",
        "proceedings": "事務局長の開会のことばに続き、会長あいさつ、来賓祝辞があった。出席者の中から"
                       "議長を選出し、議事に入った。"}, proxies=True,
        chair=ctx.rng.choice([m.name for m in records.roster_members(
            ctx.store, ctx.council_id, "general_ordinary", None, day)[:20]]))
    voters = sum(1 for m in members if m.status != "absent")
    if str(year) in data["assembly_texts"]:
        for section, body in data["assembly_texts"][str(year)].items():
            assembly.set_text(ctx.store, ctx.council_id, year, section, body)
    for number, (title, proposer) in enumerate(data["assembly_items"], start=1):
        agenda.add_item(ctx.store, meeting_id, {
            "number": number, "title": title.format(previous=nendo(year - 1),
                                                    current=nendo(year)),
            "proposer": proposer, "proceedings": ctx.rng.choice(data["proceedings"]),
            **_votes(ctx, voters)})


def _second_thursday(year: int, month: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 7)


def _boards(ctx: DemoContext, data: dict, year: int, open_actions: list[int]) -> None:
    """A 理事会 each month; its 決定事項 are done before the next one."""
    president = _officer_name(ctx, "officer:president")
    for month in (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3):
        day = _second_thursday(fy_date(year, month, 1).year, month)
        if day > TODAY:
            break
        meeting_id, members = _meeting(ctx, year, {
            "kind": "board", "held_on": day, "start_time": "19:00", "end_time": "20:30",
            "place": data["small_place"]}, proxies=False, chair=president)
        voters = sum(1 for m in members if m.status == "present")
        for number, (title, proposer) in enumerate(ctx.rng.sample(data["board_items"], 2),
                                                   start=1):
            agenda.add_item(ctx.store, meeting_id, {
                "number": number, "title": title, "proposer": proposer,
                "proceedings": ctx.rng.choice(data["proceedings"]), **_votes(ctx, voters)})
        _close_actions(ctx, open_actions, day)
        content, assignee = ctx.rng.choice(data["actions"])
        agenda.set_actions(ctx.store, meeting_id, [agenda.Action(
            content, assignee, day + timedelta(days=21))])
        open_actions.append(meeting_id)


def _close_actions(ctx: DemoContext, meeting_ids: list[int], day: date) -> None:
    """Mark the open 決定事項 of earlier meetings done a few days before ``day``."""
    for meeting_id in meeting_ids:
        done = [agenda.Action(a.content, a.assignee, a.due_on,
                              a.done_on or max(a.decided_on or day, day - timedelta(days=5)))
                for a in agenda.actions(ctx.store, meeting_id)]
        agenda.set_actions(ctx.store, meeting_id, done)
    meeting_ids.clear()


def _subcommittees(ctx: DemoContext, data: dict, year: int) -> None:
    names = [row[0] for row in load("places")["subcommittees"]]
    for offset, name in enumerate(names):
        sub_id = ctx.refs[f"sub:{name}"]
        for number, month in enumerate(SUBCOMMITTEE_MONTHS):
            day = fy_date(year, month, 14 + offset)
            if day > TODAY:
                break
            meeting_id, members = _meeting(ctx, year, {
                "kind": "subcommittee", "subcommittee_id": sub_id, "held_on": day,
                "start_time": "18:30", "end_time": "20:00", "place": data["small_place"]},
                proxies=True)
            voters = sum(1 for m in members if m.status != "absent")
            agenda.add_item(ctx.store, meeting_id, {
                "number": 1, "title": data["subcommittee_items"][number], "proposer": "部会長",
                "proceedings": ctx.rng.choice(data["proceedings"]), **_votes(ctx, voters)})
