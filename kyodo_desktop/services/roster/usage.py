"""What refers to a roster record, for the confirmation before it is deleted."""

from __future__ import annotations

from collections.abc import Sequence

from kyodo_desktop.store import Store


def usage_lines(store: Store, counts: Sequence[tuple[str, str]], record_id: int) -> list[str]:
    """The lines of a delete confirmation: for each ``(message, count SQL)`` pair whose SQL
    (one ``?`` for ``record_id``) counts rows that refer to the record, ``message.format(count=…)``
    when the count is not 0. ``[]`` when nothing refers to it."""
    lines = []
    for message, sql in counts:
        count = store.scalar(sql, (record_id,))
        if count:
            lines.append(message.format(count=count))
    return lines
