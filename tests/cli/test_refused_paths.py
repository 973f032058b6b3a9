"""A path the system itself refuses — a name too long for the disk — given to ``--db`` is
「エラー: …」 with exit code 2, never a traceback."""

from __future__ import annotations

from kyodo_desktop import cli


def test_a_data_file_name_too_long_is_an_error_not_a_traceback(capsys, tmp_path):
    code = cli.main(["councils", "--db", str(tmp_path / ("あ" * 200 + ".sqlite3"))])
    out, err = capsys.readouterr()
    assert code == 2
    assert err.startswith("エラー:") and "長すぎ" in err
    assert "Traceback" not in out + err


def test_a_folder_given_to_import_is_named_a_folder(capsys, demo_path, tmp_path):
    before = demo_path.read_bytes()
    code = cli.main(["import", "organizations", str(tmp_path), "--db", str(demo_path),
                     "--council", "湯田地域づくり協議会", "--fiscal-year", "2026", "--dry-run"])
    out, err = capsys.readouterr()
    assert code == 2 and err.startswith("エラー:")
    assert "フォルダー" in err and "見つかりません" not in err
    assert demo_path.read_bytes() == before
