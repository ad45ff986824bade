-- Price alerts and the notifications they raise. user_id is 'local' until the user signs in
-- (supabase/migrations/006_alerts.sql has the same tables with row level security). Validation
-- lives in shared/schemas/alerts.ts; the checks here guard what the worker relies on.
CREATE TABLE ai_coach_alerts (
  id               TEXT PRIMARY KEY NOT NULL,
  user_id          TEXT NOT NULL DEFAULT 'local',
  symbol           TEXT NOT NULL,
  condition        TEXT NOT NULL CHECK (condition IN ('above', 'below', 'crosses_above', 'crosses_below', 'crosses', 'pct_move_up', 'pct_move_down')),
  -- Given, derived from the percent move, or the key level's price in the session level_date.
  target_price     REAL CHECK (target_price IS NULL OR target_price > 0),
  -- A key level by name (PDH, ORH 5m, VWAP...), resolved each session by the levels engine.
  level            TEXT,
  level_date       TEXT,
  percent          REAL CHECK (percent IS NULL OR percent > 0),
  reference_price  REAL CHECK (reference_price IS NULL OR reference_price > 0),
  trigger_mode     TEXT NOT NULL CHECK (trigger_mode IN ('once', 'every_time')),
  cooldown_seconds INTEGER NOT NULL CHECK (cooldown_seconds > 0),
  expires_at       TEXT,
  note             TEXT,
  status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'triggered', 'cancelled', 'expired')),
  triggered_at     TEXT,
  trigger_price    REAL,
  trigger_count    INTEGER NOT NULL DEFAULT 0 CHECK (trigger_count >= 0),
  -- An every_time alert cooling down fires again only from this instant on.
  rearm_at         TEXT,
  -- The last price the worker saw: the baseline a crossing is measured from.
  last_price       REAL,
  last_price_at    TEXT,
  -- Bumped by every edit and trigger: a tick's writes apply only to the version it read.
  version          INTEGER NOT NULL DEFAULT 1,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  CHECK (target_price IS NOT NULL OR level IS NOT NULL),
  CHECK (condition NOT IN ('pct_move_up', 'pct_move_down') OR (percent IS NOT NULL AND reference_price IS NOT NULL))
);
-- The worker loads the active alerts every tick.
CREATE INDEX ai_coach_alerts_status ON ai_coach_alerts (user_id, status, symbol);
CREATE INDEX ai_coach_alerts_created ON ai_coach_alerts (user_id, created_at);
-- ...and marks the due expiries first, without scanning every active alert.
CREATE INDEX ai_coach_alerts_expiry ON ai_coach_alerts (user_id, expires_at) WHERE status = 'active' AND expires_at IS NOT NULL;

CREATE TABLE ai_coach_notifications (
  id         TEXT PRIMARY KEY NOT NULL,
  user_id    TEXT NOT NULL DEFAULT 'local',
  -- Deleting an alert keeps its notifications.
  alert_id   TEXT REFERENCES ai_coach_alerts (id) ON DELETE SET NULL,
  type       TEXT NOT NULL CHECK (type IN ('alert_triggered')),
  title      TEXT NOT NULL,
  body       TEXT NOT NULL,
  read       INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1)),
  created_at TEXT NOT NULL
);
CREATE INDEX ai_coach_notifications_created ON ai_coach_notifications (user_id, created_at);
CREATE INDEX ai_coach_notifications_unread ON ai_coach_notifications (user_id, read) WHERE read = 0;
CREATE INDEX ai_coach_notifications_alert ON ai_coach_notifications (alert_id);
