"""The 会費 tab of the 予算・出納 page: the 年度's rate, the 自治会 with 請求額・納入額・残額・状況,
recording payments (booked in the 出納簿) and printing the 請求書, 領収書 and 納入状況一覧."""
