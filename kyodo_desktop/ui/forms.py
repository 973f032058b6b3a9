"""Load Qt Designer forms (``forms/<name>.ui``); their strings are translated by the installed
translators (:mod:`kyodo_desktop.ui.translator`).

The forms of the first window are also compiled into Python (:data:`COMPILED_FORMS`, written by
``scripts/compile_forms.py``): building them skips QUiLoader, whose set-up and XML reading cost a
large part of the first paint. A compiled module is used only while the SHA-256 it records
matches its ``.ui`` file, so an edited form is never shown stale.
"""

from __future__ import annotations

import hashlib
import importlib

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtWidgets import QWidget

from kyodo_desktop.resources import form_path
from kyodo_desktop.ui.shell.dialog_fit import whole_titles

#: Form name → module compiled from it by ``scripts/compile_forms.py`` (top widget a QWidget).
COMPILED_FORMS = {"council_page": "kyodo_desktop.ui.council.page_form"}


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Build the widget tree of ``forms/<name>.ui`` (``name`` without ``.ui``) under ``parent``.

    Find its children with ``findChild(QLineEdit, "nameEdit")``. Group-box titles are drawn whole
(:func:`~kyodo_desktop.ui.shell.dialog_fit.whole_titles`). Raises FileNotFoundError when
    the form is missing and RuntimeError when Qt cannot read it.
    """
    path = form_path(f"{name}.ui")
    if not path.is_file():
        raise FileNotFoundError(path)
    compiled = compiled_form(name, path.read_bytes())
    if compiled is not None:
        widget = QWidget(parent)
        compiled().setupUi(widget)
        whole_titles(widget)
        return widget
    from PySide6.QtUiTools import QUiLoader

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
    whole_titles(widget)
    return widget


def compiled_form(name: str, source: bytes):
    """The ``Ui_…`` class compiled from the form ``name`` when its recorded SHA-256 matches
    ``source`` (the ``.ui`` file's bytes), else None."""
    module_name = COMPILED_FORMS.get(name)
    if module_name is None:
        return None
    module = importlib.import_module(module_name)
    if hashlib.sha256(source).hexdigest() != module.SOURCE_SHA256:
        return None
    return next(value for key, value in vars(module).items() if key.startswith("Ui_"))
