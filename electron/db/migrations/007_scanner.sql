-- Scanner schedules and the results each has already reported (so a result notifies once), and
-- notifications of type scanner_results (supabase/migrations/007_scanner.sql is the twin).
-- Validation lives in shared/schemas/scanner.ts; the checks here guard what the worker relies on.
CREATE TABLE ai_coach_scanner_schedules (
  id                TEXT PRIMARY KEY NOT NULL,
  user_id           TEXT NOT NULL DEFAULT 'local',
  name              TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  -- JSON arrays: scan ids (at least one); symbols, or NULL for the default watchlist.
  scans             TEXT NOT NULL CHECK (json_valid(scans) AND json_array_length(scans) >= 1),
  symbols           TEXT CHECK (symbols IS NULL OR (json_valid(symbols) AND json_array_length(symbols) >= 1)),
  every_minutes     INTEGER NOT NULL CHECK (every_minutes BETWEEN 1 AND 240),
  enabled           INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  last_run_at       TEXT,
  last_result_count INTEGER NOT NULL DEFAULT 0 CHECK (last_result_count >= 0),
  last_new_count    INTEGER NOT NULL DEFAULT 0 CHECK (last_new_count >= 0),
  last_error        TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
);
CREATE INDEX ai_coach_scanner_schedules_created ON ai_coach_scanner_schedules (user_id, created_at);

-- A result id (scan:symbol:direction:date) a schedule has reported; it is not new again that day.
CREATE TABLE ai_coach_scanner_seen (
  schedule_id   TEXT NOT NULL REFERENCES ai_coach_scanner_schedules (id) ON DELETE CASCADE,
  result_id     TEXT NOT NULL,
  first_seen_at TEXT NOT NULL,
  PRIMARY KEY (schedule_id, result_id)
);
CREATE INDEX ai_coach_scanner_seen_age ON ai_coach_scanner_seen (first_seen_at);

-- Notifications gain the type scanner_results. SQLite cannot change a CHECK in place: the table is
-- rebuilt with its rows, indexes and foreign key (nothing references it).
CREATE TABLE ai_coach_notifications_new (
  id         TEXT PRIMARY KEY NOT NULL,
  user_id    TEXT NOT NULL DEFAULT 'local',
  alert_id   TEXT REFERENCES ai_coach_alerts (id) ON DELETE SET NULL,
  type       TEXT NOT NULL CHECK (type IN ('alert_triggered', 'scanner_results')),
  title      TEXT NOT NULL,
  body       TEXT NOT NULL,
  read       INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1)),
  created_at TEXT NOT NULL
);
INSERT INTO ai_coach_notifications_new (rowid, id, user_id, alert_id, type, title, body, read, created_at)
  SELECT rowid, id, user_id, alert_id, type, title, body, read, created_at FROM ai_coach_notifications;
DROP TABLE ai_coach_notifications;
ALTER TABLE ai_coach_notifications_new RENAME TO ai_coach_notifications;
CREATE INDEX ai_coach_notifications_created ON ai_coach_notifications (user_id, created_at);
CREATE INDEX ai_coach_notifications_unread ON ai_coach_notifications (user_id, read) WHERE read = 0;
CREATE INDEX ai_coach_notifications_alert ON ai_coach_notifications (alert_id);
