"""Find what a user cannot read on the window as shown: a window larger than the screen, text
cut off in table cells, headers, labels and buttons, widgets outside the window or their parent.

The page-fit test (tests/ui/test_page_fit.py) runs :func:`audit` on every page and tab at every
text size (文字の大きさ), and :func:`list_room_problems`: the page's main list (its largest table)
must show at least :data:`MIN_ROWS` whole rows. Table columns of free text (メモ, 支払先 …) may elide: a view lists them
with :func:`ui.shell.table_fit.elidable_columns`; every other column (日付, 摘要, 金額, 残高 …) must
show its whole text.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListView,
    QScrollArea,
    QStyle,
    QStyleOptionGroupBox,
    QTableView,
    QTreeView,
    QWidget,
)

from kyodo_desktop.ui.shell.list_room import MIN_ROWS, is_main_list
from kyodo_desktop.ui.shell.page_stack import PAGE_SCROLL_NAME
from kyodo_desktop.ui.shell.table_fit import elidable_columns

#: How many rows of a table are measured (the demo's longest tables have a few hundred).
MAX_ROWS = 400
#: Pixels a measured width may exceed the space it has before it counts as cut (rounding).
SLACK = 1


def _name(widget: QWidget) -> str:
    name = widget.objectName() or type(widget).__name__
    text = getattr(widget, "text", None)
    shown = text() if callable(text) else ""
    return f"{name} 「{shown}」" if shown else name


def shown(widget: QWidget) -> bool:
    """True when ``widget`` is visible on its window (itself and all its parents shown)."""
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def in_scrolled_content(widget: QWidget) -> bool:
    """True when ``widget`` lies inside a scroll area's viewport (reachable by scrolling) other
    than the window's page area (whose pages must fit: :func:`page_problems`)."""
    parent = widget.parentWidget()
    while parent is not None:
        grand = parent.parentWidget()
        if (isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent
                and grand.objectName() != PAGE_SCROLL_NAME):
            return True
        parent = grand
    return False


def page_problems(window: QWidget) -> list[str]:
    """The page shown needing more width than the window gives it (a horizontal scroll bar; a
    tall page may scroll vertically)."""
    area = window.findChild(QScrollArea, PAGE_SCROLL_NAME)
    if area is None or area.widget() is None:
        return []
    needed, room = area.widget().minimumSizeHint().width(), area.viewport().width()
    return [f"page needs {needed} px of width, has {room}"] if needed > room else []


def list_problems(view: QListView) -> list[str]:
    """Items of a list (the sidebar …) wider than the list's viewport."""
    if view.wordWrap() or view.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
        return []
    model, room = view.model(), view.viewport().width()
    for row in range(min(model.rowCount(), MAX_ROWS) if model is not None else 0):
        index = model.index(row, view.modelColumn())
        needed = view.sizeHintForIndex(index).width()
        if needed > room + SLACK:
            return [f"{_name(view)}: 「{index.data()}」 needs {needed} px, has {room}"]
    return []


def window_problems(window: QWidget) -> list[str]:
    """The window's frame or its minimum size larger than the screen's available geometry."""
    available = window.screen().availableGeometry()
    problems = []
    if not available.contains(window.frameGeometry()):
        problems.append(f"window {window.frameGeometry().getRect()} outside the screen "
                        f"{available.getRect()}")
    minimum = window.minimumSizeHint()
    if minimum.width() > available.width() or minimum.height() > available.height():
        problems.append(f"window needs at least {minimum.width()}×{minimum.height()} "
                        f"on a screen of {available.width()}×{available.height()}")
    return problems


