"""The words of a home-made 出納簿: column headers, 費目 names, 会計区分 and special rows.

Treasurers name things their own way; these tables map what is found in their spreadsheets to
the app's codes (schema: ``kyodo_desktop/store/migrations/m0001_initial.sql``, tables
``funds``, ``income_categories`` and ``expense_categories``; glossary: 費目, 会計区分). A name is
compared after :func:`name_key` (NFKC, no spaces, no brackets), so 「消耗品 費」「（消耗品費）」
and 「消耗品費」 are one name. Names not listed here are reported as unknown, never guessed
(「会議費」 could be 食糧費 or 使用料: the user decides in the mapping dialog).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

from kyodo_desktop.domain.accounting import EXPENSE, INCOME
from kyodo_desktop.domain.labels import (
    EXPENSE_CATEGORY_LABELS,
    FUND_LABELS,
    INCOME_CATEGORY_LABELS,
)
from kyodo_desktop.domain.text import normalize
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _

#: Column field → the headers that name it (compared by :func:`name_key`).
FIELD_HEADERS: dict[str, tuple[str, ...]] = {
    "entry_date": ("日付", "年月日", "月日", "取引日", "支払日", "入出金日", "日"),
    "month": ("月",),  # a book with separate 月 and 日 columns: 日 is then the day
    "description": ("摘要", "内容", "件名", "摘要内容", "品名", "用途"),
    "category": ("費目", "科目", "勘定科目", "費目名", "科目名", "支出科目", "収支科目"),
    "income": ("収入", "入金", "収入金額", "収入額", "入金額", "収入金"),
    "expense": ("支出", "出金", "支出金額", "支出額", "出金額", "支払額", "支払金額"),
    "amount": ("金額", "収支金額", "入出金額"),
    "direction": ("収支", "入出金", "収支区分", "入出区分"),
    "balance": ("残高", "差引残高", "残額", "現在高"),
    "payee": ("支払先", "相手先", "取引先", "支払先収入元", "収入元", "受取人", "支払相手"),
    "voucher_no": ("領収書番号", "証憑番号", "No", "NO", "番号", "領収書No", "伝票番号", "証拠書類番号"),
    "memo": ("備考", "メモ", "摘要備考"),
    "fund": ("区分", "会計", "会計区分", "財源", "財源区分"),
    "project": ("事業", "事業名", "事業名称"),
    "account": ("口座", "口座名", "出納口座", "入出金口座", "預金口座", "現金預金"),
}

#: Income category code → other names found in cash books (the schema's name is added).
INCOME_SYNONYMS: dict[str, tuple[str, ...]] = {
    "grant": ("地域づくり交付金", "市交付金", "補助金", "市補助金"),
    "membership_fees": ("協議会費", "負担金収入"),
    "donations": ("寄附金", "協賛金", "寄付"),
    "business_income": ("参加費", "売上", "事業収益"),
    "miscellaneous_income": ("雑入", "利息", "預金利息", "受取利息"),
    "carried_in": ("繰越金",),
}

#: 費目 code → other names found in cash books (the schema's name is added).
EXPENSE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "remuneration": ("役員報酬",),
    "wages": ("給料", "給与", "人件費", "事務局員賃金"),
    "honoraria": ("謝礼", "謝金", "講師謝礼"),
    "travel": ("交通費", "費用弁償"),
    "consumables": ("消耗品", "事務用品費", "事務費"),
    "fuel": ("ガソリン代", "灯油代"),
    "food": ("食料費",),
    "printing": ("印刷費", "製本費", "コピー代"),
    "utilities": ("光熱費", "水道光熱費", "電気代"),
    "repairs": ("修繕費",),
    "postage": ("通信費", "郵送料", "郵便料", "切手代", "電話代", "運搬費"),
    "fees": ("振込手数料",),
    "insurance": ("保険代",),
    "commissions": ("委託費",),
    "rentals": ("使用料", "賃借料", "会場使用料", "借上料", "リース料"),
    "construction": ("工事費",),
    "materials": ("材料費",),
    "equipment": ("備品費",),
    "contributions": ("負担金", "負担金補助金", "分担金"),
    "refund": ("返還", "交付金返還金"),
}

#: 会計区分 code → other names (the schema's ``funds.name`` is added).
FUND_SYNONYMS: dict[str, tuple[str, ...]] = {
    "operating_support": ("運営支援交付金", "運営"),
    "activity_support": ("活動支援交付金", "活動"),
    "own_funds": ("自主",),
}


def _with_labels(labels: dict[str, str], synonyms: dict[str, tuple[str, ...]]
                 ) -> dict[str, tuple[str, ...]]:
    return {code: (label, *synonyms.get(code, ())) for code, label in labels.items()}


INCOME_NAMES = _with_labels(INCOME_CATEGORY_LABELS, INCOME_SYNONYMS)
#: 返還金 (a grant's refund, migration 4) is an expense category of its own.
EXPENSE_NAMES = _with_labels({**EXPENSE_CATEGORY_LABELS, "refund": "返還金"}, EXPENSE_SYNONYMS)
FUND_NAMES = _with_labels(FUND_LABELS, FUND_SYNONYMS)

#: Values of a 収支 column.
DIRECTION_NAMES: dict[str, tuple[str, ...]] = {
    INCOME: ("収入", "入金", "収", "入"),
    EXPENSE: ("支出", "出金", "支", "出"),
}

_BRACKETS = re.compile(r"[\s()（）\[\]［］【】「」『』〈〉<>《》:：・.、。,※*＊]")
_YEN_UNIT = re.compile(r"\((?:円|単位円|単位:円)\)$")
_SUBTOTAL = re.compile(
    r"(?:(?:令和|平成|[RH])?(?:\d+|元)年度?)?(?:\d{1,2}月分?)?(?:収入|支出|入金|出金)?"
    r"(?:小計|合計|月計|累計|総計|計)(?:額|金額)?")
_CARRIED = re.compile(r"(?:\d{1,2}月(?:分)?|(?:\d{1,2}月)?(?:次年度|翌年度|次期|前月|次月|翌月|前頁"
                      r"|次頁|前ページ|次ページ))(?:へ|より|から)?(?:の)?繰越(?:金|額|高)?")
_OPENING = re.compile(r"(?:前年度|前期|昨年度|前年)(?:より|から)?(?:の)?繰越(?:金|額|高)?")
_BARE_CARRIED = re.compile(r"繰越(?:金|額|高)?")
_LABEL_PATTERNS = (("opening", _OPENING), ("subtotal", _SUBTOTAL),
                   ("bare_carried", _BARE_CARRIED), ("carried", _CARRIED))


@lru_cache(maxsize=4096)
def name_key(text: str) -> str:
    """Comparison form of a name: NFKC, without spaces, unprintable characters, brackets and
    「(円)」 units."""
    if not text:
        return ""
    text = normalize(text)
    text = _YEN_UNIT.sub("", "".join(text.split()))
    return _BRACKETS.sub("", text)


def _index(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {name_key(name): code for code, names in table.items() for name in names}


_HEADER_INDEX = _index(FIELD_HEADERS)
_INCOME_INDEX = _index(INCOME_NAMES)
_EXPENSE_INDEX = _index(EXPENSE_NAMES)
_FUND_INDEX = _index(FUND_NAMES) | {code: code for code in FUND_NAMES}
_DIRECTION_INDEX = _index(DIRECTION_NAMES)
INCOME_CODES = frozenset(INCOME_NAMES)
EXPENSE_CODES = frozenset(EXPENSE_NAMES)


def header_field(text: str) -> str | None:
    """The field a header cell names (``"entry_date"``, ``"amount"`` …), None if unknown."""
    return _HEADER_INDEX.get(name_key(text))


def category_code(name: str, direction: str | None) -> str | None:
    """The 費目 code of ``name`` for ``direction`` (``"income"``/``"expense"``); with None, the
    code from either list when the name is in exactly one. None when unknown or ambiguous."""
    key = name_key(name)
    if direction == INCOME:
        return _INCOME_INDEX.get(key)
    if direction == EXPENSE:
        return _EXPENSE_INDEX.get(key)
    found = {_INCOME_INDEX.get(key), _EXPENSE_INDEX.get(key)} - {None}
    return found.pop() if len(found) == 1 else None


def direction_of_code(code: str) -> str | None:
    """``"income"`` or ``"expense"`` for a 費目 code, None for an unknown code."""
    if code in INCOME_CODES:
        return INCOME
    if code in EXPENSE_CODES:
        return EXPENSE
    return None


def category_label(code: str) -> str:
    """The schema's Japanese name of a 費目 code (the code itself when unknown)."""
    return INCOME_CATEGORY_LABELS.get(code) or EXPENSE_CATEGORY_LABELS.get(code, code)


