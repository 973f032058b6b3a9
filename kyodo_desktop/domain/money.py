"""Money is an ``int`` of yen (円), never a float: parsing what people type or read off receipts.

:func:`parse_yen` accepts the ways amounts are written on Japanese receipts, forms and notes
(「1,234」「￥1,234-」「1万2千円」「△1,234」 …) and rejects anything ambiguous with a
:class:`~kyodo_desktop.errors.ValidationError` (``field="amount"``) whose Japanese message says
what was wrong. Formatting lives in :mod:`kyodo_desktop.domain.formatting`.
"""

from __future__ import annotations

import re
import unicodedata

from kyodo_desktop.domain.text import foreign_digits
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _

#: The largest amount accepted (円): anything above is a typing mistake, not a council's budget.
MAX_YEN = 99_999_999_999

#: Signs that make an amount negative: minus signs, the 会計 triangles (△ ▲), and 「ー」, which a
#: Japanese input method types for the minus key.
_NEGATIVE_SIGNS = ("-", "\u2212", "\u2012", "\u2013", "\u2010", "ー", "△", "▲", "▵", "▴")
#: Written before the figure: yen signs (NFKC turns ￥ into ¥; a Japanese keyboard's \ is ¥) and
#: 金 as in 「金1,234円」.
_PREFIXES = ("¥", "\\", "金")
#: Written after the figure, in this order: 「円」, 「也」, and a receipt's closing dash 「1,234-」.
_SUFFIX = re.compile(r"円?也?[-\u2212\u2010\u2015\u2014ー]?\Z")
_KANJI_DIGITS = str.maketrans("〇一二三四五六七八九", "0123456789")
_BIG_UNITS = (("億", 10**8), ("万", 10**4))
_SMALL_UNITS = (("千", 1000), ("百", 100), ("十", 10))
_PLAIN = re.compile(r"\d+|\d{1,3}(?:,\d{3})+")
_MAX_DIGITS = 15
_SPLIT_FIGURE = re.compile(r"[\d,]\s+[\d,]")


#: The longest text of ASCII digits :func:`parse_yen` reads without cleaning (longer: the
#: ordinary path, which refuses it as too large).
_PLAIN_DIGITS = 15


def parse_yen(text: str, *, allow_negative: bool = False, allow_zero: bool = True) -> int:
    """Read an amount of yen typed by a person and return it as ``int`` (円).

    Accepts 「1234」「1,234」「１，２３４」「¥1,234」「￥1,234-」 (a receipt's trailing dash is not a
    minus) 「1,234円」「金1,234円也」「1万2千円」「1億2345万6789円」 and, only with
    ``allow_negative``, 「-1,234」「△1,234」「▲1,234」 as negative amounts. Spaces (also
    full-width) around the amount or its signs are ignored (「¥ 1,234 円」); spaces inside the
    figure are not (「1 234」).

    Raises ValidationError (``field="amount"``) with a message naming the problem: digits other
    than 0-9 / ０-９ (「٣٠٠」, 「1²」, 「①」), empty input,
    a decimal part, misplaced commas, other characters (or spaces inside the figure), a negative or zero amount where not
    allowed, or more than :data:`MAX_YEN`.
    """
    if text.__class__ is str and len(text) <= _PLAIN_DIGITS and text.isascii() and \
            text.isdigit():  # 「1234」 as a spreadsheet cell holds it: only the range to check
        amount = int(text)
        if amount <= MAX_YEN and (amount or allow_zero):
            return amount
    raw = "" if text is None else str(text)
    digits = foreign_digits(raw)
    if digits:  # NFKC and \d would read 「٣٠٠」 as 300, 「1²」 as 12, 「①,000」 as 1000
        raise _error(_("{text} holds characters that look like digits ({digits}). Write the "
                       "number with the digits 0-9.").format(text=raw.strip(), digits=digits),
                     raw)
    spaced = unicodedata.normalize("NFKC", raw)
    cleaned = "".join(spaced.split())
    if not cleaned:
        raise _error(_("Enter an amount in yen."), raw)
    if _SPLIT_FIGURE.search(spaced):  # 「1 234」 may be two amounts: do not guess
        raise _garbage(raw)
    negative, body = _strip_decorations(cleaned)
    if not body:
        raise _garbage(raw)
    amount = _parse_body(body, raw)
    if negative and amount != 0:
        if not allow_negative:
            raise _error(_("Negative amounts cannot be entered here: {text}. Enter the amount "
                           "without a minus sign or △.").format(text=raw.strip()), raw)
        amount = -amount
    if amount == 0 and not allow_zero:
        raise _error(_("Enter an amount of at least 1 yen (0 is not allowed here)."), raw)
    return amount


