"""Build the one-folder desktop app with PyInstaller and smoke-test the frozen result.

``python scripts/check_frozen_build.py [--dist DIR]`` (needs ``pip install ".[build]"``):
runs ``pyinstaller build.spec`` into a temporary folder (or ``--dist``), checks that the bundle
holds the fonts, catalogs, forms and migrations and only the babel locale data the app uses,
prints the bundle's file count and size, then runs ``kyodo-desktop smoke-test`` from the bundle
under ``QT_QPA_PLATFORM=offscreen`` (the window starts on the demo council, shows every page,
prints a PDF and sends a page through QtPdf and QPrinter) and the console program ``kyodo-cli``
(``--version`` and ``check`` on the smoke test's demo file). Exit code 0 when all is well. tests/safety/test_frozen_build.py runs the
same steps.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = "kyodo-desktop"
CONSOLE = "kyodo-cli"
#: Files a working bundle must hold (relative to its kyodo_desktop/ data folder).
REQUIRED = ("resources/fonts/ipaexg.ttf", "resources/fonts/ipaexm.ttf",
            "resources/locale/ja/LC_MESSAGES/ui.po", "forms/council_page.ui",
            "store/migrations/m0001_initial.sql")


def build(dist: Path, work: Path, timeout: float = 900) -> Path:
    """Run PyInstaller on build.spec; return the folder of the built app."""
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work), str(ROOT / "build.spec")],
                   cwd=ROOT, check=True, timeout=timeout)
    return dist / APP


def bundle_data(app_dir: Path) -> Path:
    """The kyodo_desktop/ data folder inside a built app (PyInstaller 6: under _internal/)."""
    for candidate in (app_dir / "_internal" / "kyodo_desktop", app_dir / "kyodo_desktop"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"no kyodo_desktop/ data folder in {app_dir}")


def missing_files(app_dir: Path) -> list[str]:
    """The :data:`REQUIRED` files the bundle lacks, and the compiled Japanese catalog when the
    bundle has none matching its .po files (build.spec compiles it)."""
    data = bundle_data(app_dir)
    missing = [name for name in REQUIRED if not (data / name).is_file()]
    locale = data / "resources" / "locale" / "ja" / "LC_MESSAGES"
    sys.path.insert(0, str(ROOT))
    from kyodo_desktop.i18n_compile import mo_name, po_files

    compiled = f"resources/locale/ja/LC_MESSAGES/{mo_name(po_files(locale))}"
    return missing + ([] if (data / compiled).is_file() else [compiled])


def bundle_stats(app_dir: Path) -> tuple[int, int]:
    """(number of files, total bytes) of the built folder; symbolic links are not counted."""
    files = [path for path in app_dir.rglob("*") if path.is_file() and not path.is_symlink()]
    return len(files), sum(path.stat().st_size for path in files)


def babel_locales(app_dir: Path) -> set[str]:
    """The babel locales whose data the bundle carries."""
    folders = [p for p in app_dir.rglob("locale-data") if p.is_dir() and "babel" in p.parts]
    return {path.stem for folder in folders for path in folder.glob("*.dat")}


def _program(app_dir: Path, name: str) -> Path:
    return app_dir / (name + (".exe" if os.name == "nt" else ""))


def smoke(app_dir: Path, output: Path, timeout: float = 180) -> subprocess.CompletedProcess:
    """Run ``kyodo-desktop smoke-test -o output`` from the bundle, offscreen."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "KYODO_DESKTOP_CONFIG_DIR": str(output / "config")}
    return subprocess.run([str(_program(app_dir, APP)), "smoke-test", "-o", str(output)],
                          env=env, capture_output=True, text=True, timeout=timeout)


def console(app_dir: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the console program ``kyodo-cli`` of the bundle with ``args``."""
    return subprocess.run([str(_program(app_dir, CONSOLE)), *args], capture_output=True,
                          text=True, timeout=timeout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, help="build into this folder (default: temporary)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kyodo-frozen-") as temporary:
        folder = Path(temporary)
        started = time.monotonic()
        app_dir = build(args.dist or folder / "dist", folder / "work")
        print(f"built {app_dir} in {time.monotonic() - started:.0f} s")
        lacking = missing_files(app_dir)
        if lacking:
            print("missing from the bundle:", ", ".join(lacking))
            return 1
        count, size = bundle_stats(app_dir)
        print(f"bundle: {count} files, {size / 2**20:.0f} MB; "
              f"babel locales: {', '.join(sorted(babel_locales(app_dir)))}")
        result = smoke(app_dir, folder / "smoke")
        print(result.stdout, end="")
        if result.returncode != 0:
            print(result.stderr[-3000:], file=sys.stderr)
            return result.returncode
        for args in (("--version",), ("check", "--db", str(folder / "smoke" / "demo.sqlite3"))):
            checked = console(app_dir, *args)
            print(f"{CONSOLE} {args[0]}: exit {checked.returncode}: {checked.stdout.strip()}")
            if checked.returncode != 0:
                print(checked.stderr[-3000:], file=sys.stderr)
                return checked.returncode
        return 0


if __name__ == "__main__":
    sys.exit(main())
