-- kyodo-desktop schema, step 24.
--
-- 1. The change log (変更履歴, audit_log) covers grant_programs, the 交付金 programmes (name,
-- 会計区分, 費目 rules, 上限, 繰越の可否) that decide what counts as 対象経費. The app logs the rows the
-- table already holds as inserts in the same step (kyodo_desktop/store/database.py,
-- _log_newly_audited; store/audit.py, AUDITED_SINCE), so the change-log check finds every
-- programme logged; from then on every write to it goes through the log (a preset installed, a
-- council's own programme, a handover import, undo), and a programme changed behind the app's
-- back is reported by `check` as for every audited table.
--
-- 2. A batch record (step 23, row_key 'rows:<first id>-<last id>') may also be the delete of
-- those rows: undoing a large import deletes its rows batch by batch and logs one record per
-- batch, action 'delete', after NULL and before the rows as they were, in the shape of the
-- insert's after ({"columns": ["id", ...], "rows": [[id, ...], ...]}). Either way the record
-- must name its ids in the key (digits only), list "id" as its first column and hold one row
-- per id, the first row of the first id and the last row of the last id. The same rule is a
-- value rule of an incoming file (store/values.py), so a backup or package whose log holds a
-- batch record of another shape is refused.
DROP TRIGGER audit_log_batch_shape;
CREATE TRIGGER audit_log_batch_shape BEFORE INSERT ON audit_log
WHEN NEW.row_key GLOB 'rows:*' AND NOT coalesce((
    SELECT (NEW.action = 'insert' AND NEW.before IS NULL
            OR NEW.action = 'delete' AND NEW.after IS NULL)
        AND NEW.row_key GLOB 'rows:[0-9]*-[0-9]*' AND NEW.row_key NOT GLOB 'rows:*[^0-9-]*'
        AND NEW.row_key NOT GLOB 'rows:*-*-*'
        AND json_type(rows, '$.columns') IS 'array'
        AND json_type(rows, '$.rows') IS 'array'
        AND json_extract(rows, '$.columns[0]') IS 'id'
        AND json_array_length(rows, '$.rows') = last - first + 1
        AND json_extract(rows, '$.rows[0][0]') IS first
        AND json_extract(rows, '$.rows[' || max(last - first, 0) || '][0]') IS last
    FROM (SELECT CASE WHEN json_valid(CASE NEW.action WHEN 'delete' THEN NEW.before
                                       ELSE NEW.after END)
                      THEN CASE NEW.action WHEN 'delete' THEN NEW.before ELSE NEW.after END
                      ELSE '{}' END AS rows,  -- never malformed: json_type would raise
                 CAST(substr(NEW.row_key, 6, instr(NEW.row_key, '-') - 6) AS INTEGER) AS first,
                 CAST(substr(NEW.row_key, instr(NEW.row_key, '-') + 1) AS INTEGER) AS last)), 0)
BEGIN
    SELECT RAISE(ABORT, 'kyodo:audit_batch');
END;
