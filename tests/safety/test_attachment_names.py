"""The name kept for a 証拠書類 is also the name offered when it is saved again (「名前を付けて
保存」) and printed in the 証拠書類綴り: it must be a valid Windows file name on one line — no
characters Windows refuses, no device name such as CON or NUL (writing to 「CON.pdf」 would
write to the console, not to a file) and no line or paragraph separator."""

from __future__ import annotations

import pytest

from kyodo_desktop.domain import attachments as rules


@pytest.mark.parametrize(("name", "kept"), [
    ("領収書:5月分.pdf", "領収書_5月分.pdf"),
    ('a*?<>|".pdf', "a______.pdf"),
    ("CON.pdf", "_CON.pdf"),
    ("nul.pdf", "_nul.pdf"),
    ("com1", "_com1.pdf"),
    ("LPT9.pdf", "_LPT9.pdf"),
    ("aux.tar.pdf", "_aux.tar.pdf"),
    ("領収\u2028書\u2029控.pdf", "領収 書 控.pdf"),
    ("console.pdf", "console.pdf"),  # only the device names themselves
    ("領収書 (1).pdf", "領収書 (1).pdf"),
])
def test_names_are_valid_on_windows_and_on_one_line(name, kept):
    assert rules.clean_file_name(name, rules.PDF) == kept
