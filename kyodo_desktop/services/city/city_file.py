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

地域 registration: a seal is a checksum, not a signature, so anyone with the app can make a
return that verifies for any 地域. The city file therefore takes a return only for a 地域 the
city registered (:func:`register_districts`, the ``districts`` table: ``city district add``), or
when the city names that 地域 on purpose as it imports (``new_district=True``, the CLI's
``--new-district NAME``), which registers it.

Withdrawal (:func:`withdraw_return`): a return the city took by mistake leaves the 年度's table
but stays in the file, marked with the time it was withdrawn: ``replaced_at`` set and
``replaced_by_id`` NULL (a replaced return has both). The city's page and summary list the
withdrawn and replaced returns of a 年度 with their times (:func:`removed_returns`); the 地域 may
then file again (the same file, same SHA-256, is refused and the message says when it was
withdrawn).
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.text import normalize
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import CITY as CITY_AREA
from kyodo_desktop.services.changes import Changes
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


def return_label(district: str, fiscal_year: int) -> str:
    """「湯田 令和7年度」."""
    return _("{district} {fiscal_year}").format(
        district=district, fiscal_year=wareki.format_fiscal_year(fiscal_year))


def registered_districts(store: Store) -> list[str]:
    """The 地域 registered in the city file, in the order registered; then each 地域 the city
    file already holds a return of without having it registered (a city file from before 地域
    were registered: the city took those returns on purpose), in the order first taken."""
    return [r["name"] for r in store.query(
        "SELECT name FROM (SELECT name, 0 AS late, sort_order AS place, id FROM districts "
        "UNION ALL SELECT district, 1, min(id), 0 FROM city_returns "
        "WHERE district NOT IN (SELECT name FROM districts) GROUP BY district) "
        "ORDER BY late, place, id")]


#: Characters a name may keep (:func:`~kyodo_desktop.domain.text.normalize` keeps them: an
#: 異体字 selector is part of a real name) that show as nothing or as a blank: the fillers and the
#: blank braille pattern; with every combining mark (variation selectors, the grapheme joiner,
#: Mongolian selectors) they are left out of :func:`_seen_as`.
_SHOWN_AS_NOTHING = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def _shows_as_nothing(char: str) -> bool:
    return char in _SHOWN_AS_NOTHING or unicodedata.category(char) == "Mn"


def _seen_as(name: str) -> str:
    """``name`` as it looks on screen: without the characters that show as nothing."""
    return "".join(char for char in name if not _shows_as_nothing(char))


def _spelled(name: str) -> str:
    """``name`` with each character that shows as nothing written as its code (U+FE00)."""
    return "".join(f"<U+{ord(char):04X}>" if _shows_as_nothing(char) else char for char in name)


def _look_alike(name: str, others) -> str | None:
    """The first of ``others`` that is not ``name`` but looks the same on screen, or None."""
    seen = _seen_as(name)
    return next((other for other in others if other != name and _seen_as(other) == seen), None)


def _look_alike_message(name: str, registered: str) -> str:
    return _("The district name {name} looks the same as the registered district {registered} "
             "but holds other characters (a variation selector or a character that shows as "
             "nothing), so it is not taken as a new district. If it is {registered}, ask its "
             "council for a return made with the name as registered.").format(
        name=_spelled(name), registered=registered)


def register_districts(store: Store, names: list[str]) -> list[str]:
    """Register the 地域 ``names`` in the city file (those already registered are kept once);
    returns the names added. Raises UserError unless it is a city file, ValidationError for an
    empty name or one that looks like another (:func:`_look_alike`)."""
    require_city_file(store)
    cleaned = [normalize(name) for name in names]
    if not all(cleaned) or any(len(name) > 100 for name in cleaned):
        raise ValidationError(_("Give each district's name (at most 100 characters)."))
    known = set(registered_districts(store))
    added = [name for name in dict.fromkeys(cleaned) if name not in known]
    for index, name in enumerate(added):
        alike = _look_alike(name, [*known, *added[:index]])
        if alike is not None:
            raise ValidationError(_look_alike_message(name, alike))
    with store.transaction() as db:
        for name in added:
            _register(db, name)
    return added


def _register(db, name: str) -> None:
    db.execute("INSERT INTO districts (city, name, sort_order) VALUES ('', ?, "
               "(SELECT coalesce(max(sort_order), 0) + 1 FROM districts))", (name,))


