"""The Qt layer (PySide6): application setup, main window, pages, models, dialogs, input widgets.

The only package that imports PySide6.
"""

from kyodo_desktop.ui.shell.none_guard import keep_none_alive

keep_none_alive()  # before any Qt call: see shell/none_guard (PySide6 6.12 on Python < 3.12)
