"""The main window on the demo data: title, sidebar, selectors, overview figures, file menu."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QTableWidget

from kyodo_desktop.domain import formatting

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _councils(store):
    return store.query("SELECT id, name FROM councils ORDER BY id")


def _households(store, council_id, year):
    row = store.query(
        "SELECT sum(h.households) AS h, sum(h.member_households) AS m "
        "FROM organization_households h JOIN member_organizations o ON o.id = h.organization_id "
        "WHERE o.council_id = ? AND h.fiscal_year = ?", (council_id, year))[0]
    return row["h"], row["m"]


def _richest(store):
    """The council with the most households in 2026 (the demo's fully populated one)."""
    return store.query(
        "SELECT o.council_id AS id FROM organization_households h JOIN member_organizations o "
        "ON o.id = h.organization_id WHERE h.fiscal_year = 2026 GROUP BY o.council_id "
        "ORDER BY sum(h.households) DESC LIMIT 1")[0]["id"]


def _value(window, name):
    return window.open_area("council").findChild(QLabel, f"{name}Value").text()


def _select(combo, data):
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_window_shows_the_council_and_its_areas(open_window, demo_path):
    window = open_window(demo_path)
    store = window.context.store
    name = store.scalar("SELECT name FROM councils WHERE id = ?", (window.context.council_id,))
    assert window.windowTitle() == f"協働デスク — {name}"
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())
              if not window.sidebar.item(i).isHidden()]  # 市の一覧 is a city file's page
    assert titles == ["今年度の流れ", "協議会", "構成団体・役員", "専門部会", "地域づくり計画",
                      "予算・出納", "会議・総会", "帳票印刷", "手引き", "設定"]
    assert all(not window.sidebar.item(i).icon().isNull() for i in range(len(titles)))
    window.sidebar.setCurrentRow(5)
    texts = [label.text() for label in window.pages.currentWidget().findChildren(QLabel)]
    assert any(text.startswith("予算・出納") for text in texts)
    assert "この画面は準備中です" not in texts
    assert window.council_combo.count() == len(_councils(store))
    assert demo_path.name in window.path_label.text()
    assert window.path_label.toolTip().startswith(str(demo_path.resolve()))
    assert window.year_combo.currentText() == "令和8年度 (2026)"


def test_switching_council_and_year_changes_the_figures(open_window, demo_path):
    window = open_window(demo_path)
    store = window.context.store
    council = _richest(store)
    _select(window.council_combo, council)
    _select(window.year_combo, 2026)
    assert window.context.council_id == council
    households, members = _households(store, council, 2026)
    assert _value(window, "households") == formatting.format_number(households)
    assert _value(window, "memberHouseholds") == formatting.format_number(members)
    assert _value(window, "membershipRate") == formatting.format_percent(members / households)
    _select(window.year_combo, 2025)
    households_2025, _members = _households(store, council, 2025)
    assert households_2025 != households
    assert _value(window, "households") == formatting.format_number(households_2025)
    other = next(c["id"] for c in _councils(store) if c["id"] != council)
    _select(window.council_combo, other)
    name = store.scalar("SELECT name FROM councils WHERE id = ?", (other,))
    assert window.windowTitle().endswith(name)
    expected, _members = _households(store, other, window.context.fiscal_year)
    assert _value(window, "households") == (
        "—" if expected is None else formatting.format_number(expected))


