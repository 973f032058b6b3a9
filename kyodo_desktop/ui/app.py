"""Start the GUI: the QApplication, translations, fonts, the error hook, the data file, the window.

Start-up is benchmarked against a bare QMainWindow, so heavy modules (reportlab, openpyxl, the demo
builder) are imported only when used.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from kyodo_desktop import APP_NAME, __version__, fileops, i18n, paths
from kyodo_desktop.i18n import _, current_language
from kyodo_desktop.resources import resource_path
from kyodo_desktop.services.settings import Settings, load_settings, load_settings_reporting
from kyodo_desktop.ui.shell.errors import install_excepthook, show_error
from kyodo_desktop.ui.translator import CatalogTranslator

log = logging.getLogger(__name__)
ORGANIZATION = "kyodo-desktop"
#: Readable for the council's elderly users; never smaller than the platform's default.
MIN_POINT_SIZE = 11
JAPANESE_FALLBACK_FAMILIES = ("IPAexGothic", "Yu Gothic UI", "Meiryo UI", "Hiragino Sans")


def create_application(argv: list[str] | None = None) -> QApplication:
    """Return the QApplication (created once) with names, translations and fonts set up."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(_("kyodo-desktop"))
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationVersion(__version__)
    icon = resource_path("icons", "kyodo-desktop.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    install_translators(app)
    setup_fonts(app)
    return app


def install_translators(app: QApplication) -> None:
    """Qt's own Japanese (qtbase_ja.qm) for its dialogs, then the project's catalog on top."""
    if getattr(app, "_kyodo_translators", None):
        return
    QLocale.setDefault(QLocale("ja_JP"))  # by name: PySide makes no Language/Country enums
    qt_translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if current_language() == "ja" and qt_translator.load("qtbase_ja", folder):
        app.installTranslator(qt_translator)
    catalog_translator = CatalogTranslator(app)
    app.installTranslator(catalog_translator)  # installed last = asked first
    app._kyodo_translators = (qt_translator, catalog_translator)


def setup_fonts(app: QApplication) -> None:
    """Register the bundled IPAex fonts (resources/fonts/*.ttf) and pick a readable size."""
    try:
        folder = resource_path("fonts")
        fonts = sorted(folder.glob("*.ttf")) if folder.is_dir() else []
    except FileNotFoundError:
        fonts = []
    for font_file in fonts:
        QFontDatabase.addApplicationFont(str(font_file))
    font = QFont(app.font())
    font.setFamilies([font.family(), *JAPANESE_FALLBACK_FAMILIES])
    if font.pointSize() < MIN_POINT_SIZE:
        font.setPointSize(MIN_POINT_SIZE)
    app.setFont(font)


def setup_logging() -> Path | None:
    """Log warnings and bugs to ``kyodo-desktop.log`` in the user data folder; return its path.

    A log grown past :data:`LOG_MAX_BYTES` is rotated at start-up (``.1`` … ``.3`` kept), so the
    window starts without importing logging.handlers (its socket, pickle and queue modules)."""
    try:
        log_path = paths.data_dir() / "kyodo-desktop.log"
        _rotate(log_path)
        handler = logging.FileHandler(log_path, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)
    return log_path


LOG_MAX_BYTES, LOG_BACKUPS = 1_000_000, 3


def _rotate(log_path: Path) -> None:
    if not log_path.is_file() or log_path.stat().st_size < LOG_MAX_BYTES:
        return
    for number in range(LOG_BACKUPS - 1, 0, -1):
        older = log_path.with_name(f"{log_path.name}.{number}")
        if older.exists():
            older.replace(log_path.with_name(f"{log_path.name}.{number + 1}"))
    log_path.replace(log_path.with_name(f"{log_path.name}.1"))


def prepare_start() -> Settings:
    """Before the QApplication: owner-only files from now on, the 設定, the chosen language.
    (The temporary copies a killed earlier run left are removed by :func:`show_file`, after
    the first paint and before the data file is opened.)"""
    fileops.restrict_new_files()
    settings = load_settings()
    i18n.set_language(settings.language)
    return settings


def resolve_store(db_path: Path | None, *, demo: bool, check: bool = True):
    """Open the data file to show: the demo (built on first use), ``db_path``, or the default.

    ``check=False``: without ``quick_check`` (the window runs it after its first paint).
    Returns the Store, or None when the user chose 終了 after an opening error.
    """
    from kyodo_desktop.services.council.councils import list_councils
    from kyodo_desktop.ui.backup.startup import open_offering_backup
    from kyodo_desktop.ui.shell.opening import build_demo_with_progress, open_or_ask

    settings = load_settings()
    path = paths.demo_db_path() if demo else Path(db_path or settings.default_db_path())
    if not demo and db_path is None and not path.exists():
        from kyodo_desktop.ui.shell.first_run import first_run_store

        return first_run_store(path)
    # A damaged file: offer the newest good backup first (issue 8), then the usual dialog.
    store = (open_offering_backup(path, settings, check=check)
             or open_or_ask(path, at_start=True))
    if store is not None and demo and not list_councils(store):
        build_demo_with_progress(store)
    return store


def run_gui(db_path: Path | None, *, demo: bool = False) -> int:
    """Run the app until its window closes; return the exit code (0 also when the user quits
    at an opening error, 1 when the file could not be shown, e.g. the demo not built).

    The window is shown before the data file's layers are imported or the file is opened: it
    paints 「開いています…」 at once, then builds its frame, opens the file (asking what it must)
    and fills its first page (bench/startup.py).
    """
    from kyodo_desktop.ui.main_window import MainWindow
    from kyodo_desktop.ui.shell.text_scale import apply_text_scale

    settings = prepare_start()  # owner-only files, language of 設定 (issue 8)
    setup_logging()
    app = create_application()
    apply_text_scale(app, settings.text_scale)
    install_excepthook()
    window = MainWindow(None, settings=QSettings())
    window.open_when_painted(lambda shown: show_file(shown, db_path, demo=demo))
    window.show()
    return app.exec()


def show_file(window, db_path: Path | None, *, demo: bool = False) -> int | None:
    """Remove the temporary copies a killed earlier run left behind, then open the data file to
    show (:func:`resolve_store`, without ``quick_check``) in ``window``
    (a MainWindow made without a file). Returns None when it is shown; otherwise the window is
    closed and the application told to exit with the returned code: 0 when the user chose 終了,
    1 after explaining a failure (e.g. the demo could not be built)."""
    try:
        fileops.clean_leftovers()  # temporary copies a killed earlier run left behind
        store = resolve_store(db_path, demo=demo, check=False)
        if store is not None and not _shown_unchecked(window, store):
            store = resolve_store(db_path, demo=demo)  # damage is reported as on opening
            if store is not None:
                window.set_store(store)
    except Exception as error:  # explain, then stop
        show_error(error, window)
        return _stop(window, 1)
    if store is None:
        return _stop(window, 0)
    report_settings_problems(window)
    return None


def report_settings_problems(window):
    """Say in a message over ``window`` (not blocking it) and in the log when the 設定 file
    could not be read or some of its values were dropped: the app started with the defaults
    for them. Returns the message box shown, or None when all was well."""
    problems = load_settings_reporting()[1]
    for problem in problems:
        log.warning("settings: %s", problem)
    if not problems:
        return None
    from PySide6.QtWidgets import QMessageBox  # only then: start-up touches no dialog

    box = QMessageBox(QMessageBox.Icon.Warning, _("Settings"), "\n\n".join(problems),
                      QMessageBox.StandardButton.Ok, window)
    box.setObjectName("settings_problems")
    box.open()
    return box


def _shown_unchecked(window, store) -> bool:
    """Show ``store``, opened without its check; False (the file closed) when showing it
    failed on that unchecked file, so it is opened again with the check. A failure on a
    checked file is raised."""
    try:
        window.set_store(store)
        return True
    except Exception:
        store.close()
        if store.checked:
            raise
        log.warning("building the window on an unchecked file failed", exc_info=True)
        return False


def _stop(window, code: int) -> int:
    window.close()  # no file shown: nothing to save or back up
    QApplication.exit(code)  # after the close, whose last-window quit would exit with 0
    return code
