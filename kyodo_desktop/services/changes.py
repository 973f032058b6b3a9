"""What an operation changed, so the UI refreshes from one signal (Anki's ``OpChanges`` idea).

Every service operation that writes returns a :class:`Changes`; the UI emits it once on its
``changed`` signal and each page decides whether to reload (``changes.touches("council")``).
Views never poke each other (docs/ARCHITECTURE.md, convention 3).
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: The areas an operation may touch. Pages test membership with :meth:`Changes.touches`.
COUNCIL = "council"  # 協議会 profile, the list of councils
ROSTER = "roster"  # 構成団体, 世帯数, people, 役員, 専門部会
PLAN = "plan"  # 地域づくり計画, 事業
ACCOUNTS = "accounts"  # 予算, 出納簿, 交付金
HANDBOOK = "handbook"  # 自治会活動の手引き chapters
SETTINGS = "settings"
DATABASE = "database"  # a different file was opened: everything is new
AREAS = frozenset({COUNCIL, ROSTER, PLAN, ACCOUNTS, HANDBOOK, SETTINGS, DATABASE})


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
