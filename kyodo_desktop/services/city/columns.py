"""The columns of the city's table of all councils (市の一覧 page and ``report city-summary``),
defined once: key, heading (English msgid), kind of figure and how it is read from a
:class:`~kyodo_desktop.services.city.summary.CityRow`.

Which columns a city shows is its preset's choice (``resources/presets/<code>.json``,
``"city_summary": {"columns": [key, …]}``; see :mod:`kyodo_desktop.services.council.presets`);
without one, :data:`DEFAULT_KEYS`. The city file names its preset in ``settings`` (scope ``file``,
key ``city_preset``; 山口市 when unset). 地域 is always the first column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import N_, _
from kyodo_desktop.services.city.kind import KIND_SCOPE, PRESET_KEY
from kyodo_desktop.services.city.summary import CityRow
from kyodo_desktop.store import Store


@dataclass(frozen=True)
class CityColumn:
    """``key``; ``title`` (English msgid); ``kind``: ``"text"``, ``"yen"`` (int 円), ``"count"``,
    ``"rate"`` (0–1 or None) or ``"pair"`` (two counts shown 「a / b」); ``value(row)``."""

    key: str
    title: str
    kind: str
    value: Callable[[CityRow], object]


COLUMNS: tuple[CityColumn, ...] = (
    CityColumn("district", N_("District"), "text", lambda r: r.district),
    CityColumn("council", N_("Council"), "text", lambda r: r.council),
    CityColumn("decided_amount", N_("Decided grant"), "yen", lambda r: r.decided_amount),
    CityColumn("received", N_("Received"), "yen", lambda r: r.received),
    CityColumn("eligible", N_("Eligible expenses"), "yen", lambda r: r.eligible),
    CityColumn("refund_amount", N_("Refund"), "yen", lambda r: r.refund_amount),
    CityColumn("execution_rate", N_("Execution rate"), "rate", lambda r: r.execution_rate),
    CityColumn("households", N_("Households"), "count", lambda r: r.households),
    CityColumn("member_households", N_("Member households"), "count",
               lambda r: r.member_households),
    CityColumn("membership_rate", N_("Membership rate"), "rate", lambda r: r.membership_rate),
    CityColumn("projects", N_("Number of projects"), "count", lambda r: r.projects),
    CityColumn("indicators", N_("Numeric targets achieved"), "pair",
               lambda r: (r.indicators_achieved, r.indicators_judged)),
    CityColumn("achievement_rate", N_("Achievement rate"), "rate", lambda r: r.achievement_rate),
    CityColumn("findings", N_("Review (errors / notes)"), "pair",
               lambda r: (r.findings_errors, r.findings_notes)),
)
BY_KEY = {column.key: column for column in COLUMNS}
#: The columns of a city whose preset does not choose: every figure but 協議会 and 交付済額.
DEFAULT_KEYS = ("district", "decided_amount", "eligible", "refund_amount", "execution_rate",
                "households", "member_households", "membership_rate", "projects", "indicators",
                "achievement_rate", "findings")


def columns_for(keys: tuple[str, ...] | list[str] | None) -> tuple[CityColumn, ...]:
    """The columns named by ``keys`` in that order, 地域 first (added when missing), each once;
    ``None`` or empty: :data:`DEFAULT_KEYS`. Raises UserError naming an unknown key."""
    chosen = list(keys or DEFAULT_KEYS)
    unknown = [key for key in chosen if key not in BY_KEY]
    if unknown:
        raise UserError(_("The city settings name columns the city table does not have: "
                          "{keys}.").format(keys=", ".join(unknown)))
    ordered = ["district", *(key for key in dict.fromkeys(chosen) if key != "district")]
    return tuple(BY_KEY[key] for key in ordered)


def city_preset_code(store: Store) -> str:
    """The preset code the city file uses (山口市 when none was set)."""
    from kyodo_desktop.services.council.presets import DEFAULT_PRESET

    code = store.scalar("SELECT value FROM settings WHERE scope = ? AND key = ?",
                        (KIND_SCOPE, PRESET_KEY))
    return code or DEFAULT_PRESET


def city_columns(store: Store) -> tuple[CityColumn, ...]:
    """The columns of the open city file's table, as its preset chooses. Raises UserError for
    an unavailable preset or an unknown column key in it."""
    from kyodo_desktop.services.council.presets import load_preset

    return columns_for(load_preset(city_preset_code(store)).city_columns)


def pair_text(value: tuple[int, int]) -> str:
    """「a / b」 of a ``"pair"`` column."""
    return f"{value[0]} / {value[1]}"
