"""The embedded Japanese fonts of every printed form: IPAex Mincho (body of official forms) and
IPAex Gothic (headings and tables), vendored under resources/fonts with the IPA Font License.

reportlab embeds TrueType fonts as subsets, so a PDF carries only the glyphs it uses. Registering
them also installs the Japanese line-breaking rules (:mod:`kyodo_desktop.reports.kinsoku`).
"""

from __future__ import annotations

from functools import cache

MINCHO = "IPAexMincho"
GOTHIC = "IPAexGothic"
_FILES = {MINCHO: "ipaexm.ttf", GOTHIC: "ipaexg.ttf"}


@cache
def register_fonts() -> tuple[str, str]:
    """Register both fonts with reportlab (once) and return ``(MINCHO, GOTHIC)``.

    Raises FileNotFoundError when resources/fonts is incomplete.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from kyodo_desktop.resources import resource_path

    for name, filename in _FILES.items():
        path = resource_path("fonts", filename)
        if not path.is_file():
            raise FileNotFoundError(f"font missing: {path}")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    from reportlab import rl_config

    rl_config.canvas_basefontname = MINCHO  # no stray unembedded Helvetica on any page
    from kyodo_desktop.reports import kinsoku

    kinsoku.install()  # no line ends with 「【（ nor starts with 」】）。
    return MINCHO, GOTHIC