def _column_problems(view: QAbstractItemView, column: int, width: int, title: str) -> list[str]:
    model = view.model()
    if isinstance(view, QTableView) and view.isColumnHidden(column):
        return []
    if isinstance(view, QTreeView) and view.isColumnHidden(column):
        return []
    problems = []
    for row in range(min(model.rowCount(), MAX_ROWS)):
        if isinstance(view, QTableView) and view.isRowHidden(row):
            continue
        index = model.index(row, column)
        if isinstance(view, QTableView) and view.columnSpan(row, column) > 1:
            continue
        needed = view.sizeHintForIndex(index).width()
        if needed > width + SLACK:
            problems.append(f"{_name(view)}: 「{index.data()}」 in column 「{title}」 needs "
                            f"{needed} px, has {width}")
            break  # one cut cell per column is enough to report
    return problems


def tree_item_problems(view: QTreeView) -> list[str]:
    """Entries of a tree at every level (those shown: parents expanded) whose text needs more
    width than the tree gives them beside their indentation, or more height than their row
    (:func:`table_problems` measures the top level only)."""
    model, room = view.model(), view.viewport().width()
    problems, waiting = [], [model.index(row, 0) for row in range(model.rowCount())]
    while waiting:
        index = waiting.pop(0)
        shown_at = view.visualRect(index)
        needed = view.sizeHintForIndex(index)
        if needed.width() > room - shown_at.left() + SLACK or (
                needed.height() > shown_at.height() + SLACK):
            problems.append(f"{_name(view)}: 「{index.data()}」 needs {needed.width()}×"
                            f"{needed.height()} px, has {room - shown_at.left()}×"
                            f"{shown_at.height()}")
        if view.isExpanded(index):
            waiting += [model.index(row, 0, index) for row in range(model.rowCount(index))]
    return problems


def _header_of(view: QAbstractItemView) -> QHeaderView | None:
    if isinstance(view, QTableView):
        return view.horizontalHeader()
    if isinstance(view, QTreeView):
        return view.header()
    return None


def table_problems(view: QAbstractItemView) -> list[str]:
    """Cells and header sections of ``view`` whose text is wider than their column, and columns
    that lie (partly) beyond the right edge of the view; elidable columns are left out."""
    header = _header_of(view)
    model = view.model()
    if header is None or model is None:
        return []
    free = set(elidable_columns(view))
    problems = []
    right = view.viewport().width()
    for column in range(model.columnCount()):
        if header.isSectionHidden(column) or column in free:
            continue
        title = str(model.headerData(column, header.orientation()) or column)
        width = header.sectionSize(column)
        if header.isVisible() and header.sectionSizeHint(column) > width + SLACK:
            problems.append(f"{_name(view)}: header 「{title}」 needs "
                            f"{header.sectionSizeHint(column)} px, has {width}")
        if header.sectionViewportPosition(column) + width > right + SLACK and not (
                isinstance(view, QTreeView) and column == 0):
            problems.append(f"{_name(view)}: column 「{title}」 reaches beyond the table's "
                            f"right edge ({header.sectionViewportPosition(column) + width} > "
                            f"{right})")
        problems += _column_problems(view, column, width, title)
    return problems


def title_problems(box: QGroupBox) -> list[str]:
    """A group-box title drawn in less width than its text (Fusion measures a title by its
    glyphs' ink, so a trailing kana or 「）」 loses its right part; see
    :func:`kyodo_desktop.ui.shell.dialog_fit.whole_titles`)."""
    if not box.title():
        return []
    option = QStyleOptionGroupBox()
    box.initStyleOption(option)
    room = box.style().subControlRect(QStyle.ComplexControl.CC_GroupBox, option,
                                      QStyle.SubControl.SC_GroupBoxLabel, box).width()
    needed = box.fontMetrics().horizontalAdvance(box.title())
    if needed > room + 1:
        return [f"group box 「{box.title()}」 needs {needed} px, has {room}"]
    return []


