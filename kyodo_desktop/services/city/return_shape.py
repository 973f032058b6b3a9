"""The shape of a 年度報告 document: which fields the city reads and their types and ranges.

:func:`shape_problem` returns the first problem (plain Japanese, naming the field) or None. Money
is an int 円 within ±MAX_YEN (never a bool or float), counts are ints 0 … 10,000,000, years
1989 … 2200, ratios finite numbers, texts at most :data:`MAX_TEXT` characters, lists at most
:data:`MAX_ITEMS` items. Fields the city does not read may be present; the seal covers them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from kyodo_desktop.domain.money import MAX_YEN
from kyodo_desktop.i18n import _

MAX_TEXT = 10_000
MAX_ITEMS = 10_000
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")
_HEX64 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Opt:
    """``None`` or a value of ``spec``."""

    spec: object


def _int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _yen(value) -> bool:
    return _int(value) and -MAX_YEN <= value <= MAX_YEN


def _count(value) -> bool:
    return _int(value) and 0 <= value <= 10_000_000


def _year(value) -> bool:
    return _int(value) and 1989 <= value <= 2200


def _number(value) -> bool:
    return (_int(value) and abs(value) <= 10**15) or (
        isinstance(value, float) and math.isfinite(value))


def _text(value) -> bool:
    return isinstance(value, str) and len(value) <= MAX_TEXT


def _timestamp(value) -> bool:
    return isinstance(value, str) and bool(_TIMESTAMP.fullmatch(value))


def _hex64(value) -> bool:
    return isinstance(value, str) and bool(_HEX64.fullmatch(value))


def _severity(value) -> bool:
    return value in ("error", "warning")


YEN, COUNT, YEAR, NUMBER, TEXT = _yen, _count, _year, _number, _text
BOOL: Callable = lambda value: isinstance(value, bool)  # noqa: E731

_ROW = {"category": TEXT, "name": TEXT, "current": YEN, "actual": YEN}
SHAPE = {
    "manifest": {"council": TEXT, "district": TEXT, "fiscal_year": YEAR,
                 "closed_at": Opt(_timestamp), "created_at": _timestamp, "app_version": TEXT,
                 "source_file": TEXT, "sections": [TEXT]},
    "content": {
        "profile": {"name": TEXT, "name_kana": TEXT, "district": TEXT},
        "organizations": [{"name": TEXT, "kind": TEXT, "kind_name": TEXT,
                           "households": Opt(COUNT), "member_households": Opt(COUNT)}],
        "roster": {"associations": COUNT, "households": Opt(COUNT),
                   "member_households": Opt(COUNT), "membership_rate": Opt(NUMBER)},
        "officers": [{"name": TEXT, "role": TEXT, "role_name": TEXT}],
        "plan": Opt({"title": TEXT, "first_year": YEAR, "last_year": YEAR,
                     "actions": [{"code": TEXT, "title": TEXT, "status": Opt(TEXT)}],
                     "indicators": [{"name": TEXT, "unit": TEXT, "target": Opt(NUMBER),
                                     "actual": Opt(NUMBER), "progress": Opt(NUMBER),
                                     "achieved": Opt(BOOL)}]}),
        "projects": [{"code": TEXT, "action": TEXT, "name": TEXT, "responsible": TEXT,
                      "budget": YEN, "actual": YEN, "grant_share": YEN,
                      "participants": Opt(COUNT)}],
        "budget": [{"fund": TEXT, "fund_name": TEXT, "carried_in": YEN, "carried_out": YEN,
                    "income": [_ROW], "expense": [_ROW], "income_total": _ROW,
                    "expense_total": _ROW}],
        "cash_book": {"funds": [{"fund": TEXT, "fund_name": TEXT, "count": COUNT,
                                 "income": YEN, "expense": YEN}],
                      "categories": [{"fund": TEXT, "direction": TEXT, "category": TEXT,
                                      "name": TEXT, "amount": YEN}]},
        "grants": [{"fund": TEXT, "program": TEXT, "decided_amount": Opt(YEN),
                    "in_force": Opt(YEN), "received": YEN, "eligible": YEN,
                    "refund_amount": Opt(YEN), "carried_forward_amount": Opt(YEN)}],
        "review": [{"severity": _severity, "rule": TEXT, "rule_name": TEXT, "message": TEXT,
                    "where": TEXT}],
        "summary": {"decided_amount": YEN, "received": YEN, "eligible": YEN,
                    "refund_amount": YEN, "execution_rate": Opt(NUMBER),
                    "households": Opt(COUNT), "member_households": Opt(COUNT),
                    "membership_rate": Opt(NUMBER), "projects": COUNT,
                    "indicators_judged": COUNT, "indicators_achieved": COUNT,
                    "findings_errors": COUNT, "findings_notes": COUNT},
    },
    "seal": {"audit_head": _hex64, "sha256": _hex64},
}


def shape_problem(document: object) -> str | None:
    """The first field of ``document`` that breaks :data:`SHAPE` (a Japanese sentence), or
    None when every field the city reads is there with the right type."""
    return _check(document, SHAPE, "")


def _check(value, spec, where: str) -> str | None:
    if isinstance(spec, Opt):
        return None if value is None else _check(value, spec.spec, where)
    if isinstance(spec, dict):
        if not isinstance(value, dict):
            return _wrong(where)
        for key, inner in spec.items():
            if key not in value:
                return _("the field {field} is missing.").format(field=_join(where, key))
            problem = _check(value[key], inner, _join(where, key))
            if problem:
                return problem
        return None
    if isinstance(spec, list):
        if not isinstance(value, list) or len(value) > MAX_ITEMS:
            return _wrong(where)
        for index, item in enumerate(value):
            problem = _check(item, spec[0], f"{where}[{index}]")
            if problem:
                return problem
        return None
    return None if spec(value) else _wrong(where)


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _wrong(where: str) -> str:
    return _("the field {field} has a value of the wrong kind or out of range.").format(
        field=where or "/")
