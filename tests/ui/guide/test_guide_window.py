"""F1 opens the 使い方ガイド at the section of the page shown; the window has a table of
contents, fits 1366×768 and follows the text size of 設定."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget

from kyodo_desktop.services.guide.pages import guide_pages, page_for_area
from kyodo_desktop.ui.areas import area_row


def _point_size(window) -> float:
    found = re.search(r"body\{font-size:([\d.]+)pt", window.browser.toHtml())
    return float(found.group(1)) if found else 0.0


def test_f1_opens_the_guide_at_the_page_shown(open_window, demo_path, qtbot):
    window = open_window(demo_path)
    window.show_area(area_row("accounts"))
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.findChild(type(window.show_guide()), "guideWindow")
    assert guide.isVisible() and guide.slug == page_for_area("accounts").slug
    assert "出納簿" in guide.browser.toPlainText()
    window.show_area(area_row("settings"))
    assert window.show_guide() is guide and guide.slug == "settings"
    assert "文字の大きさ" in guide.browser.toPlainText()
    screen = guide.screen().availableGeometry()
    assert guide.frameGeometry().width() <= screen.width() <= 1366
    assert guide.frameGeometry().height() <= screen.height()


def test_the_contents_list_every_page_and_open_it(open_window, demo_path):
    window = open_window(demo_path)
    guide = window.show_guide()
    tree = guide.findChild(QTreeWidget, "guideContents")
    titles = [tree.topLevelItem(i).child(j).toolTip(0) for i in range(tree.topLevelItemCount())
              for j in range(tree.topLevelItem(i).childCount())]
    assert titles == [page.title for page in guide_pages()]
    assert tree.topLevelItem(2).child(1).text(0) == "2：予算"
    last = tree.topLevelItem(tree.topLevelItemCount() - 1)
    tree.setCurrentItem(last.child(last.childCount() - 1))
    assert guide.slug == "windows" and "詳細情報" in guide.browser.toPlainText()


def test_the_guide_follows_the_text_size(open_window, demo_path, app):
    from kyodo_desktop.ui.shell.text_scale import apply_text_scale

    window = open_window(demo_path)
    guide = window.show_guide()
    normal = _point_size(guide)
    try:
        apply_text_scale(app, 1.5)
        app.processEvents()
        assert _point_size(guide) >= normal * 1.4
    finally:
        apply_text_scale(app, 1.0)
    app.processEvents()
    assert abs(_point_size(guide) - normal) < 0.2


@pytest.mark.parametrize("size", ["normal", "large", "extra_large"])
def test_the_guide_shows_the_printed_guides_screenshots_fitted_to_its_width(open_window,
                                                                           demo_path, app,
                                                                           size):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    from kyodo_desktop.reports.user_guide import default_screens_folder
    from kyodo_desktop.services.guide.pages import screen_path
    from kyodo_desktop.services.settings import TEXT_SIZES
    from kyodo_desktop.ui.shell.text_scale import apply_text_scale

    window = open_window(demo_path)
    guide = window.show_guide()
    try:
        apply_text_scale(app, TEXT_SIZES[size][1])
        guide.show_page("step-bookkeeping")  # 記帳: the 出納簿 screenshot
        app.processEvents()
        shown = re.findall(r'<img src="([^"]+)"[^>]*?alt="([^"]+)"[^>]*?width="(\d+)" '
                           r'height="(\d+)"', guide.browser.toHtml())
        room = guide.browser.viewport().width()
        loaded = guide.browser.document().resource(QTextDocument.ResourceType.ImageResource,
                                                   QUrl(shown[0][0])) if shown else None
        sideways = guide.browser.horizontalScrollBar().maximum()
    finally:
        apply_text_scale(app, 1.0)
    # the same file the printed guide embeds (one set of pictures)
    path = screen_path("cash_book")
    assert path is not None and path.parent == default_screens_folder()
    assert [(QUrl(src).toLocalFile(), alt) for src, alt, _w, _h in shown] == [
        (str(path), "予算・出納 › 出納簿 の画面")]
    width, height = int(shown[0][2]), int(shown[0][3])
    assert 0 < width <= room and abs(height - width * 768 / 1366) <= 1  # scaled, not cut
    assert loaded is not None and not loaded.isNull()
    assert sideways == 0
    assert "見本の協議会のデータです" in guide.browser.toPlainText()


@pytest.mark.parametrize("size", ["normal", "extra_large"])
def test_screenshots_are_readable_and_fit_the_page(area_at_size, app, size):
    """Pictures at three quarters of their size or more (their text readable, not the half size
    of a narrow page) and never wider than the page, at 標準 and とても大きい."""
    with area_at_size("accounts", size) as page:
        guide = page.window().show_guide()
        guide.show_page(page_for_area("accounts").slug)
        app.processEvents()
        shown = [int(width) for width in re.findall(r'<img[^>]*width="(\d+)"',
                                                    guide.browser.toHtml())]
        room = guide.browser.viewport().width()
    assert shown, "the 出納簿 page shows screenshots"
    assert all(1366 * 0.75 <= width <= room for width in shown), (shown, room)


def _contents_titles(tree) -> list[tuple[str, str]]:
    """(title, text shown) of every entry of the contents, parts and pages."""
    from kyodo_desktop.ui.guide.window import _TITLE

    found = []
    for part in (tree.topLevelItem(i) for i in range(tree.topLevelItemCount())):
        for item in (part, *(part.child(j) for j in range(part.childCount()))):
            found.append((item.data(0, _TITLE), item.text(0)))
    return found


@pytest.mark.parametrize("size", ["normal", "large", "extra_large"])
def test_every_contents_title_is_shown_whole_broken_between_phrases(area_at_size, app, size):
    """The narrow contents (its width keeps the pictures at ¾ size or more) show every title
    whole at every text size: a title too long goes onto a second line between two phrases
    (「画面の見かたと」「基本の操作」, 「出納簿・」「予算・交付金」), never inside a word."""
    from kyodo_desktop.domain.text import phrase_breaks
    from kyodo_desktop.ui.shell.layout_audit import tree_item_problems

    with area_at_size("accounts", size) as page:
        guide = page.window().show_guide()
        app.processEvents()
        tree = guide.findChild(QTreeWidget, "guideContents")
        problems = tree_item_problems(tree)
        titles = _contents_titles(tree)
        sideways = tree.horizontalScrollBar().maximum()
    assert problems == [] and sideways == 0, problems
    for title, shown in titles:
        lines = shown.split("\n")
        assert "".join(lines).replace(" ", "") == title.replace(" ", ""), (title, shown)
        ends = [len("".join(lines[:n + 1])) for n in range(len(lines) - 1)]
        breaks = [len(title[:place].replace(" ", "")) for place in phrase_breaks(title)]
        assert all(end in breaks for end in ends), (title, shown)
    broken = {title for title, shown in titles if "\n" in shown}
    if size == "normal":
        assert broken == set()
    if size == "extra_large":
        assert {"画面の見かたと基本の操作", "出納簿・予算・交付金"} <= broken
