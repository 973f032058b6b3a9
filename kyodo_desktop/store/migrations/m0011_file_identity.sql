-- kyodo-desktop schema, step 11: every data file knows who it is.
-- A random file id (32 hex digits), given once when the file is created (or reaches this step),
-- travels with its backups and restores; a handover package is a new file and gets its own.
-- Backups are named and rotated by it, so two files both called kyodo.sqlite3 that share one
-- backup folder never rotate away, or get offered, each other's backups.
INSERT OR IGNORE INTO settings (scope, key, value) VALUES ('file', 'id', lower(hex(randomblob(16))));
