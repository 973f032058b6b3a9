"""通帳照合 (reconciliation) and 現金の実査 (cash count): the pure rules.

- :func:`match_lines` pairs the lines of a bank statement with the book's moves of the account:
  same signed amount (入金 +, 出金 −), dates at most :data:`DATE_WINDOW` days apart, each book
  move matched at most once (the closest date first, then the earliest move). What is left is
  only in the bank (通帳のみ) or only in the book (帳簿のみ).
- 金種表: :data:`DENOMINATIONS` (10,000 … 1 円) × counts; :func:`cash_total` adds them up.
- :func:`difference`: 通帳残高 − 帳簿残高; 照合済 only when it is 0.
- :func:`first_overdrafts`: the first day an 口座 ends below zero (a cash box or a 通帳 cannot).
Money is int 円; dates datetime.date.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _

K = TypeVar("K")

#: How many days a statement line and a book entry may be apart and still match.
DATE_WINDOW = 3
#: The notes and coins of a 金種表 (円), largest first.
DENOMINATIONS = (10_000, 5_000, 2_000, 1_000, 500, 100, 50, 10, 5, 1)
#: More pieces of one kind than this is a typing mistake, not a council's cash box.
MAX_PIECES = 100_000


@dataclass(frozen=True)
class StatementLine:
    """One line of a bank statement: ``day`` 取引日, ``description`` 摘要, ``withdrawal`` 出金
    and ``deposit`` 入金 (円, ≥ 0, one of them > 0), ``balance`` 残高 after it (None when the
    statement has none), ``row`` the line's row number in the file (for messages)."""

    day: date
    description: str
    withdrawal: int
    deposit: int
    balance: int | None = None
    row: int = 0

    @property
    def signed(self) -> int:
        """入金 − 出金 (円): how the line moves the account."""
        return self.deposit - self.withdrawal


@dataclass(frozen=True)
class BookMove:
    """A move of the account in the book: ``kind`` 'entry' (出納簿) or 'transfer' (振替),
    ``id`` of that row, ``day``, ``signed`` (円, + in, − out), ``description`` 摘要."""

    kind: str
    id: int
    day: date
    signed: int
    description: str = ""


@dataclass(frozen=True)
class MatchResult:
    """``matched`` pairs (statement line, book move); ``bank_only`` lines no book move matched;
    ``book_only`` moves (within the statement's dates) no line matched."""

    matched: list[tuple[StatementLine, BookMove]]
    bank_only: list[StatementLine]
    book_only: list[BookMove]


def match_lines(lines: Sequence[StatementLine], moves: Sequence[BookMove], *,
                window: int = DATE_WINDOW) -> MatchResult:
    """Pair statement ``lines`` with book ``moves`` (see the module docstring)."""
    free = sorted(moves, key=lambda m: (m.day, m.kind, m.id))
    matched, bank_only = [], []
    for line in sorted(lines, key=lambda item: (item.day, item.row)):
        candidates = [m for m in free if m.signed == line.signed
                      and abs((m.day - line.day).days) <= window]
        if not candidates:
            bank_only.append(line)
            continue
        best = min(candidates, key=lambda m: (abs((m.day - line.day).days), m.day, m.id))
        free.remove(best)
        matched.append((line, best))
    return MatchResult(matched, bank_only, free)


def difference(book_balance: int, bank_balance: int) -> int:
    """差額 (円): 通帳残高 (or 現金有高) − 帳簿残高."""
    return bank_balance - book_balance


def cash_total(counts: Mapping[int | str, int]) -> int:
    """現金有高 (円) of a 金種表 ``{denomination: count}`` (keys int or their text). Raises
    ValidationError for an unknown denomination or a count that is not a whole number from 0
    to :data:`MAX_PIECES`."""
    total = 0
    for key, count in counts.items():
        try:
            value = int(key)
        except (TypeError, ValueError):
            value = -1
        if value not in DENOMINATIONS:
            raise ValidationError(_("{value} yen is not a note or coin of the cash count.")
                                  .format(value=key), field="cash_count")
        if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= MAX_PIECES:
            raise ValidationError(_("Enter how many {value} yen pieces there are, as a whole "
                                    "number from 0.").format(value=value), field="cash_count")
        total += value * count
    return total


def count_for(amount: int) -> dict[str, int]:
    """A 金種表 that adds up to ``amount`` (円, ≥ 0): the fewest pieces, without 2,000 円 notes
    (rare in a cash box). Keys are the denominations as text (JSON-ready)."""
    counts, rest = {}, amount
    for value in DENOMINATIONS:
        if value == 2_000:
            continue
        counts[str(value)], rest = divmod(rest, value)
    counts["2000"] = 0
    return counts


def account_running_balances(opening: Mapping[int, int],
                             entries: Iterable[tuple[K, date, int | None, int]],
                             transfers: Iterable[tuple[date, int, int, int]]
                             ) -> Iterator[tuple[K, int]]:
    """The one running-balance rule of a 口座: ``(key, balance)`` per entry, the 残高 of the
    entry's 口座 after it (円).

    ``opening`` {account: 繰越金}; ``entries`` (key, day, account, signed 円) in 出納簿 order
    (entry_date, id); ``transfers`` (day, from account, to account, 円) in any order. A 振替 of
    a day counts before that day's entries (the money is moved, then spent), so the balance
    after a day's last entry of a 口座 is the 口座's 残高 at the end of that day (the figure of
    the end-of-day balances).
    """
    pending = sorted(transfers, key=lambda move: move[0])
    balance, next_transfer = dict(opening), 0
    for key, day, account, signed in entries:
        while next_transfer < len(pending) and pending[next_transfer][0] <= day:
            _day, source, target, amount = pending[next_transfer]
            balance[source] = balance.get(source, 0) - amount
            balance[target] = balance.get(target, 0) + amount
            next_transfer += 1
        balance[account] = balance.get(account, 0) + signed
        yield key, balance[account]


def first_overdrafts(opening: Mapping[int, int], moves: Sequence[tuple[date, int, int]]
                     ) -> dict[int, tuple[date, int]]:
    """``{account: (day, balance)}`` of each account whose 残高 at the end of a day falls below
    0: the first such day and the balance then (円). ``opening`` {account: 繰越金}; ``moves``
    (day, account, signed 円) in any order."""
    by_day: dict[date, dict[int, int]] = {}
    for day, account, signed in moves:
        by_day.setdefault(day, {})
        by_day[day][account] = by_day[day].get(account, 0) + signed
    balance, found = dict(opening), {}
    for day in sorted(by_day):
        for account, signed in by_day[day].items():
            balance[account] = balance.get(account, 0) + signed
            if balance[account] < 0 and account not in found:
                found[account] = (day, balance[account])
    return found
