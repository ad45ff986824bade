-- Trade journal: one row per leg; the legs of a multi-leg trade share group_id. user_id is 'local'
-- until the user signs in (Supabase sync keeps the same columns). Validation lives in
-- shared/schemas/journal.ts; the checks here only guard the invariants the analytics rely on.
CREATE TABLE ai_coach_trades (
  id             TEXT PRIMARY KEY NOT NULL,
  user_id        TEXT NOT NULL DEFAULT 'local',
  group_id       TEXT NOT NULL,
  symbol         TEXT NOT NULL,
  underlying     TEXT NOT NULL,
  asset_type     TEXT NOT NULL CHECK (asset_type IN ('stock', 'option', 'future')),
  option_type    TEXT CHECK (option_type IN ('call', 'put')),
  strike         REAL,
  expiry         TEXT,
  multiplier     REAL NOT NULL CHECK (multiplier > 0),
  side           TEXT NOT NULL CHECK (side IN ('long', 'short')),
  quantity       REAL NOT NULL CHECK (quantity > 0),
  entry_price    REAL NOT NULL,
  exit_price     REAL,
  entry_time     TEXT NOT NULL,
  exit_time      TEXT,
  fees           REAL NOT NULL DEFAULT 0,
  strategy       TEXT,
  tags           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
  notes          TEXT,
  planned_stop   REAL,
  planned_target REAL,
  broker         TEXT,
  -- Stable hash of an imported round trip: re-importing the same file adds nothing.
  fingerprint    TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE UNIQUE INDEX ai_coach_trades_fingerprint ON ai_coach_trades (user_id, fingerprint) WHERE fingerprint IS NOT NULL;
CREATE INDEX ai_coach_trades_entry ON ai_coach_trades (user_id, entry_time);
CREATE INDEX ai_coach_trades_group ON ai_coach_trades (user_id, group_id);
