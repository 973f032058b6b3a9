"""Load Qt Designer forms (``forms/<name>.ui``) at run time; their strings are translated by the
installed translators (:mod:`kyodo_desktop.ui.translator`)."""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from kyodo_desktop.resources import form_path


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Build the widget tree of ``forms/<name>.ui`` (``name`` without ``.ui``) under ``parent``.

    Find its children with ``findChild(QLineEdit, "nameEdit")``. Raises FileNotFoundError when
    the form is missing and RuntimeError when Qt cannot read it.
    """
    path = form_path(f"{name}.ui")
    if not path.is_file():
        raise FileNotFoundError(path)
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise RuntimeError(f"cannot open form {path}: {file.errorString()}")
    try:
        loader = QUiLoader()
        widget = loader.load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise RuntimeError(f"cannot load form {path}: {loader.errorString()}")
    return widget
