"""One source per figure: money and roster aggregates are summed in SQL only by the read modules
(docs/ARCHITECTURE.md, "One source per figure"). A new screen, form, check or export that needs a
balance, a 事業費, a 交付済額 or a 世帯数 total calls them instead of writing its own sum."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import kyodo_desktop

PACKAGE = Path(kyodo_desktop.__file__).resolve().parent
#: The read modules allowed to aggregate the figures.
READ_MODULES = {
    "services/accounting/figures.py",
    "services/roster/totals.py",
}
#: SQL that computes a figure: Σ of an amount, 繰越金, budget or 世帯数, or a signed balance.
FIGURE_SQL = re.compile(
    r"\b(sum|total)\s*\(\s*(coalesce\s*\(\s*)?(CASE\b[^)]*\bamount\b|[\w.]*(amount|carried_in|"
    r"budget|households|member_households)\b)|ELSE\s+-\s*[\w.]*amount\b",
    re.IGNORECASE)


def _strings(tree: ast.AST) -> list[tuple[int, str]]:
    """Every string literal (f-string parts joined) with its line."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append((node.lineno, node.value))
        elif isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
            found.append((node.lineno, text))
    return found


def _offenders() -> list[str]:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name in READ_MODULES:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        offenders += [f"{name}:{line}" for line, text in _strings(tree)
                      if FIGURE_SQL.search(text)]
    return offenders


def test_figures_are_summed_only_in_the_read_modules():
    assert _offenders() == []


def test_the_pattern_catches_what_it_should():
    caught = ["SELECT sum(amount) FROM cash_book_entries",
              "coalesce(sum(CASE e.direction WHEN 'expense' THEN e.amount ELSE 0 END), 0)",
              "SELECT fund_code, sum(CASE direction WHEN 'income' THEN amount ELSE -amount END)",
              "(SELECT coalesce(sum(carried_in), 0) FROM opening_balances)",
              "sum(coalesce(revised_budget, budget))", "sum(h.member_households)",
              "total(p.amount)"]
    missed = ["SELECT count(*) FROM projects", "SELECT max(entry_date) FROM cash_book_entries",
              "SELECT amount, paid_on FROM grant_payments"]
    assert all(FIGURE_SQL.search(text) for text in caught)
    assert not any(FIGURE_SQL.search(text) for text in missed)
    for module in READ_MODULES:
        tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
        assert any(FIGURE_SQL.search(text) for _line, text in _strings(tree)), module
