"""The guide's screenshots are made by the test suite: scripts/guide_screens.py grabs every
screen of SCREENS from the demo offscreen at 1366×768, and the printed guide embeds them."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PIL import Image

from kyodo_desktop.domain import handbook_markup as markup
from kyodo_desktop.reports.registry import ReportRequest, report_kinds
from kyodo_desktop.services.guide.pages import SCREENS, guide_pages

ROOT = Path(__file__).resolve().parents[3]


def _grabber():
    spec = importlib.util.spec_from_file_location("guide_screens",
                                                  ROOT / "scripts" / "guide_screens.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_screen_is_grabbed_and_printed_in_the_guide(app, tmp_path):
    folder = tmp_path / "guide-screens"
    written = _grabber().grab_guide_screens(folder)
    assert sorted(p.name for p in written) == sorted(f"{s.name}.png" for s in SCREENS)
    sizes = {path.name: Image.open(path).size for path in written}
    assert all(height == 768 and width >= 1000 for width, height in sizes.values()), sizes
    assert len({path.read_bytes() for path in written}) == len(written)  # each tab its own
    pdf = report_kinds()["user-guide"].build(None, ReportRequest(0, options={"screens": folder}))
    shown = [block.name for page in guide_pages() for block in page.blocks
             if isinstance(block, markup.Picture)]
    assert pdf.count(b"/Subtype /Image") >= len(set(shown))


def test_every_picture_of_the_guide_is_shipped_once_for_print_and_app():
    from kyodo_desktop.reports.user_guide import default_screens_folder
    from kyodo_desktop.services.guide.pages import screen_path, screens_folder

    assert default_screens_folder() == screens_folder()  # the printed guide's pictures
    names = {block.name for page in guide_pages() for block in page.blocks
             if isinstance(block, markup.Picture)}
    assert names and names <= {s.name for s in SCREENS}
    for screen in SCREENS:
        path = screen_path(screen.name)
        assert path is not None, screen.name
        assert Image.open(path).size == (1366, 768), screen.name
