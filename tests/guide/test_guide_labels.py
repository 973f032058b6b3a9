"""The guide names the app's buttons, tabs and menus as the app shows them: every 「…」 in bold
in a page (the Windows page names Windows' own buttons and is left out) is a Japanese text of
the app's catalog (keyboard accelerators such as (&P) removed)."""

from __future__ import annotations

import re

from kyodo_desktop import i18n
from kyodo_desktop.domain import handbook_markup as markup
from kyodo_desktop.services.guide.pages import guide_pages

_ACCELERATOR = re.compile(r"\(&.\)|&")


def quoted(text: str) -> list[str]:
    """The outermost 「…」 of ``text`` (nested quotes stay inside)."""
    found, depth, start = [], 0, 0
    for index, character in enumerate(text):
        if character == "「":
            depth += 1
            start = index + 1 if depth == 1 else start
        elif character == "」" and depth:
            depth -= 1
            if depth == 0:
                found.append(text[start:index])
    return found


def test_quoted_is_the_outermost_quote():
    assert quoted("「下書き（「未確定」と表示）」→「印刷…」") == ["下書き（「未確定」と表示）", "印刷…"]


def test_every_label_in_bold_is_one_the_app_shows():
    shown = {_ACCELERATOR.sub("", text).strip() for text in i18n.catalog("ja").values()
             if isinstance(text, str)}
    unknown = []
    labels = 0
    for page in guide_pages():
        if page.part == "windows":
            continue
        for block in page.blocks:
            for text in markup.block_texts(block):
                for run, bold in markup.inline_runs(text):
                    for label in quoted(run) if bold else []:
                        labels += 1
                        if label not in shown:
                            unknown.append(f"{page.slug}: {label}")
    assert labels > 60
    assert unknown == []
