"""CSV exports open in Excel on a Japanese Windows as written: UTF-8 with a BOM (without it
Excel reads the bytes as CP932 and garbles every name) and CRLF line ends; a line break inside a
cell stays inside its quoted field, and a path with spaces and 日本語 is written to."""

from __future__ import annotations

from kyodo_desktop.io.sheet_cells import write_csv


def test_bom_crlf_and_a_cell_with_a_line_break(tmp_path):
    target = tmp_path / "出納簿 書き出し" / "令和8年度 出納簿.csv"
    target.parent.mkdir()
    assert write_csv(target, [["日付", "摘要", "金額"],
                              ["R8.4.1", "コピー用紙\n（事務局）", 1234]]) == 2
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == 2 and b"\r\n" in data[-2:]
    assert "コピー用紙\n（事務局）" in data.decode("utf-8-sig")
    assert data.decode("utf-8-sig").splitlines()[0] == "日付,摘要,金額"
