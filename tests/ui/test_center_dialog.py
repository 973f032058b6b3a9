"""The 地域交流センター is edited from the 協議会 page (name, address, phone, opening hours),
undone like any save, and refused with the field named when a value is wrong."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_the_centre_is_edited_from_the_council_page_and_undone(open_window, demo_path):
    from kyodo_desktop.services.council.center import get_center
    from kyodo_desktop.ui.council.center_dialog import CenterDialog

    window = open_window(demo_path)
    page = window.open_area("council")
    assert page.findChild(QPushButton, "centerButton").text() == "変更…"
    context = window.context
    before = get_center(context.store, context.council_id)
    dialog = CenterDialog(context, page)
    assert dialog.values() == before  # the demo's centre is filled in
    dialog.edits["name"].setText("湯田ふれあいセンター")
    dialog.edits["opening_hours"].setText("9:00〜21:00")
    assert dialog.save()
    after = get_center(context.store, context.council_id)
    assert (after["name"], after["opening_hours"]) == ("湯田ふれあいセンター", "9:00〜21:00")
    assert page.center_label.text() == "湯田ふれあいセンター"
    window.undo_group.undo()
    assert get_center(context.store, context.council_id) == before
    assert page.center_label.text() == before["name"]
    refused = CenterDialog(context, page)
    refused.edits["phone"].setText("12")
    assert not refused.save()
    assert refused.message.text().startswith("電話: ")
    refused.edits["phone"].textEdited.emit("123")  # new input: the message goes
    assert refused.message.text() == ""
