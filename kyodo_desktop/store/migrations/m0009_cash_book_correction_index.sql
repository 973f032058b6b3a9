-- kyodo-desktop schema, step 8: an index on the 訂正 link of the 出納簿.
-- Deleting an entry makes SQLite look for 訂正 entries that point at it (correction_of_id, a
-- foreign key without an index: a pass over the whole 出納簿 for each deleted entry). Undoing an
-- import of 3,000 entries deletes 3,000 entries: about twice as fast with the index (bench in the
-- commit message). delete_entry's own "is there a correction?" question uses it as well.
CREATE INDEX cash_book_corrections ON cash_book_entries(correction_of_id) WHERE correction_of_id IS NOT NULL;
