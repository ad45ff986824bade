-- Broker screenshots read, one row per reading that finished: the daily limit counts them, and
-- they say which reader and layout worked. The image and the positions are never stored here (the
-- positions the user confirms live in the chat session). Local only: usage of this install, not
-- user data, so there is no Supabase twin.
CREATE TABLE ai_coach_screenshot_reads (
  id            TEXT PRIMARY KEY NOT NULL,
  -- New York date of the reading (the daily limit's day).
  day           TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  source        TEXT NOT NULL CHECK (source IN ('drop', 'file', 'paste', 'capture')),
  method        TEXT NOT NULL CHECK (method IN ('local_ocr', 'openai_vision')),
  broker        TEXT NOT NULL,
  positions     INTEGER NOT NULL CHECK (positions >= 0),
  width         INTEGER NOT NULL CHECK (width > 0),
  height        INTEGER NOT NULL CHECK (height > 0),
  bytes         INTEGER NOT NULL CHECK (bytes > 0),
  duration_ms   INTEGER NOT NULL CHECK (duration_ms >= 0),
  created_at    TEXT NOT NULL
);
CREATE INDEX ai_coach_screenshot_reads_day ON ai_coach_screenshot_reads (day);
