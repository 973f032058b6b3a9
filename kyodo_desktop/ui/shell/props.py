"""Dynamic Qt properties read safely.

``QObject.property(name)`` of a property that was never set returns None through a path that
loses a reference to None in PySide6: asked for thousands of widgets (every text-size change,
every key press) it brought the interpreter down (「Fatal Python error: none_dealloc」). These
helpers ask only for properties that exist.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject


def has_property(obj: QObject, name: str) -> bool:
    """True when the dynamic property ``name`` was set on ``obj``."""
    return QByteArray(name.encode()) in obj.dynamicPropertyNames()


def get_property(obj: QObject, name: str, default=None):
    """The dynamic property ``name`` of ``obj``, or ``default`` when it was never set."""
    return obj.property(name) if has_property(obj, name) else default
