-- kyodo-desktop schema, step 22: the change log (変更履歴, audit_log) covers four more tables —
-- entry_attachments (証拠書類 attached to 出納簿 entries), dues_payments (会費の納入), council_funds
-- and council_programs (the council's own 会計区分 and programmes). The app logs the rows these
-- tables already hold as inserts in the same step (kyodo_desktop/store/database.py,
-- _log_newly_audited; store/audit.py, AUDITED_SINCE), so the change-log check finds every row
-- logged, and from now on every write is logged.
--
-- An entry's 変更履歴 shows the changes of its files and its 納入: their log rows are found by
-- the entry they belong to (the entry_id of the row after the change, or before a delete).
CREATE INDEX audit_log_entry_children
    ON audit_log(table_name, json_extract(coalesce(after, before), '$.entry_id'))
    WHERE table_name IN ('entry_attachments', 'dues_payments');