def parse_direction(text: str) -> str | None:
    """``"income"``/``"expense"`` from a 収支 cell (収入・入金 / 支出・出金), None if unknown."""
    return _DIRECTION_INDEX.get(name_key(text))


def parse_fund(text: str, own: Mapping[str, str] | None = None) -> str:
    """The 会計区分 code of ``text``: 運営支援 / 活動支援 / 自主財源 (also with 交付金, 全角,
    spaces) or a code (``operating_support``, ``activity_support``, ``own_funds``), or one of
    the council's own funds in ``own`` (name → code, e.g. 共同募金配分金).

    Raises ValidationError (``field="fund"``) naming the accepted names.
    """
    code = _FUND_INDEX.get(name_key(text)) or _FUND_INDEX.get((text or "").strip().lower())
    if code is None and own:
        code = {name_key(name): value for name, value in own.items()}.get(name_key(text))
    if code is None:
        raise ValidationError(
            _("{text} is not a fund. Enter 運営支援, 活動支援 or 自主財源.")
            .format(text=(text or "").strip() or "（空欄）"), field="fund")
    return code


def is_subtotal(text: str) -> bool:
    """True for 「小計」「合計」「4月計」「支出合計」「累計」… (a row to skip)."""
    return bool(_SUBTOTAL.fullmatch(name_key(text)))


