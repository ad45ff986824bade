-- Price alerts and their notifications: the same tables as electron/db/migrations/006_alerts.sql,
-- owned by the signed-in user (row level security). Ids are the app's UUIDs, so synced rows keep them.
CREATE TABLE public.ai_coach_alerts (
  id               uuid PRIMARY KEY,
  user_id          uuid NOT NULL DEFAULT auth.uid() REFERENCES auth.users (id) ON DELETE CASCADE,
  symbol           text NOT NULL CHECK (symbol ~ '^[A-Z][A-Z0-9.-]{0,9}$'),
  condition        text NOT NULL CHECK (condition IN ('above', 'below', 'crosses_above', 'crosses_below', 'crosses', 'pct_move_up', 'pct_move_down')),
  target_price     double precision CHECK (target_price IS NULL OR target_price > 0),
  level            text,
  level_date       date,
  percent          double precision CHECK (percent IS NULL OR percent > 0),
  reference_price  double precision CHECK (reference_price IS NULL OR reference_price > 0),
  trigger_mode     text NOT NULL CHECK (trigger_mode IN ('once', 'every_time')),
  cooldown_seconds integer NOT NULL CHECK (cooldown_seconds > 0),
  expires_at       timestamptz,
  note             text CHECK (note IS NULL OR length(note) <= 500),
  status           text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'triggered', 'cancelled', 'expired')),
  triggered_at     timestamptz,
  trigger_price    double precision,
  trigger_count    integer NOT NULL DEFAULT 0 CHECK (trigger_count >= 0),
  rearm_at         timestamptz,
  last_price       double precision,
  last_price_at    timestamptz,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (target_price IS NOT NULL OR level IS NOT NULL),
  CHECK (condition NOT IN ('pct_move_up', 'pct_move_down') OR (percent IS NOT NULL AND reference_price IS NOT NULL))
);
CREATE INDEX ai_coach_alerts_status ON public.ai_coach_alerts (user_id, status, symbol);
CREATE INDEX ai_coach_alerts_created ON public.ai_coach_alerts (user_id, created_at);
CREATE INDEX ai_coach_alerts_expiry ON public.ai_coach_alerts (user_id, expires_at) WHERE status = 'active' AND expires_at IS NOT NULL;

CREATE TABLE public.ai_coach_notifications (
  id         uuid PRIMARY KEY,
  user_id    uuid NOT NULL DEFAULT auth.uid() REFERENCES auth.users (id) ON DELETE CASCADE,
  alert_id   uuid REFERENCES public.ai_coach_alerts (id) ON DELETE SET NULL,
  type       text NOT NULL CHECK (type IN ('alert_triggered')),
  title      text NOT NULL,
  body       text NOT NULL,
  read       boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ai_coach_notifications_created ON public.ai_coach_notifications (user_id, created_at);
CREATE INDEX ai_coach_notifications_unread ON public.ai_coach_notifications (user_id) WHERE NOT read;
CREATE INDEX ai_coach_notifications_alert ON public.ai_coach_notifications (alert_id);

ALTER TABLE public.ai_coach_alerts ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.ai_coach_notifications ENABLE ROW LEVEL SECURITY;

CREATE POLICY "alerts: owner reads" ON public.ai_coach_alerts FOR SELECT USING (auth.uid() = user_id);
CREATE POLICY "alerts: owner inserts" ON public.ai_coach_alerts FOR INSERT WITH CHECK (auth.uid() = user_id);
CREATE POLICY "alerts: owner updates" ON public.ai_coach_alerts FOR UPDATE USING (auth.uid() = user_id) WITH CHECK (auth.uid() = user_id);
CREATE POLICY "alerts: owner deletes" ON public.ai_coach_alerts FOR DELETE USING (auth.uid() = user_id);

-- A notification may only point at an alert of the same user.
CREATE POLICY "notifications: owner reads" ON public.ai_coach_notifications FOR SELECT USING (auth.uid() = user_id);
CREATE POLICY "notifications: owner inserts" ON public.ai_coach_notifications FOR INSERT WITH CHECK (
  auth.uid() = user_id
  AND (alert_id IS NULL OR EXISTS (SELECT 1 FROM public.ai_coach_alerts a WHERE a.id = alert_id AND a.user_id = auth.uid()))
);
CREATE POLICY "notifications: owner updates" ON public.ai_coach_notifications FOR UPDATE USING (auth.uid() = user_id) WITH CHECK (auth.uid() = user_id);
CREATE POLICY "notifications: owner deletes" ON public.ai_coach_notifications FOR DELETE USING (auth.uid() = user_id);
