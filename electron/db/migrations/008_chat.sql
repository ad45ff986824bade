-- The AI coach's chat: sessions and their messages. user_id is 'local' until the user signs in
-- (supabase/migrations/008_chat.sql has the same tables with row level security). Validation lives
-- in shared/schemas/chat.ts; the checks here guard what the chat service relies on.
CREATE TABLE ai_coach_sessions (
  id         TEXT PRIMARY KEY NOT NULL,
  user_id    TEXT NOT NULL DEFAULT 'local',
  title      TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  created_at TEXT NOT NULL,
  -- Moves with every message: the session list shows the most recently active first.
  updated_at TEXT NOT NULL
);
CREATE INDEX ai_coach_sessions_updated ON ai_coach_sessions (user_id, updated_at);

CREATE TABLE ai_coach_messages (
  id             TEXT PRIMARY KEY NOT NULL,
  session_id     TEXT NOT NULL REFERENCES ai_coach_sessions (id) ON DELETE CASCADE,
  user_id        TEXT NOT NULL DEFAULT 'local',
  -- system = context the session carries (positions from a screenshot), not the system prompt.
  role           TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'system')),
  content        TEXT NOT NULL,
  -- FunctionCallRecord[] and Widget[] as JSON, exactly as the stream sent them.
  function_calls TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(function_calls) AND json_type(function_calls) = 'array'),
  widgets        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(widgets) AND json_type(widgets) = 'array'),
  -- stopped = the user stopped the answer and the partial text was kept.
  status         TEXT NOT NULL DEFAULT 'complete' CHECK (status IN ('complete', 'stopped')),
  provider       TEXT CHECK (provider IS NULL OR provider IN ('openai', 'offline')),
  created_at     TEXT NOT NULL,
  CHECK (provider IS NULL OR role = 'assistant')
);
-- History in order (ties broken by rowid: a turn's user message is written before its answer), and
-- the per-session count, preview and text search of the session list.
CREATE INDEX ai_coach_messages_session ON ai_coach_messages (session_id, created_at);
