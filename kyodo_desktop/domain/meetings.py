"""Pure rules of the council's meetings: the kinds and their labels, the 定足数 a 規約 rule
gives for a number of 構成員, and the words of a 議案's result.

A 定足数 rule is data (``quorum_rules``, set from the council's 規約): "at least" or "more than"
``numerator``/``denominator`` of the 構成員, with or without counting 委任状 as present. The
common rule 「構成員の過半数の出席」 is more than 1/2 (:data:`DEFAULT_RULE`).
"""

from __future__ import annotations

from dataclasses import dataclass

#: Kinds of meeting (meetings.kind) and their printed names.
KIND_LABELS: dict[str, str] = {
    "general_ordinary": "通常総会",
    "general_extraordinary": "臨時総会",
    "board": "理事会",
    "officers": "役員会",
    "subcommittee": "部会",
    "executive_committee": "実行委員会",
}
#: The kind of 定足数 rule (quorum_rules.meeting_kind) each meeting kind follows.
RULE_KIND: dict[str, str] = {
    "general_ordinary": "general", "general_extraordinary": "general", "board": "board",
    "officers": "officers", "subcommittee": "subcommittee",
    "executive_committee": "executive_committee",
}
#: The printed names of the rule kinds.
RULE_KIND_LABELS: dict[str, str] = {
    "general": "総会", "board": "理事会", "officers": "役員会", "subcommittee": "部会",
    "executive_committee": "実行委員会",
}
GENERAL_KINDS = ("general_ordinary", "general_extraordinary")

#: Attendance (meeting_attendance.status) and its printed names.
ATTENDANCE_LABELS: dict[str, str] = {"present": "出席", "proxy": "委任状", "absent": "欠席"}

#: 議案 results (agenda_items.result); None is 未決.
RESULT_LABELS: dict[str, str] = {"approved": "可決", "rejected": "否決", "continued": "継続審議"}
UNDECIDED_LABEL = "未決"


@dataclass(frozen=True)
class QuorumRule:
    """At least (``strict`` False) or more than (True) ``numerator``/``denominator`` of the
    構成員 must attend; ``count_proxies``: a 委任状 counts as attending. ``source`` names the
    article (規約第N条)."""

    numerator: int = 1
    denominator: int = 2
    strict: bool = True
    count_proxies: bool = True
    source: str = ""

    def quorum(self, members: int) -> int:
        """The 定足数 (people) for ``members`` 構成員 (≥ 0): more than half of 15 is 8, at least
        2/3 of 15 is 10. Zero members need nobody."""
        if members <= 0:
            return 0
        product = members * self.numerator
        if self.strict:
            return product // self.denominator + 1
        return -(-product // self.denominator)

    def describe(self) -> str:
        """The rule in words: 「構成員の過半数（委任状を含む）」, 「構成員の3分の2以上」."""
        if (self.numerator, self.denominator, self.strict) == (1, 2, True):
            words = "構成員の過半数"
        else:
            fraction = f"{self.denominator}分の{self.numerator}"
            words = f"構成員の{fraction}{'を超える数' if self.strict else '以上'}"
        return words + ("（委任状を含む）" if self.count_proxies else "")


DEFAULT_RULE = QuorumRule()


@dataclass(frozen=True)
class Attendance:
    """Counts of a meeting's 構成員: ``members`` in all, ``present``, ``proxy`` (委任状),
    ``absent``; the 定足数 of ``rule`` and whether it is met."""

    members: int
    present: int
    proxy: int
    absent: int
    rule: QuorumRule

    @property
    def quorum(self) -> int:
        """The 定足数 (people)."""
        return self.rule.quorum(self.members)

    @property
    def attending(self) -> int:
        """Who counts towards the 定足数: 出席 (+ 委任状 when the rule counts them)."""
        return self.present + (self.proxy if self.rule.count_proxies else 0)

    @property
    def voters(self) -> int:
        """The most votes a 議案 can have: 出席 + 委任状 (a 委任状 is a vote given to the 議長)."""
        return self.present + self.proxy

    @property
    def met(self) -> bool:
        """True when the meeting is 成立 (attending ≥ 定足数)."""
        return self.attending >= self.quorum


def count_attendance(statuses: list[str], rule: QuorumRule) -> Attendance:
    """The :class:`Attendance` of the ``statuses`` ('present', 'proxy', 'absent') of each
    構成員."""
    return Attendance(len(statuses), statuses.count("present"), statuses.count("proxy"),
                      statuses.count("absent"), rule)


def result_text(result: str | None, votes: tuple[int | None, int | None, int | None]) -> str:
    """A 議案's result as a minute prints it: 「可決（賛成12・反対1・保留0）」, 「継続審議」,
    「未決」 when no result is recorded."""
    if result is None:
        return UNDECIDED_LABEL
    label = RESULT_LABELS[result]
    names = ("賛成", "反対", "保留")
    counts = [f"{name}{count}" for name, count in zip(names, votes, strict=True)
              if count is not None]
    return f"{label}（{'・'.join(counts)}）" if counts else label
