"""The 設定 page opens with its heading, as large as the other pages' headings at every text size
(it was body-sized, under the line naming the data file), then the file open now."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from kyodo_desktop.services.settings import TEXT_SIZES


@pytest.mark.parametrize("size", list(TEXT_SIZES))
def test_the_heading_comes_first_and_grows(area_at_size, demo_path, size):
    with area_at_size("settings", size) as page:
        title = page.findChild(QLabel, "titleLabel")
        open_file = page.findChild(QLabel, "openFileLabel")
        heading, body = title.fontInfo().pointSizeF(), open_file.fontInfo().pointSizeF()
        above = title.mapTo(page, title.rect().topLeft()).y() < open_file.mapTo(
            page, open_file.rect().topLeft()).y()
    assert above
    assert heading >= body * 1.3, (size, heading, body)
    assert str(demo_path) in open_file.text()
