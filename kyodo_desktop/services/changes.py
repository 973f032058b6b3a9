"""What an operation changed, so the UI refreshes from one signal (Anki's ``OpChanges`` idea).

Every service operation that writes returns a :class:`Changes`; the UI emits it once on its
``changed`` signal and each page decides whether to reload (``changes.touches("council")``).
Views never poke each other (docs/ARCHITECTURE.md, convention 3).

Undo: :func:`undoable` runs an operation and returns it with the snapshot of every row it wrote
(:mod:`kyodo_desktop.store.snapshot`); :func:`undo` and :func:`redo` put either side back with
the same ids. The UI's one undo step (``ui/commands.py``) is built on these. Files (BLOB values)
are not held by a step: :func:`release_undo_files` drops the ones no step refers to any more.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

#: The areas an operation may touch. Pages test membership with :meth:`Changes.touches`.
COUNCIL = "council"  # 協議会 profile, the list of councils
ROSTER = "roster"  # 構成団体, 世帯数, people, 役員, 専門部会
PLAN = "plan"  # 地域づくり計画, 事業
ACCOUNTS = "accounts"  # 予算, 出納簿, 交付金
HANDBOOK = "handbook"  # 自治会活動の手引き chapters
MEETINGS = "meetings"  # 総会・理事会・部会, 議案, 規約, 総会議案書 texts
SETTINGS = "settings"
CITY = "city"  # the city file's returns and 地域
DATABASE = "database"  # a different file was opened: everything is new
AREAS = frozenset({COUNCIL, ROSTER, PLAN, ACCOUNTS, HANDBOOK, MEETINGS, SETTINGS, CITY,
                   DATABASE})


@dataclass(frozen=True)
class Changes:
    """Which ``areas`` (subset of :data:`AREAS`) changed, and for which council (None = any).

    Combine two with ``a | b``. ``Changes.everything()`` is what opening a file means.
    """

    areas: frozenset[str] = field(default_factory=frozenset)
    council_id: int | None = None

    def __post_init__(self) -> None:
        unknown = set(self.areas) - AREAS
        if unknown:
            raise ValueError(f"unknown change areas: {sorted(unknown)}")

    @classmethod
    def of(cls, *areas: str, council_id: int | None = None) -> Changes:
        """``Changes.of("council", council_id=3)``."""
        return cls(frozenset(areas), council_id)

    @classmethod
    def everything(cls) -> Changes:
        """All areas of all councils changed (a file was opened or restored)."""
        return cls(AREAS, None)

    def touches(self, *areas: str) -> bool:
        """True when any of ``areas`` changed (always True after :meth:`everything`)."""
        return bool(self.areas & set(areas)) or DATABASE in self.areas

    def concerns(self, council_id: int | None) -> bool:
        """True when the change may affect ``council_id`` (a change without council affects all)."""
        return self.council_id is None or council_id is None or self.council_id == council_id

    def __bool__(self) -> bool:
        return bool(self.areas)

    def __or__(self, other: Changes) -> Changes:
        if not other:
            return self
        if not self:
            return other
        council = self.council_id if self.council_id == other.council_id else None
        return Changes(self.areas | other.areas, council)


def changes_of(result) -> Changes:
    """The Changes a service returned: ``result`` itself, the Changes inside a returned tuple
    (``(new_id, changes)``), or its ``changes`` attribute (an import or handover result)."""
    if isinstance(result, Changes):
        return result
    if isinstance(result, tuple):
        return next((part for part in result if isinstance(part, Changes)), Changes())
    found = getattr(result, "changes", None)
    return found if isinstance(found, Changes) else Changes()


@dataclass(frozen=True)
class Undoable:
    """A finished operation that can be undone and redone: ``result`` what the service
    returned, ``changes`` its :class:`Changes`, ``snapshot`` every row it wrote, before and
    after (:class:`kyodo_desktop.store.snapshot.Snapshot`; empty when nothing was written)."""

    result: object
    changes: Changes
    snapshot: object


def undoable(store, operation: Callable[[], object]) -> Undoable:
    """Run ``operation`` (service calls writing to ``store``) in one transaction and return it
    with the snapshot of every row it wrote — an edit, an add, a delete with everything the
    schema deleted or unlinked with it, an import, a handover. Errors propagate; then nothing
    was written."""
    from kyodo_desktop.store.snapshot import recording

    with recording(store) as recorder:
        result = operation()
    return Undoable(result, changes_of(result), recorder.snapshot)


def undo(store, done: Undoable) -> Changes:
    """Put back the rows as they were before ``done`` (same ids; audited tables through the
    change log). Raises SnapshotConflict (a StoreError) when they were changed since."""
    from kyodo_desktop.store.snapshot import restore

    restore(store, done.snapshot, "before")
    return done.changes


def redo(store, done: Undoable) -> Changes:
    """Write the rows of ``done`` again as it left them (after :func:`undo`). Raises
    SnapshotConflict when they were changed since."""
    from kyodo_desktop.store.snapshot import restore

    restore(store, done.snapshot, "after")
    return done.changes


def release_undo_files(store, held: list[Undoable]) -> int:
    """Drop the files (証拠書類 bytes) kept for undo that none of ``held`` — the steps still on
    the undo stack — refers to; returns how many were dropped (0 when the file is closed)."""
    from kyodo_desktop.store.snapshot import release_blobs

    return release_blobs(store, [done.snapshot for done in held if done.snapshot])
