"""A form table's 合計 row never starts a page on its own: when the table breaks just before
it, the last line goes over with it, so the reader sees what the total adds up."""

from kyodo_desktop.reports.grant_layout import form_table, width


def _table(lines: int):
    rows = [("line", (f"事業{i}", 1000 * i)) for i in range(1, lines + 1)]
    rows.append(("total", ("合計", sum(1000 * i for i in range(1, lines + 1)))))
    return form_table(["事業名", "予算額"], rows, width(0.7, 0.3))


def test_total_row_goes_over_with_the_last_line():
    table = _table(12)
    frame_width = sum(table._argW)
    table.wrap(frame_width, 10_000)
    heights = table._rowHeights
    # Room for the header and every line, but not for the total row.
    room = sum(heights[:-1]) + heights[-1] / 2
    parts = table.split(frame_width, room)
    assert len(parts) == 2
    second = parts[1]
    # header (repeated) + the last line + the total
    assert len(second._cellvalues) == 3
    first_cell = second._cellvalues[1][0]
    assert "事業12" in first_cell[0].getPlainText()
