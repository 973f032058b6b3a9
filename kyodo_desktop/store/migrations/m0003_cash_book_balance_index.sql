-- kyodo-desktop schema, step 3: the 出納簿's running balances read from an index alone.
-- The 残高 of a council-year is one pass over its entries in (entry_date, id) order. With the
-- fund, direction and amount in the index, that pass never visits the table: a year of 100,000
-- entries opens in about a third of the time (bench/cash_book.py). It replaces cash_book_order
-- (migration 2), whose columns are its first ones.
CREATE INDEX cash_book_balance ON cash_book_entries(council_id, fiscal_year, entry_date, id, fund_code, direction, amount);
DROP INDEX cash_book_order;
