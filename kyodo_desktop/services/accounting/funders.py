"""Funds (会計区分) and 交付金 programmes of other funders that a council defines itself.

Besides the city's three funds (運営支援, 活動支援, 自主財源) and the city preset's programmes, a
council adds its own funds (共同募金配分金, 社会福祉協議会 助成金, 指定管理料, 事業収入, 寄付金 …)
and the programmes that pay into them: name, 交付元 (funder), the fund, the allowed 費目, 対象外
keywords, 上限額 (円), whether a surplus is carried forward, and which existing form its report
uses (収支決算書 / 実績報告書 / 精算書, :data:`REPORT_LAYOUTS`).

Storage (migration 19): the rows live in the shared ``funds`` / ``grant_programs`` tables under a
generated code starting with :data:`COUNCIL_CODE_PREFIX` (no city preset uses it), owned through
``council_funds`` / ``council_programs``. Only the owning council lists or applies them
(:func:`kyodo_desktop.services.accounting.common.fund_names`,
:func:`kyodo_desktop.services.council.presets.program_rules`); the city's forms keep printing the
city's funds and programmes only.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, replace

from kyodo_desktop.domain import text
from kyodo_desktop.domain.accounting_rules import IneligibleRule, ProgramRules
from kyodo_desktop.domain.money import MAX_YEN
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.accounting import common
from kyodo_desktop.services.changes import Changes
from kyodo_desktop.services.council import councils
from kyodo_desktop.store import Store, audit

#: Codes of council-defined funds and programmes start with this; preset codes never do.
COUNCIL_CODE_PREFIX = "council_"
#: Report layouts a funder's programme may use: code → English msgid of its Japanese name.
REPORT_LAYOUTS = {
    "settlement_statement": N_("Report layout: statement of accounts"),
    "performance_report": N_("Report layout: performance report"),
    "settlement": N_("Report layout: settlement"),
}
MAX_NAME = 40
MAX_PROGRAM_NAME = 60
MAX_KEYWORDS = 50
MAX_KEYWORD = 30
#: The 対象外経費 kind under which a council programme's keywords are stored.
INELIGIBLE_KIND = "対象外経費"
_SORT_BASE = 100


def is_council_code(code: str) -> bool:
    """Whether a fund or programme ``code`` is council-defined (not a city preset's)."""
    return isinstance(code, str) and code.startswith(COUNCIL_CODE_PREFIX)


@dataclass(frozen=True)
class CouncilFund:
    """A fund of the council: ``code``, ``name`` and its programme's id (None without one)."""

    code: str
    name: str
    program_id: int | None


@dataclass(frozen=True)
class ProgramInput:
    """What the user enters for a funder's programme. ``allowed_categories`` are 費目 codes (a
    parent 費目 allows its children); ``max_amount`` the 上限額 in 円 (None = none);
    ``report_layout`` a key of :data:`REPORT_LAYOUTS`."""

    name: str
    funder: str
    fund_code: str
    allowed_categories: tuple[str, ...]
    ineligible_keywords: tuple[str, ...] = ()
    max_amount: int | None = None
    allows_carry_forward: bool = False
    report_layout: str = "settlement_statement"


@dataclass(frozen=True)
class CouncilProgram:
    """A funder's programme as stored: its id and code, the entered values, the fund's name."""

    program_id: int
    code: str
    fund_name: str
    values: ProgramInput

    @property
    def name(self) -> str:
        """The programme's name (e.g. 赤い羽根共同募金 地域配分金)."""
        return self.values.name

    @property
    def layout_label(self) -> str:
        """The Japanese name of its report layout."""
        return _(REPORT_LAYOUTS[self.values.report_layout])


def _clean_name(value: object, field: str, limit: int, empty: str) -> str:
    """``value`` without invisible characters and surrounding blanks (full-width kept);
    ValidationError ``empty`` (translated) when nothing is left, or when it is too long."""
    name = " ".join(text.printable(value if isinstance(value, str) else "",
                                   keep_newlines=False).split())
    if not name:
        raise ValidationError(empty, field=field)
    if len(name) > limit:
        raise ValidationError(_("The name is too long: at most {limit} characters.").format(
            limit=limit), field=field)
    return name


def list_funds(store: Store, council_id: int) -> list[CouncilFund]:
    """The funds the council defined, in their order (the city's funds are not listed)."""
    return [CouncilFund(r["fund_code"], r["name"], r["program_id"]) for r in store.query(
        "SELECT f.fund_code, f.name, (SELECT cp.program_id FROM council_programs cp JOIN "
        "grant_programs p ON p.id = cp.program_id WHERE p.fund_code = f.fund_code AND "
        "cp.council_id = f.council_id) AS program_id FROM council_funds f "
        "WHERE f.council_id = ? AND substr(f.fund_code, 1, 8) = ? ORDER BY f.sort_order, "
        "f.fund_code", (council_id, COUNCIL_CODE_PREFIX))]


def _require_new_name(store: Store, council_id: int, name: str, code: str | None = None) -> None:
    if name in {n for c, n in common.fund_names(store, council_id).items() if c != code}:
        raise ValidationError(_("The council already has a fund named {name}. Choose another "
                                "name.").format(name=name), field="name")


def _new_code(store: Store, table: str, code: str | None) -> str:
    """A fresh council code, or ``code`` (the demo's fixed one) when it is one and unused."""
    if code is None:
        return COUNCIL_CODE_PREFIX + secrets.token_hex(6)
    if not is_council_code(code) or store.scalar(f"SELECT 1 FROM {table} WHERE code = ?",
                                                  (code,)):
        raise ValueError(f"not a free council code: {code!r}")
    return code


def add_fund(store: Store, council_id: int, name: str, *,
             code: str | None = None) -> tuple[str, Changes]:
    """A new fund (会計区分) of the council named ``name``; returns ``(fund code, Changes)``.
    ``code`` fixes the code (the demo; it must start with :data:`COUNCIL_CODE_PREFIX`).

    Raises ValidationError (empty, too long or already used name), UserError (no council).
    """
    councils.ensure_council(store, council_id)
    name = _clean_name(name, "name", MAX_NAME, _("Enter the name of the fund."))
    _require_new_name(store, council_id, name)
    code = _new_code(store, "funds", code)
    order = store.scalar("SELECT coalesce(max(sort_order), 0) + 1 FROM council_funds "
                         "WHERE council_id = ?", (council_id,))
    with store.transaction() as db:
        db["funds"].insert({"code": code, "name": code, "is_grant": 0,
                            "sort_order": _SORT_BASE + min(order, 10_000)})
        audit.insert_row(db, "council_funds", {"fund_code": code, "council_id": council_id,
                                               "name": name, "sort_order": order})
    return code, common.accounts_changed(council_id)


def _own_fund(store: Store, council_id: int, fund_code: str) -> str:
    name = store.scalar("SELECT name FROM council_funds WHERE council_id = ? AND fund_code = ?",
                        (council_id, fund_code))
    if name is None or not is_council_code(fund_code):
        raise ValidationError(_("Choose one of the council's own funds."), field="fund")
    return name


def rename_fund(store: Store, council_id: int, fund_code: str, name: str) -> Changes:
    """Rename one of the council's own funds. Raises ValidationError."""
    _own_fund(store, council_id, fund_code)
    name = _clean_name(name, "name", MAX_NAME, _("Enter the name of the fund."))
    _require_new_name(store, council_id, name, fund_code)
    with store.transaction() as db:
        audit.update_row(db, "council_funds", {"fund_code": fund_code}, {"name": name})
    return common.accounts_changed(council_id)


def delete_fund(store: Store, council_id: int, fund_code: str) -> Changes:
    """Delete one of the council's own funds that nothing uses yet (no programme, entry, budget
    line, 繰越金 or 事業). Raises ValidationError when it is in use."""
    _own_fund(store, council_id, fund_code)
    used = any(store.scalar(f"SELECT 1 FROM {table} WHERE fund_code = ? LIMIT 1", (fund_code,))
               for table in ("grant_programs", "cash_book_entries", "budget_lines",
                             "budget_transfers", "opening_balances", "projects"))
    if used:
        raise ValidationError(_("This fund is already used (a programme, entries, a budget or a "
                                "carried-over balance). It cannot be deleted."), field="fund")
    with store.transaction() as db:
        audit.delete_row(db, "council_funds", {"fund_code": fund_code})
        db.execute("DELETE FROM funds WHERE code = ?", [fund_code])
    return common.accounts_changed(council_id)


def _keywords(values: Iterable[str]) -> tuple[str, ...]:
    found: list[str] = []
    for value in values:
        keyword = text.normalize(value if isinstance(value, str) else "").strip()
        if not keyword or keyword in found:
            continue
        if len(keyword) > MAX_KEYWORD:
            raise ValidationError(_("A keyword is too long: at most {limit} characters.").format(
                limit=MAX_KEYWORD), field="ineligible_keywords")
        found.append(keyword)
    if len(found) > MAX_KEYWORDS:
        raise ValidationError(_("Enter at most {limit} keywords.").format(limit=MAX_KEYWORDS),
                              field="ineligible_keywords")
    return tuple(found)


def _validated(store: Store, council_id: int, values: ProgramInput,
               program_id: int | None) -> ProgramInput:
    name = _clean_name(values.name, "name", MAX_PROGRAM_NAME,
                       _("Enter the name of the programme."))
    funder = _clean_name(values.funder, "funder", MAX_PROGRAM_NAME,
                         _("Enter the funder (交付元) of the programme."))
    _own_fund(store, council_id, values.fund_code)
    other = store.scalar(
        "SELECT cp.program_id FROM council_programs cp JOIN grant_programs p ON p.id = "
        "cp.program_id WHERE cp.council_id = ? AND p.fund_code = ? AND cp.program_id IS NOT ?",
        (council_id, values.fund_code, program_id))
    if other is not None:
        raise ValidationError(_("Another programme already pays into this fund. Add a fund for "
                                "each programme."), field="fund")
    known = set(common.category_parents(store))
    categories = tuple(dict.fromkeys(values.allowed_categories))
    if not categories:
        raise ValidationError(_("Choose at least one expense category the programme allows."),
                              field="allowed_categories")
    if any(c not in known for c in categories):
        raise ValidationError(_("Choose expense categories from the list."),
                              field="allowed_categories")
    cap = values.max_amount
    if cap is not None and (not isinstance(cap, int) or isinstance(cap, bool)
                            or not 0 <= cap <= MAX_YEN):
        raise ValidationError(_("The maximum amount must be a whole number of yen, 0 or more."),
                              field="max_amount")
    if values.report_layout not in REPORT_LAYOUTS:
        raise ValidationError(_("Choose the form of the programme's report."),
                              field="report_layout")
    return ProgramInput(name, funder, values.fund_code, categories,
                        _keywords(values.ineligible_keywords), cap,
                        bool(values.allows_carry_forward), values.report_layout)


def _rules(code: str, values: ProgramInput) -> ProgramRules:
    ineligible = ((IneligibleRule(INELIGIBLE_KIND, values.ineligible_keywords),)
                  if values.ineligible_keywords else ())
    return ProgramRules(code, values.name, values.fund_code, frozenset(values.allowed_categories),
                        ineligible, (), values.allows_carry_forward, None)


def _program_row(code: str, values: ProgramInput) -> dict:
    return {"code": code, "name": values.name, "fund_code": values.fund_code, "city_preset": "",
            "allows_carry_forward": int(values.allows_carry_forward),
            "rules": json.dumps(_rules(code, values).to_dict(), ensure_ascii=False,
                                sort_keys=True)}


def add_program(store: Store, council_id: int, values: ProgramInput, *,
                code: str | None = None) -> tuple[int, Changes]:
    """A funder's programme paying into one of the council's own funds (one programme per
    fund); returns ``(program id, Changes)``. ``code`` as for :func:`add_fund`. Raises
    ValidationError naming the field."""
    councils.ensure_council(store, council_id)
    values = _validated(store, council_id, values, None)
    code = _new_code(store, "grant_programs", code)
    with store.transaction() as db:
        program_id = audit.insert_row(db, "grant_programs", _program_row(code, values))["id"]
        audit.insert_row(db, "council_programs", {
            "program_id": program_id, "council_id": council_id, "funder": values.funder,
            "max_amount": values.max_amount, "report_layout": values.report_layout})
    return program_id, common.accounts_changed(council_id)


def update_program(store: Store, council_id: int, program_id: int,
                   values: ProgramInput) -> Changes:
    """Change a programme the council defined (its grants keep their figures; checks and
    対象経費 follow the new rules). Raises ValidationError, UserError (not the council's)."""
    code = _own_program_code(store, council_id, program_id)
    values = _validated(store, council_id, values, program_id)
    with store.transaction() as db:
        audit.update_changed(db, "grant_programs", {"id": program_id},
                             _program_row(code, values))
        audit.update_changed(db, "council_programs", {"program_id": program_id}, {
            "funder": values.funder, "max_amount": values.max_amount,
            "report_layout": values.report_layout})
    return common.accounts_changed(council_id)


def _own_program_code(store: Store, council_id: int, program_id: int) -> str:
    code = store.scalar("SELECT p.code FROM council_programs cp JOIN grant_programs p ON "
                        "p.id = cp.program_id WHERE cp.program_id = ? AND cp.council_id = ?",
                        (program_id, council_id))
    if code is None or not is_council_code(code):
        raise UserError(_("This programme is not one of the council's own programmes."))
    return code


_PROGRAMS_SQL = """
SELECT p.id, p.code, p.name, p.fund_code, p.allows_carry_forward, p.rules, cp.funder,
    cp.max_amount, cp.report_layout, f.name AS fund_name
FROM council_programs cp
JOIN grant_programs p ON p.id = cp.program_id
JOIN council_funds f ON f.fund_code = p.fund_code AND f.council_id = cp.council_id
WHERE cp.council_id = ? AND substr(p.code, 1, 8) = 'council_'
ORDER BY f.sort_order, p.id
"""


def list_programs(store: Store, council_id: int) -> list[CouncilProgram]:
    """The programmes the council defined, in the order of their funds."""
    result = []
    for r in store.query(_PROGRAMS_SQL, (council_id,)):
        rules = _row_rules(r)
        if rules is None:
            continue
        keywords = tuple(k for rule in rules.ineligible for k in rule.keywords)
        result.append(CouncilProgram(r["id"], r["code"], r["fund_name"], ProgramInput(
            r["name"], r["funder"], r["fund_code"], tuple(sorted(rules.allowed_categories)),
            keywords, r["max_amount"], bool(r["allows_carry_forward"]), r["report_layout"])))
    return result


def program_rules(store: Store, council_id: int) -> dict[str, tuple[int, ProgramRules]]:
    """The council's own programmes by fund: ``{fund_code: (program id, rules)}``. Only
    programmes owned by the council that pay into the council's own funds count; a row whose
    rules cannot be read is left out."""
    result = {}
    for r in store.query(_PROGRAMS_SQL, (council_id,)):
        rules = _row_rules(r)
        if rules is not None:
            result[r["fund_code"]] = (r["id"], rules)
    return result


def _row_rules(row: dict) -> ProgramRules | None:
    """The rules of a programme row; its ``code``, ``name`` and ``fund_code`` columns win over
    the JSON's (a handover import gives the row fresh codes). None when unreadable."""
    try:
        rules = ProgramRules.from_dict(json.loads(row["rules"]))
    except ValueError:
        return None
    return replace(rules, code=row["code"], name=row["name"], fund_code=row["fund_code"])


def own_fund_codes(store: Store, council_id: int) -> dict[str, str]:
    """The council's own funds as ``{name: code}`` (what a file's 会計区分 column names)."""
    return {fund.name: fund.code for fund in list_funds(store, council_id)}


def find_program(store: Store, council_id: int, name_or_code: str) -> CouncilProgram:
    """The council's programme with that code or name. Raises ValidationError when none."""
    wanted = " ".join(text.printable(name_or_code or "", keep_newlines=False).split())
    for program in list_programs(store, council_id):
        if wanted in (program.code, program.name):
            return program
    raise ValidationError(_("The council has no programme named {name}.").format(name=wanted),
                          field="program")


def program_cap(store: Store, council_id: int, program_id: int) -> int | None:
    """The 上限額 (円) of a council's own programme; None for a city programme or no cap."""
    return store.scalar("SELECT max_amount FROM council_programs WHERE program_id = ? AND "
                        "council_id = ?", (program_id, council_id))
