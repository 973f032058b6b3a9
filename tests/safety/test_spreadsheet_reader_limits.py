"""The one spreadsheet reader of every import refuses what would exhaust the PC or hide data:
a zip bomb is refused from the zip directory before parsing (quickly, in little memory), too
many rows or too large a file are refused with a Japanese message, and hidden rows, columns and
sheets, formulas without a cached value, over-long cells and digits that are not 0-9 become row
errors instead of being imported silently. Progress is reported and the reading can be stopped."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kyodo_desktop.cli_progress import progress_line
from kyodo_desktop.errors import UserError
from kyodo_desktop.io import sheet_limits
from kyodo_desktop.io.cash_book_import import preview_cash_book
from kyodo_desktop.io.roster_import import preview_roster
from kyodo_desktop.io.sheet_limits import ImportCancelled
from kyodo_desktop.io.tabular import read_table
from kyodo_desktop.services.council.profile import create_council

ROOT = Path(__file__).resolve().parents[2]
MEASURE = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
from kyodo_desktop.errors import UserError
from kyodo_desktop.io.cash_book_import import preview_cash_book
start = time.perf_counter()
try:
    preview_cash_book(sys.argv[1], fiscal_year=2026, fund_code="own_funds")
    message = ""
except UserError as error:
    message = error.message
def peak_mb():  # VmHWM starts again at exec; ru_maxrss may carry the parent's peak over
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status
                        if line.startswith("VmHWM")) / 1024
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": time.perf_counter() - start, "message": message,
                  "rss_mb": peak_mb()}))
"""


@pytest.fixture
def corpus(hostile_corpus):
    return hostile_corpus


def _preview(path):
    return preview_cash_book(path, fiscal_year=2026, fund_code="own_funds")


def test_zip_bomb_is_refused_quickly_in_little_memory(hostile_sheets, tmp_path):
    bomb = hostile_sheets.write_zip_bomb(tmp_path / "bomb.xlsx")
    assert bomb.stat().st_size < 2 * 1024 * 1024
    done = subprocess.run([sys.executable, "-c", MEASURE, str(bomb), str(ROOT)],
                          capture_output=True, text=True, timeout=120, check=True)
    figures = json.loads(done.stdout)
    assert figures["message"].startswith("Excel ファイル bomb.xlsx は展開すると 300 MB を超え")
    assert figures["seconds"] < 3 and figures["rss_mb"] < 200


@pytest.mark.parametrize("name", ["far_row.xlsx", "many_rows.csv", "huge_file.csv"])
def test_too_many_rows_or_bytes_are_refused(corpus, name):
    with pytest.raises(UserError) as caught:
        read_table(corpus[name])
    assert "取り込めません" in caught.value.message and name in caught.value.message


@pytest.mark.parametrize("name, problem", [
    ("hidden_row.xlsx", "この行は Excel で非表示になっています"),
    ("hidden_column.xlsx", "J 列は Excel で非表示ですが、値が入っています"),
    ("formula_without_value.xlsx", "B 列の数式は計算結果が保存されていません"),
    ("huge_cell.xlsx", "B 列に 131,073 文字入っています"),
    ("huge_cell.csv", "B 列に 131,073 文字入っています"),
    ("wide_row.csv", "この行は 309 列あります"),
    ("superscript_digits.xlsx", "「1,1²0」に数字に似た文字（²）"),
    ("arabic_digits.csv", "「١,١٠٠」に数字に似た文字（١١٠٠）"),
])
def test_what_a_user_cannot_see_is_a_row_error(corpus, name, problem):
    preview = _preview(corpus[name])
    assert [row.row_number for row in preview.bad_rows] == [3]
    assert problem in "\n".join(preview.bad_rows[0].errors)
    assert len(preview.entries) == 1  # only the good row, the hidden 50,000 円 is not taken


def test_roster_rows_with_foreign_digits_are_errors(store, corpus):
    council_id, _changes = create_council(store, "湯田地域づくり協議会")
    preview = preview_roster(store, council_id, corpus["arabic_digits.csv"], fiscal_year=2026)
    assert [row.row_number for row in preview.bad_rows] == [3]
    assert "「世帯数」: 「٢٠」に数字に似た文字" in "\n".join(preview.bad_rows[0].errors)


def test_a_hidden_sheet_is_refused(corpus):
    with pytest.raises(UserError) as caught:
        read_table(corpus["hidden_sheet.xlsx"], sheet="人")
    assert "シート「人」は非表示" in caught.value.message


def test_progress_is_reported_and_cancel_stops_reading(hostile_sheets, write_csv):
    path = write_csv([hostile_sheets.HEADER] + hostile_sheets.GOOD_ROWS * 5000)
    calls = []
    read_table(path, progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (sheet_limits.PROGRESS_EVERY, 10_001) and len(calls) == 5

    def cancel(done, total):
        raise ImportCancelled()

    with pytest.raises(ImportCancelled) as caught:
        preview_cash_book(path, fiscal_year=2026, fund_code="own_funds", progress=cancel)
    assert caught.value.message == "ファイルの読み込みを中止しました。何も取り込んでいません。"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_cli_progress_line_only_on_a_terminal():
    terminal = _Terminal()
    with progress_line("出納簿.xlsx を読み込み中", terminal) as progress:
        progress(2000, 100_000)
        progress(4000, 0)
    assert terminal.getvalue() == ("\r出納簿.xlsx を読み込み中… 2,000 / 100,000 行\033[K"
                                   "\r出納簿.xlsx を読み込み中… 4,000 行\033[K\r\033[K")
    with progress_line("x", io.StringIO()) as progress:
        assert progress is None


def test_reading_a_plain_book_is_not_slowed_by_the_checks(hostile_sheets, write_xlsx):
    path = write_xlsx([hostile_sheets.HEADER] + hostile_sheets.GOOD_ROWS * 2500)
    start = time.perf_counter()
    table = read_table(path)
    assert len(table.rows) == 5001 and not any(row.problems for row in table.rows)
    assert time.perf_counter() - start < 30  # the 100,000-row figure is bench/import_limits.py
