"""交付金 programme rules: allowed 費目, 対象外経費, caps, the amount formula, 精算 (settlement).

A :class:`ProgramRules` is one programme of a city preset (``resources/presets/<city>.json``, see
:mod:`kyodo_desktop.services.council.presets`); its JSON shape is the ``programs[]`` item of the preset::

    {"code", "name", "fund", "allowed_expense_categories": [費目 code …],
     "ineligible": [{"name": "慶弔費", "keywords": ["香典", …]}],
     "caps": [{"expense_category": "food", "max_percent": 10}],
     "allows_carry_forward": false,
     "formula": {"base": 円, "per_household": 円, "per_capita": 円, "rounding": 円}}

An allowed 費目 code that has children (需用費) allows all of them. Keywords match the NFKC-
normalised 摘要, 支払先 and メモ. Source of the rules: the city's 地域づくり交付金交付要綱 as
transcribed into the preset; refund rule: issue 5 item 2.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from kyodo_desktop.domain import text
from kyodo_desktop.domain.accounting import ERROR, EXPENSE, WARNING, Finding
from kyodo_desktop.errors import ValidationError
from kyodo_desktop.i18n import _


@dataclass(frozen=True)
class IneligibleRule:
    """A kind of 対象外経費 (``name``, e.g. 慶弔費) and the ``keywords`` that reveal it."""

    name: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Cap:
    """At most ``max_percent`` % of the programme's amount may go to ``expense_category`` (and
    its children), e.g. 食糧費 ≤ 10 %."""

    expense_category: str
    max_percent: int


@dataclass(frozen=True)
class AmountFormula:
    """均等割 ``base`` + 世帯割 ``per_household`` × 世帯数 + 人口割 ``per_capita`` × 人口 (円),
    rounded down to a multiple of ``rounding`` 円."""

    base: int
    per_household: int = 0
    per_capita: int = 0
    rounding: int = 1

    def proposed_amount(self, households: int | None, population: int | None) -> int:
        """The proposed amount (円) for a council's 世帯数 and 人口 (as of 4月1日).

        Raises ValidationError when a figure the formula uses is missing.
        """
        if (self.per_household and households is None) or (self.per_capita and population is None):
            raise ValidationError(_("Enter the number of households and the population of the "
                                    "fiscal year first (council profile)."), field="households")
        raw = (self.base + self.per_household * (households or 0)
               + self.per_capita * (population or 0))
        return raw - raw % max(self.rounding, 1)


@dataclass(frozen=True)
class ProgramRules:
    """One 交付金 programme: ``code``, ``name``, ``fund_code``, the allowed 費目 codes, the
    対象外経費 rules, caps, whether a surplus may be carried forward, and the amount formula."""

    code: str
    name: str
    fund_code: str
    allowed_categories: frozenset[str]
    ineligible: tuple[IneligibleRule, ...] = ()
    caps: tuple[Cap, ...] = ()
    allows_carry_forward: bool = False
    formula: AmountFormula | None = None

    @classmethod
    def from_dict(cls, data: Mapping) -> ProgramRules:
        """Build from a preset's programme object. Raises ValueError naming a bad key."""
        try:
            formula = data.get("formula")
            return cls(
                code=_text(data, "code"), name=_text(data, "name"), fund_code=_text(data, "fund"),
                allowed_categories=frozenset(_texts(data.get("allowed_expense_categories", []))),
                ineligible=tuple(IneligibleRule(_text(item, "name"), tuple(_texts(item["keywords"])))
                                 for item in data.get("ineligible", [])),
                caps=tuple(Cap(_text(item, "expense_category"), _int(item, "max_percent"))
                           for item in data.get("caps", [])),
                allows_carry_forward=bool(data.get("allows_carry_forward", False)),
                formula=None if formula is None else AmountFormula(
                    _int(formula, "base"), _int(formula, "per_household", 0),
                    _int(formula, "per_capita", 0), _int(formula, "rounding", 1)))
        except (KeyError, TypeError, AttributeError) as error:
            raise ValueError(f"bad programme in preset: {error!r}") from error

    def to_dict(self) -> dict:
        """The preset JSON shape (what ``grant_programs.rules`` stores)."""
        data = {
            "code": self.code, "name": self.name, "fund": self.fund_code,
            "allowed_expense_categories": sorted(self.allowed_categories),
            "ineligible": [{"name": r.name, "keywords": list(r.keywords)} for r in self.ineligible],
            "caps": [{"expense_category": c.expense_category, "max_percent": c.max_percent}
                     for c in self.caps],
            "allows_carry_forward": self.allows_carry_forward,
        }
        if self.formula is not None:
            f = self.formula
            data["formula"] = {"base": f.base, "per_household": f.per_household,
                               "per_capita": f.per_capita, "rounding": f.rounding}
        return data

    def allows(self, category_code: str, parents: Mapping[str, str | None]) -> bool:
        """Whether the 費目 (or its parent 費目) is among the programme's allowed ones."""
        return (category_code in self.allowed_categories
                or parents.get(category_code) in self.allowed_categories)

    @cached_property
    def _keywords(self) -> tuple[tuple[str, IneligibleRule, str], ...]:
        return tuple((text.normalize(k), rule, k) for rule in self.ineligible
                     for k in rule.keywords)

    def ineligible_match(self, *texts: str) -> tuple[IneligibleRule, str] | None:
        """The first 対象外経費 rule whose keyword occurs in the NFKC-normalised texts, with the
        keyword; None when none matches."""
        haystack = " ".join(text.normalize(t) for t in texts)
        for normalized, rule, keyword in self._keywords:
            if normalized in haystack:
                return rule, keyword
        return None


