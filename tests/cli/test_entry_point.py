"""``python -m kyodo_desktop`` works; importing the CLI stays light (start-up is benchmarked)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kyodo_desktop import __version__

REPO = Path(__file__).resolve().parents[2]


def _python(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=REPO, capture_output=True, text=True,
                          timeout=60, check=False)


def test_python_m_version():
    result = _python("-m", "kyodo_desktop", "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"kyodo-desktop {__version__}"


def test_cli_import_and_parser_load_no_heavy_modules():
    code = ("import sys; from kyodo_desktop import cli; cli.build_parser(); "
            "print(sorted(m for m in ('PySide6', 'reportlab', 'openpyxl', 'sqlite_utils') "
            "if m in sys.modules))")
    result = _python("-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