def import_return(store: Store, document: ReturnDocument, *, replace: bool = False,
                  new_district: bool = False, now: datetime | None = None) -> Imported:
    """Add a verified return to the city file (see the module doc). Raises ReturnRefused for a
    duplicate, an older return, a newer one without ``replace``, or a 地域 not registered unless
    ``new_district`` (the city named it on purpose: it is registered with the return)."""
    require_city_file(store)
    manifest = document.manifest
    district, year = manifest["district"], manifest["fiscal_year"]
    label = return_label(district, year)
    earlier = store.query("SELECT replaced_at, replaced_by_id FROM city_returns WHERE sha256 = ?",
                          (document.sha256,))
    if earlier and earlier[0]["replaced_at"] and earlier[0]["replaced_by_id"] is None:
        raise ReturnRefused(_("This return of {what} was withdrawn from the city file on "
                              "{when}; the same file is not taken again. Ask the council for a "
                              "new return.").format(what=label,
                                                    when=shown_time(earlier[0]["replaced_at"])))
    if earlier:
        raise ReturnRefused(_("The return of {what} is already in the city file.").format(
            what=label))
    known = registered_districts(store)
    registered = district in known
    alike = None if registered else _look_alike(district, known)
    if alike is not None:  # refused also when named on purpose: the name was pasted
        raise ReturnRefused(_look_alike_message(district, alike))
    if not registered and not new_district:
        raise ReturnRefused(_(
            "The district {district} is not registered in the city file, so this return of "
            "{council} was not imported. A return's seal shows only that it was not changed on "
            "the way, not who made it: check with the council of {district} that the return is "
            "theirs, then import it with --new-district {district} (or register the district "
            "first: kyodo-desktop city add-district {district}).").format(
            district=district, council=manifest["council"]))
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
        if not registered:
            _register(db, district)
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
    replaced_by_id: int | None = None

    @property
    def withdrawn(self) -> bool:
        """Whether the city withdrew it (no longer in force, and no return replaced it)."""
        return self.replaced_at is not None and self.replaced_by_id is None


_LISTED = ("id, district, council, fiscal_year, sha256, closed_at, created_at, imported_at, "
           "replaced_at, replaced_by_id, summary")


def _stored(row: dict) -> StoredReturn:
    document = row.get("document")
    return StoredReturn(row["id"], row["district"], row["council"], row["fiscal_year"],
                        row["sha256"], row["closed_at"], row["created_at"], row["imported_at"],
                        row["replaced_at"], json.loads(row["summary"]),
                        None if document is None else json.loads(document),
                        row["replaced_by_id"])


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


def removed_returns(store: Store, fiscal_year: int) -> list[StoredReturn]:
    """The returns of ``fiscal_year`` no longer in force — withdrawn (:attr:`StoredReturn.
    withdrawn`) or replaced by a newer one — in the order they left; documents unread."""
    return [_stored(r) for r in store.query(
        f"SELECT {_LISTED} FROM city_returns WHERE fiscal_year = ? AND replaced_at IS NOT NULL "
        "ORDER BY replaced_at, id", (fiscal_year,))]


def stored_return(store: Store, return_id: int) -> StoredReturn:
    """The return ``return_id`` (document unread). Raises UserError when it is gone."""
    rows = store.query(f"SELECT {_LISTED} FROM city_returns WHERE id = ?", (return_id,))
    if not rows:
        raise UserError(_("This return is no longer in the city file."))
    return _stored(rows[0])


def current_return(store: Store, district: str, fiscal_year: int) -> StoredReturn:
    """The return in force of ``district`` and ``fiscal_year`` (document unread). Raises
    UserError when there is none."""
    require_city_file(store)
    rows = store.query(f"SELECT {_LISTED} FROM city_returns WHERE district = ? AND "
                       "fiscal_year = ? AND replaced_at IS NULL", (district, fiscal_year))
    if not rows:
        removed = [r for r in removed_returns(store, fiscal_year) if r.district == district]
        raise UserError(_("The city file has no return of {what} in force.").format(
            what=return_label(district, fiscal_year)) + "".join(
            removed_text(r) for r in removed[-1:]))
    return _stored(rows[0])


def withdraw_return(store: Store, return_id: int, *, now: datetime | None = None) -> Changes:
    """Withdraw the return ``return_id`` from the city's table (see the module doc: it stays in
    the file with the time). Raises UserError when it is gone or no longer in force."""
    require_city_file(store)
    rows = store.query("SELECT district, fiscal_year, replaced_at FROM city_returns WHERE id = ?",
                       (return_id,))
    if not rows:
        raise UserError(_("This return is no longer in the city file."))
    if rows[0]["replaced_at"] is not None:
        raise UserError(_("The return of {what} is no longer in force (withdrawn or replaced "
                          "on {when}).").format(
            what=return_label(rows[0]["district"], rows[0]["fiscal_year"]),
            when=shown_time(rows[0]["replaced_at"])))
    stamp = (now or datetime.now()).isoformat(timespec="seconds")
    with store.transaction() as db:
        db.execute("UPDATE city_returns SET replaced_at = ? WHERE id = ? AND replaced_at IS NULL",
                   (stamp, return_id))
    return Changes.of(CITY_AREA)


def shown_time(stamp: str) -> str:
    """「令和8年12月2日 14:30」 of a stored ISO time stamp; a stamp that is not one (a file
    changed with another program) as it is stored."""
    from kyodo_desktop.domain.formatting import format_date_time

    try:
        return format_date_time(datetime.fromisoformat(stamp))
    except (TypeError, ValueError):
        return str(stamp)


def removed_status(stored: StoredReturn) -> str:
    """「取り下げ 令和8年12月2日 14:30」 or 「差し替え …」 of a return no longer in force."""
    when = shown_time(stored.replaced_at or stored.imported_at)
    return (_("withdrawn {when}") if stored.withdrawn else
            _("replaced by a newer return {when}")).format(when=when)


def removed_text(stored: StoredReturn) -> str:
    """What became of a return no longer in force, and when: 「湯田 令和7年度（…協議会、作成 …）:
    取り下げ 令和8年12月2日 14:30」 (or 差し替え)."""
    return _("{what} ({council}, made {made}): {status}").format(
        what=return_label(stored.district, stored.fiscal_year), council=stored.council,
        made=shown_time(stored.created_at), status=removed_status(stored))
