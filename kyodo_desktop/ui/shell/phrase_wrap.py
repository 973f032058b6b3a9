"""Table cells of Japanese text that wrap between phrases: Qt wraps CJK text after any
character (「見守りパト」「ロールの実施」); :class:`PhraseWrapDelegate` breaks a cell's text where
``domain.text.phrase_lines`` finds a phrase boundary for the column's width (「見守り」
「パトロールの実施」), and Qt's own wrapping only inside a phrase wider than the column."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kyodo_desktop.domain.text import phrase_lines


class PhraseWrapDelegate(QStyledItemDelegate):
    """Draws (and measures) a cell's text on lines broken between phrases at its width.

    PySide hands a Python override of ``initStyleOption`` a copy of the option Qt paints with,
    so the text is set here on an option of our own for painting and measuring."""

    def _option(self, option, index) -> QStyleOptionViewItem:
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        if shown.text and shown.rect.width() > 0:
            widget = shown.widget
            margin = self._style(shown).pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin,
                                                    None, widget) + 1
            # QChar::LineSeparator: the style lays the text out as it is (the delegate's
            # displayText turns a "\n" of the data into it, a "\n" set here would be lost)
            shown.text = "\u2028".join(phrase_lines(shown.text, shown.fontMetrics.horizontalAdvance,
                                                shown.rect.width() - 2 * margin))
        return shown

    @staticmethod
    def _style(option) -> QStyle:
        return option.widget.style() if option.widget is not None else QApplication.style()

    def paint(self, painter, option, index) -> None:  # Qt override
        shown = self._option(option, index)
        self._style(shown).drawControl(QStyle.ControlElement.CE_ItemViewItem, shown, painter,
                                       shown.widget)

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 (Qt API)
        shown = self._option(option, index)
        return self._style(shown).sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, shown,
                                                   QSize(), shown.widget)
