"""The 評価 tab: for a chosen 年度 and kind (自己評価, 相互評価, 第三者評価), one row per action with
its 年次計画 that year, the rating (a list of the council's scale), comments, the 見直し for next
year, who evaluated and when. A button carries the year's C/D ratings into next year's 年次計画
as 見直し・実施.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain import formatting, labels, wareki
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.plan.evaluation import EvaluationRow
from kyodo_desktop.ui.plan.schedule_grid import cell_text
from kyodo_desktop.ui.shell.flow_layout import FlowLayout
from kyodo_desktop.ui.shell.phrase_wrap import PhraseWrapDelegate
from kyodo_desktop.ui.shell.table_fit import ColumnFit

COLUMNS = (("code", N_("Code No.")), ("title", N_("Action")), ("status", N_("Schedule")),
           ("rating", N_("Rating")), ("comment", N_("Comments")),
           ("next_step", N_("Review for next year")), ("evaluator", N_("Evaluated by")),
           ("evaluated_on", N_("Date")), ("cost", N_("Settled amount")))
COLUMN_KEYS = tuple(key for key, _title in COLUMNS)
TEXT_FIELDS = ("comment", "next_step", "evaluator", "evaluated_on")
RATING_ROLE = Qt.ItemDataRole.UserRole + 1


def _rating_text(code: str, scale: dict[str, str]) -> str:
    return f"{code} {scale[code]}" if code in scale else code


class RatingDelegate(QStyledItemDelegate):
    """The rating cell's editor: a list of the council's scale (and blank)."""

    def __init__(self, view: EvaluationView) -> None:
        super().__init__(view.table)
        self.view = view

    def createEditor(self, parent, option, index):  # noqa: N802 (Qt API)
        box = QComboBox(parent)
        box.addItem("", "")
        for code, label in self.view.scale.items():
            box.addItem(f"{code} {label}", code)
        return box

    def setEditorData(self, editor, index) -> None:  # noqa: N802 (Qt API)
        editor.setCurrentIndex(max(0, editor.findData(index.data(RATING_ROLE))))

    def setModelData(self, editor, model, index) -> None:  # noqa: N802 (Qt API)
        if editor.currentData() != index.data(RATING_ROLE):
            self.view.set_rating(index.row(), editor.currentData())


class EvaluationView(QWidget):
    """Signals: ``year_changed(年度)``, ``kind_changed(kind)``,
    ``edited(action_id, field, value)`` and ``apply_review_requested()``."""

    year_changed = Signal(int)
    kind_changed = Signal(str)
    edited = Signal(int, str, str)
    apply_review_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        self.rows: list[EvaluationRow] = []
        self.year_box = QComboBox()
        self.kind_box = QComboBox()
        for code, label in labels.EVALUATOR_KIND_LABELS.items():
            self.kind_box.addItem(label, code)
        self.summary = QLabel()
        self.review_button = QPushButton(_("Carry C/D ratings into next year's schedule"))
        self.review_button.setToolTip(_("Marks next year's schedule of the actions rated C or D "
                                        "as 見直し・実施."))
        top = FlowLayout()  # wraps onto a second line at large text
        for widget in (QLabel(_("Fiscal year")), self.year_box, QLabel(_("Evaluation")),
                       self.kind_box, self.review_button):
            top.add(widget, 0)
        self.summary.setWordWrap(True)  # a long line of counts: on its own line, wrapping
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([_(h) for _k, h in COLUMNS])
        self.table.setWordWrap(True)
        # 推進項目, 所見 and 見直し wrap in the room left, two lines at most (the whole text is the
        # cell's tooltip), 推進項目 kept wide enough for its whole text; 評価者, 評価日 and 決算額
        # give way at large text
        self.table.verticalHeader().hide()
        self.column_fit = ColumnFit(self.table, free=(1, 4, 5), drop=(6, 7, 8), wrap_rows=True,
                                    max_lines=2, whole=(1,))
        self.scale: dict[str, str] = {}
        self.table.setItemDelegateForColumn(COLUMN_KEYS.index("rating"), RatingDelegate(self))
        self.table.setItemDelegateForColumn(COLUMN_KEYS.index("title"),
                                            PhraseWrapDelegate(self.table))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.year_box.currentIndexChanged.connect(
            lambda _i: self.year_changed.emit(self.year_box.currentData() or 0))
        self.kind_box.currentIndexChanged.connect(
            lambda _i: self.kind_changed.emit(self.kind_box.currentData()))
        self.review_button.clicked.connect(self.apply_review_requested)
        self.table.itemChanged.connect(self._item_edited)

    def wanted_width(self) -> int:
        """The width the table needs to show 整理番号, 年次計画 and 評価 whole, every 推進項目 whole
        on two lines at most and every header whole (評価者, 評価日 and 決算額 may give way)."""
        table, header = self.table, self.table.horizontalHeader()
        keys = ("code", "status", "rating", "comment", "next_step")
        needed = sum(max(header.sectionSizeHint(column), table.sizeHintForColumn(column))
                     if key in ("code", "status", "rating") else header.sectionSizeHint(column)
                     for key, column in ((key, COLUMN_KEYS.index(key)) for key in keys))
        title = self.column_fit.lines_width(COLUMN_KEYS.index("title"))
        return (needed + max(title, header.sectionSizeHint(COLUMN_KEYS.index("title")))
                + 2 * table.frameWidth() + table.verticalScrollBar().sizeHint().width())

    def set_years(self, years: list[int], chosen: int) -> None:
        """Offer ``years`` (the plan period) and select ``chosen`` (or the nearest)."""
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for year in years:
            self.year_box.addItem(wareki.format_fiscal_year(year), year)
        if years:
            self.year_box.setCurrentIndex(years.index(min(max(chosen, years[0]), years[-1])))
        self.year_box.blockSignals(False)

    def year(self) -> int:
        return self.year_box.currentData() or 0

    def kind(self) -> str:
        return self.kind_box.currentData()

    def show_rows(self, rows: list[EvaluationRow], scale: dict[str, str],
                  counts: dict[str, int], costs: dict[int, int] | None = None) -> None:
        """Fill the table with ``rows`` for the chosen kind; ``scale`` feeds the rating lists;
        ``costs`` {action id: 決算額 円} of the 年度's 事業 per action (services/plan/
        action_money.py), shown beside each action."""
        costs = costs or {}
        self.rows = rows
        self.scale = scale
        kind = self.kind()
        self._filling = True
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            stored = row.evaluations.get(kind, {})
            values = {"code": row.code, "title": row.title, "status": cell_text(row.status),
                      **{key: stored.get(key) or "" for key in TEXT_FIELDS}}
            if stored.get("evaluated_on"):
                from datetime import date

                values["evaluated_on"] = formatting.format_date(
                    date.fromisoformat(stored["evaluated_on"]), "short")
            values["rating"] = _rating_text(stored.get("rating", ""), scale)
            values["cost"] = (formatting.format_yen(costs[row.action_id])
                              if row.action_id in costs else "")
            for c, (key, _h) in enumerate(COLUMNS):
                item = QTableWidgetItem(values[key])
                item.setToolTip(values[key] if key in ("title", "comment", "next_step") else "")
                if key not in (*TEXT_FIELDS, "rating"):
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setData(Qt.ItemDataRole.UserRole, row.action_id)
                if key == "rating":
                    item.setData(RATING_ROLE, stored.get("rating", ""))
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                elif key == "cost":
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self._filling = False
        parts = [f"{code} {scale.get(code, '')}: {counts.get(code, 0)}" for code in scale]
        self.summary.setText(_("Self-evaluation:") + "  " + "  ".join(parts)
                             + "  " + _("not yet: {count}").format(count=counts.get("", 0)))

    def _item_edited(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        key = COLUMNS[item.column()][0]
        if key != "rating":
            self.edited.emit(item.data(Qt.ItemDataRole.UserRole), key, item.text())

    def set_rating(self, row: int, code: str) -> None:
        """Choose rating ``code`` for the action of ``row`` (what the rating list does)."""
        self.edited.emit(self.rows[row].action_id, "rating", code)
