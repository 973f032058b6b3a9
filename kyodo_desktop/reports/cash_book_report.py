"""出納簿 per fund: 日付 (和暦), 摘要, 費目, 収入, 支出, 残高, 領収書番号, with 前頁より繰越 at the
top and 次頁へ繰越 at the foot of every page, 月計 and 累計 after each month, and at the end the
次年度繰越金 of a closed year or the 現在残高 of the open one (whose pages carry 「未確定」).
``kyodo-desktop report cash-book``.

Pages are cut in Python (:func:`paginate`, a height budget per page) and drawn straight on the
canvas, one flowable per page: fast for thousands of entries and exact about what each page
carries. A text too long for its cell wraps onto more lines (reportlab's CJK line breaking, so
no line starts with 」 or ends with 「) and the row grows; nothing is cut off or shrunk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from kyodo_desktop.domain import wareki
from kyodo_desktop.domain.formatting import format_yen
from kyodo_desktop.i18n import N_
from kyodo_desktop.reports.fonts import GOTHIC, register_fonts
from kyodo_desktop.reports.grant_application import furniture
from kyodo_desktop.reports.grant_layout import (
    FRAME_HEIGHT,
    FRAME_WIDTH,
    Section,
    build_sections,
    escape,
)
from kyodo_desktop.reports.registry import ReportKind, ReportRequest
from kyodo_desktop.reports.tables import HEADER_FILL, TOTAL_FILL
from kyodo_desktop.services.backup.datafile import Store
from kyodo_desktop.services.forms import common as fd
from kyodo_desktop.services.forms.books import CashBook, cash_books

LINES_PER_PAGE = 40
ROW_HEIGHT = 5.6 * mm
HEADER_HEIGHT = 7 * mm
TITLE_HEIGHT = 12 * mm
COLUMNS_MM = (18, 54, 22, 20, 20, 22, 18)
FONT_SIZE = 8
LEADING = 10  # points between wrapped lines of a cell
PAD = 1.2 * mm
#: The text columns (摘要, 費目, 領収書番号) that wrap.
TEXT_COLUMNS = (1, 2, 6)


@dataclass(frozen=True)
class Line:
    """A printed line. ``kind``: 'opening', 'brought' (前頁より繰越), 'entry', 'month' (月計),
    'cumulative' (累計), 'carried' (次頁へ繰越), 'closing' (次年度繰越金, or 現在残高 of an open
    year). Amounts in 円."""

    kind: str
    entry_date: date | None = None
    description: str = ""
    category: str = ""
    income: int | None = None
    expense: int | None = None
    balance: int | None = None
    voucher_no: str = ""


def book_lines(book: CashBook, words: fd.Wording) -> list[Line]:
    """The body of a fund's 出納簿: opening line, entries, 月計 and 累計 after each month, and
    the closing line (before pagination)."""
    lines = [Line("opening", description=words.get("opening"), balance=book.opening)]
    income = expense = month_in = month_out = 0
    rows = list(book.rows)
    for index, row in enumerate(rows):
        lines.append(Line("entry", row.entry_date, row.description, row.category, row.income,
                          row.expense, row.balance, row.voucher_no))
        month_in += row.income or 0
        month_out += row.expense or 0
        income += row.income or 0
        expense += row.expense or 0
        following = rows[index + 1].entry_date if index + 1 < len(rows) else None
        if following is None or (following.year, following.month) != (
                row.entry_date.year, row.entry_date.month):
            lines.append(Line("month", description=words.get("month_total").format(
                month=row.entry_date.month), income=month_in, expense=month_out))
            lines.append(Line("cumulative", description=words.get("cumulative"), income=income,
                              expense=expense, balance=row.balance))
            month_in = month_out = 0
    label = words.get("closing") if book.closed else words.get("current_balance")
    lines.append(Line("closing", description=label, balance=book.closing))
    return lines


def _take(rest: list[Line], room: float, cost: Callable[[Line], float]) -> int:
    """How many of ``rest`` fit in ``room`` (units of one plain line); at least one."""
    used, count = 0.0, 0
    for line in rest:
        used += cost(line)
        if used > room + 1e-9:
            break
        count += 1
    return max(count, 1)


def paginate(lines: list[Line], words: fd.Wording, opening: int,
             per_page: int = LINES_PER_PAGE,
             cost: Callable[[Line], float] = lambda _line: 1.0) -> list[list[Line]]:
    """Cut ``lines`` into pages holding at most ``per_page`` plain lines (``cost`` gives a
    line's height in plain lines: more than 1 when its text wraps): each page but the last ends
    with 次頁へ繰越 and each page but the first starts with 前頁より繰越, both carrying the 収入
    and 支出 so far (from the start of the 年度) and the 残高 (円)."""
    if per_page < 4:
        raise ValueError("a page needs room for at least 4 lines")
    pages: list[list[Line]] = []
    income = expense = 0
    balance = opening
    rest = list(lines)
    while True:
        top = [] if not pages else [Line("brought", description=words.get("brought_forward"),
                                         income=income, expense=expense, balance=balance)]
        room = per_page - len(top)
        if sum(map(cost, rest)) <= room + 1e-9:
            pages.append(top + rest)
            return pages
        count = _take(rest, room - 1, cost)
        body, rest = rest[:count], rest[count:]
        for line in body:
            if line.kind == "entry":
                income += line.income or 0
                expense += line.expense or 0
                balance = line.balance
        pages.append(top + body + [Line("carried", description=words.get("carried_forward"),
                                        income=income, expense=expense, balance=balance)])


_CELL = ParagraphStyle("cash_book_cell", fontName=GOTHIC, fontSize=FONT_SIZE, leading=LEADING,
                       wordWrap="CJK")


@lru_cache(maxsize=65536)
def _cell(text: str, width: float) -> tuple[Paragraph | None, float]:
    """``(paragraph, height)`` of a text in a cell ``width`` wide: None (one plain line) when it
    fits, else the Paragraph wrapped by reportlab's CJK rules and its height (pt)."""
    if stringWidth(text, GOTHIC, FONT_SIZE) <= width - 2 * PAD:
        return None, ROW_HEIGHT
    paragraph = Paragraph(escape(text), _CELL)
    _w, height = paragraph.wrap(width - 2 * PAD, 10_000)
    return paragraph, max(ROW_HEIGHT, height + 2 * PAD)


def _widths() -> list[float]:
    return [w * mm for w in COLUMNS_MM]


def _texts(line: Line) -> dict[int, str]:
    return {0: wareki.format_wareki(line.entry_date, "short") if line.entry_date else "",
            1: line.description, 2: line.category, 6: line.voucher_no}


def line_height(line: Line) -> float:
    """The height of a printed line (pt): one row, or more when a text wraps."""
    widths = _widths()
    texts = _texts(line)
    return max(_cell(texts[c], widths[c])[1] if texts[c] else ROW_HEIGHT for c in TEXT_COLUMNS)


def line_cost(line: Line) -> float:
    """A line's height in plain lines (1.0 unless a text wraps)."""
    return line_height(line) / ROW_HEIGHT


class CashBookPage(Flowable):
    """One page of the 出納簿: title line, ruled header and the page's lines."""

    def __init__(self, title: str, council: str, header: Iterable[str], lines: list[Line]):
        super().__init__()
        self.title, self.council, self.header, self.lines = title, council, list(header), lines
        self.widths = _widths()

    def wrap(self, *_args):
        height = TITLE_HEIGHT + HEADER_HEIGHT + ROW_HEIGHT * LINES_PER_PAGE
        return FRAME_WIDTH, min(height, FRAME_HEIGHT - 1)

    def draw(self):
        c = self.canv
        top = self.wrap()[1]
        c.setFont(GOTHIC, 13)
        c.drawCentredString(FRAME_WIDTH / 2, top - 7 * mm, self.title)
        c.setFont(GOTHIC, 9)
        c.drawRightString(FRAME_WIDTH, top - 7 * mm, self.council)
        y = top - TITLE_HEIGHT
        xs = [0.0]
        for w in self.widths:
            xs.append(xs[-1] + w)
        rows_y = [y, y - HEADER_HEIGHT]
        for line in self.lines:
            rows_y.append(rows_y[-1] - line_height(line))
        c.setFillColor(HEADER_FILL)
        c.rect(0, y - HEADER_HEIGHT, FRAME_WIDTH, HEADER_HEIGHT, stroke=0, fill=1)
        c.setFillColor(TOTAL_FILL)
        for n, line in enumerate(self.lines):
            if line.kind != "entry":
                c.rect(0, rows_y[n + 2], FRAME_WIDTH, rows_y[n + 1] - rows_y[n + 2],
                       stroke=0, fill=1)
        c.setFillGray(0)
        c.setFont(GOTHIC, 9)
        for n, text in enumerate(self.header):
            c.drawCentredString((xs[n] + xs[n + 1]) / 2, y - HEADER_HEIGHT + 2.3 * mm, text)
        c.setLineWidth(0.4)
        c.grid(xs, rows_y)
        c.setLineWidth(1.0)
        c.rect(0, rows_y[-1], FRAME_WIDTH, y - rows_y[-1])
        for n, line in enumerate(self.lines):
            self._draw_line(line, xs, rows_y[n + 1])

    def _draw_line(self, line: Line, xs: list[float], top: float) -> None:
        c = self.canv
        base = top - ROW_HEIGHT + 1.7 * mm  # the first text line sits where a plain row's does
        for column, text in _texts(line).items():
            if not text:
                continue
            paragraph, height = _cell(text, xs[column + 1] - xs[column])
            if paragraph is None:
                c.setFont(GOTHIC, FONT_SIZE)
                c.drawString(xs[column] + PAD, base, text)
            else:
                paragraph.drawOn(c, xs[column] + PAD, top - PAD - (height - 2 * PAD))
        c.setFont(GOTHIC, FONT_SIZE)
        for column, value in ((3, line.income), (4, line.expense), (5, line.balance)):
            if value is not None:
                c.drawRightString(xs[column + 1] - PAD, base, format_yen(value))


def cash_book_sections(store: Store, council_id: int, fiscal_year: int,
                       _gate: fd.Gate) -> list[Section]:
    """One section per fund (its own page numbering), every page a :class:`CashBookPage`; the
    pages of a year not closed yet carry 「未確定」."""
    register_fonts()  # the lines are measured before the PDF is built
    words = fd.wording(store, council_id, "cash_book")
    year = fd.fiscal_year_text(fiscal_year)
    sections = []
    for book in cash_books(store, council_id, fiscal_year):
        title = f"{year}　{words.title}（{book.fund_name}{words.get('fund_suffix')}）"
        pages = paginate(book_lines(book, words), words, book.opening, cost=line_cost)
        story = [CashBookPage(title, book.council, words.get("columns"), page) for page in pages]
        sections.append(Section(replace(furniture(words.form_no, title, book.council),
                                        draft=not book.closed), story))
    return sections


def build_cash_book(store: Store, request: ReportRequest) -> bytes:
    """``report cash-book``: the 出納簿 of every fund of the 年度."""
    sections = cash_book_sections(store, request.council_id, request.fiscal_year,
                                  fd.Gate(draft=request.draft))
    return build_sections(sections, title=sections[0].furniture.title, draft=request.draft)


REPORTS = [ReportKind("cash-book", N_("Cash book (出納簿)"), build_cash_book, order=30)]
