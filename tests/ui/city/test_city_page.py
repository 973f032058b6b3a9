"""The 市 page: a city file opens on one sortable table of all councils, a council's return is one
click away (read-only), and the window fits 1366×768 at every text size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kyodo_desktop.ui.areas import AREAS
from kyodo_desktop.ui.city.models import ID_ROLE, SORT_ROLE
from kyodo_desktop.ui.city.page import CityPage


def _visible_areas(window) -> list[str]:
    return [AREAS[row].key for row in range(window.sidebar.count())
            if not window.sidebar.item(row).isHidden()]


def test_a_city_file_opens_on_the_city_table(open_window, city_path):
    window = open_window(city_path)
    assert _visible_areas(window) == ["settings", "city"]
    page = window.pages.currentWidget()
    assert isinstance(page, CityPage)
    assert not window.selectors.isVisible()
    assert page.proxy.rowCount() == 21
    assert [page.year_combo.itemData(i) for i in range(page.year_combo.count())] == [2025, 2024]
    yuda = next(r for r in range(21) if page.proxy.index(r, 0).data() == "湯田")
    assert page.proxy.index(yuda, 1).data() == "10,247,000"
    assert page.proxy.index(yuda, 3).data() == "138,615"


def test_sorting_and_one_click_detail(open_window, city_path, qtbot):
    window = open_window(city_path)
    page = window.pages.currentWidget()
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    decided = [page.proxy.index(r, 1).data(SORT_ROLE) for r in range(21)]
    assert decided == sorted(decided, reverse=True)
    page.table.selectRow(0)
    top = page.proxy.index(0, 0).data()
    assert top in page.detail.toPlainText()
    assert "年度ごとの推移" in page.detail.toPlainText()
    assert page.detail.isReadOnly()
    page.year_combo.setCurrentIndex(1)
    assert page.proxy.index(0, 0).data(ID_ROLE) is not None
    assert "令和6年度" in page.detail.toPlainText()


@pytest.mark.parametrize("size", ["normal", "large", "extra_large"])
def test_the_city_page_fits_1366_by_768_at_every_text_size(area_at_size, city_path,
                                                            fits_the_screen, screenshot_dir,
                                                            size):
    with area_at_size("city", size, path=city_path) as page:
        fits_the_screen(page.window(), f"city-{size}")
    assert (screenshot_dir / f"city-{size}.png").stat().st_size > 10_000


def test_a_council_file_has_no_city_page(open_window, demo_path):
    window = open_window(demo_path)
    assert "city" not in _visible_areas(window)
    assert window.selectors.isVisible()


def test_the_city_page_shows_the_columns_the_city_preset_chose(open_window, city_path,
                                                                monkeypatch):
    import dataclasses

    from kyodo_desktop.services.council import presets

    real = presets.load_preset("yamaguchi")
    monkeypatch.setattr(presets, "load_preset", lambda code: dataclasses.replace(
        real, city_columns=("projects", "refund_amount")))
    window = open_window(city_path)
    page = window.pages.currentWidget()
    model = page.proxy
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["地域", "事業数", "返還額"]
    yuda = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "湯田")
    assert model.index(yuda, 2).data() == "138,615"
