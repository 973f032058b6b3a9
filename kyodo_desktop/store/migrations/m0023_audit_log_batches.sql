-- kyodo-desktop schema, step 23: a large batch of new rows (an imported 出納簿) is logged in the
-- 変更履歴 (audit_log) as one record per batch of up to 5,000 rows instead of one per row:
-- row_key 'rows:<first id>-<last id>', action 'insert', before NULL and after the canonical JSON
-- {"columns": [...], "rows": [[...], ...]} of the rows as stored (one array of values per row,
-- ids consecutive), hashed and chained like every record (kyodo_desktop/store/audit.py,
-- insert_rows). An older app would not read these records (it would report the imported rows as
-- missing from the log): the step marks the file, and the store refuses a batch record of
-- another shape.
CREATE TRIGGER audit_log_batch_shape BEFORE INSERT ON audit_log
WHEN NEW.row_key GLOB 'rows:*' AND NOT (
    NEW.action = 'insert' AND NEW.before IS NULL AND coalesce(json_valid(NEW.after), 0)
    AND json_type(NEW.after, '$.columns') IS 'array'
    AND json_type(NEW.after, '$.rows') IS 'array'
    AND json_array_length(NEW.after, '$.rows')
        = CAST(substr(NEW.row_key, instr(NEW.row_key, '-') + 1) AS INTEGER)
          - CAST(substr(NEW.row_key, 6, instr(NEW.row_key, '-') - 6) AS INTEGER) + 1)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:audit_batch');
END;
