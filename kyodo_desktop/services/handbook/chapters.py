"""The 手引き page's operations: the chapters of a council's handbook per 年度, kept in
``handbook_chapters`` and carried forward from year to year.

A year's handbook starts as a copy of the latest earlier year's (carry-forward: the office edits
last spring's text instead of starting again), or as the shipped default chapters
(:mod:`kyodo_desktop.services.handbook.defaults`) when there is none. Positions are 1 … n.
Every write returns :class:`~kyodo_desktop.services.changes.Changes`; a user mistake raises
:class:`~kyodo_desktop.errors.UserError` / ValidationError with a Japanese message.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from kyodo_desktop.domain import text
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.changes import HANDBOOK, Changes
from kyodo_desktop.services.handbook.defaults import default_chapter, default_chapters
from kyodo_desktop.services.handbook.rows import ChapterRow
from kyodo_desktop.store import Store

MAX_TITLE = 60
_COLUMNS = ("position", "slug", "title", "kind", "body", "hidden", "staff_only")


@dataclass(frozen=True)
class Chapter:
    """A stored chapter. ``kind`` "text" (``body`` is markup) or "data" (``body`` names a data
    source); ``hidden`` chapters are not printed; ``staff_only`` ones only in the staff edition."""

    id: int
    council_id: int
    fiscal_year: int
    position: int
    slug: str
    title: str
    kind: str
    body: str
    hidden: bool
    staff_only: bool

    @property
    def is_default(self) -> bool:
        """True when the chapter comes from the shipped defaults (it can be reset)."""
        return default_chapter(self.slug) is not None


def _changed(council_id: int) -> Changes:
    return Changes.of(HANDBOOK, council_id=council_id)


def _chapter(row: dict) -> Chapter:
    return Chapter(**{**row, "hidden": bool(row["hidden"]), "staff_only": bool(row["staff_only"])})


def list_chapters(store: Store, council_id: int, fiscal_year: int) -> list[Chapter]:
    """The stored chapters of a 年度 in print order ([] when the year has none yet)."""
    return [_chapter(row) for row in store.query(
        "SELECT * FROM handbook_chapters WHERE council_id = ? AND fiscal_year = ? "
        "ORDER BY position, id", (council_id, fiscal_year))]


def get_chapter(store: Store, chapter_id: int) -> Chapter:
    """One chapter by id. Raises UserError when it no longer exists."""
    rows = store.query("SELECT * FROM handbook_chapters WHERE id = ?", (chapter_id,))
    if not rows:
        raise UserError(_("This chapter no longer exists."))
    return _chapter(rows[0])


def previous_year_with_handbook(store: Store, council_id: int, fiscal_year: int) -> int | None:
    """The latest 年度 before ``fiscal_year`` that has chapters, or None."""
    return store.scalar("SELECT max(fiscal_year) FROM handbook_chapters WHERE council_id = ? "
                        "AND fiscal_year < ?", (council_id, fiscal_year))


def _default_rows() -> list[dict]:
    return [{"position": n, "slug": c.slug, "title": c.title, "kind": c.kind, "body": c.body,
             "hidden": 0, "staff_only": int(c.staff_only)}
            for n, c in enumerate(default_chapters(), start=1)]


def year_rows(store: Store, council_id: int, fiscal_year: int) -> list[ChapterRow]:
    """The year's chapters as plain rows (without ids), to copy into another year."""
    return [{key: row[key] for key in _COLUMNS} for row in store.query(
        "SELECT * FROM handbook_chapters WHERE council_id = ? AND fiscal_year = ? "
        "ORDER BY position, id", (council_id, fiscal_year))]


def _replace_year(store: Store, council_id: int, fiscal_year: int, rows: list[dict]) -> Changes:
    """Replace the year's chapters by ``rows`` (as :func:`year_rows` returns them)."""
    with store.transaction() as db:
        db.execute("DELETE FROM handbook_chapters WHERE council_id = ? AND fiscal_year = ?",
                   (council_id, fiscal_year))
        db["handbook_chapters"].insert_all(
            [{**row, "council_id": council_id, "fiscal_year": fiscal_year} for row in rows])
    return _changed(council_id)


def ensure_chapters(store: Store, council_id: int, fiscal_year: int
                    ) -> tuple[list[Chapter], Changes]:
    """The year's chapters, creating them first when the year has none: a copy of the latest
    earlier year's handbook (carry-forward), else the default chapters.

    Returns ``(chapters, changes)``; ``changes`` is empty when nothing was written.
    """
    chapters = list_chapters(store, council_id, fiscal_year)
    if chapters:
        return chapters, Changes()
    earlier = previous_year_with_handbook(store, council_id, fiscal_year)
    rows = year_rows(store, council_id, earlier) if earlier is not None else _default_rows()
    changes = _replace_year(store, council_id, fiscal_year, rows)
    return list_chapters(store, council_id, fiscal_year), changes


def chapters_for_print(store: Store, council_id: int, fiscal_year: int) -> list[Chapter]:
    """The chapters to print without writing anything: the stored ones, else what
    :func:`ensure_chapters` would create (ids 0). For the read-only CLI ``report``."""
    chapters = list_chapters(store, council_id, fiscal_year)
    if chapters:
        return chapters
    earlier = previous_year_with_handbook(store, council_id, fiscal_year)
    rows = year_rows(store, council_id, earlier) if earlier is not None else _default_rows()
    return [_chapter({**row, "id": 0, "council_id": council_id, "fiscal_year": fiscal_year})
            for row in rows]


