"""The city data file: the councils' 年度報告 collected by the city's 協働推進課.

Decision (docs/ARCHITECTURE.md, "The city file"): a city file is an ordinary kyodo-desktop data
file (same application id, migrations, locks, backups and checks) marked with the ``settings`` row
scope ``file``, key ``kind`` = ``city``; its returns live in ``city_returns`` (migration 14), each
kept whole as its canonical sealed document. A council's file is never turned into a city file.

:func:`import_return` adds one verified return (:mod:`.return_reader`): a return already in the
file (same SHA-256) is refused; for a 地域 and 年度 that already has one, a newer return (later
``created_at``) replaces it only with ``replace=True`` (the CLI's ``--replace``), the older row
staying as history with ``replaced_at`` / ``replaced_by_id``; an older return never replaces a
newer one, and a return of another council (another name and another data file: a renamed council
keeps its file, a handed-over one its name) never replaces it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from kyodo_desktop.domain import wareki
from kyodo_desktop.errors import UserError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.city.kind import CITY, KIND_KEY, KIND_SCOPE, PRESET_KEY, is_city_file
from kyodo_desktop.services.city.return_reader import ReturnDocument, ReturnRefused
from kyodo_desktop.store import Store


def make_city_file(store: Store, preset: str | None = None) -> None:
    """Mark the open file as a city file using the city preset ``preset`` (resources/presets;
    it chooses the city table's columns; None keeps the one set, else 山口市). Raises
    UserError when the file holds councils (a council's data file is never turned into a city
    file) or the preset is unavailable."""
    if preset is not None:
        from kyodo_desktop.services.council.presets import load_preset

        load_preset(preset)  # UserError when unavailable
    if is_city_file(store):
        if preset is not None:
            _set_preset(store, preset)
        return
    if store.scalar("SELECT count(*) FROM councils"):
        raise UserError(_("{name} is a council's data file. Give a new file name for the city "
                          "file (for example city.sqlite3).").format(name=store.path.name))
    with store.transaction() as db:
        db.execute("INSERT INTO settings (scope, key, value) VALUES (?, ?, ?)",
                   (KIND_SCOPE, KIND_KEY, CITY))
    if preset is not None:
        _set_preset(store, preset)


def _set_preset(store: Store, preset: str) -> None:
    with store.transaction() as db:
        db.execute("INSERT INTO settings (scope, key, value) VALUES (?, ?, ?) "
                   "ON CONFLICT (scope, key) DO UPDATE SET value = excluded.value",
                   (KIND_SCOPE, PRESET_KEY, preset))


def require_city_file(store: Store) -> None:
    """UserError unless the open file is a city file."""
    if not is_city_file(store):
        raise UserError(_("{name} is not a city file. Import annual returns into it first "
                          "(kyodo-desktop city import-return).").format(name=store.path.name))


@dataclass(frozen=True)
class Imported:
    """One return added: its row ``id``, 地域, 年度, and the row id it replaced (or None)."""

    id: int
    district: str
    fiscal_year: int
    replaced_id: int | None


def import_return(store: Store, document: ReturnDocument, *, replace: bool = False,
                  now: datetime | None = None) -> Imported:
    """Add a verified return to the city file (see the module doc). Raises ReturnRefused for a
    duplicate, an older return, or a newer one without ``replace``."""
    require_city_file(store)
    manifest = document.manifest
    district, year = manifest["district"], manifest["fiscal_year"]
    label = _("{district} {fiscal_year}").format(
        district=district, fiscal_year=wareki.format_fiscal_year(year))
    if store.scalar("SELECT 1 FROM city_returns WHERE sha256 = ?", (document.sha256,)):
        raise ReturnRefused(_("The return of {what} is already in the city file.").format(
            what=label))
    current = store.query("SELECT id, council, created_at, json_extract(document, "
                          "'$.manifest.source_file') AS source_file FROM city_returns WHERE "
                          "district = ? AND fiscal_year = ? AND replaced_at IS NULL",
                          (district, year))
    if current and manifest["created_at"] <= current[0]["created_at"]:
        raise ReturnRefused(_("The city file already has a newer return of {what} (made "
                              "{made}); this older one was not imported.").format(
            what=label, made=current[0]["created_at"].replace("T", " ")))
    if current and manifest["council"] != current[0]["council"] and (
            manifest["source_file"] != current[0]["source_file"]):
        raise ReturnRefused(_("The city file's return of {what} is of {council}; this one is "
                              "of {other} and was made in another data file, so it does not "
                              "replace it. Ask the council which return is right.").format(
            what=label, council=current[0]["council"], other=manifest["council"]))
    if current and not replace:
        raise ReturnRefused(_("The city file already has a return of {what}. Import the newer "
                              "one with --replace to replace it (the older one is kept in the "
                              "history).").format(what=label))
    stamp = (now or datetime.now()).isoformat(timespec="seconds")
    old_id = current[0]["id"] if current else None
    with store.transaction() as db:
        if old_id is not None:  # the unique index allows one current row per 地域 and 年度
            db.execute("UPDATE city_returns SET replaced_at = ? WHERE id = ?", (stamp, old_id))
        new_id = db.execute(
            "INSERT INTO city_returns (district, council, fiscal_year, sha256, audit_head, "
            "closed_at, created_at, imported_at, summary, document) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            _values(document, stamp)).lastrowid
        if old_id is not None:
            db.execute("UPDATE city_returns SET replaced_by_id = ? WHERE id = ?",
                       (new_id, old_id))
    return Imported(new_id, district, year, old_id)


def _values(document: ReturnDocument, stamp: str) -> tuple:
    m = document.manifest
    return (m["district"], m["council"], m["fiscal_year"], document.sha256,
            document.audit_head, m["closed_at"], m["created_at"], stamp,
            json.dumps(document.content["summary"], sort_keys=True),
            document.data.decode("utf-8"))


@dataclass(frozen=True)
class StoredReturn:
    """A return in the city file: row ``id``, 地域, council name, 年度, SHA-256, when it was
    closed / made / imported / replaced (ISO text), its ``summary`` (the city table's figures,
    see :func:`~.annual_return.summary_of`) and, unless listed ``whole=False``, its
    ``document`` (parsed JSON; None otherwise)."""

    id: int
    district: str
    council: str
    fiscal_year: int
    sha256: str
    closed_at: str
    created_at: str
    imported_at: str
    replaced_at: str | None
    summary: dict
    document: dict | None


_LISTED = ("id, district, council, fiscal_year, sha256, closed_at, created_at, imported_at, "
           "replaced_at, summary")


def _stored(row: dict) -> StoredReturn:
    document = row.get("document")
    return StoredReturn(row["id"], row["district"], row["council"], row["fiscal_year"],
                        row["sha256"], row["closed_at"], row["created_at"], row["imported_at"],
                        row["replaced_at"], json.loads(row["summary"]),
                        None if document is None else json.loads(document))


def current_returns(store: Store, fiscal_year: int, *, whole: bool = True
                    ) -> list[StoredReturn]:
    """The returns in force for ``fiscal_year``, by 地域 in the order they were first imported
    (the demo: 山口市's order of 地域); ``whole=False`` leaves their documents unread."""
    columns = "r.*" if whole else ", ".join(f"r.{c.strip()}" for c in _LISTED.split(","))
    return [_stored(r) for r in store.query(
        f"SELECT {columns} FROM city_returns r WHERE fiscal_year = ? AND replaced_at IS NULL "
        "ORDER BY (SELECT min(id) FROM city_returns f WHERE f.district = r.district), r.id",
        (fiscal_year,))]


def return_history(store: Store, district: str, fiscal_year: int) -> list[StoredReturn]:
    """Every return of a 地域 and 年度 imported, oldest first (the replaced ones too)."""
    return [_stored(r) for r in store.query(
        "SELECT * FROM city_returns WHERE district = ? AND fiscal_year = ? ORDER BY id",
        (district, fiscal_year))]


def return_years(store: Store) -> list[int]:
    """The 年度 that have returns, newest first."""
    return [r["fiscal_year"] for r in store.query(
        "SELECT DISTINCT fiscal_year FROM city_returns ORDER BY fiscal_year DESC")]


def district_returns(store: Store, district: str) -> list[StoredReturn]:
    """The returns in force of one 地域, oldest 年度 first (its trend; documents unread)."""
    return [_stored(r) for r in store.query(
        f"SELECT {_LISTED} FROM city_returns WHERE district = ? AND replaced_at IS NULL "
        "ORDER BY fiscal_year", (district,))]
