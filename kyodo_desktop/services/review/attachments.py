"""Review rule: the attachments a letter lists (preset ``forms.<key>.attachments``, e.g. the
実績報告書's 「会計監査報告書の写し」) exist for the 年度 once the letter is dated.

An attachment is matched to the preset form whose title it contains (「変更後の収支予算書」 →
収支予算書). The 事業計画書 / 事業実績書 always print (an empty one is the rule
``empty_business_plan``); the 会計監査報告書 needs a recorded 監査日, the 出納簿 entries, the
収支予算書 / 収支決算書 budget lines.
"""

from __future__ import annotations

from collections.abc import Callable

from kyodo_desktop.domain import wareki
from kyodo_desktop.i18n import _
from kyodo_desktop.services.council import presets
from kyodo_desktop.services.forms.grants import GrantFigures, grant_figures
from kyodo_desktop.services.review.dates import audit_day
from kyodo_desktop.services.review.findings import (
    AUDIT,
    BUDGET,
    CASH_BOOK,
    ERROR,
    ReviewFinding,
    finding,
)
from kyodo_desktop.store import Store

#: The letters with attachments and whether each is issued (dated) for a grant.
LETTERS: dict[str, Callable[[GrantFigures], bool]] = {
    "grant_application": lambda g: g.applied_on is not None,
    "change_request": lambda g: g.change_requested_on is not None,
    "performance_report": lambda g: g.reported_on is not None,
}


def _count(store: Store, table: str, council_id: int, fiscal_year: int) -> int:
    return store.scalar(f"SELECT count(*) FROM {table} WHERE council_id = ? AND fiscal_year = ?",
                        (council_id, fiscal_year))


def _exists(store: Store, council_id: int, fiscal_year: int) -> dict[str, tuple[bool, tuple]]:
    """Form key → (whether it exists for the year, where it is entered)."""
    lines = _count(store, "budget_lines", council_id, fiscal_year) > 0
    return {"audit_report": (audit_day(store, council_id, fiscal_year) is not None, AUDIT),
            "cash_book": (_count(store, "cash_book_entries", council_id, fiscal_year) > 0,
                          CASH_BOOK),
            "budget_statement": (lines, BUDGET), "settlement_statement": (lines, BUDGET)}


def findings(store: Store, council_id: int, fiscal_year: int) -> list[ReviewFinding]:
    """An エラー per attachment a dated letter lists that does not exist for the year."""
    forms = presets.preset_for_council(store, council_id).forms
    grants = grant_figures(store, council_id, fiscal_year)
    exists = _exists(store, council_id, fiscal_year)
    titles = sorted(((words.get("title", ""), key) for key, words in forms.items()
                     if words.get("title")), key=lambda pair: -len(pair[0]))
    found = []
    for letter, issued in LETTERS.items():
        if letter not in forms or not any(issued(g) for g in grants):
            continue
        for attachment in forms[letter].get("attachments", []):
            key = next((k for title, k in titles if title in attachment), None)
            ok, where = exists.get(key, (True, ()))
            if not ok:
                found.append(finding(ERROR, "attachment_missing", _(
                    "The {letter} lists “{attachment}” as attached, but there is none for "
                    "{fiscal_year}.").format(letter=forms[letter]["title"], attachment=attachment,
                                             fiscal_year=wareki.format_fiscal_year(fiscal_year)),
                    where))
    return found
