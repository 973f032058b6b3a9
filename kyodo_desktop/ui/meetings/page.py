"""The 会議・総会 area: the meetings of the 年度 (list), an editor of the selected one in three
tabs (基本: kind, date, place, 議長・書記・署名人 chosen from the 構成員 and the roster or typed,
議事の経過; 出席: each 構成員 出席 / 委任状 /
欠席 with the 定足数; 議案: number, title, 提案者, 結果 and votes, 経過 of the selected 議案),
the follow-ups of the previous meeting of the same body, the print buttons and the 行事予定
month view (calendar_dialog.py). Every save is
one undo step (ui/commands.save_with_undo); the services check the input."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain import meetings as dm
from kyodo_desktop.domain import wareki
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import MEETINGS, ROSTER
from kyodo_desktop.services.meetings import agenda, records
from kyodo_desktop.services.roster.people import list_people
from kyodo_desktop.ui.commands import save_with_undo
from kyodo_desktop.ui.context import AppContext
from kyodo_desktop.ui.meetings.people_choice import NameChooser, SignerChooser, names_for
from kyodo_desktop.ui.meetings.printing import MeetingPrinting
from kyodo_desktop.ui.meetings.tables import ActionsTable, AgendaTable, AttendanceTable
from kyodo_desktop.ui.shell.errors import show_error


class MeetingsPage(QWidget):
    """The 会議・総会 area of the context's council and 年度."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id: int | None = None
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.calendar_button = QPushButton(_("Calendar…"), self)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.calendar_button)
        layout.addLayout(top)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(_("New meeting"), self)
        self.delete_button = QPushButton(_("Delete meeting"), self)
        self.save_button = QPushButton(_("Save"), self)
        self.minutes_button = QPushButton(_("Print minutes"), self)
        self.assembly_button = QPushButton(_("Print assembly papers"), self)
        self.papers_button = QPushButton(_("Papers and rules…"), self)
        for button in (self.new_button, self.delete_button, self.save_button,
                       self.minutes_button, self.assembly_button, self.papers_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        splitter = QSplitter(self)
        self.list = QListWidget(splitter)
        self.list.setMinimumWidth(210)
        # a long name (「R8.5.15　防災・防犯部会 (未決: 2)」) wraps at large text: never cut off
        # behind a horizontal scroll bar
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tabs = QTabWidget(splitter)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self._build_basic()
        self.attendance = AttendanceTable(self)
        self.tabs.addTab(self.attendance, _("Attendance"))
        self.agenda = AgendaTable(self)
        self.tabs.addTab(self.agenda, _("Motions"))
        self.decisions = ActionsTable(self)
        self.tabs.addTab(self.decisions, _("Decisions"))
        self.printing = MeetingPrinting(context, meeting_id=lambda: self.meeting_id,
                                        save=self.save, status=self.status, parent=self)
        self.new_button.clicked.connect(self.new_meeting)
        self.delete_button.clicked.connect(self.delete_meeting)
        self.save_button.clicked.connect(self.save)
        self.minutes_button.clicked.connect(lambda: self.printing.print_minutes())
        self.assembly_button.clicked.connect(lambda: self.printing.print_assembly())
        self.papers_button.clicked.connect(self.edit_papers)
        self.calendar_button.clicked.connect(self.show_calendar)
        self.list.currentItemChanged.connect(self._selected)
        context.changed.connect(self._changed)
        context.council_changed.connect(lambda _c: self.refresh())
        context.fiscal_year_changed.connect(lambda _y: self.refresh())
        self.refresh()

    def _build_basic(self) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        self.kind = QComboBox(page)
        for code, label in dm.KIND_LABELS.items():
            self.kind.addItem(label, code)
        self.subcommittee = QComboBox(page)
        self.held_on = QLineEdit(page)
        self.held_on.setPlaceholderText(_("e.g. R8.4.26"))
        times = QHBoxLayout()
        self.start_time, self.end_time = QLineEdit(page), QLineEdit(page)
        for edit in (self.start_time, self.end_time):
            edit.setPlaceholderText("13:30")
            times.addWidget(edit)
        self.place, self.body_name = QLineEdit(page), QLineEdit(page)
        self.chair, self.secretary = NameChooser(page), NameChooser(page)
        self.signers = SignerChooser(page)
        self.proceedings = QPlainTextEdit(page)
        self.follow_ups = QLabel(page)
        self.follow_ups.setWordWrap(True)
        rows = ((_("Kind"), self.kind), (_("Subcommittee"), self.subcommittee),
                (_("Name of the committee"), self.body_name), (_("Date"), self.held_on),
                (_("Time (from – to)"), times), (_("Place"), self.place),
                (_("Chair (議長)"), self.chair), (_("Minute taker (書記)"), self.secretary),
                (_("Minute signers"), self.signers), (_("Proceedings"), self.proceedings),
                (_("Open follow-ups"), self.follow_ups))
        for label, widget in rows:
            form.addRow(label, widget)
        self.tabs.addTab(page, _("Meeting"))

    # --- showing ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the list of the context's 年度 and keep the selection where possible."""
        keep = self.meeting_id
        self.list.blockSignals(True)
        self.list.clear()
        self.subcommittee.clear()
        council = self.context.council_id
        year = self.context.fiscal_year
        self.heading.setText(_("Meetings of {fiscal_year}").format(
            fiscal_year=wareki.format_fiscal_year(year)))
        rows = [] if council is None else records.list_meetings(self.context.store, council, year)
        if council is not None:
            self.subcommittee.addItem("", None)
            for sub in _subcommittees(self.context.store, council):
                self.subcommittee.addItem(sub["name"], sub["id"])
        for row in rows:
            text = f"{wareki.format_wareki(row['held_on'], 'short')}　{row['body']}"
            if row["undecided"]:
                text += _(" (undecided: {count})").format(count=row["undecided"])
            item = QListWidgetItem(text)
            item.setData(256, row["id"])
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [r["id"] for r in rows]
        self.meeting_id = None
        if ids:
            self.list.setCurrentRow(ids.index(keep) if keep in ids else 0)
        self._show()

    def _selected(self, current, _previous) -> None:
        self.meeting_id = None if current is None else current.data(256)
        self._show()

    def _show(self) -> None:
        has = self.meeting_id is not None
        for widget in (self.tabs, self.delete_button, self.save_button, self.minutes_button):
            widget.setEnabled(has)
        self.new_button.setEnabled(self.context.council_id is not None)
        self.assembly_button.setEnabled(self.context.council_id is not None)
        self.papers_button.setEnabled(self.context.council_id is not None)
        self.calendar_button.setEnabled(self.context.council_id is not None)
        if not has:
            self.attendance.show_members([], None)
            self.agenda.show_items([])
            self.decisions.show_actions([])
            return
        store = self.context.store
        m = records.get_meeting(store, self.meeting_id)
        self.kind.setCurrentIndex(self.kind.findData(m["kind"]))
        self.subcommittee.setCurrentIndex(max(0, self.subcommittee.findData(m["subcommittee_id"])))
        self.body_name.setText(m["body_name"])
        self.held_on.setText(wareki.format_wareki(m["held_on"]))
        self.start_time.setText(m["start_time"])
        self.end_time.setText(m["end_time"])
        self.place.setText(m["place"])
        members = records.members_of(store, self.meeting_id)
        names = names_for([member.name for member in members],
                          [p["name"] for p in list_people(store, self.context.council_id)])
        for chooser in (self.chair, self.secretary, self.signers):
            chooser.set_names(names)
        self.chair.setText(m["chair_name"])
        self.secretary.setText(m["secretary_name"])
        self.signers.setText("、".join(m["signer_names"].splitlines()))
        self.proceedings.setPlainText(m["proceedings"])
        follow = agenda.follow_ups_for(store, self.meeting_id)
        self.follow_ups.setText("\n".join(
            f"・{a.content}（{a.assignee}）" for a in follow) or _("None"))
        self.attendance.show_members(members, records.attendance(store, self.meeting_id))
        self.agenda.show_items(agenda.items(store, self.meeting_id))
        self.decisions.show_actions(agenda.actions(store, self.meeting_id))

    def _changed(self, changes) -> None:
        if changes.touches(MEETINGS, ROSTER) and changes.concerns(self.context.council_id):
            self.refresh()

    # --- editing ---------------------------------------------------------------------------------

    def _values(self) -> dict:
        return {"kind": self.kind.currentData(), "subcommittee_id": self.subcommittee.currentData(),
                "body_name": self.body_name.text(), "held_on": self.held_on.text(),
                "start_time": self.start_time.text(), "end_time": self.end_time.text(),
                "place": self.place.text(), "chair_name": self.chair.text(),
                "secretary_name": self.secretary.text(),
                "signer_names": "\n".join(s for s in self.signers.text().replace(",", "、")
                                          .split("、") if s.strip()),
                "proceedings": self.proceedings.toPlainText()}

    def save(self) -> bool:
        """Store the editor's meeting, attendance and 議案 as one undo step; False (and the
        message shown) when the services refuse something."""
        if self.meeting_id is None:
            return True
        meeting, store = self.meeting_id, self.context.store

        def operation():
            changes = records.update_meeting(store, meeting, self._values())
            for item_id in self.agenda.deleted:
                changes |= agenda.delete_item(store, item_id)
            changes |= records.set_members(store, meeting, self.attendance.members())
            for item_id, values in self.agenda.rows():
                if item_id is None:
                    changes |= agenda.add_item(store, meeting, values)[1]
                else:
                    changes |= agenda.update_item(store, item_id, values)
            return changes | agenda.set_actions(store, meeting, self.decisions.actions())
        try:
            save_with_undo(self.context, _("Save the meeting"), operation)
        except UserError as error:
            show_error(error, self)
            return False
        self.status.setText(_("Saved."))
        return True

    def new_meeting(self) -> int | None:
        """Add a 理事会 on the first day of the 年度 (or today when it lies in the 年度) with
        the board from the roster; the user then edits it."""
        from datetime import date

        year = self.context.fiscal_year
        today = date.today()
        day = today if wareki.fiscal_year_contains(year, today) else wareki.fiscal_year_start(year)
        try:
            new_id, _changes = save_with_undo(self.context, _("Add a meeting"), lambda: (
                records.create_meeting(self.context.store, self.context.council_id, year,
                                       {"kind": "board", "held_on": day})))
        except UserError as error:
            show_error(error, self)
            return None
        self.meeting_id = new_id
        self.refresh()
        return new_id

    def edit_papers(self):
        """Open the 議案書の文章・規約 dialog (returned, for tests)."""
        from kyodo_desktop.ui.meetings.papers_dialog import PapersDialog

        dialog = PapersDialog(self.context, self)
        dialog.open()
        return dialog

    def show_calendar(self):
        """Open the 行事予定 month view of the 年度 (returned, for tests)."""
        from kyodo_desktop.ui.meetings.calendar_dialog import CalendarDialog

        dialog = CalendarDialog(self.context, self)
        dialog.open()
        return dialog

    def delete_meeting(self) -> None:
        """Delete the selected meeting (undoable)."""
        if self.meeting_id is None:
            return
        meeting = self.meeting_id
        save_with_undo(self.context, _("Delete the meeting"),
                       lambda: records.delete_meeting(self.context.store, meeting))


def _subcommittees(store, council: int) -> list[dict]:
    from kyodo_desktop.services.roster.subcommittees import list_subcommittees

    return [s for s in list_subcommittees(store, council) if not s["is_office"]]
