"""使い方ガイド in the app: a window with the table of contents on the left and the page on
the right (a QTextBrowser), opened by F1 at the section of the page shown.

The pages come from :mod:`kyodo_desktop.services.guide.pages` (the same text that ``report
user-guide`` prints) and are shown as the handbook preview shows a chapter
(:func:`kyodo_desktop.ui.handbook.preview.block_html`), with the same screenshots as the printed
guide (``resources/guide/screens``): each scaled down to the page's width, never up, named
under it (and in its ``alt`` text). Sizes follow the application font, so the 文字の大きさ of
設定 applies here too, also while the window is open. The window opens as wide as a 1366×768
screen allows (never larger than the screen's available area) with a narrow contents list, so
that a screenshot is shown at three quarters of its size or more — its text readable — and
still fits the page's width. A contents title too long for that list goes onto a second line
between two phrases (``domain.text.phrase_lines``: 「画面の見かたと」「基本の操作」), never cut with
「…」 and never split inside a word.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from kyodo_desktop.domain import handbook_markup as markup
from kyodo_desktop.domain.text import phrase_lines
from kyodo_desktop.i18n import _
from kyodo_desktop.services.guide.pages import (
    PARTS,
    PICTURE_CAPTION,
    TITLE,
    GuidePage,
    guide_pages,
    page_for_area,
    screen_named,
    screen_path,
)
from kyodo_desktop.ui.areas import AREAS
from kyodo_desktop.ui.handbook.preview import block_html
from kyodo_desktop.ui.shell.screen_fit import fit_window_to_screen

WIDTH, HEIGHT = 1340, 700
#: The contents list's width: the rest of the window is the page, its pictures as wide as it.
CONTENTS_WIDTH = 250
_SLUG = Qt.ItemDataRole.UserRole
_TITLE = Qt.ItemDataRole.UserRole + 1


def page_style(point_size: float) -> str:
    """The page's CSS with every size relative to ``point_size`` (the application font)."""
    p = point_size
    return (f"body{{font-size:{p:.1f}pt;line-height:150%}}"
            f" h1{{font-size:{p * 1.5:.1f}pt;color:#28507f}}"
            f" h2{{font-size:{p * 1.15:.1f}pt;background:#eef2f8;padding:2px}}"
            f" h3{{font-size:{p * 1.05:.1f}pt}} table{{border-collapse:collapse}}"
            " td,th{border:1px solid #444;padding:2px 4px} th{background:#e6ebf2}")


def picture_name(name: str) -> str:
    """What a screenshot shows, as its ``alt`` text and caption: 「予算・出納 › 出納簿 の画面」."""
    screen = screen_named(name)
    if screen is None:
        return _("Screen")
    titles = [_(area.title) for area in AREAS if area.key == screen.area]
    names = titles + ([_(screen.tab)] if screen.tab else [])
    return _("{names} screen").format(names=" › ".join(names))


def picture_html(name: str, width: int) -> str:
    """The screenshot ``name`` at most ``width`` pixels wide (aspect kept, never enlarged),
    named under it; "" when its PNG is not there."""
    path = screen_path(name)
    if path is None:
        return ""
    size = QImageReader(str(path)).size()
    if not size.isValid() or size.width() < 1:
        return ""
    shown = max(min(size.width(), width), 1)
    high = max(round(size.height() * shown / size.width()), 1)
    label = html.escape(picture_name(name))
    source = html.escape(QUrl.fromLocalFile(str(path)).toString())
    return (f'<p align="center" style="line-height:100%"><img src="{source}" '
            f'width="{shown}" height="{high}" '
            f'alt="{label}"></p><p align="center" style="color:#666">{label}<br>'
            f'{PICTURE_CAPTION}</p>')


def page_html(page: GuidePage, point_size: float, width: int = 800) -> str:
    """One guide page as an HTML document (title and blocks; its screenshots at most ``width``
    pixels wide)."""
    body = "".join(picture_html(block.name, width) if isinstance(block, markup.Picture)
                   else block_html(block, {}) for block in page.blocks)
    return (f"<html><head><style>{page_style(point_size)}</style></head><body>"
            f"<h1>{html.escape(page.title)}</h1>{body}</body></html>")


def short_title(title: str) -> str:
    """The title as the contents show it: without a note in （）and the 「一年の流れ」 prefix
    (its part says it already)."""
    return title.split("（")[0].removeprefix("一年の流れ ").strip()


