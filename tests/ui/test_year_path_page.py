"""今年度の流れ: the home page shows the year's steps in order with their states, and its 開く
buttons open the place where a step is done; the same steps as ``kyodo-desktop status``."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton, QTabWidget

from kyodo_desktop.services.settings import TEXT_SIZES
from kyodo_desktop.services.year_path.steps import year_steps


def test_the_demo_year_opens_on_its_steps_with_the_next_one_marked(open_window, demo_path):
    window = open_window(demo_path)
    page = window.pages.currentWidget()
    assert window.sidebar.currentItem().text() == "今年度の流れ"
    assert page.table.rowCount() == 13
    states = [page.table.item(row, 1).text() for row in range(13)]
    steps = year_steps(window.context.store, window.context.council_id, 2026)
    assert states == [{"done": "済", "now": "今やること", "later": "まだ",
                       "not_needed": "対象外"}[s.state] for s in steps]
    assert page.table.item(6, 0).text() == "7. 記帳" and states[6] == "今やること"
    assert "記帳" in page.summary.text()


def test_open_goes_to_the_area_and_tab_of_the_step(open_window, demo_path):
    window = open_window(demo_path)
    page = window.pages.currentWidget()
    page.table.cellWidget(6, 4).click()  # 記帳 → 予算・出納 › 出納簿
    assert window.sidebar.currentItem().text() == "予算・出納"
    tabs = window.pages.currentWidget().findChild(QTabWidget)
    assert tabs.tabText(tabs.currentIndex()).replace("&", "") == "出納簿"
    window.sidebar.setCurrentRow(0)
    window.pages.currentWidget().findChild(QPushButton, "open_officers").click()
    assert window.sidebar.currentItem().text() == "構成団体・役員"


def test_a_new_file_starts_on_the_council_page(open_window, tmp_path):
    from kyodo_desktop.store import open_store

    empty = tmp_path / "empty.sqlite3"
    open_store(empty).close()
    window = open_window(empty)
    assert window.sidebar.currentItem().text() == "協議会"


def test_the_page_follows_the_year_and_fits_the_small_screen(open_window, demo_path):
    window = open_window(demo_path)
    page = window.pages.currentWidget()
    window.context.set_fiscal_year(2025)
    assert all(page.table.item(row, 1).text() == "済" for row in range(13))
    assert "すべて済みました" in page.summary.text()
    assert window.minimumSizeHint().width() <= 1366


@pytest.mark.parametrize("size", list(TEXT_SIZES))
@pytest.mark.parametrize("year", [2026, 2027])
def test_every_step_text_is_shown_whole(area_at_size, qtbot, screenshot_dir, size, year):
    """やること is never cut with 「…」: at every text size each text wraps between phrases
    (「年度末まで、」「お金の出入りを…」) and its row is as high as its lines; the empty 令和9年度
    shows the longest texts (no 事業 yet: 「… 地域づくり計画 › 事業 で入力してください。」)."""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QStyle

    from kyodo_desktop.domain.text import phrase_lines

    with area_at_size("year_path", size) as page:
        page.context.set_fiscal_year(year)
        qtbot.wait(50)
        table, cut = page.table, []
        margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                           table) + 1
        room = table.columnWidth(3) - 2 * margin
        for row in range(table.rowCount()):
            item = table.item(row, 3)
            font = table.font()
            font.setBold(item.font().bold())
            metrics = QFontMetrics(font)
            lines = phrase_lines(item.text(), metrics.horizontalAdvance, room)
            if (max(metrics.horizontalAdvance(line) for line in lines) > room
                    or table.rowHeight(row) < len(lines) * metrics.lineSpacing()):
                cut.append((item.text(), lines, room, table.rowHeight(row)))
        right = table.horizontalHeader().sectionViewportPosition(4) + table.columnWidth(4)
        fits = right <= table.viewport().width()
        table.window().grab().save(str(screenshot_dir / f"year-path-{year}-{size}.png"))
    assert cut == [] and fits, (size, year, cut)
    if year == 2027:
        assert any("事業" in table.item(row, 3).text() for row in range(table.rowCount()))
