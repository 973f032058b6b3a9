"""The Qt layer (PySide6): application setup, main window, pages, models, dialogs, input widgets.

The only package that imports PySide6.
"""
