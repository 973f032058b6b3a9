"""The default chapters of the 自治会活動の手引き, shipped in ``resources/handbook/``.

``resources/handbook/chapters.json`` lists the chapters in order::

    {"format": 1, "chapters": [
        {"slug": "introduction", "title": "はじめに", "kind": "text", "file": "01_introduction.txt"},
        {"slug": "associations", "title": "自治会一覧", "kind": "data", "source": "associations"},
        …]}

A text chapter's body is the markup in ``file`` (see
:mod:`kyodo_desktop.domain.handbook_markup`); a data chapter's body is the name of its data source
(:data:`kyodo_desktop.services.handbook.data.DATA_SOURCES`). The texts are our own writing (seed
001, 実行計画 II-(3)-①: the handbook is updated every year and given to every 自治会長).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from kyodo_desktop.resources import resource_path

MANIFEST = "chapters.json"
FORMAT = 1


@dataclass(frozen=True)
class DefaultChapter:
    """A shipped chapter: ``slug`` (stable id), ``title``, ``kind`` ("text" or "data"),
    ``body`` (markup or data source name), ``staff_only`` (left out of the public edition)."""

    slug: str
    title: str
    kind: str
    body: str
    staff_only: bool = False


@cache
def default_chapters() -> tuple[DefaultChapter, ...]:
    """The shipped chapters in their order. Raises RuntimeError when the resources are broken
    (a packaging bug, not a user error)."""
    folder = resource_path("handbook")
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise RuntimeError(f"handbook defaults unreadable: {error}") from error
    if data.get("format") != FORMAT:
        raise RuntimeError(f"handbook defaults: format must be {FORMAT}")
    chapters = []
    for item in data["chapters"]:
        if item["kind"] == "text":
            body = (folder / item["file"]).read_text(encoding="utf-8").strip() + "\n"
        else:
            body = item["source"]
        chapters.append(DefaultChapter(item["slug"], item["title"], item["kind"], body,
                                       bool(item.get("staff_only", False))))
    slugs = [chapter.slug for chapter in chapters]
    if len(set(slugs)) != len(slugs):
        raise RuntimeError("handbook defaults: a slug appears twice")
    return tuple(chapters)


def default_chapter(slug: str) -> DefaultChapter | None:
    """The shipped chapter with ``slug``, or None (a chapter the office added itself)."""
    return next((c for c in default_chapters() if c.slug == slug), None)
