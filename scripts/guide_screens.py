"""Screenshots for the user guide: the window's pages on the demo council at 1366×768, grabbed
offscreen with ``QWidget.grab`` (256 colours: small, still sharp).

``QT_QPA_PLATFORM=offscreen python scripts/guide_screens.py [FOLDER]`` builds the demo in a
temporary folder, opens the window on it and writes one ``<name>.png`` per entry of
:data:`kyodo_desktop.services.guide.pages.SCREENS` — by default into ``resources/guide/screens``,
the one set of pictures that both ``kyodo-desktop report user-guide`` prints and the app's guide
window (F1) shows. Run it again after changing a screen the guide shows, and commit the PNGs.
tests/ui/guide/test_guide_screens.py runs it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WIDTH, HEIGHT = 1366, 768


def _demo_file(folder: Path) -> Path:
    from kyodo_desktop.demo.build import build_demo
    from kyodo_desktop.store import open_store

    path = folder / "guide-demo.sqlite3"
    with open_store(path) as store:
        build_demo(store)
    return path


def grab_guide_screens(out_dir: Path | str, *, settings=None) -> list[Path]:
    """Write ``<name>.png`` of every guide screen into ``out_dir`` (made when missing) and return
    the paths. Needs a QApplication-capable platform (offscreen is enough)."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QImage

    from kyodo_desktop.i18n import _
    from kyodo_desktop.services.backup.datafile import open_data_file
    from kyodo_desktop.services.guide.pages import SCREENS
    from kyodo_desktop.ui.app import create_application
    from kyodo_desktop.ui.main_window import MainWindow

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    SHARP = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither  # noqa: N806
    written = []
    with tempfile.TemporaryDirectory(prefix="kyodo-guide-") as temp:
        folder = Path(temp)
        qsettings = settings or QSettings(str(folder / "settings.ini"),
                                          QSettings.Format.IniFormat)
        window = MainWindow(open_data_file(_demo_file(folder)), settings=qsettings)
        window.resize(WIDTH, HEIGHT)
        window.show()
        for screen in SCREENS:
            window.open_area(screen.area, _(screen.tab) if screen.tab else "")
            window.resize(WIDTH, HEIGHT)
            for _round in range(5):
                app.processEvents()
            target = out / f"{screen.name}.png"
            image = window.grab().toImage().convertToFormat(
                QImage.Format.Format_Indexed8, SHARP)  # no dither noise: a quarter of the size
            image.save(str(target), "PNG")
            written.append(target)
        window.close()
        if window.context is not None:
            window.context.store.close()
        window.deleteLater()
        app.processEvents()
    return written


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = Path(argv[0]) if argv else ROOT / "resources" / "guide" / "screens"
    for path in grab_guide_screens(out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
