"""The handbook PDF read back: 目次 numbers match chapter pages, no personal contacts in the
public edition, large print is larger, booklet imposition, embedded fonts, the CLI."""

from __future__ import annotations

import io
import re
from collections import Counter
from datetime import date

import pytest
from pypdf import PdfReader

from kyodo_desktop.reports.handbook import build_handbook
from kyodo_desktop.reports.handbook_booklet import booklet_order
from kyodo_desktop.reports.readback import fonts, page_texts
from kyodo_desktop.reports.registry import ReportRequest, report_kinds
from kyodo_desktop.services.handbook.defaults import default_chapters
from tests.fixtures.handbook import YEAR, YUDA

TODAY = date(2026, 5, 10)
DOTS_AND_NUMBER = re.compile(r"^[\s.]*\.\s*(\d+)$")


def _pdf(store, council, **options) -> bytes:
    return build_handbook(store, ReportRequest(council, YEAR, options=options), today=TODAY)


@pytest.fixture(scope="module")
def public_pdf(demo_store, yuda):
    return _pdf(demo_store, yuda)


@pytest.fixture(scope="module")
def staff_pdf(demo_store, yuda):
    return _pdf(demo_store, yuda, edition="staff")


def _toc(texts: list[str]) -> list[tuple[str, int]]:
    """(title, number) of the 目次 (pypdf gives each entry's dots and number on a line of
    their own, before the title)."""
    titles, numbers = [], []
    first_body = _printed_numbers(texts)[1]
    for text in texts[1:first_body]:  # the 目次 pages: after the cover, before page 1
        for line in text.splitlines():
            line = line.strip()
            match = DOTS_AND_NUMBER.match(line)
            if match:
                numbers.append(int(match.group(1)))
            elif line and line != "目次" and not re.fullmatch(r"-\s*\d+\s*-", line):
                titles.append(line)
    return list(zip(titles, numbers, strict=False))


def _printed_numbers(texts: list[str]) -> dict[int, int]:
    """printed page number → index of the page carrying it (「- 3 -」 at the foot)."""
    found = {}
    for index, text in enumerate(texts):
        match = re.search(r"-\s*(\d+)\s*-\s*$", text.strip())
        if match:
            found[int(match.group(1))] = index
    return found


def test_table_of_contents_numbers_are_the_chapter_start_pages(public_pdf):
    texts = page_texts(public_pdf)
    entries = _toc(texts)
    assert [title for title, _n in entries] == [c.title for c in default_chapters()]
    pages = _printed_numbers(texts)
    numbers = [n for _title, n in entries]
    assert numbers == sorted(numbers) and numbers[0] == 1
    for title, number in entries:
        index = pages[number]
        assert title in texts[index], title
        if number > 1:  # the chapter starts here: the page before belongs to another chapter
            assert title not in texts[index - 1].splitlines()[0:2], title
    assert max(pages) == len(texts) - 2  # cover and one 目次 page carry no number


def test_public_edition_has_no_phone_or_address_of_a_person(demo_store, yuda, public_pdf,
                                                             staff_pdf):
    people = demo_store.query("SELECT name, phone, address FROM people WHERE council_id = ?",
                              (yuda,))
    public = "".join(page_texts(public_pdf)).replace(" ", "")
    staff = "".join(page_texts(staff_pdf)).replace(" ", "")
    leaked = [p["phone"] for p in people if p["phone"] and p["phone"] in public]
    leaked += [p["address"] for p in people if p["address"] and p["address"] in public]
    assert leaked == []
    shown = [p["phone"] for p in people if p["phone"] and p["phone"] in staff]
    assert len(shown) >= 30  # the staff edition does list the 自治会長 and 役員
    assert "事務局用" in staff and "事務局用" not in public


def test_demo_handbook_is_about_the_demo_and_its_year(demo_store, yuda, public_pdf):
    text = "".join(page_texts(public_pdf))
    assert "令和8年度" in text and YUDA in text
    assert "湯田温泉一丁目自治会" in text and "湯田温泉夏まつり" in text
    assert "5,406,000円" in text.replace(" ", "")
    assert "{" not in text


def _font_sizes(pdf: bytes) -> Counter:
    sizes: Counter = Counter()
    for page in PdfReader(io.BytesIO(pdf)).pages[2:]:
        data = page.get_contents().get_data().decode("latin-1")
        sizes.update(round(float(size), 1) for size in re.findall(r"([\d.]+) Tf", data))
    return sizes


def test_large_print_uses_larger_type(demo_store, yuda, public_pdf):
    large = _pdf(demo_store, yuda, large_print=True)
    normal_body = _font_sizes(public_pdf).most_common(1)[0][0]
    large_body = _font_sizes(large).most_common(1)[0][0]
    assert normal_body >= 9
    assert large_body >= 14 and large_body >= normal_body * 1.35
    assert len(page_texts(large)) > len(page_texts(public_pdf))


def test_fonts_are_embedded(public_pdf):
    used = fonts(public_pdf)
    assert used and all(used.values())
    assert any("IPAex" in name for name in used)


def test_booklet_order_folds_into_a_booklet():
    assert booklet_order(8) == [(7, 0), (1, 6), (5, 2), (3, 4)]
    sides = booklet_order(5)
    assert len(sides) == 4 and sides[0] == (None, 0)
    placed = sorted(p for side in sides for p in side if p is not None)
    assert placed == [0, 1, 2, 3, 4]


def test_booklet_is_a5_pages_two_to_a_landscape_a4_sheet(demo_store, yuda):
    pdf = _pdf(demo_store, yuda, booklet=True)
    reader = PdfReader(io.BytesIO(pdf))
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (842, 595)
    assert len(reader.pages) % 2 == 0
    first = reader.pages[0].extract_text()
    assert "自治会活動の手引き" in first and "令和8年度" in first  # the cover, on the right


def test_registered_and_printed_from_the_cli(demo_copy, tmp_path):
    from kyodo_desktop.cli import main

    assert "handbook" in report_kinds()
    out = tmp_path / "tebiki.pdf"
    code = main(["report", "handbook", "--db", str(demo_copy), "--council", YUDA,
                 "--fiscal-year", "R8", "--edition", "staff", "--large-print",
                 "--recipient", "各自治会長", "--purpose", "連絡", "-o", str(out)])
    assert code == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "事務局用" in "".join(page_texts(out.read_bytes()))
