"""An error message that repeats what the user typed (or a file held) never sends a control
character to the terminal: an ESC sequence in a name, a date or an amount prints as 「?」, so it
cannot clear the screen, recolour or hide the message."""

from __future__ import annotations

import pytest

from kyodo_desktop import cli

COUNCIL = "湯田地域づくり協議会"


@pytest.mark.parametrize("option, value", [
    ("--association", "a\x1b[2Jb"),
    ("--date", "R8\x1b]0;x\x07.4.1"),
    ("--amount", "1\x1b[31m2"),
    ("--association", "ない\u202e自治会"),
])
def test_a_control_character_in_the_input_is_not_echoed(capsys, demo_path, option, value):
    before = demo_path.read_bytes()
    values = {"--association": "葵一丁目", "--date": "R8.5.10", "--amount": "100"}
    values[option] = value
    argv = ["dues", "pay", "--db", str(demo_path), "--council", COUNCIL, "--fiscal-year", "2026"]
    for name, given in values.items():
        argv += [name, given]
    code = cli.main(argv)
    out, err = capsys.readouterr()
    assert code == 2 and err.startswith("エラー:")
    assert not any(c in err for c in "\x1b\x07\u202e")
    assert "?" in err
    assert demo_path.read_bytes() == before
