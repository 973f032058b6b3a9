"""A5 booklet imposition (中綴じ): A5 pages printed two to a landscape A4 sheet, in the order
that makes a booklet when the printed stack (両面印刷, short-edge flip) is folded in the middle.

The imposing canvas records each A5 page as a PDF form XObject instead of emitting it, and on
``save`` places the forms on the sheets. The page count is padded with blank pages to a
multiple of 4.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas as rl_canvas

from kyodo_desktop.reports.fonts import MINCHO

SHEET = landscape(A4)


def booklet_order(pages: int) -> list[tuple[int | None, int | None]]:
    """For ``pages`` A5 pages (0-based), the (left, right) page of each sheet side in print
    order; None is a blank page. 8 pages → [(7, 0), (1, 6), (5, 2), (3, 4)]."""
    if pages <= 0:
        return []
    total = -(-pages // 4) * 4

    def page(number: int) -> int | None:
        return number if number < pages else None

    sides = []
    for sheet in range(total // 4):
        sides.append((page(total - 1 - 2 * sheet), page(2 * sheet)))
        sides.append((page(2 * sheet + 1), page(total - 2 - 2 * sheet)))
    return sides


class ImposingCanvas(rl_canvas.Canvas):
    """A canvas whose pages become forms, imposed on A4 landscape sheets when saved."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initialFontName", MINCHO)
        super().__init__(*args, **kwargs)
        self._imposed: list[str] = []
        self._begin_page_form()

    def _begin_page_form(self) -> None:
        self._form_name = f"hb_page_{len(self._imposed)}"
        self.beginForm(self._form_name)

    def showPage(self):  # noqa: N802 (reportlab API)
        self.endForm()
        self._imposed.append(self._form_name)
        self._begin_page_form()

    def save(self):
        self.endForm()  # the empty form begun after the last page is never placed
        page_width = self._pagesize[0]
        self.setPageSize(SHEET)
        for left, right in booklet_order(len(self._imposed)):
            for index, offset in ((left, 0), (right, page_width)):
                if index is None:
                    continue
                self.saveState()
                self.translate(offset, 0)
                self.doForm(self._imposed[index])
                self.restoreState()
            rl_canvas.Canvas.showPage(self)
        rl_canvas.Canvas.save(self)
