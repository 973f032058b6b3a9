"""The PyInstaller build: build.spec derives its data files (fast checks), and the frozen app
starts, opens the demo and prints a PDF (the build itself takes about 30–60 s here).

The build needs PyInstaller (``pip install ".[build]"``); scripts/check_frozen_build.py runs the
same steps from the command line.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def checker():
    spec = importlib.util.spec_from_file_location("check_frozen_build",
                                                  ROOT / "scripts" / "check_frozen_build.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def spec_helpers() -> dict:
    """The helper functions of build.spec, run without PyInstaller's Analysis."""
    source = (ROOT / "build.spec").read_text(encoding="utf-8")
    head = source.split("datas = tree(")[0].replace(
        "from PyInstaller.utils.hooks import collect_data_files\n", "")
    namespace = {"SPECPATH": str(ROOT)}
    exec(compile(head, "build.spec", "exec"), namespace)  # noqa: S102  (our own spec)
    return namespace


def test_spec_derives_every_data_file_and_module():
    helpers = spec_helpers()
    targets = {Path(source).relative_to(ROOT).as_posix(): target
               for source, target in helpers["tree"]("resources") + helpers["tree"]("forms")}
    on_disk = [p.relative_to(ROOT).as_posix() for top in ("resources", "forms")
               for p in (ROOT / top).rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert sorted(targets) == sorted(on_disk)
    assert targets["resources/fonts/ipaexg.ttf"] == "kyodo_desktop/resources/fonts"
    data = {Path(source).name for source, _target in helpers["package_data"]()}
    assert {p.name for p in (ROOT / "kyodo_desktop").rglob("*.sql")} <= data
    modules = set(helpers["package_modules"]())
    reports = {f"kyodo_desktop.reports.{p.stem}" for p in
               (ROOT / "kyodo_desktop" / "reports").glob("*.py") if p.stem != "__init__"}
    assert reports <= modules and "kyodo_desktop.ui.settings.page" in modules


def test_spec_keeps_only_the_babel_locales_the_app_formats_in():
    helpers = spec_helpers()
    pairs = [(f"/x/babel/locale-data/{name}.dat", "babel/locale-data")
             for name in ("root", "ja", "ja_JP", "en", "en_US", "de", "fr_CA", "zh_Hant")]
    pairs.append(("/x/babel/global.dat", "babel"))
    kept = {Path(source).name for source, _target in helpers["needed_babel_data"](pairs)}
    assert kept == {"root.dat", "ja.dat", "ja_JP.dat", "en.dat", "en_US.dat", "global.dat"}
    numbers, text = helpers["version_numbers"]()
    assert len(numbers) == 4 and text.startswith(f"{numbers[0]}.{numbers[1]}")
    assert helpers["ICON"].is_file()
    translations = "/x/PySide6/Qt/translations/{}.qm"
    assert not helpers["unneeded_qt_translation"](translations.format("qtbase_ja"))
    assert helpers["unneeded_qt_translation"](translations.format("qtbase_de"))


@pytest.mark.slow
def test_frozen_app_starts_opens_the_demo_and_prints(checker, tmp_path):
    app_dir = checker.build(tmp_path / "dist", tmp_path / "work")
    assert checker.missing_files(app_dir) == []
    result = checker.smoke(app_dir, tmp_path / "smoke")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "smoke test passed" in result.stdout
    printed = (tmp_path / "smoke" / "smoke.pdf").read_bytes()
    assert printed.startswith(b"%PDF")
    assert "printed: council-sheet" not in result.stdout  # a real report kind was found
    assert "through QtPdf and QPrinter: 1 page" in result.stdout
    assert (tmp_path / "smoke" / "smoke-printed.pdf").read_bytes().startswith(b"%PDF")
    files, size = checker.bundle_stats(app_dir)
    assert files < 1617 / 2 and size < 260 * 2**20  # the first release: 1,617 files, 260 MB
    assert checker.babel_locales(app_dir) == {"root", "ja", "ja_JP", "en", "en_US"}
    version = checker.console(app_dir, "--version")
    assert version.returncode == 0 and "kyodo-desktop" in version.stdout
    checked = checker.console(app_dir, "check", "--db", str(tmp_path / "smoke" / "demo.sqlite3"))
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.strip()  # the console program prints its result
