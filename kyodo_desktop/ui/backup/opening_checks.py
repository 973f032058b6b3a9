"""The checks whose time grows with the data file, run after the window's first paint in a worker
thread: ``quick_check`` of a file opened without it, then the daily automatic backup.

:class:`BackgroundChecks` waits for the window's first paint event (or a few seconds, for a window
that is never painted), then runs :func:`kyodo_desktop.services.backup.automatic.opening_checks`
in a thread that reads the file through connections of its own, and hands the result back to the
GUI thread through the ``done`` signal. :meth:`BackgroundChecks.wait` joins a running check
(before closing the file or the window).
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from kyodo_desktop.services.backup.automatic import OpeningChecks, opening_checks
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.settings import Settings

log = logging.getLogger(__name__)
#: Run the checks this long after start-up even when the window was never painted (minimized).
UNPAINTED_START_MS = 3000


class _Relay(QObject):
    """Carries a worker's result to the GUI thread. Owned by the worker's closure, not by the
    window: emitting on it is safe even when the window has been deleted meanwhile."""

    done = Signal(object, object)


class BackgroundChecks(QObject):
    """Runs the opening checks of each file shown in ``window``; ``done(store, OpeningChecks)``
    is emitted in the GUI thread when a check has finished."""

    done = Signal(object, object)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self._painted = False
        self._pending: tuple[Store, Settings] | None = None
        self._thread: threading.Thread | None = None
        window.installEventFilter(self)
        QTimer.singleShot(UNPAINTED_START_MS, self, self._first_paint_done)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if watched is self.window and event.type() == QEvent.Type.Paint and not self._painted:
            QTimer.singleShot(0, self, self._first_paint_done)  # once the paint is on screen
        return False

    def _first_paint_done(self) -> None:
        if self._painted:
            return
        self._painted = True
        self.window.removeEventFilter(self)
        if self._pending is not None:
            self._start(*self._pending)

    def run(self, store: Store, settings: Settings) -> None:
        """Check ``store`` (unless it was checked on opening) and make its daily backup, in a
        worker thread once the window has been painted."""
        self.wait()
        self._pending = (store, settings)
        if self._painted:
            self._start(store, settings)

    @property
    def busy(self) -> bool:
        """True while a check is waiting for the first paint or running."""
        return self._pending is not None or (self._thread is not None and self._thread.is_alive())

    def wait(self) -> None:
        """Block until a running check has finished; a check still waiting is dropped."""
        self._pending = None
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _start(self, store: Store, settings: Settings) -> None:
        self._pending = None
        path, check = store.path, not store.checked

        relay = self._relay = _Relay()  # freed in the GUI thread, when the next check starts
        relay.done.connect(self.done)  # queued: the relay lives in the GUI thread

        def work() -> None:
            try:
                result = opening_checks(path, settings, check=check)
            except Exception:  # a bug: never kill the app from a worker thread
                log.exception("the checks after opening %s failed", path)
                result = OpeningChecks()
            relay.done.emit(store, result)

        self._thread = threading.Thread(target=work, name="kyodo-opening-checks", daemon=True)
        self._thread.start()
