"""The demo city file (``kyodo-desktop demo --city``): the 年度報告 of 山口市's 21 councils for
令和6年度 and 令和7年度.

湯田's 令和7年度 is the real return of the council demo (:func:`build_demo` in a temporary file,
then :func:`~kyodo_desktop.services.city.annual_return.build_return`); every other return is
generated (:mod:`.city_returns`), 湯田's 令和6年度 close to its real size. All of them are
sealed and go in through the same verification as a return that arrives by mail
(:func:`~kyodo_desktop.services.city.return_reader.verify_bytes`). Deterministic for a seed.
"""

from __future__ import annotations

import hashlib
import random
from datetime import datetime

from kyodo_desktop import fileops
from kyodo_desktop.demo.city_returns import council_size, generated_content
from kyodo_desktop.demo.common import load
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.city import city_file, seal
from kyodo_desktop.services.city.return_reader import verify_bytes
from kyodo_desktop.store import Store, open_store

YEARS = (2024, 2025)
REAL = ("湯田", 2025)
#: When the demo city received the returns.
IMPORTED = datetime(2026, 6, 1, 9, 0)


def real_return() -> bytes:
    """The sealed return of the council demo's 湯田 for 令和7年度 (built in a temporary file)."""
    from kyodo_desktop.demo.build import build_demo
    from kyodo_desktop.services.city.annual_return import build_return

    with fileops.temporary_folder("city-demo") as folder, \
            open_store(folder / "demo.sqlite3") as council_file:
        build_demo(council_file)
        council = council_file.scalar(
            "SELECT id FROM councils WHERE name = '湯田地域づくり協議会'")
        return build_return(council_file, council, REAL[1], now=datetime(2026, 5, 20, 10, 0))


def _sealed(district: str, year: int, content: dict) -> bytes:
    manifest = {"council": content["profile"]["name"], "district": district,
                "fiscal_year": year, "closed_at": f"{year + 1}-04-15T16:00:00",
                "created_at": f"{year + 1}-05-20T10:00:00", "app_version": "demo",
                "source_file": "", "sections": list(content)}
    head = hashlib.sha256(f"demo:{district}:{year}".encode()).hexdigest()
    return seal.sealed({"format": seal.FORMAT, "version": seal.VERSION, "manifest": manifest,
                        "content": content}, head)


def build_city_demo(store: Store, *, seed: int = 2026) -> dict:
    """Fill an empty data file with the demo city's returns; return ``{"councils": 21,
    "returns": 42, "fiscal_years": "2024, 2025"}``. Raises UserError when the file holds
    councils or returns already."""
    city_file.make_city_file(store)
    if store.scalar("SELECT count(*) FROM city_returns"):
        raise UserError(_("This city file already has returns. Demo data can only be added to "
                          "a new, empty file."))
    rng = random.Random(seed)
    names = load("names")
    real = real_return()
    real_roster = verify_bytes(real, "demo").content["roster"]
    districts = [name for name, _kana, _town in load("places")["districts"]]
    city_file.register_districts(store, districts)
    for district in districts:
        households, rate = council_size(rng)
        if district == REAL[0]:
            households, rate = real_roster["households"], real_roster["membership_rate"]
        for year in YEARS:
            if (district, year) == REAL:
                data = real
            else:
                size = round(households * (1 + 0.004 * (REAL[1] - year) * rng.uniform(0, 3)))
                people = [f"{rng.choice(names['surnames'])[0]} "
                          f"{rng.choice(names['given_names'])[0]}" for _ in range(6)]
                data = _sealed(district, year, generated_content(
                    rng, district, year, size, min(rate + 0.01 * (REAL[1] - year), 0.97),
                    people))
            city_file.import_return(store, verify_bytes(data, f"{district}_{year}"),
                                    now=IMPORTED)
    return {"councils": len(districts), "returns": len(districts) * len(YEARS),
            "fiscal_years": ", ".join(str(y) for y in YEARS)}
