"""The editor of the item chosen in the plan tree: the plan itself (title, period, 目指す姿,
現状と課題 …), a goal or measure (title, description) or an action (title, 担当, 実施主体, 対象,
目的, 現状と課題, 推進内容, 完了の目安).

It only shows and collects values: :meth:`ItemEditor.edited` gives the fields that differ from
what was loaded, and the page saves them through the services with an undo step.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain import formatting, labels
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.ui.shell.fiscal_year_spin import FiscalYearSpinBox
from kyodo_desktop.ui.shell.message_line import keep_lines

KIND_TITLES = {"plan": N_("Community plan"), "goal": N_("Goal"), "measure": N_("Measure"),
               "action": N_("Action")}


def _text_box(lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


class ItemEditor(QWidget):
    """Signals ``save_requested`` (保存 or Ctrl+S) and ``revert_requested`` (元に戻す)."""

    save_requested = Signal()
    revert_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind, self.item_id = "plan", 0
        self._loaded: dict = {}
        self.heading = QLabel()
        self.heading.setObjectName("planEditorHeading")
        self.stack = QStackedWidget()
        self.fields: dict[str, dict[str, QWidget]] = {
            "plan": self._plan_fields(), "goal": self._simple_fields(),
            "action": self._action_fields()}
        self.fields["measure"] = self.fields["goal"]
        self.message = QLabel()
        keep_lines(self.message, 2)
        self.save_button = QPushButton(_("Save"))
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(_("Discard changes"))
        self.save_button.clicked.connect(self.save_requested)
        self.revert_button.clicked.connect(self.revert_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

    # building ------------------------------------------------------------------------------------

    def _page(self, form: QWidget) -> None:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form)
        self.stack.addWidget(scroll)
        form.setProperty("page_index", self.stack.count() - 1)

    def _plan_fields(self) -> dict[str, QWidget]:
        w = {"title": QLineEdit(), "first_year": FiscalYearSpinBox(),
             "last_year": FiscalYearSpinBox(),
             "adopted_on": QLineEdit(), "methods": QLineEdit(), "vision": _text_box(2),
             "current_state": _text_box(4), "strengths": _text_box(3), "issues": _text_box(3),
             "notes": _text_box(2)}
        w["adopted_on"].setPlaceholderText(_("e.g. R6.3.16"))
        w["methods"].setPlaceholderText(_("e.g. アンケート、座談会、策定委員会"))
        self.current_box = QCheckBox(_("This is the council's current plan"))
        form = QWidget()
        grid = QFormLayout(form)
        for key, caption in (("title", _("Title")), ("first_year", _("First year")),
                             ("last_year", _("Last year")), ("adopted_on", _("Adopted on")),
                             ("methods", _("How it was made")), ("vision", _("Vision (目指す姿)")),
                             ("current_state", _("Current state")),
                             ("strengths", _("Strengths")), ("issues", _("Issues")),
                             ("notes", _("Notes"))):
            grid.addRow(caption, w[key])
        grid.addRow("", self.current_box)
        self._page(form)
        return w

    def _simple_fields(self) -> dict[str, QWidget]:
        w = {"title": QLineEdit(), "description": _text_box(4)}
        form = QWidget()
        grid = QFormLayout(form)
        grid.addRow(_("Title"), w["title"])
        grid.addRow(_("Description"), w["description"])
        self._page(form)
        return w

    def _action_fields(self) -> dict[str, QWidget]:
        w = {"title": QLineEdit(), "responsible_subcommittee_id": QComboBox(),
             "responsible_organization_id": QComboBox(), "responsible_text": QLineEdit(),
             "purpose": _text_box(2), "current_state": _text_box(3), "content": _text_box(3),
             "completion_criterion": _text_box(2)}
        w["responsible_text"].setPlaceholderText(_("e.g. 防災・防犯部会・各自治会"))
        self.target_boxes = {code: QCheckBox(label)
                             for code, label in labels.PLAN_TARGET_LABELS.items()}
        targets = QWidget()
        target_grid = QGridLayout(targets)
        target_grid.setContentsMargins(0, 0, 0, 0)
        for index, box in enumerate(self.target_boxes.values()):
            target_grid.addWidget(box, index // 4, index % 4)
        form = QWidget()
        grid = QFormLayout(form)
        for key, caption in (("title", _("Action")),
                             ("responsible_subcommittee_id", _("Subcommittee in charge")),
                             ("responsible_organization_id", _("Organization")),
                             ("responsible_text", _("Carried out by"))):
            grid.addRow(caption, w[key])
        grid.addRow(_("Target groups"), targets)
        for key, caption in (("purpose", _("Purpose")), ("current_state", _("Current state and issues")),
                             ("content", _("What we will do")),
                             ("completion_criterion", _("Done when"))):
            grid.addRow(caption, w[key])
        self._page(form)
        return w

    # showing and reading -------------------------------------------------------------------------

    def set_choices(self, subcommittees: list[dict], organizations: list[dict]) -> None:
        """Fill the 担当 combos (``[{id, name}]``), each with a blank first entry; the chosen
        entries stay chosen."""
        for key, rows in (("responsible_subcommittee_id", subcommittees),
                          ("responsible_organization_id", organizations)):
            combo = self.fields["action"][key]
            chosen = combo.currentData()
            combo.clear()
            combo.addItem(_("(none)"), None)
            for row in rows:
                combo.addItem(row["name"], row["id"])
            combo.setCurrentIndex(max(0, combo.findData(chosen)))

    def load(self, kind: str, item_id: int, data: dict, heading: str) -> None:
        """Show ``data`` (a plan, goal/measure or action dict of the services) for editing."""
        self.kind, self.item_id = kind, item_id
        page = {"plan": 0, "goal": 1, "measure": 1, "action": 2}[kind]
        self.stack.setCurrentIndex(page)
        self.heading.setText(f"{_(KIND_TITLES[kind])}　{heading}")
        self._loaded = {}
        for key, widget in self.fields[kind].items():
            value = data.get(key)
            if key == "adopted_on":
                value = formatting.format_date(value) if value else ""  # 令和6年3月16日
            elif key == "methods":
                value = "、".join(value or [])
            self._set(widget, value)
            self._loaded[key] = self._get(widget)
        if kind == "action":
            for code, box in self.target_boxes.items():
                box.setChecked(code in data.get("targets", []))
            self._loaded["targets"] = self._targets()
        if kind == "plan":
            self.current_box.setChecked(bool(data.get("is_current")))
            self._loaded["is_current"] = self.current_box.isChecked()
        self.message.clear()

    def edited(self) -> dict:
        """``{field: value}`` of what differs from the loaded item (``targets`` as a list)."""
        if not self._loaded:
            return {}
        values = {key: self._get(widget) for key, widget in self.fields[self.kind].items()}
        if self.kind == "action":
            values["targets"] = self._targets()
        if self.kind == "plan":
            values["is_current"] = self.current_box.isChecked()
        return {k: v for k, v in values.items() if v != self._loaded.get(k)}

    def keep_edits_unsaved(self) -> None:
        """Treat the values on screen as loaded (the user chose 破棄: leave without saving)."""
        self._loaded = dict(self._loaded, **self.edited())

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c62828;" if error else "")
        self.message.setText(text)

    def focus_field(self, key: str) -> None:
        widget = self.fields[self.kind].get(key)
        if widget is not None:
            widget.setFocus()

    def _targets(self) -> list[str]:
        return [code for code, box in self.target_boxes.items() if box.isChecked()]

    @staticmethod
    def _set(widget: QWidget, value) -> None:
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(0, widget.findData(value)))
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(value or widget.minimum()))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value or "")
        else:
            widget.setText("" if value is None else str(value))

    @staticmethod
    def _get(widget: QWidget):
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QSpinBox):
            return widget.value()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        return widget.text()
