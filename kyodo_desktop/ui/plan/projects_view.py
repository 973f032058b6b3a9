"""The 事業 tab: the projects of the current 年度 with their plan action (整理番号), 専門部会, dates,
place, participants, 予算額 and 決算額 (from the 出納簿), and a dialog to add or edit one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain import formatting, labels, wareki
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.ui.shell.flow_layout import FlowLayout
from kyodo_desktop.ui.shell.form_dialog import lay_out_form_dialog
from kyodo_desktop.ui.shell.table_fit import ColumnFit

COLUMNS = (N_("Project"), N_("Code No."), N_("Subcommittee"), N_("Date"), N_("Place"),
           N_("Expected"), N_("Participants"), N_("Budget (yen)"), N_("Actual cost (yen)"),
           N_("Outcome"))
TEXT_FIELDS = (("name", N_("Project name")), ("starts_on", N_("Start date")),
               ("ends_on", N_("End date")), ("place", N_("Place")),
               ("audience", N_("Audience")),
               ("expected_participants", N_("Expected participants")),
               ("actual_participants", N_("Actual participants")),
               ("budget", N_("Budget (yen)")), ("partners", N_("Partners")))
LONG_FIELDS = (("description", N_("Description")), ("outcome", N_("Outcome")))


class ProjectsView(QWidget):
    """Signals ``add_requested()``, ``edit_requested(id)``, ``collaboration_requested(id)``
    (協働…), ``delete_requested(id)`` and
    ``filter_changed()`` (「選んだ推進項目の事業だけ」)."""

    add_requested = Signal()
    edit_requested = Signal(int)
    collaboration_requested = Signal(int)
    delete_requested = Signal(int)
    filter_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[dict] = []
        self.caption = QLabel()
        self.only_action = QCheckBox(_("Only projects of the chosen action"))
        add, edit = QPushButton(_("Add project")), QPushButton(_("Edit"))
        self.delete_button = QPushButton(_("Delete"))
        collaboration = QPushButton(_("Collaboration…"))
        collaboration.setObjectName("collaborationButton")
        collaboration.clicked.connect(lambda: self._emit(self.collaboration_requested))
        add.clicked.connect(self.add_requested)
        edit.clicked.connect(lambda: self._emit(self.edit_requested))
        self.delete_button.clicked.connect(lambda: self._emit(self.delete_requested))
        self.only_action.toggled.connect(lambda _on: self.filter_changed.emit())
        self.caption.setWordWrap(True)
        top = FlowLayout()  # wraps onto more lines at large text
        top.add(self.caption, 1)
        for widget in (self.only_action, add, edit, collaboration, self.delete_button):
            top.add(widget, 0)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([_(h) for h in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # 事業, 日付, 予算, 支出 stay whole; 場所 and 成果 may be cut short; at large text
        # 成果, 場所, 部会, the participant counts, コードNo. and 予算 give way (in this order)
        self.column_fit = ColumnFit(self.table, free=(4, 9), drop=(9, 4, 2, 5, 6, 1, 7), stretch=0)
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(lambda _i: self._emit(self.edit_requested))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def show_projects(self, rows: list[dict], fiscal_year: int) -> None:
        """Fill the table with :func:`services.projects.list_projects` rows of ``fiscal_year``."""
        self.rows = rows
        total_budget = sum(r["budget"] for r in rows)
        total_cost = sum(r["actual_cost"] for r in rows)
        self.caption.setText(_("Projects of {year}: {count}, budget {budget} yen, spent {cost} "
                               "yen").format(year=wareki.format_fiscal_year(fiscal_year),
                                             count=len(rows),
                                             budget=formatting.format_yen(total_budget),
                                             cost=formatting.format_yen(total_cost)))
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            date_text = formatting.format_date(row["starts_on"], "short")
            if row["ends_on"] and row["ends_on"] != row["starts_on"]:
                date_text += "〜" + formatting.format_date(row["ends_on"], "short")
            values = [row["name"], row["action_code"], row["subcommittee_name"], date_text,
                      row["place"], _count(row["expected_participants"]),
                      _count(row["actual_participants"]), formatting.format_yen(row["budget"]),
                      formatting.format_yen(row["actual_cost"]), row["outcome"]]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c in (5, 6, 7, 8):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 1:
                    item.setToolTip(row["action_title"])
                elif c in (0, 4, 9):
                    item.setToolTip(value)
                self.table.setItem(r, c, item)
        self.delete_button.setEnabled(bool(rows))

    def current_id(self) -> int | None:
        row = self.table.currentRow()
        return self.rows[row]["id"] if 0 <= row < len(self.rows) else None

    def _emit(self, signal) -> None:
        project_id = self.current_id()
        if project_id is not None:
            signal.emit(project_id)


def _count(value) -> str:
    return "" if value is None else formatting.format_number(value)


class ProjectDialog(QDialog):
    """Add or edit a project: ``values()`` gives the typed fields for the services."""

    def __init__(self, actions: list[tuple[int, str]], subcommittees: list[dict],
                 project: dict | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Edit project") if project else _("Add project"))
        self.edits: dict[str, QWidget] = {}
        form = QFormLayout()
        self.action_box = QComboBox()
        self.action_box.addItem(_("(none)"), None)
        for action_id, text in actions:
            self.action_box.addItem(text, action_id)
        self.sub_box = QComboBox()
        self.sub_box.addItem(_("(none)"), None)
        for sub in subcommittees:
            self.sub_box.addItem(sub["name"], sub["id"])
        self.form_box = QComboBox()
        self.form_box.addItem(_("(none)"), None)
        for code, label in labels.COLLABORATION_FORM_LABELS.items():
            self.form_box.addItem(label, code)
        for key, caption in TEXT_FIELDS[:1]:
            self.edits[key] = QLineEdit()
            form.addRow(_(caption), self.edits[key])
        form.addRow(_("Plan action"), self.action_box)
        form.addRow(_("Subcommittee"), self.sub_box)
        for key, caption in TEXT_FIELDS[1:]:
            self.edits[key] = QLineEdit()
            form.addRow(_(caption), self.edits[key])
        form.addRow(_("Form of collaboration"), self.form_box)
        for key, caption in LONG_FIELDS:
            self.edits[key] = QPlainTextEdit()
            self.edits[key].setTabChangesFocus(True)
            self.edits[key].setFixedHeight(70)
            form.addRow(_(caption), self.edits[key])
        self.error = lay_out_form_dialog(self, form, width=35)
        if project:
            self._load(project)

    def _load(self, project: dict) -> None:
        for key, edit in self.edits.items():
            value = project.get(key)
            if key in ("starts_on", "ends_on"):
                value = formatting.format_date(value, "short") if value else ""
            elif value is None:
                value = ""
            if isinstance(edit, QPlainTextEdit):
                edit.setPlainText(str(value))
            else:
                edit.setText(str(value))
        for box, key in ((self.action_box, "action_id"), (self.sub_box, "subcommittee_id"),
                         (self.form_box, "collaboration_form")):
            box.setCurrentIndex(max(0, box.findData(project.get(key))))

    def values(self) -> dict:
        """The typed fields (text as typed; the services clean and check them)."""
        values = {key: (edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text())
                  for key, edit in self.edits.items()}
        if not values["budget"].strip():
            values["budget"] = 0
        values["action_id"] = self.action_box.currentData()
        values["subcommittee_id"] = self.sub_box.currentData()
        values["collaboration_form"] = self.form_box.currentData()
        return values

    def show_error(self, message: str) -> None:
        self.error.setText(message)
