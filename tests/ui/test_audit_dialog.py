"""The 監査 step of 今年度の流れ opens the 会計監査 dialog; a wrong day stays in the dialog
with its message, a right one saves as one undo step and the step shows 済."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from kyodo_desktop.services.accounting import audits
from kyodo_desktop.services.council import councils
from kyodo_desktop.ui.accounts.audit_dialog import AuditDialog
from kyodo_desktop.ui.context import AppContext

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def context(qapp, demo_store):
    return AppContext(demo_store, councils.find_council(demo_store, "湯田")["id"], 2026)


def test_dialog_refuses_then_saves_and_undoes(context, qtbot):
    dialog = AuditDialog(context)
    qtbot.addWidget(dialog)
    dialog.audited_on.setText("R8.12.1")  # inside the 年度: refused, dialog stays
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "以降" in dialog.error.text()
    dialog.audited_on.setText("5/10")
    dialog.opinion.setPlainText("適正に処理されています。")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    record = audits.get_audit(context.store, context.council_id, 2026)
    assert record.audited_on.isoformat() == "2027-05-10"
    context.undo_stack.undo()
    assert audits.get_audit(context.store, context.council_id, 2026) is None


def test_year_path_audit_button_opens_the_dialog(context, qtbot, monkeypatch):
    from kyodo_desktop.ui.year_path.page import YearPathPage

    opened = []
    monkeypatch.setattr(AuditDialog, "exec", lambda self: opened.append(self) or 0)
    page = YearPathPage(context)
    qtbot.addWidget(page)
    row = next(i for i, step in enumerate(page.steps) if step.key == "audit")
    page.open_step(row)
    assert len(opened) == 1
