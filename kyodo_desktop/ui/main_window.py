"""The main window: menus, the council and 年度 selectors, the sidebar of areas, the pages and
the status bar. It owns the session (:class:`~kyodo_desktop.ui.context.AppContext`) and hands it
to every page; opening another file builds a new session and new pages.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from kyodo_desktop.domain import formatting, wareki
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.ui.areas import AREAS, area_row, create_page, shown_in
from kyodo_desktop.ui.shell.screen_fit import fit_window_to_screen

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent

    from kyodo_desktop.services.backup.datafile import Store
    from kyodo_desktop.services.changes import Changes
    from kyodo_desktop.ui.context import AppContext

# The data file's layers (store, services, the session, backups) are imported once the window
# has been painted — by _build_frame and the methods that use them — and Qt's classes are taken
# from their modules when first used (PySide creates a class's Python enums then; the Qt
# namespace alone has about a hundred): the window appears before all that (bench/startup.py).

#: Areas that work without a registered council.
WITHOUT_COUNCIL = frozenset({"council", "settings", "city"})
SIDEBAR_STYLE = "QListWidget#sidebar::item { padding: 8px; }"
#: The sidebar's text is this much larger than the application font (and follows 文字の大きさ).
SIDEBAR_FONT_SCALE = 1.3


class _AfterFirstPaint(QObject):
    """Calls ``then`` once, on the next turn of the event loop after the watched widget's first
    paint (so that paint reaches the screen before the work starts)."""

    def __init__(self, then, parent: QObject) -> None:
        super().__init__(parent)
        self.then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and self.then is not None:
            then, self.then = self.then, None
            QTimer.singleShot(0, then)
        return False


def _help():
    """The help dialogs, imported when shown (start-up touches no dialog class)."""
    from kyodo_desktop.ui.shell import help as module

    return module


class MainWindow(QMainWindow):
    """The window on an open ``store``; ``settings`` remembers geometry, council and 年度.

    With ``first_page_after_paint``, the first page is built once the window's frame — menus,
    selectors, sidebar, status bar — is on the screen. The app's start goes further (``store``
    None, then :meth:`open_when_painted`): the window appears with 「開いています…」 before the data
    file's layers are even imported, then builds its frame, opens the file and fills its first
    page (bench/startup.py measures both moments)."""

    def __init__(self, store: Store | None, *, settings: QSettings,
                 parent: QWidget | None = None, first_page_after_paint: bool = False) -> None:
        super().__init__(parent)
        self.settings = settings
        self._first_page_after_paint = first_page_after_paint
        self.context: AppContext | None = None
        self._built: set[int] = set()
        self._fitted_once = False
        self.resize(1280, 760)
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if store is None:  # the app's start: a window at once, its frame after the first paint
            self.setWindowTitle(_("kyodo-desktop"))
            opening = QLabel(_("Opening…"), self)
            opening.setStyleSheet("qproperty-alignment: AlignCenter;")  # no Qt enums yet
            self.setCentralWidget(opening)
            return
        self._build_frame()
        self.set_store(store)

    def open_when_painted(self, open_file: Callable[[MainWindow], object]) -> None:
        """After the first paint of a window made without a file (or after 300 ms if no paint
        comes, e.g. when it starts minimised): build the frame, then call ``open_file(self)``,
        which opens the data file (asking what it must) and shows it with :meth:`set_store`, its
        first page built after the next paint. Exceptions from ``open_file`` are its own."""
        started = []

        def start() -> None:
            if started:
                return
            started.append(True)
            self._build_frame()
            self._first_page_after_paint = True
            open_file(self)

        self.centralWidget().installEventFilter(_AfterFirstPaint(start, self.centralWidget()))
        QTimer.singleShot(300, self, start)

    # construction -------------------------------------------------------------------------------

    def _build_frame(self) -> None:
        """Menus, selectors, sidebar, page stack, status bar, backups and undo keys."""
        from kyodo_desktop.ui.backup.actions import BackupActions
        from kyodo_desktop.ui.shell.undo_keys import UndoKeys

        self.undo_group = QtGui.QUndoGroup(self)
        self._build_menus()
        self._build_toolbar()
        self._build_body()
        self._build_status_bar()
        self.safety = BackupActions(self, self.files_menu)  # backups, restore, 引継ぎ (issue 8)
        self.undo_keys = UndoKeys(self.undo_group.undo, self.undo_group.redo, self)
        QApplication.instance().installEventFilter(self.undo_keys)  # removed with the window

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QtGui.QKeySequence(shortcut))
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        files = self.files_menu = bar.addMenu(_("&File"))
        self._action(files, _("New…"), self._ask_new, QtGui.QKeySequence.StandardKey.New)
        self._action(files, _("Open…"), self._ask_open, QtGui.QKeySequence.StandardKey.Open)
        files.addSeparator()
        self._action(files, _("Create backup…"), self._ask_backup)
        files.addSeparator()
        self._action(files, _("Quit"), self.close, QtGui.QKeySequence.StandardKey.Quit)
        edit = bar.addMenu(_("&Edit"))
        self.undo_action = self.undo_group.createUndoAction(self, _("Undo"))
        self.undo_action.setShortcuts(QtGui.QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_group.createRedoAction(self, _("Redo"))
        self.redo_action.setShortcuts([QtGui.QKeySequence("Ctrl+Y"),
                                       QtGui.QKeySequence("Ctrl+Shift+Z")])
        edit.addActions([self.undo_action, self.redo_action])
        helps = bar.addMenu(_("&Help"))
        self._action(helps, _("User guide"), self.show_guide, QtGui.QKeySequence("F1"))
        self._action(helps, _("About kyodo-desktop"), lambda: _help().show_about(self))

    def show_guide(self) -> QWidget:
        """Open the 使い方ガイド at the section of the page shown (F1); return its window."""
        return _help().show_guide(self, AREAS[max(self.sidebar.currentRow(), 0)].key)

    def _build_toolbar(self) -> None:
        bar = self.selectors = QtWidgets.QToolBar(_("Council and year"), self)
        bar.setObjectName("selectors")
        bar.setMovable(False)
        self.council_combo = QtWidgets.QComboBox(bar)
        self.council_combo.setObjectName("councilCombo")
        self.council_combo.setMinimumContentsLength(16)
        to_contents = QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToContents
        self.council_combo.setSizeAdjustPolicy(to_contents)
        self.year_combo = QtWidgets.QComboBox(bar)
        self.year_combo.setObjectName("yearCombo")
        self.year_combo.setSizeAdjustPolicy(to_contents)
        for caption, combo in ((_("Council:"), self.council_combo),
                               (_("Year:"), self.year_combo)):
            holder = QWidget(bar)
            row = QtWidgets.QHBoxLayout(holder)
            row.setContentsMargins(8, 4, 8, 4)
            row.addWidget(QLabel(caption, holder))
            row.addWidget(combo)
            bar.addWidget(holder)
        self.council_combo.activated.connect(self._council_chosen)
        self.year_combo.activated.connect(self._year_chosen)
        self.addToolBar(QtCore.Qt.ToolBarArea.TopToolBarArea, bar)

    def _apply_sidebar_font(self) -> None:
        font = QtGui.QFont(QApplication.font())
        font.setPointSizeF(font.pointSizeF() * SIDEBAR_FONT_SCALE)
        self.sidebar.setFont(font)
        self.sidebar.setFixedWidth(self.sidebar.sizeHintForColumn(0)
                                   + 2 * self.sidebar.frameWidth() + 24)

    def event(self, event: QEvent) -> bool:
        """Keep the sidebar's larger text in step with the large-text mode (設定), and the
        window inside the screen after a text-size change."""
        if event.type() == QEvent.Type.ApplicationFontChange and hasattr(self, "sidebar"):
            # after the style sheets have been re-polished, which reset the sidebar's font; the
            # window as context: never run for a window deleted meanwhile
            QTimer.singleShot(0, self, self._apply_sidebar_font)
            QTimer.singleShot(0, self, lambda: fit_window_to_screen(self))
        return super().event(event)

    def showEvent(self, event) -> None:  # Qt override
        """At first show, keep the whole window (status bar included) above the taskbar."""
        super().showEvent(event)
        if not self._fitted_once:
            self._fitted_once = True
            fit_window_to_screen(self)

    def _build_body(self) -> None:
        from kyodo_desktop.ui.shell.page_stack import PageStack, page_scroll_area

        body = QWidget(self)
        layout = QtWidgets.QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 8, 0)
        self.sidebar = QtWidgets.QListWidget(body)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setStyleSheet(SIDEBAR_STYLE)
        self.sidebar.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.setIconSize(QtCore.QSize(24, 24))
        for area in AREAS:
            icon = self.style().standardIcon(getattr(QtWidgets.QStyle.StandardPixmap, area.icon))
            item = QtWidgets.QListWidgetItem(icon, _(area.title), self.sidebar)
            item.setData(QtCore.Qt.ItemDataRole.UserRole, area.key)
        self._apply_sidebar_font()
        self.pages = PageStack(body)
        layout.addWidget(self.sidebar)
        layout.addWidget(page_scroll_area(self.pages, body), 1)
        self.setCentralWidget(body)
        self.sidebar.currentRowChanged.connect(self.show_area)

    def _build_status_bar(self) -> None:
        self.path_label = QLabel(self)
        self.saved_label = QLabel(self)
        for label in (self.path_label, self.saved_label):
            self.statusBar().addPermanentWidget(label)

    # the session --------------------------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        """Show ``store``: close the previous file, build a new session and new pages."""
        from kyodo_desktop.services.city.kind import is_city_file
        from kyodo_desktop.ui.context import AppContext

        old = self.context
        council_id, fiscal_year = self._remembered(store)
        self.context = AppContext(store, council_id, fiscal_year, self)
        self.undo_group.addStack(self.context.undo_stack)
        self.undo_group.setActiveStack(self.context.undo_stack)
        self.context.changed.connect(self._on_changed)
        self.context.changed.connect(self.undo_keys.saved)
        self.context.stepped.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.context.council_changed.connect(lambda _id: self._on_council_changed())
        self.context.fiscal_year_changed.connect(lambda _fy: self._on_year_changed())
        self.context.open_area.connect(self.open_area)
        current = self.sidebar.currentRow()
        city = is_city_file(store)  # a city file shows the 市 page (services/city)
        for row, area in enumerate(AREAS):
            self.sidebar.item(row).setHidden(not shown_in(area.key, city))
        self.selectors.setVisible(not city)
        if city and (current < 0 or not shown_in(AREAS[current].key, city)):
            current = area_row("city")
        elif current < 0 or not shown_in(AREAS[current].key, city):
            # first page: 今年度の流れ, or the 協議会 page until a council exists
            current = 0 if council_id is not None else area_row("council")
        while self.pages.count():
            page = self.pages.widget(0)
            self.pages.removeWidget(page)
            page.deleteLater()
        for _area in AREAS:  # pages are built when first shown (start-up time)
            self.pages.addWidget(QWidget(self.pages))
        self._built: set[int] = set()
        self._needs_council: QWidget | None = None
        if self._first_page_after_paint:
            self._first_page_after_paint = False  # only the window's first file
            self._show_after_paint(current)
        else:
            self.show_area(current)
        if old is not None:
            self.undo_group.removeStack(old.undo_stack)
            old.store.close()
            old.deleteLater()
        self._refresh_councils()
        self._on_council_changed()
        self.safety.store_opened()  # automatic backup when due, last-backup time

    def show_area(self, row: int) -> QWidget:
        """Show the page of sidebar row ``row`` (building it on first use) and return it.

        Until a council is registered, the areas that work on a council's records show a short
        notice pointing to the 協議会 page instead of an empty page that cannot save anything.
        """
        from kyodo_desktop.ui.shell.page_stack import size_by_current_tab

        if self.context.council_id is None and AREAS[row].key not in WITHOUT_COUNCIL:
            return self._show_needs_council(row)
        if row not in self._built:
            stand_in = self.pages.widget(row)
            page = create_page(AREAS[row], self.context, self.pages)
            for tabs in page.findChildren(QtWidgets.QTabWidget):
                size_by_current_tab(tabs)
            self.pages.insertWidget(row, page)
            self.pages.removeWidget(stand_in)
            stand_in.deleteLater()
            self._built.add(row)
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)
        self.pages.show_page(row)
        return self.pages.widget(row)

    def _show_after_paint(self, row: int) -> None:
        """Select ``row`` in the sidebar and show a 「開いています…」 stand-in; the page itself is
        built after the stand-in's first paint (or after 300 ms if no paint comes, e.g. when the
        window starts minimised) unless the user chose another area by then."""
        stand_in = QLabel(_("Opening…"), self.pages)
        stand_in.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.pages.insertWidget(row, stand_in)
        old = self.pages.widget(row + 1)
        self.pages.removeWidget(old)
        old.deleteLater()
        blocked = self.sidebar.blockSignals(True)
        self.sidebar.setCurrentRow(row)
        self.sidebar.blockSignals(blocked)
        self.pages.show_page(row)

        def build() -> None:
            if row not in self._built and self.sidebar.currentRow() == row:
                self.show_area(row)

        stand_in.installEventFilter(_AfterFirstPaint(build, stand_in))
        QTimer.singleShot(300, build)

    def open_area(self, key: str, tab_title: str = "") -> QWidget:
        """Show the area ``key`` and, when ``tab_title`` is given, its tab of that title."""
        page = self.show_area(area_row(key))
        if tab_title:
            for tabs in page.findChildren(QtWidgets.QTabWidget):
                for index in range(tabs.count()):
                    if tabs.tabText(index).replace("&", "") == tab_title:
                        tabs.setCurrentIndex(index)
                        return page
        return page

    def _show_needs_council(self, row: int) -> QWidget:
        from kyodo_desktop.ui.shell.placeholder import PlaceholderPage

        if self._needs_council is not None:
            self.pages.removeWidget(self._needs_council)
            self._needs_council.deleteLater()
        area = AREAS[row]
        self._needs_council = PlaceholderPage(
            _(area.title), _("Enter the council's name and district on the Council page first; "
                             "this screen then opens with its records."),
            self.pages, notice=_("First register the council."),
            action=(_("Go to the Council page"), lambda: self.open_area("council")))
        self.pages.addWidget(self._needs_council)
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)
        self.pages.show_page(self.pages.indexOf(self._needs_council))
        return self._needs_council

    def _council_chosen(self, index: int) -> None:
        if self.context.may_leave():
            self.context.set_council(self.council_combo.itemData(index))
        else:  # stay: show the council that is still current
            self.council_combo.setCurrentIndex(self.council_combo.findData(self.context.council_id))

    def _year_chosen(self, index: int) -> None:
        if self.context.may_leave():
            self.context.set_fiscal_year(self.year_combo.itemData(index))
        else:
            self.year_combo.setCurrentIndex(self.year_combo.findData(self.context.fiscal_year))

    def _remembered(self, store: Store) -> tuple[int | None, int]:
        from kyodo_desktop.services.council import councils
        from kyodo_desktop.services.council import profile as council_profile

        known = {c["id"] for c in councils.list_councils(store)}
        same_file = self.settings.value("last/db") == str(store.path)
        council_id = int(self.settings.value("last/council", 0)) if same_file else 0
        if council_id not in known:
            council_id = council_profile.default_council(store)
        years = council_profile.fiscal_years(store, council_id)
        fiscal_year = int(self.settings.value("last/fiscal_year", 0)) if same_file else 0
        current = wareki.fiscal_year_of(date.today())
        return council_id, fiscal_year if fiscal_year in years else current

    def _refresh_councils(self) -> None:
        from kyodo_desktop.services.council import councils

        combo = self.council_combo
        combo.clear()
        for council in councils.list_councils(self.context.store):
            combo.addItem(council["name"], council["id"])
        combo.setEnabled(combo.count() > 0)
        combo.setCurrentIndex(combo.findData(self.context.council_id))

    def _refresh_years(self) -> None:
        from kyodo_desktop.services.council import profile as council_profile

        combo = self.year_combo
        combo.clear()
        for year in reversed(council_profile.fiscal_years(self.context.store,
                                                          self.context.council_id)):
            combo.addItem(f"{formatting.format_fiscal_year(year)} ({year})", year)
        index = combo.findData(self.context.fiscal_year)
        if index < 0:  # the 年度 has no data in this council: show it anyway
            combo.addItem(f"{formatting.format_fiscal_year(self.context.fiscal_year)} "
                          f"({self.context.fiscal_year})", self.context.fiscal_year)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    def _on_council_changed(self) -> None:
        self.council_combo.setCurrentIndex(self.council_combo.findData(self.context.council_id))
        self._refresh_years()
        self._remember()
        self._refresh_chrome()
        if self.pages.currentWidget() is self._needs_council and self._needs_council is not None:
            self.show_area(self.sidebar.currentRow())  # the council exists now: the real page

    def _on_year_changed(self) -> None:
        self._refresh_years()
        self._remember()

    def _on_changed(self, changes: Changes) -> None:
        from kyodo_desktop.services.changes import COUNCIL

        if changes.touches(COUNCIL):
            self._refresh_councils()
        self._refresh_years()
        self._refresh_chrome()

    def _remember(self) -> None:
        self.settings.setValue("last/db", str(self.context.store.path))
        self.settings.setValue("last/council", self.context.council_id or 0)
        self.settings.setValue("last/fiscal_year", self.context.fiscal_year)

    def _refresh_chrome(self) -> None:
        name = self.council_combo.currentText()
        self.setWindowTitle(_("kyodo-desktop — {council}").format(council=name) if name
                            else _("kyodo-desktop"))
        store = self.context.store
        self.path_label.setText(_("File: {path}").format(path=store.path.name))
        # the full path and the file's format version in the tooltip; the bar stays narrow
        self.path_label.setToolTip(_("{path}\n(file format version {version})").format(
            path=store.path, version=store.schema_version))
        saved = self.context.last_saved
        self.saved_label.setText(_("Last saved: {when}").format(
            when=formatting.format_date_time(saved)) if saved else "")

    # file menu ----------------------------------------------------------------------------------

    def new_database(self, path: Path) -> None:
        """Create an empty data file at ``path`` (replacing a kyodo-desktop file there) and open it.

        Raises UserError for the file open now, StoreError when it cannot be replaced or created.
        """
        from kyodo_desktop.services.backup.datafile import create_data_file

        if Path(path).resolve() == self.context.store.path:
            raise UserError(_("This data file is open now. Choose another name for the new file."))
        self.set_store(create_data_file(path))

    def open_database(self, path: Path) -> bool:
        """Open ``path`` (explaining a file that cannot be opened); True when it was opened."""
        from kyodo_desktop.ui.shell.opening import open_or_ask

        if Path(path).resolve() == self.context.store.path:
            return True
        store = open_or_ask(Path(path), self)
        if store is not None:
            self.set_store(store)
        return store is not None

    def make_backup(self, path: Path, passphrase: str | None = None) -> Path:
        """Write a checked copy of the open file to ``path`` (encrypted with ``passphrase``
        when given); report it in the status bar."""
        from kyodo_desktop.services.backup import copies as backup

        written = backup.backup_to(self.context.store, Path(path), passphrase=passphrase)
        self.safety.external_backup_written()
        self.statusBar().showMessage(_("Backup saved: {path}").format(path=written), 10000)
        return written

    def _ask_new(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # when asked: start-up touches no dialog

        from kyodo_desktop.ui.shell.opening import file_filter

        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Create a new data file"), str(self.context.store.path.parent / "kyodo.sqlite3"),
            file_filter())
        if chosen and self.context.may_leave():
            self._guarded(self.new_database, Path(chosen))

    def _ask_open(self) -> None:
        from kyodo_desktop.ui.shell.opening import ask_open_path

        chosen = ask_open_path(self, self.context.store.path.parent)
        if chosen is not None and self.context.may_leave():
            self._guarded(self.open_database, chosen)

    def _ask_backup(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # when asked: start-up touches no dialog

        from kyodo_desktop.services.backup import copies as backup
        from kyodo_desktop.ui.backup.passphrase import ask_target_and_passphrase
        from kyodo_desktop.ui.shell.opening import file_filter

        def ask_target() -> Path | None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, _("Create a backup"), str(Path.home() / backup.default_backup_name()),
                file_filter())
            return Path(chosen) if chosen else None

        target, passphrase = ask_target_and_passphrase(self, _("Create a backup"), ask_target)
        if target is not None:
            self._guarded(self.make_backup, target, passphrase)

    def _guarded(self, operation, *args) -> None:
        from kyodo_desktop.ui.shell.errors import show_error

        try:
            operation(*args)
        except Exception as error:  # one dialog for every failure, never a traceback
            show_error(error, self)

    # closing ----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        if self.context is None:  # closed before a file was shown (終了 at an opening error)
            super().closeEvent(event)
            return
        if not self.context.may_leave():
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self._remember()
        self.settings.sync()
        self.safety.before_close()  # the automatic backup on closing
        self.context.store.close()
        super().closeEvent(event)

