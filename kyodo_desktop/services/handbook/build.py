"""Putting a year's handbook together for printing or preview: chapters → filled blocks.

:func:`assemble` returns a :class:`Handbook` (plain data, no store) that
:mod:`kyodo_desktop.reports.handbook_render` lays out, so the PDF can be made off the GUI thread.
Hidden chapters are left out, and staff-only chapters in the public edition. Text chapters are
parsed (:mod:`kyodo_desktop.domain.handbook_markup`) and their placeholders filled; an unknown
placeholder stops printing with a message naming the chapter (:func:`problems` lists them all
for the editor before printing).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date

from kyodo_desktop.domain import formatting, wareki
from kyodo_desktop.domain.handbook_markup import Block, block_texts, parse
from kyodo_desktop.domain.handbook_placeholders import (
    UnknownPlaceholderError,
    fill,
    unknown_placeholders,
)
from kyodo_desktop.errors import UserError, ValidationError
from kyodo_desktop.i18n import _
from kyodo_desktop.services.handbook.chapters import Chapter, chapters_for_print, list_chapters
from kyodo_desktop.services.handbook.data import (
    DATA_SOURCES,
    EDITIONS,
    data_blocks,
    placeholder_values,
    staff_contact_people,
)
from kyodo_desktop.services.handbook.facts import council_facts
from kyodo_desktop.store import Store

TITLE = "自治会活動の手引き"
EDITION_LABELS = {"public": "", "staff": "事務局用（個人の連絡先を含みます。取扱注意）"}


@dataclass(frozen=True)
class BuiltChapter:
    """A chapter ready to print: ``title`` (placeholders filled) and its ``blocks``."""

    slug: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Handbook:
    """A year's handbook: cover texts and chapters. ``year_label`` e.g. 「令和8年度」,
    ``edition`` "public" or "staff", ``edition_note`` printed on the cover of the staff edition."""

    title: str
    council_name: str
    year_label: str
    center_name: str
    center_contact: str
    issued_on: str
    edition: str
    edition_note: str
    chapters: tuple[BuiltChapter, ...]


def check_edition(edition: str) -> str:
    """``edition`` if it is "public" or "staff", else ValidationError (field "edition")."""
    if edition not in EDITIONS:
        raise ValidationError(_("Choose the edition: public or staff."), field="edition")
    return edition


def printed_chapters(chapters: list[Chapter], edition: str) -> list[Chapter]:
    """The chapters an edition prints: not hidden, and not staff-only in the public edition."""
    return [c for c in chapters if not c.hidden and (edition == "staff" or not c.staff_only)]


def chapter_blocks(store: Store, chapter: Chapter, values: dict[str, str], *, edition: str,
                   today: date) -> tuple[str, list[Block]]:
    """``(title, blocks)`` of one chapter with placeholders filled.

    Raises UnknownPlaceholderError (naming the chapter) or UserError for an unknown data source.
    """
    title = fill(chapter.title, values, where=chapter.title)
    if chapter.kind == "data":
        if chapter.body.strip() not in DATA_SOURCES:
            raise UserError(_("The chapter “{chapter}” refers to data that does not exist "
                              "(“{source}”). Reset it to the standard chapter.").format(
                                  chapter=chapter.title, source=chapter.body.strip()))
        return title, data_blocks(store, chapter.council_id, chapter.fiscal_year,
                                  chapter.body.strip(), edition=edition, today=today)
    blocks = parse(chapter.body)
    unknown = unknown_placeholders((t for b in blocks for t in block_texts(b)), values)
    if unknown:
        raise UnknownPlaceholderError(unknown, chapter.title)
    return title, [_filled(block, values) for block in blocks]


def _filled(block: Block, values: dict[str, str]) -> Block:
    """The block with ``fill`` applied to each of its texts (blocks are frozen dataclasses)."""
    changes = {}
    for item in fields(block):
        value = getattr(block, item.name)
        if isinstance(value, str):
            changes[item.name] = fill(value, values)
        elif isinstance(value, tuple) and value and isinstance(value[0], tuple):
            changes[item.name] = tuple(tuple(fill(c, values) for c in row) for row in value)
        elif isinstance(value, tuple):
            changes[item.name] = tuple(fill(c, values) for c in value)
    return replace(block, **changes) if changes else block


def assemble(store: Store, council_id: int, fiscal_year: int, *, edition: str = "public",
             today: date | None = None) -> Handbook:
    """The handbook of a council's 年度 for ``edition`` (without writing anything; a year with
    no chapters yet prints what the 手引き page would create).

    Raises ValidationError for a wrong edition, UnknownPlaceholderError / UserError for a chapter
    that cannot be printed, UserError when the council does not exist.
    """
    check_edition(edition)
    today = today or date.today()
    values = placeholder_values(store, council_id, fiscal_year, today=today)
    council = council_facts(store, council_id)
    built = []
    for chapter in printed_chapters(chapters_for_print(store, council_id, fiscal_year), edition):
        title, blocks = chapter_blocks(store, chapter, values, edition=edition, today=today)
        built.append(BuiltChapter(chapter.slug, title, tuple(blocks)))
    if not built:
        raise UserError(_("Every chapter is hidden. Show at least one chapter to print."))
    contact = "　".join(part for part in (
        council["center_address"], council["center_phone"] and "電話 " + council["center_phone"])
        if part)
    return Handbook(TITLE, council["name"], wareki.format_fiscal_year(fiscal_year),
                    council["center_name"], contact, formatting.format_date(today), edition,
                    EDITION_LABELS[edition], tuple(built))


def contact_people(store: Store, council_id: int, fiscal_year: int, edition: str, *,
                   today: date | None = None) -> int:
    """How many people's phone numbers or addresses the edition prints (0 for the public
    edition): the number a 提供記録 of the staff edition records."""
    if check_edition(edition) != "staff":
        return 0
    sources = {c.body.strip() for c in printed_chapters(
        chapters_for_print(store, council_id, fiscal_year), edition) if c.kind == "data"}
    return len(staff_contact_people(store, council_id, fiscal_year, sources, today=today))


def problems(store: Store, council_id: int, fiscal_year: int) -> list[str]:
    """Japanese messages for every chapter of the year that cannot be printed (unknown
    placeholders, unknown data); [] when all is well. Checks both editions' chapters."""
    values = placeholder_values(store, council_id, fiscal_year)
    found = []
    for chapter in printed_chapters(list_chapters(store, council_id, fiscal_year), "staff"):
        try:
            if chapter.kind == "data":
                chapter_blocks(store, chapter, values, edition="staff", today=date.today())
            else:
                fill(chapter.title, values, where=chapter.title)
                texts = [t for b in parse(chapter.body) for t in block_texts(b)]
                unknown = unknown_placeholders(texts, values)
                if unknown:
                    raise UnknownPlaceholderError(unknown, chapter.title)
        except UserError as error:
            found.append(error.message)
    return found
