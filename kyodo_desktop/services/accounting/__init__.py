"""交付金 accounting services: 出納簿 (cash_book), 予算 (budget), 交付金 lifecycle (grants),
点検 (checks), 年度締め (year_close). Every write runs in ``store.transaction()``, is logged in the
変更履歴 (store.audit) and returns a :class:`~kyodo_desktop.services.changes.Changes` with the
``accounts`` area.
"""
