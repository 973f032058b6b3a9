"""The friendly page shown for an area that is not built yet, or that needs something done first
(with a button that goes there)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kyodo_desktop.i18n import _
from kyodo_desktop.ui.shell.text_scale import set_scaled_style_sheet


class PlaceholderPage(QWidget):
    """``title``, a ``notice`` (default 「この画面は準備中です」) and one sentence of explanation
    (all translated); ``action`` — (button text, what it does) — adds a button below them."""

    def __init__(self, title: str, description: str, parent: QWidget | None = None, *,
                 notice: str | None = None,
                 action: tuple[str, Callable[[], object]] | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for text, name in ((title, "placeholderTitle"),
                           (notice or _("This screen is being prepared."), "placeholderNotice"),
                           (description, "placeholderDescription")):
            label = QLabel(text, self)
            label.setObjectName(name)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            layout.addWidget(label)
        if action is not None:
            button = QPushButton(action[0], self)
            button.setObjectName("placeholderAction")
            button.clicked.connect(action[1])
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        set_scaled_style_sheet(self, "QLabel#placeholderTitle { font-size: 20pt; font-weight: bold; }"
                           "QLabel#placeholderNotice { font-size: 14pt; color: #8a5a00; }"
                           "QLabel#placeholderDescription { color: #444; }")