def test_funds_table_matches_the_cash_book(open_window, demo_path):
    window = open_window(demo_path)
    store = window.context.store
    council = _richest(store)
    _select(window.council_combo, council)
    _select(window.year_combo, 2026)
    table = window.open_area("council").findChild(QTableWidget, "fundsTable")
    # the city's funds and this council's own (named in council_funds), not other councils'
    spent = {row["name"]: row["spent"] for row in store.query(
        "SELECT coalesce(cf.name, f.name) AS name, coalesce(sum(e.amount), 0) AS spent "
        "FROM funds f LEFT JOIN council_funds cf ON cf.fund_code = f.code "
        "LEFT JOIN cash_book_entries e ON e.fund_code = f.code AND e.council_id = ? "
        "AND e.fiscal_year = 2026 AND e.direction = 'expense' "
        "WHERE cf.council_id IS NULL OR cf.council_id = ? GROUP BY f.code", (council, council))}
    shown = {table.item(r, 0).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    assert shown == {name: formatting.format_yen(amount) for name, amount in spent.items()}


def test_council_and_year_are_remembered(app, qtbot, settings, demo_path):
    from kyodo_desktop.services.backup.datafile import open_data_file
    from kyodo_desktop.ui.main_window import MainWindow

    first = MainWindow(open_data_file(demo_path), settings=settings)
    qtbot.addWidget(first)
    council = _councils(first.context.store)[-1]["id"]
    _select(first.council_combo, council)
    if first.year_combo.findData(2025) >= 0:
        _select(first.year_combo, 2025)
    year = first.context.fiscal_year
    first.close()
    second = MainWindow(open_data_file(demo_path), settings=settings)
    qtbot.addWidget(second)
    assert (second.context.council_id, second.context.fiscal_year) == (council, year)
    second.close()


def test_backup_and_new_file(open_window, demo_path, tmp_path):
    window = open_window(demo_path)
    written = window.make_backup(tmp_path / "kyodo-backup-20261121.sqlite3")
    assert written.is_file() and written.stat().st_size > 0
    window.new_database(tmp_path / "new.sqlite3")
    assert window.context.council_id is None
    assert window.council_combo.count() == 0 and window.windowTitle() == "協働デスク"
    assert window.context.store.path == (tmp_path / "new.sqlite3").resolve()
    assert window.open_database(demo_path)
    assert window.council_combo.count() > 0


def test_every_page_fits_a_1366_by_768_screen(open_window, demo_path):
    window = open_window(demo_path)
    for row in range(window.sidebar.count()):
        window.sidebar.setCurrentRow(row)
        window.resize(1366, 768)
        assert window.minimumSizeHint().width() <= 1366, window.sidebar.item(row).text()
        assert window.width() <= 1366, window.sidebar.item(row).text()


def test_without_a_council_the_record_pages_point_to_the_council_page(open_window, tmp_path):
    from kyodo_desktop.store import open_store

    empty = tmp_path / "empty.sqlite3"
    open_store(empty).close()
    window = open_window(empty)
    assert window.context.council_id is None
    for row in range(window.sidebar.count()):
        if window.sidebar.item(row).isHidden():  # 市の一覧: only in a city file
            continue
        window.sidebar.setCurrentRow(row)
        texts = [label.text() for label in window.pages.currentWidget().findChildren(QLabel)]
        key = window.sidebar.item(row).data(256)
        if key in ("council", "settings"):
            assert "まず協議会を登録しましょう" not in texts or key == "council"
        else:
            assert "まず協議会を登録しましょう" in texts, key
    from kyodo_desktop.services.council.profile import create_council

    window.sidebar.setCurrentRow(2)  # 構成団体・役員
    council_id, changes = create_council(window.context.store, "テスト地域づくり協議会",
                                         district_name="テスト")
    window.context.notify(changes)
    window.context.set_council(council_id)
    texts = [label.text() for label in window.pages.currentWidget().findChildren(QLabel)]
    assert "まず協議会を登録しましょう" not in texts


def test_the_first_page_is_built_after_the_window_frame_is_painted(app, qtbot, settings,
                                                                   demo_path):
    from kyodo_desktop.services.backup.datafile import open_data_file
    from kyodo_desktop.ui.main_window import MainWindow

    window = MainWindow(open_data_file(demo_path), settings=settings,
                        first_page_after_paint=True)
    qtbot.addWidget(window)
    row = window.sidebar.currentRow()
    assert window.pages.widget(row).text() == "開いています…"  # the stand-in, not the page
    assert row not in window._built
    window.show()
    qtbot.waitUntil(lambda: row in window._built, timeout=10000)
    assert window.pages.currentWidget() is window.pages.widget(row)
    assert type(window.pages.widget(row)).__name__ == "YearPathPage"
    window.close()


def test_choosing_another_area_before_the_first_page_is_built_keeps_that_area(app, qtbot,
                                                                            settings, demo_path):
    from kyodo_desktop.services.backup.datafile import open_data_file
    from kyodo_desktop.ui.areas import area_row
    from kyodo_desktop.ui.main_window import MainWindow

    window = MainWindow(open_data_file(demo_path), settings=settings,
                        first_page_after_paint=True)
    qtbot.addWidget(window)
    first = window.sidebar.currentRow()
    window.sidebar.setCurrentRow(area_row("settings"))  # the user clicks before it is built
    qtbot.wait(400)  # past the fallback timer
    assert window.sidebar.currentRow() == area_row("settings")
    assert first not in window._built
    window.close()
