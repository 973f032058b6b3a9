"""A name the app puts into a suggested file name — the council's in the handover package's,
the plan's title in the booklet's, the 地域 in the 年度報告's — cannot point the save dialog at
another folder (「../../」, 「2026/2030」), hide its real extension behind a bidi override
(「\u202efdp.exe」 shows as 「exe.pdf」), carry a terminal escape or be a Windows device name."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.fileops.outputs import check_output, file_name_part
from kyodo_desktop.services.backup.handover_package import default_package_name

NAMES = {
    "folders up": ("../../Windows/System32/x", "Windows_System32_x"),
    "a slash in a plan title": ("第2次地域づくり計画 2026/2030", "第2次地域づくり計画_2026_2030"),
    "bidi override": ("湯田\u202efdp.exe", "湯田fdp.exe"),
    "terminal escape": ("\x1b]0;x\x07湯田", "]0;x湯田"),
    "Windows refuses": ('湯田<>:"|?*協議会', "湯田_協議会"),
    "device name": ("CON", "_CON"),
    "only dots": ("...", "council"),
    "nothing": ("\u200b", "council"),
}


@pytest.mark.parametrize("name", NAMES)
def test_a_name_becomes_a_plain_part(name, tmp_path):
    text, expected = NAMES[name]
    part = file_name_part(text, "council")
    assert part == expected
    assert check_output(tmp_path / f"{part}.pdf").parent == tmp_path


def test_the_handover_package_name_uses_it():
    name = default_package_name("../\u202e湯田", date(2026, 12, 2))
    assert name == "引継ぎ_湯田_20261202.sqlite3"