def is_carried(text: str) -> bool:
    """True for 「次年度繰越」「前月繰越」「次月へ繰越」… (carry-over rows to skip)."""
    return bool(_CARRIED.fullmatch(name_key(text)))


def is_opening(text: str) -> bool:
    """True for 「前年度繰越」「前年度より繰越」「前年度繰越金」 (the opening balance row)."""
    return bool(_OPENING.fullmatch(name_key(text)))


def may_be_label(text: str) -> bool:
    """False only for text whose :func:`name_key` cannot hold 計 or 繰越: printable, already
    NFKC and without 計 or 繰 (brackets removed by name_key cannot split one character)."""
    return ("計" in text or "繰" in text or not text.isprintable()
            or not unicodedata.is_normalized("NFKC", text))


def label_kind(texts: list[str]) -> str | None:
    """What the label cells ``texts`` (日付, 月, 摘要, 費目) make of a row, checked in this order:
    ``"opening"`` when one is a 前年度繰越 (:func:`is_opening`), ``"subtotal"``
    (:func:`is_subtotal`), ``"bare_carried"`` (:func:`is_bare_carried`), ``"carried"``
    (:func:`is_carried`); None for none of them."""
    keys = [key for key in (name_key(text) for text in texts if text and may_be_label(text))
            if "計" in key or "繰越" in key]  # every label pattern ends in one of them
    for kind, pattern in _LABEL_PATTERNS:
        if any(pattern.fullmatch(key) for key in keys):
            return kind
    return None


def is_bare_carried(text: str) -> bool:
    """True for a plain 「繰越」「繰越金」 (the opening balance when it comes before any entry)."""
    return bool(_BARE_CARRIED.fullmatch(name_key(text)))
