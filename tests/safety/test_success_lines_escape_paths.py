"""A success line of the CLI repeats the folder or file the user gave: a control character in it
(ESC, BEL, a bidi override) prints escaped (「\\x1b」), so a folder named to repaint the terminal
cannot hide or fake the message; ordinary names print as given."""

from __future__ import annotations

import pytest

from kyodo_desktop.console import escaped

from .conftest import run_cli

COUNCIL = "湯田地域づくり協議会"
FOLDER = "a\x1b[2Jb\u202ec\x07"


def _hostile(tmp_path):
    folder = tmp_path / FOLDER
    folder.mkdir()
    return folder


def _clean(text: str) -> bool:
    return not any(c in text for c in "\x1b\x07\u202e")


def test_the_report_line_escapes_the_folder(capsys, demo_path, tmp_path):
    output = _hostile(tmp_path) / "申請書.pdf"
    code, out, err = run_cli(capsys, "report", "application", "--db", demo_path, "--council",
                             COUNCIL, "--fiscal-year", "2026", "-o", output)
    assert code == 0 and output.is_file()
    assert _clean(out + err)
    assert "a\\x1b[2Jb\\u202ec\\x07" in out and "申請書.pdf" in out


def test_the_backup_and_export_lines_escape_the_folder(capsys, demo_path, tmp_path):
    folder = _hostile(tmp_path)
    code, out, err = run_cli(capsys, "backup", "--db", demo_path, "-o", folder)
    assert code == 0 and _clean(out + err) and "\\x1b" in out
    output = folder / "出納簿.xlsx"
    code, out, err = run_cli(capsys, "export", "cash-book", "--db", demo_path, "--council",
                             COUNCIL, "--fiscal-year", "2026", "-o", output)
    assert code == 0 and output.is_file()
    assert _clean(out + err) and "\\x1b" in out


@pytest.mark.parametrize(("given", "shown"), [
    ("C:\\Users\\会長\\申請書.pdf", "C:\\Users\\会長\\申請書.pdf"),
    ("a\x1bb", "a\\x1bb"), ("a\nb", "a\\nb"), ("a\u202eb", "a\\u202eb"), ("a\rb", "a\\rb")])
def test_escaped(given, shown):
    assert escaped(given) == shown


def test_a_message_keeps_its_line_breaks():
    assert escaped("1 行目\n2 行目\x1b", keep_newlines=True) == "1 行目\n2 行目\\x1b"