def _strip_decorations(text: str) -> tuple[bool, str]:
    """Split off sign, yen sign / 金, and 円 / 也 / trailing dash; return (negative, figure)."""
    negative = False
    for _round in range(2):  # the sign may come before or after the yen sign: -¥1 or ¥-1
        if text.startswith(_NEGATIVE_SIGNS) and not negative:
            negative, text = True, text[1:]
        if text.startswith(_PREFIXES):
            text = text[1:]
    return negative, _SUFFIX.sub("", text, count=1)


def _parse_body(body: str, raw: str) -> int:
    """Parse the figure itself: plain digits with commas, or 億・万・千・百・十 units."""
    body = body.translate(_KANJI_DIGITS)
    if "." in body and re.fullmatch(r"[\d,]*\.\d*", body) and any(c.isdigit() for c in body):
        raise _error(_("Amounts are whole yen; a decimal part cannot be entered: {text}.")
                     .format(text=raw.strip()), raw)
    if not re.fullmatch(r"[\d,億万千百十]+", body):
        raise _garbage(raw)
    if not any(unit in body for unit, _factor in _BIG_UNITS + _SMALL_UNITS):
        return _plain(body, raw)
    total = 0
    for unit, factor in _BIG_UNITS:
        if unit not in body:
            continue
        head, __, body = body.partition(unit)
        if not head or unit in body:
            raise _garbage(raw)
        group = _group(head, raw)
        if total and group >= 10_000:
            raise _garbage(raw)
        total += group * factor
    if body:
        tail = _group(body, raw)
        if total and tail >= 10_000:
            raise _garbage(raw)
        total += tail
    return _check_size(total, raw)


def _group(text: str, raw: str) -> int:
    """A number below a 万 or 億: plain digits or 千・百・十 units (「2千3百45」, 「千」 = 1000)."""
    total = 0
    last_factor = 0
    for unit, factor in _SMALL_UNITS:
        if unit not in text:
            continue
        head, __, text = text.partition(unit)
        digit = 1 if head == "" else _plain(head, raw)
        if not 1 <= digit <= 9 or unit in text:
            raise _garbage(raw)
        total += digit * factor
        last_factor = factor
    if text:
        rest = _plain(text, raw)
        if last_factor and rest >= last_factor:
            raise _garbage(raw)
        total += rest
    return total


def _plain(text: str, raw: str) -> int:
    """Digits, optionally grouped by commas every three digits."""
    if not _PLAIN.fullmatch(text):
        if "," in text and re.fullmatch(r"[\d,]+", text):
            raise _error(_("The commas in {text} are in the wrong places. Put a comma every "
                           "three digits (for example 1,234,567) or leave them out.")
                         .format(text=raw.strip()), raw)
        raise _garbage(raw)
    digits = text.replace(",", "")
    if len(digits.lstrip("0")) > _MAX_DIGITS:
        raise _too_large(raw)
    return _check_size(int(digits), raw)


def _check_size(amount: int, raw: str) -> int:
    if amount > MAX_YEN:
        raise _too_large(raw)
    return amount


def _too_large(raw: str) -> ValidationError:
    return _error(_("The amount is too large: {text}. Amounts up to {max} yen can be entered.")
                  .format(text=raw.strip(), max=f"{MAX_YEN:,}"), raw)


def _garbage(raw: str) -> ValidationError:
    return _error(_("{text} cannot be read as an amount. Enter it in digits, for example 12,000 "
                    "or 1万2千.").format(text=raw.strip()), raw)


def _error(message: str, raw: str) -> ValidationError:
    return ValidationError(message, field="amount", detail=repr(raw))
