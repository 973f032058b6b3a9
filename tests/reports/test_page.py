"""The shared page furniture: Japanese text round-trips, fonts are embedded subsets, page x / y."""

from reportlab.platypus import PageBreak, Paragraph

from kyodo_desktop.reports.page import PageFurniture, build_pdf
from kyodo_desktop.reports.readback import fonts, page_texts
from kyodo_desktop.reports.styles import make_styles
from kyodo_desktop.reports.tables import ruled_table


def _sample(draft=False) -> bytes:
    styles = make_styles()
    story = [
        Paragraph("地域づくり交付金交付申請書", styles.title),
        Paragraph("令和8年度において、下記のとおり交付金の交付を申請します。", styles.body),
        ruled_table(["費目", "予算額"], [["報償費", 120000], ["合計", 120000]], styles,
                    col_widths=[200, 100], total_rows=1, aligns=["left", "right"]),
        PageBreak(),
        Paragraph("二頁目", styles.heading),
    ]
    return build_pdf(story, PageFurniture(title="test", form_no="様式第1号",
                                          header_right="令和8年4月1日", footer_left="湯田地域づくり協議会",
                                          draft=draft))


def test_japanese_text_and_furniture_read_back():
    texts = page_texts(_sample())
    assert len(texts) == 2
    assert "地域づくり交付金交付申請書" in texts[0]
    assert "様式第1号" in texts[0] and "令和8年4月1日" in texts[0]
    assert "120,000" in texts[0]
    assert "1 / 2" in texts[0] and "2 / 2" in texts[1]
    assert "湯田地域づくり協議会" in texts[1]


def test_fonts_are_embedded_subsets():
    used = fonts(_sample())
    assert used, "no fonts found"
    assert all(used.values()), used
    assert any("IPAexMincho" in name for name in used)
    assert any("IPAexGothic" in name for name in used)


def test_draft_carries_the_watermark():
    assert "未確定" in page_texts(_sample(draft=True))[0]
    assert "未確定" not in page_texts(_sample(draft=False))[0]
