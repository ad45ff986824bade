-- Scanner schedules and the results each has reported: the same tables as
-- electron/db/migrations/007_scanner.sql, owned by the signed-in user (row level security).
CREATE TABLE public.ai_coach_scanner_schedules (
  id                uuid PRIMARY KEY,
  user_id           uuid NOT NULL DEFAULT auth.uid() REFERENCES auth.users (id) ON DELETE CASCADE,
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  scans             jsonb NOT NULL CHECK (jsonb_typeof(scans) = 'array' AND jsonb_array_length(scans) >= 1),
  symbols           jsonb CHECK (symbols IS NULL OR (jsonb_typeof(symbols) = 'array' AND jsonb_array_length(symbols) >= 1)),
  every_minutes     integer NOT NULL CHECK (every_minutes BETWEEN 1 AND 240),
  enabled           boolean NOT NULL DEFAULT true,
  last_run_at       timestamptz,
  last_result_count integer NOT NULL DEFAULT 0 CHECK (last_result_count >= 0),
  last_new_count    integer NOT NULL DEFAULT 0 CHECK (last_new_count >= 0),
  last_error        text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ai_coach_scanner_schedules_created ON public.ai_coach_scanner_schedules (user_id, created_at);

CREATE TABLE public.ai_coach_scanner_seen (
  schedule_id   uuid NOT NULL REFERENCES public.ai_coach_scanner_schedules (id) ON DELETE CASCADE,
  result_id     text NOT NULL,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (schedule_id, result_id)
);
CREATE INDEX ai_coach_scanner_seen_age ON public.ai_coach_scanner_seen (first_seen_at);

-- Notifications gain the type scanner_results.
ALTER TABLE public.ai_coach_notifications DROP CONSTRAINT ai_coach_notifications_type_check;
ALTER TABLE public.ai_coach_notifications ADD CONSTRAINT ai_coach_notifications_type_check CHECK (type IN ('alert_triggered', 'scanner_results'));

ALTER TABLE public.ai_coach_scanner_schedules ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.ai_coach_scanner_seen ENABLE ROW LEVEL SECURITY;

CREATE POLICY "scanner schedules: owner reads" ON public.ai_coach_scanner_schedules FOR SELECT USING (auth.uid() = user_id);
CREATE POLICY "scanner schedules: owner inserts" ON public.ai_coach_scanner_schedules FOR INSERT WITH CHECK (auth.uid() = user_id);
CREATE POLICY "scanner schedules: owner updates" ON public.ai_coach_scanner_schedules FOR UPDATE USING (auth.uid() = user_id) WITH CHECK (auth.uid() = user_id);
CREATE POLICY "scanner schedules: owner deletes" ON public.ai_coach_scanner_schedules FOR DELETE USING (auth.uid() = user_id);

-- Seen results belong to the owner of their schedule.
CREATE POLICY "scanner seen: owner reads" ON public.ai_coach_scanner_seen FOR SELECT USING (
  EXISTS (SELECT 1 FROM public.ai_coach_scanner_schedules s WHERE s.id = schedule_id AND s.user_id = auth.uid())
);
CREATE POLICY "scanner seen: owner inserts" ON public.ai_coach_scanner_seen FOR INSERT WITH CHECK (
  EXISTS (SELECT 1 FROM public.ai_coach_scanner_schedules s WHERE s.id = schedule_id AND s.user_id = auth.uid())
);
CREATE POLICY "scanner seen: owner deletes" ON public.ai_coach_scanner_seen FOR DELETE USING (
  EXISTS (SELECT 1 FROM public.ai_coach_scanner_schedules s WHERE s.id = schedule_id AND s.user_id = auth.uid())
);
