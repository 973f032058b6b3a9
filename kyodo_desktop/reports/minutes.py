"""議事録 (minutes) of one meeting: ``kyodo-desktop report minutes --meeting ID``.

The standard layout: title, 日時・場所・出席者数／定足数・議長・書記・議事録署名人, the 出席者
(by name for a small body), 来賓, 議事の経過, each 議案 with 提案者, 経過 and 結果, 決定事項 and
the follow-ups of the previous meetings, then the 署名欄 for the 議長 and each 議事録署名人.
Data: :func:`kyodo_desktop.services.meetings.minutes.minutes_data`.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from kyodo_desktop.domain import wareki
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.reports.grant_layout import escape, styles
from kyodo_desktop.reports.meeting_layout import fields_table, signature_block, text_block
from kyodo_desktop.reports.page import PageFurniture, build_pdf
from kyodo_desktop.reports.registry import ReportKind, ReportRequest
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.meetings.agenda import Action
from kyodo_desktop.services.meetings.minutes import MinutesData, minutes_data

#: Signature lines left for hand-written names when no 議事録署名人 is recorded.
BLANK_SIGNERS = 2


def _action_line(action: Action) -> str:
    parts = [action.content]
    if action.assignee:
        parts.append(f"担当：{action.assignee}")
    if action.due_on:
        parts.append(f"期限：{wareki.format_wareki(action.due_on)}")
    if action.decided_on and action.done_on is None:
        parts.append(f"（{wareki.format_wareki(action.decided_on)}決定）")
    elif action.done_on:
        parts.append(f"完了：{wareki.format_wareki(action.done_on)}")
    return "・" + "　".join(parts)


def _heading(text: str) -> Paragraph:
    st = styles()
    return Paragraph(escape(text), ParagraphStyle("minutes-heading", parent=st.subheading,
                                                  keepWithNext=1))


def minutes_story(data: MinutesData) -> list:
    """The flowables of one 議事録."""
    st = styles()
    indent = st.body.fontSize
    story: list = [Paragraph(escape(data.title), st.title), Spacer(1, 2 * mm)]
    story.append(fields_table([
        ("日時", data.when), ("場所", data.place), ("出席者数", data.attendance_text),
        ("定足数", data.quorum_text), ("議長", data.chair), ("書記", data.secretary),
        ("議事録署名人", "、".join(data.signers))]))
    if data.attendees:
        story += [_heading("出席者"), *text_block("、".join(data.attendees), indent=indent)]
    for heading, names in (("委任状提出者", data.proxies), ("欠席者", data.absentees)):
        if names:
            story += [_heading(heading), *text_block("、".join(names), indent=indent)]
    if data.guests:
        story += [_heading("来賓・オブザーバー"), *text_block(data.guests, indent=indent)]
    if data.proceedings:
        story += [_heading("議事の経過"), *text_block(data.proceedings, indent=indent)]
    if data.follow_ups:
        story += [_heading("前回までの決定事項（継続）"),
                  *text_block("\n".join(_action_line(a) for a in data.follow_ups),
                              indent=indent)]
    story.append(_heading("議事"))
    if not data.items:
        story += text_block("（議案なし）", indent=indent)
    for item in data.items:
        title = f"{item.label}　{item.title}" + (f"（提案：{item.proposer}）" if item.proposer
                                                else "")
        story.append(Paragraph(escape(title), ParagraphStyle(
            "item", parent=st.body, fontName=st.subheading.fontName, leftIndent=indent,
            keepWithNext=1, spaceBefore=3)))
        story += text_block(item.proceedings, indent=2 * indent)
        story.append(Paragraph(escape(f"結果：{item.result}"), ParagraphStyle(
            "result", parent=st.body, leftIndent=2 * indent)))
    if data.actions:
        story += [_heading("決定事項"),
                  *text_block("\n".join(_action_line(a) for a in data.actions), indent=indent)]
    signers = list(data.signers) or [""] * BLANK_SIGNERS
    closing = [Spacer(1, 6 * mm), Paragraph(escape(
        "以上、議事の経過及びその結果を明確にするため、議長及び議事録署名人がここに署名する。"),
        st.body), Spacer(1, 3 * mm),
        signature_block([("議長", data.chair)] + [("議事録署名人", s) for s in signers])]
    story.append(KeepTogether(closing))
    return story


def build_minutes(store: Store, request: ReportRequest) -> bytes:
    """``report minutes --meeting ID``: the 議事録 of one meeting. Raises UserError without
    ``--meeting`` or for a meeting that does not exist or belongs to another council."""
    meeting = request.options.get("meeting")
    if meeting in (None, ""):
        raise UserError(_("Choose the meeting whose minutes to print (on the command line: "
                          "--meeting with its number, shown on the Meetings page)."))
    try:
        meeting_id = int(meeting)
    except (TypeError, ValueError):
        raise UserError(_("The meeting number must be a whole number.")) from None
    if not 0 < meeting_id < 2**63:  # beyond SQLite's integers: no such meeting, not a traceback
        raise UserError(_("This meeting no longer exists in the data file."))
    data = minutes_data(store, request.council_id, meeting_id)
    return build_pdf(minutes_story(data), PageFurniture(title=data.title,
                                                        footer_left=data.council))


REPORTS = [ReportKind("minutes", N_("Minutes (議事録)"), build_minutes,
                      needs_fiscal_year=False, order=60)]
