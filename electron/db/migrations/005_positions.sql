-- Positions: one row per position, its legs (stock and option lines on one underlying) as a JSON
-- array validated by shared/schemas/positions.ts before it is written. user_id is 'local' until
-- the user signs in (Supabase sync keeps the same columns). `strategy` is the recogniser's kind at
-- the last write (for filtering); `name_generated` = 1 while the name is the generated one, so new
-- legs rename it and a name the user typed is kept.
CREATE TABLE ai_coach_positions (
  id             TEXT PRIMARY KEY NOT NULL,
  user_id        TEXT NOT NULL DEFAULT 'local',
  name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  name_generated INTEGER NOT NULL DEFAULT 0 CHECK (name_generated IN (0, 1)),
  underlying     TEXT NOT NULL,
  strategy       TEXT NOT NULL,
  legs           TEXT NOT NULL CHECK (json_valid(legs) AND json_type(legs) = 'array' AND json_array_length(legs) BETWEEN 1 AND 12),
  notes          TEXT,
  status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  opened_at      TEXT NOT NULL,
  closed_at      TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX ai_coach_positions_status ON ai_coach_positions (user_id, status, opened_at);
CREATE INDEX ai_coach_positions_underlying ON ai_coach_positions (user_id, underlying);
