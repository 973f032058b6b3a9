"""Build the one-folder desktop app with PyInstaller and smoke-test the frozen result.

``python scripts/check_frozen_build.py [--dist DIR]`` (needs ``pip install ".[build]"``):
runs ``pyinstaller build.spec`` into a temporary folder (or ``--dist``), checks that the bundle
holds the fonts, catalogs, forms and migrations, then runs ``kyodo-desktop smoke-test`` from the
bundle under ``QT_QPA_PLATFORM=offscreen``: the window starts on the demo council, shows every
page and prints a PDF. Exit code 0 when all is well. tests/safety/test_frozen_build.py runs the
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
    """The :data:`REQUIRED` files the bundle lacks."""
    data = bundle_data(app_dir)
    return [name for name in REQUIRED if not (data / name).is_file()]


def smoke(app_dir: Path, output: Path, timeout: float = 180) -> subprocess.CompletedProcess:
    """Run ``kyodo-desktop smoke-test -o output`` from the bundle, offscreen."""
    executable = app_dir / (APP + (".exe" if os.name == "nt" else ""))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "KYODO_DESKTOP_CONFIG_DIR": str(output / "config")}
    return subprocess.run([str(executable), "smoke-test", "-o", str(output)], env=env,
                          capture_output=True, text=True, timeout=timeout)


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
        result = smoke(app_dir, folder / "smoke")
        print(result.stdout, end="")
        if result.returncode != 0:
            print(result.stderr[-3000:], file=sys.stderr)
        return result.returncode


if __name__ == "__main__":
    sys.exit(main())
