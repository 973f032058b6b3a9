"""A file name typed after ``-o`` that no Windows PC could keep — a device name (CON, NUL,
COM1 …), a control character, a character Windows refuses (<>:"|?*) — or one longer than the
system allows is refused with 「エラー: …」 and exit code 2: no traceback, no file, the data file
unchanged."""

from __future__ import annotations

import pytest

from kyodo_desktop import cli, fileops
from kyodo_desktop.errors import UserError

COUNCIL = "湯田地域づくり協議会"

REFUSED = ["CON.pdf", "nul", "Com1.pdf", "lpt9.txt", "aux.計画.pdf", "報告\x1b[31m書.pdf",
           "報告\n書.pdf", "計画?.pdf", "a<b>.pdf", 'a"b.pdf', "a|b.pdf", "a*.pdf", "a:b.pdf",
           "報告書.pdf ", "報告書.pdf."]


@pytest.mark.parametrize("name", REFUSED)
def test_a_name_windows_cannot_keep_is_refused(tmp_path, name):
    with pytest.raises(UserError) as caught:
        fileops.check_output(tmp_path / name)
    assert "ファイル名" in str(caught.value)
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("name", ["計画 書（令和8年度）.pdf", "CONTACT.pdf", "console.pdf",
                                  "com10.pdf", "湯田_2026-04-01.xlsx", "a.b.c.pdf"])
def test_ordinary_names_are_still_written(tmp_path, name):
    written = fileops.write_bytes(tmp_path / name, b"%PDF-1.4\n")
    assert written.read_bytes() == b"%PDF-1.4\n"


def test_a_name_too_long_for_the_system_is_an_error_not_a_traceback(tmp_path):
    with pytest.raises(UserError) as caught:
        fileops.check_output(tmp_path / ("あ" * 200 + ".pdf"))
    assert "長すぎ" in str(caught.value)


@pytest.mark.parametrize("name", ["あ" * 200 + ".pdf", "CON.pdf", "報告\x1b書.pdf"])
def test_the_cli_refuses_such_a_name_with_exit_2(capsys, demo_path, tmp_path, name):
    before = demo_path.read_bytes()
    code = cli.main(["report", "plan", "--db", str(demo_path), "--council", COUNCIL,
                     "--fiscal-year", "2026", "-o", str(tmp_path / name)])
    out, err = capsys.readouterr()
    assert code == 2 and err.startswith("エラー:")
    assert "Traceback" not in out + err
    assert "\x1b" not in err
    assert demo_path.read_bytes() == before
    assert not any(p.suffix == ".pdf" for p in tmp_path.iterdir())
