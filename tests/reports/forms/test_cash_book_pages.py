"""The 出納簿 over many pages: 2,000 entries, balances carried across every page break
(次頁へ繰越 = the next page's 前頁より繰越), monthly subtotals, closing = the database's sums."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.reports.cash_book_report import book_lines, paginate
from kyodo_desktop.reports.readback import fonts, page_texts
from kyodo_desktop.reports.registry import ReportRequest, report_kinds
from kyodo_desktop.services.forms import common as fd
from kyodo_desktop.services.forms.books import cash_books

YEAR = 2026
ENTRIES = 2000


def fill_year(store, entries: int = ENTRIES, seed: int = 6) -> int:
    """A council with ``entries`` 出納簿 entries over the three funds of 年度 ``YEAR``."""
    from kyodo_desktop.services.council import profile as council_profile

    rng = random.Random(seed)
    council_id, _changes = council_profile.create_council(store, "大量記帳地域づくり協議会")
    rows = []
    for n in range(entries):
        fund = rng.choice(["operating_support", "activity_support", "own_funds"])
        day = date(YEAR, 4, 1) + timedelta(days=rng.randrange(365))
        income = n % 7 == 0
        rows.append({
            "council_id": council_id, "fiscal_year": YEAR, "fund_code": fund,
            "entry_date": day.isoformat(), "direction": "income" if income else "expense",
            "income_category_code": "business_income" if income else None,
            "expense_category_code": None if income else rng.choice(
                ["consumables", "postage", "wages", "printing", "rentals"]),
            "description": rng.choice(["事務用品", "切手・はがき", "広報誌の印刷（とても長い摘要の例で"
                                       "枠に収まらないもの）", "会場使用料"]) + f" {n}",
            "amount": rng.randrange(100, 90_000) * (7 if income else 1),
            "voucher_no": f"R8-{n:04d}"})
    with store.transaction() as db:
        db["cash_book_entries"].insert_all(rows)
        db["opening_balances"].insert({"council_id": council_id, "fiscal_year": YEAR,
                                       "fund_code": "own_funds", "carried_in": 123_456})
    return council_id


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    from kyodo_desktop.store import open_store

    store = open_store(tmp_path_factory.mktemp("big") / "big.sqlite3")
    council_id = fill_year(store)
    pdf = report_kinds()["cash-book"].build(store, ReportRequest(council_id, YEAR))
    yield store, council_id, pdf
    store.close()


def _after(text: str, label: str) -> list[str]:
    """The three figures printed after ``label`` (収入, 支出, 残高)."""
    tokens = text.split("\n")
    at = tokens.index(label)
    return tokens[at + 1: at + 4]


def test_balances_carry_across_every_page(big):
    store, council_id, pdf = big
    texts = page_texts(pdf)
    assert len(texts) > 50
    carried = 0
    for this, following in zip(texts, texts[1:], strict=False):
        if "次頁へ繰越" in this:
            assert _after(this, "次頁へ繰越") == _after(following, "前頁より繰越")
            carried += 1
        else:  # the last page of a fund (an open year): the next fund starts afresh
            assert "現在残高" in this and "前頁より繰越" not in following
    assert carried == len(texts) - 3


def test_closing_balance_equals_the_database(big):
    store, council_id, pdf = big
    texts = page_texts(pdf)
    last_pages = [t for t in texts if "現在残高" in t]
    sums = {r["fund_code"]: r["net"] for r in store.query(
        "SELECT fund_code, sum(CASE direction WHEN 'income' THEN amount ELSE -amount END) AS net "
        "FROM cash_book_entries WHERE council_id = ? GROUP BY fund_code", (council_id,))}
    expected = [sums["operating_support"], sums["activity_support"],
                sums["own_funds"] + 123_456]
    printed = [t.split("\n")[t.split("\n").index("現在残高") + 1] for t in last_pages]
    assert printed == [format_yen(v) for v in expected]


def test_fonts_are_embedded(big):
    used = fonts(big[2])
    assert used and all(used.values())
    assert all("IPAex" in name for name in used)


def test_pagination_keeps_every_entry_and_the_month_subtotals(big):
    store, council_id, _pdf = big
    words = fd.wording(store, council_id, "cash_book")
    for book in cash_books(store, council_id, YEAR):
        lines = book_lines(book, words)
        pages = paginate(lines, words, book.opening, per_page=17)
        assert all(len(page) <= 17 for page in pages)
        flat = [line for page in pages for line in page if line.kind not in ("brought", "carried")]
        assert flat == lines
        months = [line for line in lines if line.kind == "month"]
        assert sum(m.income for m in months) == sum(r.income or 0 for r in book.rows)
        assert sum(m.expense for m in months) == sum(r.expense or 0 for r in book.rows)
        for page, following in zip(pages, pages[1:], strict=False):
            entries = [line for line in page if line.kind == "entry"]
            if entries:
                assert page[-1].balance == entries[-1].balance
            assert following[0].kind == "brought"
            assert (following[0].income, following[0].expense, following[0].balance) == (
                page[-1].income, page[-1].expense, page[-1].balance)
