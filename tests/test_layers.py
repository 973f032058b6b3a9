"""The layers stay clean: only ui/ imports Qt; domain, store, services, reports, io never import
the layers above them (docs/ARCHITECTURE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import kyodo_desktop

PACKAGE = Path(kyodo_desktop.__file__).resolve().parent
ORDER = ["domain", "store", "services", "reports", "io", "ui"]
ALLOWED = {
    "domain": set(),
    "store": {"domain"},
    "services": {"domain", "store"},
    "reports": {"domain", "services"},
    "io": {"domain", "services"},
    "ui": {"domain", "services", "reports", "io"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _files(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


def test_only_ui_imports_qt():
    offenders = []
    for layer in ORDER[:-1]:
        for path in _files(layer):
            if any(name.split(".")[0] in {"PySide6", "shiboken6"} for name in _imports(path)):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_layers_import_only_below():
    offenders = []
    for layer in ORDER:
        forbidden = set(ORDER) - ALLOWED[layer] - {layer}
        for path in _files(layer):
            for name in _imports(path):
                parts = name.split(".")
                if parts[0] == "kyodo_desktop" and len(parts) > 1 and parts[1] in forbidden:
                    offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_every_layer_exists():
    for layer in ORDER:
        assert (PACKAGE / layer / "__init__.py").is_file(), layer


def test_ui_io_and_reports_write_no_sql():
    """The layers above services read and write through services (ARCHITECTURE: the GUI never
    writes SQL)."""
    import re

    sql = re.compile(r"""["'](SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b""")
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for layer in ("ui", "io", "reports")
        for path in _files(layer)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if sql.search(line)
    ]
    assert offenders == []


#: Modules that stay directly in services/ and ui/: the shared base every area builds on.
SHARED_BASE = {
    "services": {"__init__.py", "changes.py", "settings.py"},
    "ui": {"__init__.py", "app.py", "areas.py", "commands.py", "context.py", "forms.py",
           "main_window.py", "translator.py"},
}


def test_services_and_ui_hold_only_area_packages_and_the_shared_base():
    """New code lands in an area package (services/<area>/, ui/<area>/), never as a flat module
    grouped by a name prefix (docs/ARCHITECTURE.md, "Where new code goes")."""
    strays = []
    for layer, allowed in SHARED_BASE.items():
        for path in sorted((PACKAGE / layer).glob("*.py")):
            if path.name not in allowed:
                strays.append(f"{layer}/{path.name}")
        for folder in sorted(p for p in (PACKAGE / layer).iterdir() if p.is_dir()):
            if folder.name != "__pycache__" and not (folder / "__init__.py").exists():
                strays.append(f"{layer}/{folder.name}/ (no __init__.py)")
    assert strays == []


def test_production_layers_never_import_the_demo_builder():
    """The sample council is built by kyodo_desktop/demo/; services, store and domain never
    depend on it, so demo code cannot leak into a real council's books."""
    offenders = []
    for layer in ("domain", "store", "services", "reports", "io"):
        for path in _files(layer):
            if any(name.startswith("kyodo_desktop.demo") for name in _imports(path)):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []
