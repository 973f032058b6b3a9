"""One helper to find shipped files (``resources/`` and ``forms/``).

Works from a source checkout (``<repo>/resources``), an installed wheel (the wheel ships them as
``kyodo_desktop/resources`` and ``kyodo_desktop/forms``) and a PyInstaller bundle (``sys._MEIPASS``,
where build.spec places them under ``kyodo_desktop/``).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates(top: str) -> list[Path]:
    found = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle) / "kyodo_desktop" / top)
    found.append(_PACKAGE_DIR / top)  # installed wheel
    found.append(_PACKAGE_DIR.parent / top)  # source checkout / editable install
    return found


@cache
def root(top: str = "resources") -> Path:
    """Return the folder ``top`` (``"resources"`` or ``"forms"``) as shipped with the app.

    Raises FileNotFoundError when the installation is incomplete.
    """
    for candidate in _candidates(top):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"{top}/ not found next to {_PACKAGE_DIR}")


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/``, e.g. ``resource_path("fonts", "ipaexg.ttf")``."""
    return root("resources").joinpath(*parts)


def form_path(name: str) -> Path:
    """Path of a Qt Designer form under ``forms/``, e.g. ``form_path("council_page.ui")``."""
    return root("forms") / name
