"""Wheel build hook: compile the message catalogs (``resources/locale/*/LC_MESSAGES/*.po``) into
gettext ``.mo`` files and place them beside the ``.po`` files inside the wheel, so an installed
app reads its catalog without parsing ``.po`` files. The ``.mo`` files are never committed: they
are compiled from the ``.po`` files of the build (kyodo_desktop/i18n_compile.py names them after
their sources, so the app can tell a matching catalog). Editable installs are left alone: they run
from the source checkout, which compiles on demand.
"""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def load_compiler(root: Path):
    """kyodo_desktop/i18n_compile.py loaded by its path (the package is not installed yet)."""
    spec = importlib.util.spec_from_file_location("kyodo_i18n_compile",
                                                  root / "kyodo_desktop" / "i18n_compile.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class CatalogBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        self._folder = Path(tempfile.mkdtemp(prefix="kyodo-mo-"))
        compiler = load_compiler(root)
        for compiled, relative in compiler.compile_locales(root / "resources" / "locale",
                                                           self._folder):
            build_data["force_include"][str(compiled)] = (
                f"kyodo_desktop/resources/locale/{relative}")

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
