"""Screenshots of every page and tab of the demo (PNG), at a chosen text size (文字の大きさ).

    python scripts/screenshots.py [OUT_DIR] [--text-size normal|large|extra_large]

writes ``<OUT_DIR>/<page>[-<tab>].png`` (default docs/screenshots, extra_large) on Qt's offscreen
screen of 1366×768, the smallest the app is made for. :func:`grab_all_pages` is importable (the
user guide's screenshots reuse it).
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCREEN = {"name": "kyodo", "x": 0, "y": 0, "width": 1366, "height": 768,
          "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}


def _offscreen() -> None:
    """Qt's offscreen platform on a 1366×768 screen, unless a platform was chosen already."""
    if "QT_QPA_PLATFORM" in os.environ:
        return
    folder = tempfile.mkdtemp(prefix="kyodo-screen-")
    atexit.register(shutil.rmtree, folder, True)  # after the last Qt process of this run
    config = Path(folder) / "screen.json"
    config.write_text(json.dumps({"screens": [SCREEN]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def file_name(names: tuple[str, ...]) -> str:
    """The PNG name of a tour stop: 「予算・出納-出納簿.png」 (no path separators or spaces)."""
    return "-".join(re.sub(r"[\\/:*?\"<>|\s]+", "_", name) for name in names) + ".png"


def grab_all_pages(out_dir: Path, text_size: str = "extra_large", *,
                   width: int = 1366, height: int = 768) -> list[Path]:
    """Open a fresh demo data file in the main window at ``text_size`` (a key of
    services.settings.TEXT_SIZES), visit every page and tab and save a PNG of the window for each
    in ``out_dir``; returns the files written, in tour order. Needs a QApplication-free process
    (one is created) or the app's own QApplication."""
    _offscreen()
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QImage

    from kyodo_desktop.demo.build import build_demo
    from kyodo_desktop.services.backup.datafile import open_data_file
    from kyodo_desktop.services.settings import TEXT_SIZES
    from kyodo_desktop.store import open_store
    from kyodo_desktop.ui.app import create_application
    from kyodo_desktop.ui.main_window import MainWindow
    from kyodo_desktop.ui.shell.page_tour import tour
    from kyodo_desktop.ui.shell.text_scale import apply_text_scale

    app = create_application()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="kyodo-shots-") as folder:
        demo = Path(folder) / "demo.sqlite3"
        with open_store(demo) as store:
            build_demo(store)
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(open_data_file(demo), settings=settings)
        apply_text_scale(app, TEXT_SIZES[text_size][1])
        try:
            window.resize(width, height)
            window.show()
            for names in tour(window):
                target = out_dir / file_name(names)
                image = window.grab().toImage().convertToFormat(
                    QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither
                    | Qt.ImageConversionFlag.AvoidDither)  # 256 colours without dither noise
                image.save(str(target), "PNG")  # a twentieth of the size, still sharp
                written.append(target)
        finally:
            window.close()
            window.context.store.close()
            apply_text_scale(app, 1.0)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", nargs="?", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--text-size", default="extra_large",
                        choices=("normal", "large", "extra_large"))
    args = parser.parse_args(argv)
    os.environ.setdefault("KYODO_DESKTOP_CONFIG_DIR", tempfile.mkdtemp(prefix="kyodo-config-"))
    for path in grab_all_pages(Path(args.out_dir), args.text_size):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
