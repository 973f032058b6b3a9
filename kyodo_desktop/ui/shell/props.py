"""Dynamic Qt properties read safely.

``QObject.property(name)`` of a property that was never set returns an empty QVariant, which
PySide6 6.12 hands back as None without a reference (as every void call does; the cause and the
app-wide remedy are in ui/shell/none_guard.py). These helpers also say plainly whether a property was
set, instead of confusing "never set" with a stored None.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject


def has_property(obj: QObject, name: str) -> bool:
    """True when the dynamic property ``name`` was set on ``obj``."""
    return QByteArray(name.encode()) in obj.dynamicPropertyNames()


def get_property(obj: QObject, name: str, default=None):
    """The dynamic property ``name`` of ``obj``, or ``default`` when it was never set."""
    return obj.property(name) if has_property(obj, name) else default
