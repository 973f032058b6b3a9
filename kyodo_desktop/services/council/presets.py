"""City presets: the 交付金 programmes and form details of a city, one JSON file per city.

``resources/presets/<code>.json`` (``yamaguchi.json`` is the default, 山口市 style); a new city is
a new file, no code. Shape::

    {"format": 1, "code": "yamaguchi", "city": "山口市", "addressee": "山口市長 様",
     "department": "協働推進課",
     "forms": {"grant_application": {"form_no": "様式第1号", "title": "…"}, …},
     "programs": [ProgramRules JSON (see kyodo_desktop.domain.accounting_rules), …],
     "city_summary": {"columns": ["district", "decided_amount", …]}}   (optional; the city
     table's columns, keys of kyodo_desktop.services.city.columns)

:func:`install_programs` copies a preset's programmes into ``grant_programs`` (idempotent);
the rules a check uses are the row's ``rules`` JSON, or the preset's when the row has none.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache

from kyodo_desktop.domain.accounting_rules import ProgramRules
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.resources import resource_path
from kyodo_desktop.services.council.rows import PresetItem, ProgramRow
from kyodo_desktop.store import Store, audit

DEFAULT_PRESET = "yamaguchi"
PRESET_FORMAT = 1
FORM_KEYS = ("grant_application", "payment_request", "change_request", "performance_report",
             "settlement")


@dataclass(frozen=True)
class Preset:
    """A city preset: ``code``, ``city``, ``addressee`` (宛名, e.g. 山口市長 様), ``department``,
    ``forms`` {form key: {"form_no": 様式第N号, "title"}} and its ``programs``."""

    code: str
    city: str
    addressee: str
    department: str = ""
    forms: dict = field(default_factory=dict)
    programs: tuple[ProgramRules, ...] = ()
    #: The city table's columns (keys of services/city/columns.py), () for its default.
    city_columns: tuple[str, ...] = ()

    def program(self, code: str) -> ProgramRules | None:
        """The programme with ``code``, or None."""
        return next((p for p in self.programs if p.code == code), None)


def preset_problems(data: object, fund_codes=(), expense_codes=()) -> list[str]:
    """What is wrong with a preset's parsed JSON (developer-facing English); [] when valid.

    With ``fund_codes`` / ``expense_codes`` given, programme funds and 費目 are checked too.
    """
    if not isinstance(data, dict):
        return ["the preset must be a JSON object"]
    problems = [f"missing or empty {key!r}" for key in ("code", "city", "addressee")
                if not isinstance(data.get(key), str) or not data.get(key)]
    if data.get("format") != PRESET_FORMAT:
        problems.append(f"format must be {PRESET_FORMAT}")
    forms = data.get("forms", {})
    problems += [f"form {key!r} needs form_no and title" for key in FORM_KEYS
                 if not isinstance(forms.get(key), dict) or not forms[key].get("form_no")
                 or not forms[key].get("title")]
    seen = set()
    for item in data.get("programs", []):
        try:
            rules = ProgramRules.from_dict(item)
        except ValueError as error:
            problems.append(str(error))
            continue
        if rules.code in seen:
            problems.append(f"programme code {rules.code!r} appears twice")
        seen.add(rules.code)
        if fund_codes and rules.fund_code not in fund_codes:
            problems.append(f"{rules.code}: unknown fund {rules.fund_code!r}")
        unknown = sorted(set(rules.allowed_categories) | {c.expense_category for c in rules.caps})
        unknown = [c for c in unknown if expense_codes and c not in expense_codes]
        problems += [f"{rules.code}: unknown expense category {c!r}" for c in unknown]
    if not seen:
        problems.append("a preset needs at least one programme")
    columns = data.get("city_summary", {}).get("columns", []) if isinstance(
        data.get("city_summary", {}), dict) else None
    if not isinstance(columns, list) or not all(isinstance(c, str) and c for c in columns):
        problems.append("city_summary.columns must be a list of column keys")
    return problems


def list_presets() -> list[PresetItem]:
    """The presets shipped with the app: ``[{"code", "city"}]`` sorted by code."""
    found = []
    for path in sorted(resource_path("presets").glob("*.json")):
        preset = load_preset(path.stem)
        found.append({"code": preset.code, "city": preset.city})
    return found


@cache
def load_preset(code: str) -> Preset:
    """Read and validate ``resources/presets/<code>.json``.

    Raises UserError (Japanese) when the file is missing or invalid (``detail`` says why).
    """
    path = resource_path("presets", f"{code}.json")
    if not code.replace("_", "").isalnum() or not path.is_file():
        raise UserError(_("The city settings \"{code}\" are not available.").format(code=code))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise UserError(_("The city settings \"{code}\" cannot be read.").format(code=code),
                        detail=str(error)) from error
    problems = preset_problems(data)
    if problems or data["code"] != code:
        raise UserError(_("The city settings \"{code}\" cannot be read.").format(code=code),
                        detail="; ".join(problems) or "code differs from the file name")
    return Preset(code=data["code"], city=data["city"], addressee=data["addressee"],
                  department=data.get("department", ""), forms=dict(data.get("forms", {})),
                  programs=tuple(ProgramRules.from_dict(p) for p in data["programs"]),
                  city_columns=tuple(data.get("city_summary", {}).get("columns", [])))


def program_rows(preset: Preset) -> list[ProgramRow]:
    """The ``grant_programs`` rows (without ``id``) of the preset's programmes, as
    :func:`install_programs` writes them."""
    return [{"code": rules.code, "name": rules.name, "fund_code": rules.fund_code,
             "city_preset": preset.code, "allows_carry_forward": int(rules.allows_carry_forward),
             "rules": json.dumps(rules.to_dict(), ensure_ascii=False, sort_keys=True)}
            for rules in preset.programs]


def install_programs(store: Store, preset_code: str) -> list[int]:
    """Insert or update the preset's programmes in ``grant_programs`` (matched by code), through
    the change log; return their ids in the preset's order. Only values that differ are written
    (and logged): running it twice writes and logs nothing the second time.

    Raises UserError for an unknown or invalid preset.
    """
    preset = load_preset(preset_code)
    ids = []
    with store.transaction() as db:
        for values in program_rows(preset):
            found = db.execute("SELECT id FROM grant_programs WHERE code = ?",
                               [values["code"]]).fetchone()
            if found is None:
                ids.append(audit.insert_row(db, "grant_programs", dict(values))["id"])
                continue
            audit.update_changed(db, "grant_programs", {"id": found[0]}, dict(values))
            ids.append(found[0])
    return ids


def preset_for_council(store: Store, council_id: int) -> Preset:
    """The preset named by the council's ``city_preset`` (default 山口市). Raises UserError when
    the council does not exist or its preset is unavailable."""
    code = store.scalar("SELECT city_preset FROM councils WHERE id = ?", (council_id,))
    if code is None:
        raise UserError(_("The council was not found in the data file."))
    return load_preset(code or DEFAULT_PRESET)


def program_rules(store: Store, council_id: int) -> dict[str, tuple[int | None, ProgramRules]]:
    """The programmes that apply to a council, by fund: ``{fund_code: (program_id, rules)}``.

    Installed ``grant_programs`` of the council's preset win (their ``rules`` JSON, or the
    preset's programme of the same code when the JSON is empty); preset programmes not yet
    installed are included with id None. Unreadable stored rules fall back to the preset.
    Then the programmes the council defined itself, each for one of its own funds
    (:func:`kyodo_desktop.services.accounting.funders.program_rules`); another council's never.
    """
    from kyodo_desktop.services.accounting import funders

    preset = preset_for_council(store, council_id)
    result: dict[str, tuple[int | None, ProgramRules]] = {
        p.fund_code: (None, p) for p in preset.programs}
    rows = store.query("SELECT id, code, rules FROM grant_programs WHERE city_preset = ? "
                       "AND substr(code, 1, 8) <> 'council_' ORDER BY id", (preset.code,))
    for row in rows:
        rules = _stored_rules(row["rules"]) or preset.program(row["code"])
        if rules is not None:
            result[rules.fund_code] = (row["id"], rules)
    own = funders.program_rules(store, council_id)
    return result | {fund: pair for fund, pair in own.items() if fund not in result}


def _stored_rules(text: str) -> ProgramRules | None:
    try:
        data = json.loads(text or "{}")
        return ProgramRules.from_dict(data) if data else None
    except ValueError:
        return None
