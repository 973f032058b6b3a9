"""One council's return as the city's detail view shows it, read-only: the return's own grants,
roster, 事業, 数値目標 and 点検 findings, where it came from (closed, made, imported, SHA-256),
the returns it replaced, and the council's figures in every 年度 of the city file (trend).
"""

from __future__ import annotations

from dataclasses import dataclass

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
