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

from kyodo_desktop import APP_NAME, __version__, paths
from kyodo_desktop.i18n import _, current_language
from kyodo_desktop.resources import resource_path
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
    QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
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


def resolve_store(db_path: Path | None, *, demo: bool, check: bool = True):
    """Open the data file to show: the demo (built on first use), ``db_path``, or the default.

    ``check=False``: without ``quick_check`` (the window runs it after its first paint).
    Returns the Store, or None when the user chose 終了 after an opening error.
    """
    from kyodo_desktop.services.council.councils import list_councils
    from kyodo_desktop.ui.backup.startup import load_settings, open_offering_backup
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
    at an opening error)."""
    from kyodo_desktop.ui.backup.startup import apply_text_scale, prepare_start

    settings = prepare_start()  # owner-only files, language of 設定 (issue 8)
    setup_logging()
    app = create_application()
    apply_text_scale(app, settings.text_scale)
    install_excepthook()
    try:
        window = open_window(db_path, demo=demo)
    except Exception as error:  # e.g. the demo could not be built: explain, then stop
        show_error(error)
        return 1
    if window is None:
        return 0
    window.show()
    return app.exec()


def open_window(db_path: Path | None, *, demo: bool = False):
    """The main window on the data file to show, opened without ``quick_check`` (its time grows
    with the file; the window runs it after its first paint). When building the window fails on
    that unchecked file, the file is opened again with the check, so damage is reported as
    before; any other failure is raised. Returns None when the user chose 終了."""
    from kyodo_desktop.ui.main_window import MainWindow

    store = resolve_store(db_path, demo=demo, check=False)
    if store is None:
        return None
    try:
        return MainWindow(store, settings=QSettings(), first_page_after_paint=True)
    except Exception:
        store.close()
        if store.checked:
            raise
        log.warning("building the window on an unchecked file failed", exc_info=True)
    store = resolve_store(db_path, demo=demo)
    return None if store is None else MainWindow(store, settings=QSettings())
