"""「年度報告を取り下げる…」 on the 市 page: a confirmation naming the 地域, 年度, council and the
return's dates (キャンセル changes nothing); once withdrawn the council leaves the table, the
page lists it as withdrawn with its time, and 元に戻す brings it back. The page and the
confirmation fit 1366×768 at 標準, 大きい and とても大きい (screenshots)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from kyodo_desktop.services.city.city_file import StoredReturn
from kyodo_desktop.ui.city import withdrawal
from kyodo_desktop.ui.city.models import ID_ROLE

SIZES = {"standard": 1.0, "large": 1.25, "very_large": 1.5}


def _select(page, district: str) -> int:
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 0).data() == district)
    page.table.selectRow(row)
    return page.proxy.index(row, 0).data(ID_ROLE)


def test_withdraw_after_a_confirmation_naming_the_return(open_window, city_path, monkeypatch):
    window = open_window(city_path)
    page = window.pages.currentWidget()
    asked: list[StoredReturn] = []
    monkeypatch.setattr(withdrawal, "confirm_withdrawal",
                        lambda _parent, stored: asked.append(stored) or False)
    return_id = _select(page, "湯田")
    assert page.withdraw_selected() is False  # キャンセル
    assert asked[0].id == return_id and asked[0].district == "湯田"
    assert page.proxy.rowCount() == 21 and not page.removed_label.isVisible()
    monkeypatch.setattr(withdrawal, "confirm_withdrawal", lambda _parent, _stored: True)
    _select(page, "湯田")
    assert page.withdraw_selected() is True
    assert page.proxy.rowCount() == 20
    assert "湯田" not in [page.proxy.index(r, 0).data() for r in range(20)]
    assert page.removed_label.isVisible()
    assert "湯田 令和7年度" in page.removed_label.text() and "取り下げ" in page.removed_label.text()
    window.context.undo_stack.undo()
    assert page.proxy.rowCount() == 21 and not page.removed_label.isVisible()


def test_the_confirmation_names_district_year_council_and_dates(app, monkeypatch):
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    stored = StoredReturn(7, "湯田", "湯田地域づくり協議会", 2025, "0" * 64, "2026-04-15T16:00:00",
                          "2026-05-20T10:00:00", "2026-06-01T09:00:00", None, {}, None)
    assert withdrawal.confirm_withdrawal(None, stored) is False  # nothing clicked: キャンセル
    text = shown[0].text() + shown[0].informativeText()
    for part in ("湯田 令和7年度", "湯田地域づくり協議会", "令和8年5月20日 10:00",
                 "令和8年6月1日 09:00", "削除はしません"):
        assert part in text
    assert shown[0].defaultButton().text() == "キャンセル"


def test_the_page_with_a_withdrawn_return_fits_at_every_text_size(open_window, city_path, qtbot,
                                                                   monkeypatch, screenshot_dir):
    from kyodo_desktop.ui.shell.text_scale import apply_text_scale

    window = open_window(city_path)
    page = window.pages.currentWidget()
    monkeypatch.setattr(withdrawal, "confirm_withdrawal", lambda _parent, _stored: True)
    for district in ("湯田", "大殿", "白石", "秋穂二島"):
        _select(page, district)
        page.withdraw_selected()
    assert "ほか 1 件" in page.removed_label.text()
    app = QApplication.instance()
    try:
        for name, scale in SIZES.items():
            apply_text_scale(app, scale)
            qtbot.wait(50)
            window.resize(1366, 768)
            hint = window.minimumSizeHint()
            assert hint.width() <= 1366 and hint.height() <= 768, name
            assert page.withdraw_button.width() >= page.withdraw_button.sizeHint().width()
            assert page.table.height() > 3 * page.table.verticalHeader().defaultSectionSize()
            window.grab().save(str(screenshot_dir / f"city-withdrawn-{name}.png"))
    finally:
        apply_text_scale(app, 1.0)