def copy_previous_year(store: Store, council_id: int, fiscal_year: int) -> Changes:
    """Replace this year's chapters with a copy of the latest earlier year's handbook.

    Raises UserError when no earlier year has a handbook.
    """
    earlier = previous_year_with_handbook(store, council_id, fiscal_year)
    if earlier is None:
        raise UserError(_("There is no handbook of an earlier year to copy."))
    return _replace_year(store, council_id, fiscal_year, year_rows(store, council_id, earlier))


def clean_title(value: str) -> str:
    """A chapter title: normalised, 1 … 60 characters (ValidationError field "title")."""
    title = text.normalize(value or "")
    if not title:
        raise ValidationError(_("Enter the chapter's title."), field="title")
    if len(title) > MAX_TITLE:
        raise ValidationError(_("Keep the chapter's title within {count} characters.").format(
            count=MAX_TITLE), field="title")
    return title


def save_chapter(store: Store, chapter_id: int, *, title: str | None = None,
                 body: str | None = None) -> Changes:
    """Save a chapter's title and/or text. The body of a data chapter cannot be edited.

    Raises ValidationError (empty or long title; text for a data chapter) or UserError.
    """
    chapter = get_chapter(store, chapter_id)
    values: dict = {}
    if title is not None:
        values["title"] = clean_title(title)
    if body is not None and body != chapter.body:
        if chapter.kind != "text":
            raise ValidationError(_("This chapter is made from the data; its text cannot be "
                                    "edited."), field="body")
        values["body"] = body.replace("\r\n", "\n")
    if values:
        with store.transaction() as db:
            db["handbook_chapters"].update(chapter_id, values)
    return _changed(chapter.council_id)


def add_chapter(store: Store, council_id: int, fiscal_year: int, title: str, *,
                after_id: int | None = None, body: str = "") -> tuple[int, Changes]:
    """Add a text chapter after ``after_id`` (at the end when None); return ``(id, Changes)``."""
    clean = clean_title(title)
    chapters = list_chapters(store, council_id, fiscal_year)
    order = [c.id for c in chapters]
    index = order.index(after_id) + 1 if after_id in order else len(order)
    taken = {c.slug for c in chapters}
    number = 1
    while f"custom-{number}" in taken:
        number += 1
    with store.transaction() as db:
        new_id = db["handbook_chapters"].insert({
            "council_id": council_id, "fiscal_year": fiscal_year, "position": 0,
            "slug": f"custom-{number}", "title": clean, "kind": "text", "body": body,
            "hidden": 0, "staff_only": 0}).last_pk
        order.insert(index, new_id)
        _renumber(db, order)
    return new_id, _changed(council_id)


def _renumber(db, order: list[int]) -> None:
    for position, chapter_id in enumerate(order, start=1):
        db.execute("UPDATE handbook_chapters SET position = ? WHERE id = ?", (position, chapter_id))


def move_chapter(store: Store, chapter_id: int, offset: int) -> Changes:
    """Move a chapter ``offset`` places (-1 up, +1 down), stopping at either end."""
    chapter = get_chapter(store, chapter_id)
    order = [c.id for c in list_chapters(store, chapter.council_id, chapter.fiscal_year)]
    index = order.index(chapter_id)
    target = max(0, min(len(order) - 1, index + offset))
    if target != index:
        order.insert(target, order.pop(index))
        with store.transaction() as db:
            _renumber(db, order)
    return _changed(chapter.council_id)


def set_flags(store: Store, chapter_id: int, *, hidden: bool | None = None,
              staff_only: bool | None = None) -> Changes:
    """Hide/show a chapter, or keep it for the staff edition only."""
    chapter = get_chapter(store, chapter_id)
    values = {key: int(value) for key, value in (("hidden", hidden), ("staff_only", staff_only))
              if value is not None}
    if values:
        with store.transaction() as db:
            db["handbook_chapters"].update(chapter_id, values)
    return _changed(chapter.council_id)


def delete_chapter(store: Store, chapter_id: int) -> Changes:
    """Delete a chapter the office added. Shipped chapters are hidden instead (UserError)."""
    chapter = get_chapter(store, chapter_id)
    if chapter.is_default:
        raise UserError(_("The standard chapters cannot be deleted; hide it instead."))
    with store.transaction() as db:
        db.execute("DELETE FROM handbook_chapters WHERE id = ?", (chapter_id,))
        _renumber(db, [c.id for c in list_chapters(store, chapter.council_id,
                                                    chapter.fiscal_year)])
    return _changed(chapter.council_id)


def reset_to_default(store: Store, chapter_id: int) -> Changes:
    """Put back the shipped title and text of a standard chapter.

    Raises UserError for a chapter the office added (it has no default).
    """
    chapter = get_chapter(store, chapter_id)
    default = default_chapter(chapter.slug)
    if default is None:
        raise UserError(_("This chapter was added by you, so it has no standard text."))
    with store.transaction() as db:
        db["handbook_chapters"].update(chapter_id, {"title": default.title, "kind": default.kind,
                                                    "body": default.body})
    return _changed(chapter.council_id)


def chapter_row(chapter: Chapter) -> dict[str, Any]:
    """The chapter as a plain dict (for undo commands)."""
    return asdict(chapter)
