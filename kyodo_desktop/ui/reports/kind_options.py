"""The 帳票印刷 page's choices that only some forms have, below the 年度: the meeting of a
議事録 (`report minutes --meeting`), and the kind and spare copies of a 配布部数表 (`report
distribution --kind --spares`). ``options()`` gives them to the ReportRequest."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QSpinBox, QWidget

from kyodo_desktop.domain import wareki
from kyodo_desktop.i18n import _
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.meetings.distribution import KINDS, MAX_SPARES
from kyodo_desktop.services.meetings.records import list_meetings

MINUTES, DISTRIBUTION = "minutes", "distribution"


class KindOptions:
    """Rows added to the page's ``form`` layout; shown for the form kinds that need them."""

    def __init__(self, form: QFormLayout, parent: QWidget) -> None:
        self.meeting = QComboBox(parent)
        self.meeting.setObjectName("meetingCombo")
        self.distribution_kind = QComboBox(parent)
        self.distribution_kind.setObjectName("distributionKindCombo")
        for kind in KINDS:
            self.distribution_kind.addItem(kind, kind)
        self.spares = QSpinBox(parent)
        self.spares.setObjectName("sparesSpin")
        self.spares.setRange(0, MAX_SPARES)
        self.spares.setSuffix(_(" copies"))
        self.rows: dict[str, list[tuple[QLabel, QWidget]]] = {
            MINUTES: [self._row(form, parent, _("&Meeting"), self.meeting)],
            DISTRIBUTION: [self._row(form, parent, _("Distributed &as"), self.distribution_kind),
                           self._row(form, parent, _("S&pare copies per group"), self.spares)],
        }
        self.show_for(None)

    @staticmethod
    def _row(form: QFormLayout, parent: QWidget, caption: str,
             field: QWidget) -> tuple[QLabel, QWidget]:
        label = QLabel(caption, parent)
        label.setBuddy(field)
        form.addRow(label, field)
        return label, field

    def show_for(self, kind_name: str | None) -> None:
        """Show the rows of ``kind_name`` (a report kind's CLI name) and hide the others."""
        for name, rows in self.rows.items():
            for label, field in rows:
                label.setVisible(name == kind_name)
                field.setVisible(name == kind_name)

    def fill_meetings(self, store: Store, council_id: int | None, fiscal_year: int) -> None:
        """List the meetings of ``fiscal_year`` (「令和8年5月10日 通常総会」), keeping the chosen one."""
        chosen = self.meeting.currentData()
        self.meeting.blockSignals(True)
        self.meeting.clear()
        meetings = list_meetings(store, council_id, fiscal_year) if council_id else []
        for meeting in reversed(meetings):  # the latest first
            body = meeting.get("subcommittee_name") or ""
            self.meeting.addItem(f"{wareki.format_wareki(meeting['held_on'])} "
                                 f"{meeting['kind_label']}{(' ' + body) if body else ''}",
                                 meeting["id"])
        if not meetings:
            self.meeting.addItem(_("(no meeting recorded in this year)"), None)
        self.meeting.setCurrentIndex(max(0, self.meeting.findData(chosen)))
        self.meeting.blockSignals(False)

    def options(self) -> dict:
        """The request options of these choices (the report ignores what it does not use)."""
        return {"meeting": self.meeting.currentData(),
                "kind": self.distribution_kind.currentData(), "spares": self.spares.value()}
