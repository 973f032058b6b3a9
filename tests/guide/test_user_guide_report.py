"""``kyodo-desktop report user-guide``: ≥ 20 A4 pages with a 目次 naming every chapter, a page
for every sidebar area and every step of the year, IPAex fonts embedded; screenshots embedded
from a folder of PNGs."""

from __future__ import annotations

from kyodo_desktop.cli import main
from kyodo_desktop.domain import handbook_markup as markup
from kyodo_desktop.reports.readback import fonts, page_texts
from kyodo_desktop.reports.registry import ReportRequest, report_kinds
from kyodo_desktop.services.guide.pages import (
    SCREENS,
    guide_pages,
    page_for_area,
    page_for_step,
)
from kyodo_desktop.services.year_path.steps import _ORDER
from kyodo_desktop.ui.areas import AREAS

AREA_TITLES = ("協議会", "構成団体・役員", "地域づくり計画", "出納簿・予算・交付金", "帳票印刷", "手引き",
               "バックアップ・引継ぎ", "設定", "今年度の流れ")


def _flat(text: str) -> str:
    return "".join(text.split())


def test_every_area_and_step_has_its_page():
    titles = [page.title for page in guide_pages()]
    for title in AREA_TITLES:
        assert any(t.startswith(title) for t in titles), title
    for area in AREAS:
        assert page_for_area(area.key).area == area.key, area.key
    from kyodo_desktop.i18n import _

    for key, title, *_rest in _ORDER:
        page = page_for_step(key)
        assert page is not None and page.title.endswith(_(title)), key
    assert "Windows で使うとき" in titles


def test_every_picture_of_the_guide_is_a_known_screen():
    names = {screen.name for screen in SCREENS}
    used = {block.name for page in guide_pages() for block in page.blocks
            if isinstance(block, markup.Picture)}
    assert used and used <= names


def test_the_printed_guide_has_a_contents_page_and_every_chapter(tmp_path, capsys):
    out = tmp_path / "guide.pdf"
    assert main(["report", "user-guide", "-o", str(out)]) == 0
    assert "guide.pdf" in capsys.readouterr().out
    pdf = out.read_bytes()
    pages = page_texts(pdf)
    assert len(pages) >= 20
    contents = _flat(pages[1])
    assert "目次" in contents
    for page in guide_pages():
        assert _flat(page.title) in contents, page.title
    body = _flat("".join(pages[2:]))
    for page in guide_pages():
        assert _flat(page.title) in body, page.title
    assert all(embedded for embedded in fonts(pdf).values())
    assert any("IPAex" in name for name in fonts(pdf))


def test_screenshots_in_the_folder_are_embedded(tmp_path):
    from PIL import Image

    folder = tmp_path / "screens"
    folder.mkdir()
    Image.new("RGB", (1366, 768), "white").save(folder / "council.png")
    kind = report_kinds()["user-guide"]
    without = kind.build(None, ReportRequest(0, options={"screens": str(tmp_path / "none")}))
    with_one = kind.build(None, ReportRequest(0, options={"screens": str(folder)}))
    assert b"/Subtype /Image" not in without
    assert with_one.count(b"/Subtype /Image") >= 1
