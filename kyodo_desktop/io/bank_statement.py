"""Read a bank's 入出金明細 (CSV statement) into :class:`~kyodo_desktop.domain.reconcile.
StatementLine` rows, safely.

Japanese banks let an account holder download the statement as CSV, in CP932 (Shift_JIS as
Excel saves it) or UTF-8 with a BOM, with a header row among the first lines. The columns are
found by their headers (:data:`HEADERS`: 取引日/日付, 摘要/お取引内容, お支払金額/出金,
お預り金額/入金, 残高 and their variants); dates may be 西暦 or 和暦 (R7.4.1, 令和7年4月1日),
amounts ¥1,234 / 1,234円 / full-width digits (:mod:`kyodo_desktop.domain.money`).

The file comes from outside, so before anything is parsed it must be at most
:data:`MAX_STATEMENT_BYTES`, hold no control characters (a binary file, or a text file with
hidden characters, is refused) and at most :data:`MAX_STATEMENT_LINES` lines; the text is read by
:func:`kyodo_desktop.io.tabular.read_csv` (encodings, cell limits). A 摘要 loses the invisible
characters a text file may still hold (bidi overrides, zero-width spaces, C1 controls such as
CSI, :func:`~kyodo_desktop.domain.text.printable`), so what is shown is what is there. A line
whose 摘要 starts like a formula (= + - @), an amount that is not a whole number of yen or above the largest amount
:func:`~kyodo_desktop.domain.money.parse_yen` accepts, a line with both 出金 and 入金, or a date
that cannot be read makes the whole statement refused: a UserError listing the first problems
with their row numbers. Nothing is stored: the statement is only compared with the book.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from kyodo_desktop.domain import money, wareki
from kyodo_desktop.domain.reconcile import StatementLine
from kyodo_desktop.domain.text import printable
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.io import tabular
from kyodo_desktop.io.sheet_cells import is_formula_like

#: A month's statement is a few kilobytes; a year of a busy account well below this.
MAX_STATEMENT_BYTES = 2 * 1024 * 1024
MAX_STATEMENT_LINES = 20_000
#: The header row is looked for among the first rows (banks put the account's name, the period
#: and the like above it).
HEADER_ROWS = 15
#: Problems listed in the error message.
SHOWN_PROBLEMS = 5
#: The column headers of Japanese banks' statements (NFKC, spaces and (円) removed).
HEADERS = {
    "day": ("取引日", "日付", "年月日", "お取引日", "取扱日", "取引年月日", "勘定日", "入出金日",
            "お取扱日"),
    "description": ("摘要", "お取引内容", "取引内容", "内容", "お取引区分", "取引区分", "摘要内容"),
    "withdrawal": ("お支払金額", "出金", "出金金額", "出金額", "支払金額", "お引出し金額",
                   "お引出金額", "引出金額", "お支払い金額", "支払", "お引出し"),
    "deposit": ("お預り金額", "入金", "入金金額", "入金額", "預入金額", "お預入れ金額",
                "お預入金額", "お預かり金額", "預り金額", "お預り", "お預入れ"),
    "balance": ("残高", "差引残高", "取引後残高", "残高金額", "お取引後残高"),
}
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_UNIT = re.compile(r"[(（]円[)）]$")


@dataclass(frozen=True)
class Statement:
    """A read statement: its ``lines`` in file order and the CSV ``encoding``."""

    path: Path
    lines: list[StatementLine]
    encoding: str = ""


def read_statement(path: Path | str) -> Statement:
    """Read a bank CSV statement (see the module docstring). Raises UserError (Japanese) for a
    missing, too large, binary or unreadable file, a file without the expected header row, or
    lines that cannot be read (the first :data:`SHOWN_PROBLEMS` listed with their rows)."""
    path = Path(path)
    _check_file(path)
    table = tabular.read_csv(path)
    header, columns = _find_header(table.rows, path)
    lines, problems = [], []
    for row in table.rows[header + 1:]:
        if row.is_blank:
            continue
        try:
            line = _line(row, columns)
        except ValidationError as error:
            problems.append(_("Row {row}: {text}").format(row=row.number, text=error.message))
            continue
        if line is not None:
            lines.append(line)
    if problems:
        more = len(problems) - SHOWN_PROBLEMS
        raise UserError(_("The bank statement {path} has lines that cannot be read, so nothing "
                          "was compared:\n{problems}").format(
            path=path.name, problems="\n".join(problems[:SHOWN_PROBLEMS]
                                               + ([_("… and {count} more").format(count=more)]
                                                  if more > 0 else []))))
    if not lines:
        raise UserError(_("The bank statement {path} has no lines with an amount.").format(
            path=path.name))
    return Statement(path, lines, table.encoding)


def _check_file(path: Path) -> None:
    if path.exists() and not path.is_file() and not path.is_dir():  # a named pipe, a device
        raise UserError(_("{path} is not an ordinary file (a named pipe or a device). Give the "
                          ".csv file the bank's website saved.").format(path=path))
    if not path.is_file():
        raise UserError(_("The file was not found: {path}").format(path=path))
    if path.suffix.lower() not in (".csv", ".txt"):
        raise UserError(_("Choose the statement the bank's website saves as CSV (.csv): "
                          "{path}").format(path=path.name))
    try:
        size = path.stat().st_size
        if size > MAX_STATEMENT_BYTES:
            raise UserError(_("The bank statement {path} is too large ({size} MB; at most {limit} "
                              "MB). Download a shorter period.").format(
                path=path.name, size=max(1, size // (1024 * 1024)),
                limit=MAX_STATEMENT_BYTES // (1024 * 1024)))
        data = path.read_bytes()
    except OSError as error:
        raise UserError(_("The file cannot be read: {path}").format(path=path),
                        detail=repr(error)) from error
    if _CONTROL.search(data):
        raise UserError(_("{path} is not a bank statement in CSV: it holds characters a text "
                          "file does not (a program or a damaged file?).").format(path=path.name))
    if data.count(b"\n") > MAX_STATEMENT_LINES:
        raise UserError(_("The bank statement {path} has more than {limit} lines. Download a "
                          "shorter period.").format(path=path.name,
                                                    limit=f"{MAX_STATEMENT_LINES:,}"))


def _header_key(cell: str) -> str:
    text = "".join(unicodedata.normalize("NFKC", cell).split())
    return _UNIT.sub("", text.replace("(円)", ""))


def _find_header(rows, path: Path) -> tuple[int, dict[str, int]]:
    for index, row in enumerate(rows[:HEADER_ROWS]):
        keys = [_header_key(cell) for cell in row.cells]
        columns = {}
        for field, names in HEADERS.items():
            found = next((i for i, key in enumerate(keys) if key in names), None)
            if found is not None:
                columns[field] = found
        if "day" in columns and ("withdrawal" in columns or "deposit" in columns):
            return index, columns
    raise UserError(_("{path} has no header row with a date column (取引日 or 日付) and an "
                      "amount column (お支払金額/出金, お預り金額/入金). Download the statement "
                      "again as CSV from the bank's website.").format(path=path.name))


def _amount(row, columns: dict[str, int], field: str, *, allow_negative: bool = False
            ) -> int | None:
    cell = row.cell(columns.get(field))
    if not cell.strip():
        return None
    return money.parse_yen(cell, allow_negative=allow_negative)


def _line(row, columns: dict[str, int]) -> StatementLine | None:
    """The statement line of ``row``; None for a line that carries only a 残高 (繰越).
    Raises ValidationError naming the problem."""
    if row.problems:
        raise ValidationError(row.problems[0])
    # shown on screen and in the terminal: no bidi override, zero-width or C1 control (CSI)
    description = printable(row.cell(columns.get("description")), keep_newlines=False)
    if is_formula_like(description):
        raise ValidationError(_("the 摘要 starts with {sign} like a spreadsheet formula "
                                "({text}). Use the file as the bank's website saved it.").format(
            sign=description[:1], text=description[:20]))
    withdrawal = _amount(row, columns, "withdrawal") or 0
    deposit = _amount(row, columns, "deposit") or 0
    balance = _amount(row, columns, "balance", allow_negative=True)
    if withdrawal and deposit:
        raise ValidationError(_("a line has both an amount paid out and an amount paid in."))
    if not withdrawal and not deposit:
        if balance is not None or not any(row.cells):
            return None
        raise ValidationError(_("a line without an amount."))
    day = wareki.parse_date(row.cell(columns["day"]))
    return StatementLine(day, description, withdrawal, deposit, balance, row.number)
