"""Route Qt's translation of ``forms/*.ui`` strings (and ``tr()``) to the project's babel catalog.

QUiLoader translates every ``<string>`` of a form through the installed QTranslators; this one
answers from :func:`kyodo_desktop.i18n._`, so a form's English text and the code's message ids share
one catalog (``resources/locale/ja/LC_MESSAGES/ui.po``). Unknown texts return None (a null
QString; an empty string would count as a translation) so Qt falls through to its own translations
(qtbase_ja.qm) for its dialogs' buttons.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

from kyodo_desktop.i18n import _


class CatalogTranslator(QTranslator):
    """A QTranslator whose ``translate`` looks the source text up in the babel catalog."""

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        if not source_text:
            return None
        translated = _(source_text)
        return None if translated == source_text else translated

    def isEmpty(self) -> bool:  # Qt override: never skip this translator
        return False