def _text(data: Mapping, key: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        raise TypeError(f"{key} must be a non-empty string")
    return value


def _texts(values: Iterable) -> list[str]:
    result = list(values)
    if not all(isinstance(v, str) and v for v in result):
        raise TypeError("expected a list of non-empty strings")
    return result


def _int(data: Mapping, key: str, default: int | None = None) -> int:
    value = data.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise TypeError(f"{key} must be a non-negative integer")
    return value


def eligibility_findings(entry, rules: ProgramRules, parents: Mapping[str, str | None],
                         entry_id: int | None = None) -> list[Finding]:
    """Findings for an expense against its fund's programme: 費目 not allowed (error), a
    対象外経費 keyword in 摘要/支払先/メモ (warning). A 返還金 (an expense carrying ``grant_id``)
    is not spending and gets none."""
    found = []
    if entry.direction != EXPENSE or getattr(entry, "grant_id", None) is not None:
        return found
    if not rules.allows(entry.category_code, parents):
        found.append(Finding(
            ERROR, "category_not_allowed",
            _("This expense category cannot be paid from {program}.").format(program=rules.name),
            _("Choose an expense category the grant allows, or record the expense in another "
              "fund (for example own funds)."), entry_id))
    match = rules.ineligible_match(entry.description, entry.payee, entry.memo)
    if match is not None:
        rule, keyword = match
        found.append(Finding(
            WARNING, "ineligible_keyword",
            _("\"{keyword}\" looks like an expense the grant does not cover ({kind}).").format(
                keyword=keyword, kind=rule.name),
            _("If it is such an expense, pay it from own funds. If it is not, add a note in the "
              "memo explaining what it was for."), entry_id))
    return found


def is_eligible(entry, rules: ProgramRules, parents: Mapping[str, str | None]) -> bool:
    """Whether an expense counts as 対象経費: allowed 費目 and no 対象外経費 keyword."""
    return (rules.allows(entry.category_code, parents)
            and rules.ineligible_match(entry.description, entry.payee, entry.memo) is None)


def cap_limit(cap: Cap, program_amount: int) -> int:
    """The most (円) the capped 費目 may take: ``program_amount × max_percent / 100``, rounded down."""
    return program_amount * cap.max_percent // 100


def in_category(code: str, target: str, parents: Mapping[str, str | None]) -> bool:
    """Whether 費目 ``code`` is ``target`` or one of its children."""
    return code == target or parents.get(code) == target


def eligible_spending(entries: Iterable, rules: ProgramRules, parents: Mapping[str, str | None],
                      program_amount: int | None) -> int:
    """対象経費 (円) of a programme's fund: eligible expenses (signed, so 訂正 count), each capped
    category limited to its share of ``program_amount`` (no cap when it is None); never < 0."""
    total = 0
    capped = {cap.expense_category: 0 for cap in rules.caps}
    for entry in entries:
        if entry.direction != EXPENSE or entry.fund_code != rules.fund_code:
            continue
        if getattr(entry, "grant_id", None) is not None:  # 返還金, not spending
            continue
        if not is_eligible(entry, rules, parents):
            continue
        target = next((c for c in capped if in_category(entry.category_code, c, parents)), None)
        if target is not None:
            capped[target] += entry.amount
        else:
            total += entry.amount
    for cap in rules.caps:
        spent = max(0, capped[cap.expense_category])
        total += spent if program_amount is None else min(spent, cap_limit(cap, program_amount))
    return max(0, total)


@dataclass(frozen=True)
class Settlement:
    """精算: ``refund`` 返還金 and ``carried_forward`` 繰越 (円, both ≥ 0; one of them is 0)."""

    received: int
    eligible_spending: int
    refund: int
    carried_forward: int


def settle(received: int, eligible: int, allows_carry_forward: bool = False) -> Settlement:
    """精算: the unspent part ``max(0, received − eligible)`` goes back to the city as 返還金, or
    is carried forward where the programme allows it. Spending above ``received`` is not paid.

    Raises ValueError for a negative ``received`` or ``eligible`` (円).
    """
    if received < 0 or eligible < 0:
        raise ValueError("received and eligible spending are never negative")
    surplus = max(0, received - eligible)
    if allows_carry_forward:
        return Settlement(received, eligible, 0, surplus)
    return Settlement(received, eligible, surplus, 0)
