"""Work that follows a widget's layout (a column fit, a pane stepping aside, a grid of cards),
done once the current events are done: a resize, a new text size and a first show often come
together, and each would otherwise redo the work."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

#: What changes a widget's layout: a new size, a new text size (its font), being shown.
LAYOUT_EVENTS = (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.Show)


class LaterOnLayout(QObject):
    """Calls ``act()`` once the current events are done whenever one of ``watched`` receives
    one of ``events``, or :meth:`schedule` asks (many requests → one call). A child of
    ``owner``: it never fires after ``owner`` is deleted."""

    def __init__(self, owner: QObject, act: Callable[[], object],
                 watched: Iterable[QWidget] = (), events: Iterable = LAYOUT_EVENTS) -> None:
        super().__init__(owner)
        self.events = tuple(events)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(act)
        for widget in watched:
            widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() in self.events:
            self._timer.start()
        return False

    def schedule(self, *_args) -> None:
        """Call ``act`` once the current events are done."""
        self._timer.start()
