"""A 年度報告's council or 地域 name is the council's text (any printable characters): in the 市
page's withdrawal confirmation and in an error dialog Qt took a line holding a tag for rich
text, so a council named 「湯田地域づくり協議会<!--」 hid the dates the confirmation exists to
show, and 「<h1>…」 or 「<font color=white>…」 could dress the question up. Both dialogs now show
their text as plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kyodo_desktop.errors import UserError
from kyodo_desktop.services.city.city_file import StoredReturn
from kyodo_desktop.ui.city.withdrawal import withdrawal_box
from kyodo_desktop.ui.shell.errors import error_dialog

FORGED = "湯田地域づくり協議会<!--"


def _texts(box) -> list[tuple[str, Qt.TextFormat]]:
    return [(label.text(), label.textFormat()) for label in box.findChildren(QLabel)
            if label.text()]


def test_the_withdrawal_confirmation_shows_a_forged_name_as_it_is(qtbot):
    stored = StoredReturn(id=7, district="<h1>湯田", council=FORGED, fiscal_year=2025,
                          sha256="0" * 64, closed_at="2026-05-20T10:00:00",
                          created_at="2026-05-20T10:00:00", imported_at="2026-06-01T09:00:00",
                          replaced_at=None, summary={}, document=None)
    box, _withdraw = withdrawal_box(None, stored)
    texts = _texts(box)
    assert texts and all(fmt == Qt.TextFormat.PlainText for _text, fmt in texts)
    assert any("<!--" in text and "令和8年6月1日" in text for text, _f in texts)
    box.deleteLater()


def test_an_error_naming_a_forged_name_is_shown_as_it_is(qtbot):
    box = error_dialog(UserError(f"「<b>{FORGED}」の年度報告はすでに有効ではありません。"))
    texts = _texts(box)
    assert texts and all(fmt == Qt.TextFormat.PlainText for _text, fmt in texts)
    box.deleteLater()
