"""A 年度報告 from outside may carry thousands of 提出前の点検 findings, each a thousand
characters long (a crafted one within the size limit made the city's summary PDF 668 pages and
15 s for one return): the summary prints at most 30 findings of each return, errors first, each
cut to 300 characters, and says how many more the return holds."""

from __future__ import annotations

import json
import re

from kyodo_desktop.reports.city_summary import MAX_FINDINGS_SHOWN, build_city_summary
from kyodo_desktop.reports.registry import ReportRequest
from kyodo_desktop.services.city import city_file, seal
from kyodo_desktop.services.city.annual_return import summary_of
from kyodo_desktop.services.city.return_reader import verify_bytes


def _with_findings(yuda_return: bytes, count: int) -> bytes:
    document = json.loads(yuda_return)
    head = document.pop("seal")["audit_head"]
    document["content"]["review"] = [
        {"severity": "error" if i == count - 1 else "warning", "rule": "x", "rule_name": "規則",
         "message": "長" * 1000, "where": "w"} for i in range(count)]
    document["content"]["summary"] = summary_of(document["content"])
    return seal.sealed(document, head)


def test_thousands_of_findings_print_in_a_few_pages(store, yuda_return):
    city_file.make_city_file(store)
    city_file.register_districts(store, ["湯田"])
    city_file.import_return(store, verify_bytes(_with_findings(yuda_return, 2500), "x"))
    pdf = build_city_summary(store, ReportRequest(None, 2025))
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
    assert pages <= 12
    assert MAX_FINDINGS_SHOWN == 30


def test_the_city_page_shows_them_at_once(store, yuda_return):
    import time

    from kyodo_desktop.services.city.detail import council_detail
    from kyodo_desktop.ui.city.detail_view import MAX_FINDINGS_SHOWN as SHOWN
    from kyodo_desktop.ui.city.detail_view import detail_html

    city_file.make_city_file(store)
    city_file.register_districts(store, ["湯田"])
    added = city_file.import_return(store, verify_bytes(_with_findings(yuda_return, 2500), "x"))
    started = time.perf_counter()
    html = detail_html(council_detail(store, added.id))
    assert time.perf_counter() - started < 5
    assert html.count("長" * 299 + "…") == SHOWN == 200
    assert "2,300" in html