def text_problems(widget: QWidget) -> list[str]:
    """A label or button whose text needs more room than it has, or a group-box title cut."""
    if isinstance(widget, QGroupBox):
        return title_problems(widget)
    if isinstance(widget, QLabel):
        if not widget.text() or widget.pixmap() is not None and not widget.pixmap().isNull():
            return []
        if widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + SLACK:
                return [f"{_name(widget)} needs {needed} px of height, has {widget.height()}"]
            return []
        needed = widget.sizeHint().width()
    elif isinstance(widget, QAbstractButton):
        if not widget.text():
            return []
        needed = widget.sizeHint().width()
    else:
        return []
    if needed > widget.width() + SLACK:
        return [f"{_name(widget)} needs {needed} px, has {widget.width()}"]
    return []


def placement_problems(widget: QWidget, window: QWidget) -> list[str]:
    """``widget`` (not inside scrolled content) reaching outside its parent or the window."""
    area = window.findChild(QScrollArea, PAGE_SCROLL_NAME)
    if in_scrolled_content(widget) or area is not None and widget is area.widget():
        return []
    parent = widget.parentWidget()
    problems = []
    if parent is not None and not parent.rect().contains(widget.geometry()) and (
            not isinstance(parent, QAbstractScrollArea)):
        problems.append(f"{_name(widget)} {widget.geometry().getRect()} outside its parent "
                        f"{_name(parent)} {parent.rect().getRect()}")
    root = area.widget() if area is not None and area.widget().isAncestorOf(widget) else window
    placed = QRect(widget.mapTo(root, widget.rect().topLeft()), widget.size())
    if not root.rect().contains(placed):
        problems.append(f"{_name(widget)} {placed.getRect()} outside the "
                        f"{'page' if root is not window else 'window'} {root.rect().getRect()}")
    return problems


def full_rows(view: QAbstractItemView) -> int:
    """How many rows fit whole in ``view``'s viewport, counted from its first row at their real
    heights (a wrapped 摘要 makes a row taller); room below the last row counts as rows of the
    default height (an empty 点検 list shows how many it could hold). For a list (QListView):
    the entries shown whole, as it is scrolled."""
    if isinstance(view, QListView):
        model, room = view.model(), view.viewport().rect()
        return sum(1 for row in range(model.rowCount() if model is not None else 0)
                   if not view.isRowHidden(row)
                   and room.contains(view.visualRect(model.index(row, view.modelColumn()))))
    room, used, count = view.viewport().height(), 0, 0
    model = view.model()
    for row in range(model.rowCount() if model is not None else 0):
        if view.isRowHidden(row):
            continue
        height = view.rowHeight(row)
        if used + height > room:
            return count
        used, count = used + height, count + 1
    return count + (room - used) // max(view.verticalHeader().defaultSectionSize(), 1)


def main_list(window: QWidget) -> QAbstractItemView | None:
    """The list a page declares its main one (ui/shell/list_room.set_main_list), else the
    largest table shown on ``window``; None without either."""
    views = [view for view in window.findChildren(QAbstractItemView)
             if shown(view) and view.window() is window]
    declared = [view for view in views if is_main_list(view)]
    if declared:
        return declared[0]
    tables = [view for view in views if isinstance(view, QTableView)]
    return max(tables, key=lambda view: view.width() * view.height(), default=None)


def list_room_problems(window: QWidget, minimum: int = MIN_ROWS) -> list[str]:
    """The page's main list showing fewer than ``minimum`` whole rows."""
    view = main_list(window)
    if view is None:
        return []
    rows = full_rows(view)
    return [f"{_name(view)} shows {rows} whole rows, fewer than {minimum}"] if rows < minimum else []


def audit(window: QWidget) -> list[str]:
    """Every problem on ``window`` as it is shown now (empty when all text is readable)."""
    problems = window_problems(window) + page_problems(window)
    for widget in window.findChildren(QWidget):
        if not shown(widget) or widget.window() is not window:
            continue
        if isinstance(widget, (QTableView, QTreeView)):
            problems += table_problems(widget)
        elif isinstance(widget, QListView):
            problems += list_problems(widget)
        problems += text_problems(widget)
        problems += placement_problems(widget, window)
    return problems
