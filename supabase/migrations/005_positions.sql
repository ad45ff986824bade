-- Positions, as electron/db/migrations/005_positions.sql with Postgres types and row level
-- security: each signed-in user sees and writes only their own rows.
CREATE TABLE IF NOT EXISTS ai_coach_positions (
  id             TEXT PRIMARY KEY NOT NULL,
  user_id        UUID NOT NULL DEFAULT auth.uid() REFERENCES auth.users (id) ON DELETE CASCADE,
  name           TEXT NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
  name_generated BOOLEAN NOT NULL DEFAULT FALSE,
  underlying     TEXT NOT NULL,
  strategy       TEXT NOT NULL,
  legs           JSONB NOT NULL CHECK (jsonb_typeof(legs) = 'array' AND jsonb_array_length(legs) BETWEEN 1 AND 12),
  notes          TEXT,
  status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  opened_at      TIMESTAMPTZ NOT NULL,
  closed_at      TIMESTAMPTZ,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX IF NOT EXISTS ai_coach_positions_status ON ai_coach_positions (user_id, status, opened_at);
CREATE INDEX IF NOT EXISTS ai_coach_positions_underlying ON ai_coach_positions (user_id, underlying);

ALTER TABLE ai_coach_positions ENABLE ROW LEVEL SECURITY;
CREATE POLICY ai_coach_positions_select ON ai_coach_positions FOR SELECT USING (auth.uid() = user_id);
CREATE POLICY ai_coach_positions_insert ON ai_coach_positions FOR INSERT WITH CHECK (auth.uid() = user_id);
CREATE POLICY ai_coach_positions_update ON ai_coach_positions FOR UPDATE USING (auth.uid() = user_id) WITH CHECK (auth.uid() = user_id);
CREATE POLICY ai_coach_positions_delete ON ai_coach_positions FOR DELETE USING (auth.uid() = user_id);