class GuideWindow(QWidget):
    """The guide: contents tree (parts → pages) and the page; :meth:`show_page` opens one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("guideWindow")
        self.setWindowTitle(TITLE)
        self.pages = {page.slug: page for page in guide_pages()}
        self.contents = QTreeWidget(self)
        self.contents.setObjectName("guideContents")
        self.contents.setHeaderHidden(True)
        # a title too long for the narrow list goes onto a second line at a phrase boundary
        # (「画面の見かたと」「基本の操作」), never cut with 「…」 nor split inside a word
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.contents.viewport().installEventFilter(self)
        self.contents.installEventFilter(self)
        # room between the entries: a title on two lines reads as one entry
        self.contents.setStyleSheet("QTreeView::item { padding-top: 3px; padding-bottom: 3px; }")
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guidePage")
        self.browser.setOpenExternalLinks(False)
        # a new width fits the pictures again; the scroll bar always there, so that showing
        # it never changes the width
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.browser.viewport().installEventFilter(self)
        self._width = 0
        self._fill_contents()
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.contents)
        split.addWidget(self.browser)
        split.setStretchFactor(1, 1)
        split.setSizes([CONTENTS_WIDTH, WIDTH - CONTENTS_WIDTH])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(split)
        self.contents.currentItemChanged.connect(self._chosen)
        self.resize(WIDTH, HEIGHT)
        self.slug = ""

    def _fill_contents(self) -> None:
        parts: dict[str, QTreeWidgetItem] = {}
        for page in self.pages.values():
            if page.part not in parts:
                parts[page.part] = QTreeWidgetItem(self.contents, [PARTS[page.part]])
                parts[page.part].setData(0, _TITLE, PARTS[page.part])
                parts[page.part].setFlags(Qt.ItemFlag.ItemIsEnabled)
                parts[page.part].setExpanded(True)
            item = QTreeWidgetItem(parts[page.part], [short_title(page.title)])
            item.setData(0, _TITLE, short_title(page.title))
            item.setData(0, _SLUG, page.slug)
            item.setToolTip(0, page.title)

    def _fit_titles(self) -> None:
        """Each contents title on as few lines as the list's width allows, broken between
        phrases (domain.text.phrase_lines); again after a resize or a new text size."""
        tree = self.contents
        metrics = tree.fontMetrics()
        margin = 2 * (tree.style().pixelMetric(tree.style().PixelMetric.PM_FocusFrameHMargin,
                                               None, tree) + 1)
        for index in range(tree.topLevelItemCount()):
            part = tree.topLevelItem(index)
            items = [(part, 1)] + [(part.child(row), 2) for row in range(part.childCount())]
            for item, depth in items:
                room = tree.viewport().width() - depth * tree.indentation() - margin
                lines = phrase_lines(item.data(0, _TITLE), metrics.horizontalAdvance, room)
                if item.text(0) != "\n".join(lines):
                    item.setText(0, "\n".join(lines))

    def _item(self, slug: str) -> QTreeWidgetItem | None:
        for index in range(self.contents.topLevelItemCount()):
            part = self.contents.topLevelItem(index)
            for child in range(part.childCount()):
                if part.child(child).data(0, _SLUG) == slug:
                    return part.child(child)
        return None

    def _chosen(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        slug = item.data(0, _SLUG) if item is not None else None
        if slug:
            self.slug = slug
            self._render()

    def _picture_width(self) -> int:
        """The width a picture may take: the page's, less its margins."""
        margin = int(self.browser.document().documentMargin())
        return self.browser.viewport().width() - 2 * margin - 4

    def _render(self, *, keep_place: bool = False) -> None:
        size = QApplication.font().pointSizeF()
        bar = self.browser.verticalScrollBar()
        place = bar.value() / bar.maximum() if keep_place and bar.maximum() else 0.0
        self._width = self._picture_width()
        self.browser.setHtml(page_html(self.pages[self.slug], size if size > 0 else 10.5,
                                       self._width))
        if keep_place:
            bar.setValue(round(place * bar.maximum()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if (event.type() == QEvent.Type.Resize and watched is self.contents.viewport()
                or event.type() == QEvent.Type.FontChange and watched is self.contents):
            self._fit_titles()
        if (event.type() == QEvent.Type.Resize and watched is self.browser.viewport()
                and self.slug and self._picture_width() != self._width):
            self._render(keep_place=True)
        return super().eventFilter(watched, event)

    def show_page(self, slug: str) -> None:
        """Show the page ``slug`` (KeyError when there is none) and bring the window up."""
        page = self.pages[slug]
        self.contents.setCurrentItem(self._item(page.slug))
        if not self.isVisible():
            self.show()
            fit_window_to_screen(self)
        elif QApplication.platformName() != "offscreen":  # (offscreen cannot raise windows)
            self.raise_()
            self.activateWindow()

    def show_area(self, area: str) -> None:
        """Show the page of the sidebar area ``area`` (the first page when it has none)."""
        self.show_page(page_for_area(area).slug)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        """The text size changed (設定): show the page again at the new size."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self.slug:
            self._render()


def guide_window_for(parent: QWidget) -> GuideWindow:
    """The one guide window of ``parent`` (made on first use, kept while ``parent`` lives)."""
    window = parent.findChild(GuideWindow, "guideWindow")
    return window if window is not None else GuideWindow(parent)


__all__ = ["GuideWindow", "guide_window_for", "page_html"]
