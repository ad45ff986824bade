-- The local user's profile (one row: the app has a single local user until sign-in and sync).
-- Arrays and objects are JSON; the shapes are validated by shared/schemas/profile.ts.
CREATE TABLE ai_coach_users (
  user_id                 TEXT PRIMARY KEY NOT NULL,
  display_name            TEXT NOT NULL,
  experience_level        TEXT NOT NULL CHECK (experience_level IN ('beginner', 'intermediate', 'advanced')),
  preferred_symbols       TEXT NOT NULL CHECK (json_valid(preferred_symbols) AND json_type(preferred_symbols) = 'array'),
  default_timeframe       TEXT NOT NULL,
  notification_prefs      TEXT NOT NULL CHECK (json_valid(notification_prefs) AND json_type(notification_prefs) = 'object'),
  trading_style           TEXT NOT NULL CHECK (trading_style IN ('day', 'swing', 'leaps', 'mixed')),
  queries_used_this_month INTEGER NOT NULL DEFAULT 0 CHECK (queries_used_this_month >= 0),
  -- The calendar month ('YYYY-MM', machine's time zone) the count belongs to; NULL before any query.
  queries_month           TEXT CHECK (queries_month IS NULL OR queries_month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  created_at              TEXT NOT NULL,
  updated_at              TEXT NOT NULL
);
