"""The forms compiled for the first window (scripts/compile_forms.py) are up to date and build the
same widgets, names and (translated) texts as QUiLoader builds from the .ui file."""

from __future__ import annotations

import hashlib
import importlib

import pytest
from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from kyodo_desktop.resources import form_path
from kyodo_desktop.ui import forms
from kyodo_desktop.ui.app import create_application


@pytest.mark.parametrize("name", sorted(forms.COMPILED_FORMS))
def test_compiled_form_matches_its_ui_file(name):
    module = importlib.import_module(forms.COMPILED_FORMS[name])
    digest = hashlib.sha256(form_path(f"{name}.ui").read_bytes()).hexdigest()
    assert digest == module.SOURCE_SHA256, f"run: python scripts/compile_forms.py ({name}.ui)"


def _tree(widget: QWidget) -> list[tuple[str, str, str]]:
    return sorted((type(child).__name__, child.objectName(),
                   child.text() if hasattr(child, "text") and callable(child.text) else "")
                  for child in widget.findChildren(QWidget) if child.objectName())


@pytest.mark.parametrize("name", sorted(forms.COMPILED_FORMS))
def test_compiled_form_builds_what_the_loader_builds(qtbot, name):
    create_application()
    compiled = forms.load_form(name)
    qtbot.addWidget(compiled)
    file = QFile(str(form_path(f"{name}.ui")))
    assert file.open(QIODevice.OpenModeFlag.ReadOnly)
    loaded = QUiLoader().load(file)
    file.close()
    qtbot.addWidget(loaded)
    assert forms.compiled_form(name, form_path(f"{name}.ui").read_bytes()) is not None
    assert _tree(compiled) == _tree(loaded) and len(_tree(compiled)) > 20
    assert any("協議会" in text for _kind, _name, text in _tree(compiled))  # translated


def test_a_stale_compiled_form_is_not_used():
    assert forms.compiled_form("council_page", b"<ui>edited</ui>") is None
