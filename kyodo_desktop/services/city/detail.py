"""One council's return as the city's detail view shows it, read-only: the return's own grants,
roster, 事業, 数値目標 and 点検 findings, where it came from (closed, made, imported, SHA-256),
the returns it replaced, and the council's figures in every 年度 of the city file (trend).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.city.city_file import StoredReturn, district_returns, return_history
from kyodo_desktop.services.city.summary import CityRow, row_of
from kyodo_desktop.store import Store


@dataclass(frozen=True)
class CouncilDetail:
    """``stored`` the return shown; ``row`` its table figures; ``history`` every return of the
    same 地域 and 年度 (oldest first); ``trend`` ``[(年度, CityRow)]`` oldest first."""

    stored: StoredReturn
    row: CityRow
    history: tuple[StoredReturn, ...]
    trend: tuple[tuple[int, CityRow], ...]

    @property
    def content(self) -> dict:
        """The return's sections (see :mod:`~kyodo_desktop.services.city.annual_return`)."""
        return self.stored.document["content"]


def council_detail(store: Store, return_id: int) -> CouncilDetail:
    """The detail of the stored return ``return_id``. Raises UserError when it is gone."""
    rows = store.query("SELECT district, fiscal_year FROM city_returns WHERE id = ?",
                       (return_id,))
    if not rows:
        raise UserError(_("This return is no longer in the city file."))
    district, year = rows[0]["district"], rows[0]["fiscal_year"]
    history = tuple(return_history(store, district, year))
    stored = next(r for r in history if r.id == return_id)
    trend = tuple((r.fiscal_year, row_of(r)) for r in district_returns(store, district))
    return CouncilDetail(stored, row_of(stored), history, trend)


#: The longest 点検 message shown or printed (a return from outside may carry anything within
#: its size limit: thousands of findings of thousands of characters).
MAX_FINDING_CHARS = 300


class Finding(TypedDict):
    """A 提出前の点検 finding as a return carries it (``content.review``)."""

    severity: str
    rule: str
    rule_name: str
    message: str
    where: str


def shown_findings(review: list[Finding], limit: int) -> tuple[list[Finding], int]:
    """The 点検 findings of a return to show: errors first, at most ``limit``, each message and
    rule name cut to :data:`MAX_FINDING_CHARS`; and how many more the return holds."""
    ordered = sorted(review, key=lambda f: f["severity"] != "error")
    shown = [Finding(**{**f, "rule_name": _cut(f["rule_name"]), "message": _cut(f["message"])})
             for f in ordered[:limit]]
    return shown, max(0, len(ordered) - limit)


def printed_findings(store: Store, return_id: int, limit: int) -> tuple[list[Finding], int]:
    """:func:`shown_findings` of the stored return ``return_id`` read by SQLite's JSON functions:
    only the findings shown (their texts cut in SQL) reach Python, never the whole document, so
    a city summary of many large returns holds one return's findings at a time. Returns
    ``([], 0)`` for a return without findings."""
    rows = store.query(
        "SELECT json_extract(f.value, '$.severity') AS severity, "
        "json_extract(f.value, '$.rule') AS rule, "
        "substr(json_extract(f.value, '$.rule_name'), 1, :cut) AS rule_name, "
        "substr(json_extract(f.value, '$.message'), 1, :cut) AS message, "
        "substr(json_extract(f.value, '$.where'), 1, :cut) AS \"where\", "
        "count(*) OVER () AS total "
        "FROM city_returns r, json_each(r.document, '$.content.review') f WHERE r.id = :id "
        "ORDER BY json_extract(f.value, '$.severity') != 'error', f.key LIMIT :limit",
        {"id": return_id, "limit": limit, "cut": MAX_FINDING_CHARS + 1})
    if not rows:
        return [], 0
    total = rows[0].pop("total")
    for row in rows[1:]:
        row.pop("total")
    shown, _more = shown_findings(rows, limit)  # cut to MAX_FINDING_CHARS with its 「…」
    return shown, total - len(shown)


def _cut(text: str) -> str:
    return text if len(text) <= MAX_FINDING_CHARS else text[:MAX_FINDING_CHARS - 1] + "…"
