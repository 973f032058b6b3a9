"""会費・分担金 from the 自治会 (issue 15): the 年度's rate (:mod:`.rates`), the 納入 booked in the
出納簿 (:mod:`.payments`) and the 納入状況 per 自治会 (:mod:`.status`). Rows: :mod:`.rows`."""
