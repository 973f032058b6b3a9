"""The two tables of the 会議・総会 editor: :class:`AttendanceTable` (each 構成員 with 出席 /
委任状 / 欠席 and the 定足数 line) and :class:`AgendaTable` (議案 with 結果 and votes; the 経過
of the selected 議案 below). They hold what the user typed; the page saves it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain import meetings as dm
from kyodo_desktop.i18n import _
from kyodo_desktop.services.meetings.records import Member
from kyodo_desktop.ui.shell.table_fit import ColumnFit

_ID = 256


def _table(parent: QWidget, headers: list[str], free: list[int]) -> QTableWidget:
    """A table whose ``free`` text columns share the room and are cut short with 「…」 (the
    whole text is in the cell) at large text sizes (ui/shell/table_fit.ColumnFit)."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table._kyodo_fit = ColumnFit(table, free=free)
    return table


def _combo(parent: QWidget, labels: dict, current) -> QComboBox:
    combo = QComboBox(parent)
    for code, label in labels.items():
        combo.addItem(label, code)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class AttendanceTable(QWidget):
    """氏名, 役職 and 出席状況 of each 構成員; the summary line gives 定足数 and 成立."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = _table(self, [_("Member's name"), _("Role"), _("Attendance")], [0, 1])
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(_("Add a member"), self)
        self.remove_button = QPushButton(_("Remove the member"), self)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.add_button.clicked.connect(lambda: self._add(Member(None, "", "", "present")))
        self.remove_button.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        self._people: list[int | None] = []

    def show_members(self, members: list[Member], attendance: dm.Attendance | None) -> None:
        """Show ``members`` and the counts of ``attendance`` (None: nothing selected)."""
        self.table.setRowCount(0)
        for m in members:
            self._add(m)
        if attendance is None:
            self.summary.setText("")
            return
        verdict = _("quorum met") if attendance.met else _("quorum NOT met")
        self.summary.setText(_(
            "{members} members: {present} present, {proxy} proxies, {absent} absent. Quorum "
            "{quorum} ({rule}): {verdict}.").format(
                members=attendance.members, present=attendance.present, proxy=attendance.proxy,
                absent=attendance.absent, quorum=attendance.quorum,
                rule=attendance.rule.describe(), verdict=verdict))

    def _add(self, m: Member) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(m.name)
        name.setData(_ID, m.person_id)
        self.table.setItem(row, 0, name)
        self.table.setItem(row, 1, QTableWidgetItem(m.role_text))
        self.table.setCellWidget(row, 2, _combo(self.table, dm.ATTENDANCE_LABELS, m.status))

    def members(self) -> list[Member]:
        """The 構成員 as shown (empty rows left out)."""
        found = []
        for row in range(self.table.rowCount()):
            name = self.table.item(row, 0)
            role = self.table.item(row, 1)
            if name is None or not name.text().strip():
                continue
            found.append(Member(name.data(_ID), name.text(), role.text() if role else "",
                                self.table.cellWidget(row, 2).currentData()))
        return found


_RESULTS = {None: dm.UNDECIDED_LABEL, **dm.RESULT_LABELS}
_TEXT_COLUMNS = ("number", "title", "proposer")
_VOTE_COLUMNS = ("votes_for", "votes_against", "votes_abstain")


class AgendaTable(QWidget):
    """議案: 番号, 件名, 提案者, 結果, 賛成, 反対, 保留; the 経過 of the selected 議案 below."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.table = _table(self, [_("No."), _("Title"), _("Proposed by"), _("Result"),
                                   _("For"), _("Against"), _("Abstain")], [1, 2])
        layout.addWidget(self.table, 2)
        layout.addWidget(QLabel(_("Proceedings of the selected motion"), self))
        self.proceedings = QPlainTextEdit(self)
        layout.addWidget(self.proceedings, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(_("Add a motion"), self)
        self.remove_button = QPushButton(_("Remove the motion"), self)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.deleted: list[int] = []
        self._texts: dict[int, str] = {}
        self._current = -1
        self.add_button.clicked.connect(self._add_new)
        self.remove_button.clicked.connect(self._remove)
        self.table.currentCellChanged.connect(self._row_changed)

    def show_items(self, items: list[dict]) -> None:
        """Show the 議案 ``items`` (rows of services.meetings.agenda.items)."""
        self.deleted, self._texts, self._current = [], {}, -1
        self.table.setRowCount(0)
        self.proceedings.setPlainText("")
        for item in items:
            self._add(item)

    def _add(self, item: dict) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, key in enumerate(_TEXT_COLUMNS):
            cell = QTableWidgetItem("" if item.get(key) is None else str(item[key]))
            if column == 0:
                cell.setData(_ID, item.get("id"))
            self.table.setItem(row, column, cell)
        self.table.setCellWidget(row, 3, _combo(self.table, _RESULTS, item.get("result")))
        for offset, key in enumerate(_VOTE_COLUMNS, start=4):
            value = item.get(key)
            self.table.setItem(row, offset, QTableWidgetItem("" if value is None else str(value)))
        self._texts[row] = item.get("proceedings", "")

    def _add_new(self) -> None:
        self._keep_text()
        self._add({"number": self.table.rowCount() + 1, "title": "", "proposer": "",
                   "proceedings": ""})

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        item_id = self.table.item(row, 0).data(_ID)
        if item_id is not None:
            self.deleted.append(item_id)
        self._keep_text()
        texts = [self._texts.get(r, "") for r in range(self.table.rowCount()) if r != row]
        self._current = -1
        self.table.removeRow(row)
        self._texts = dict(enumerate(texts))
        self.proceedings.setPlainText("")

    def _keep_text(self) -> None:
        if self._current >= 0:
            self._texts[self._current] = self.proceedings.toPlainText()

    def _row_changed(self, row: int, *_rest) -> None:
        self._keep_text()
        self._current = row
        self.proceedings.setPlainText(self._texts.get(row, ""))

    def rows(self) -> list[tuple[int | None, dict]]:
        """``(id or None for a new one, values)`` of every 議案 shown, for the services."""
        self._keep_text()
        found = []
        for row in range(self.table.rowCount()):
            values = {key: (self.table.item(row, c).text() if self.table.item(row, c) else "")
                      for c, key in enumerate(_TEXT_COLUMNS)}
            values["result"] = self.table.cellWidget(row, 3).currentData()
            for offset, key in enumerate(_VOTE_COLUMNS, start=4):
                cell = self.table.item(row, offset)
                values[key] = cell.text() if cell else ""
            values["proceedings"] = self._texts.get(row, "")
            found.append((self.table.item(row, 0).data(_ID), values))
        return found


class ActionsTable(QWidget):
    """決定事項: 内容, 担当, 期限, 完了日 (dates typed as R8.5.31 …; the service reads them)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.table = _table(self, [_("Decision / task"), _("Who"), _("By when"), _("Done on")],
                            [0, 1])
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(_("Add a decision"), self)
        self.remove_button = QPushButton(_("Remove the decision"), self)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.add_button.clicked.connect(lambda: self._add(("", "", "", "")))
        self.remove_button.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))

    def show_actions(self, actions) -> None:
        """Show the meeting's 決定事項 (services.meetings.agenda.Action)."""
        from kyodo_desktop.domain.wareki import format_wareki

        self.table.setRowCount(0)
        for a in actions:
            self._add((a.content, a.assignee, format_wareki(a.due_on) if a.due_on else "",
                       format_wareki(a.done_on) if a.done_on else ""))

    def _add(self, texts: tuple[str, str, str, str]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate(texts):
            self.table.setItem(row, column, QTableWidgetItem(text))

    def actions(self) -> list:
        """The rows as Actions (dates still as typed; empty rows left out)."""
        from kyodo_desktop.services.meetings.agenda import Action

        found = []
        for row in range(self.table.rowCount()):
            texts = [(self.table.item(row, c).text() if self.table.item(row, c) else "")
                     for c in range(4)]
            if any(t.strip() for t in texts):
                found.append(Action(texts[0], texts[1], texts[2] or None, texts[3] or None))
        return found
