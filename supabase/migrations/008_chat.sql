-- The AI coach's chat: the same tables as electron/db/migrations/008_chat.sql, owned by the
-- signed-in user (row level security). Ids are the app's UUIDs, so synced rows keep them.
CREATE TABLE public.ai_coach_sessions (
  id         uuid PRIMARY KEY,
  user_id    uuid NOT NULL DEFAULT auth.uid() REFERENCES auth.users (id) ON DELETE CASCADE,
  title      text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ai_coach_sessions_updated ON public.ai_coach_sessions (user_id, updated_at);

CREATE TABLE public.ai_coach_messages (
  id             uuid PRIMARY KEY,
  session_id     uuid NOT NULL REFERENCES public.ai_coach_sessions (id) ON DELETE CASCADE,
  user_id        uuid NOT NULL DEFAULT auth.uid() REFERENCES auth.users (id) ON DELETE CASCADE,
  role           text NOT NULL CHECK (role IN ('user', 'assistant', 'system')),
  content        text NOT NULL CHECK (length(content) <= 100000),
  function_calls jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(function_calls) = 'array'),
  widgets        jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(widgets) = 'array'),
  status         text NOT NULL DEFAULT 'complete' CHECK (status IN ('complete', 'stopped')),
  provider       text CHECK (provider IS NULL OR provider IN ('openai', 'offline')),
  created_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (provider IS NULL OR role = 'assistant')
);
CREATE INDEX ai_coach_messages_session ON public.ai_coach_messages (session_id, created_at);

ALTER TABLE public.ai_coach_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.ai_coach_messages ENABLE ROW LEVEL SECURITY;

CREATE POLICY "chat sessions: owner reads" ON public.ai_coach_sessions FOR SELECT USING (auth.uid() = user_id);
CREATE POLICY "chat sessions: owner inserts" ON public.ai_coach_sessions FOR INSERT WITH CHECK (auth.uid() = user_id);
CREATE POLICY "chat sessions: owner updates" ON public.ai_coach_sessions FOR UPDATE USING (auth.uid() = user_id) WITH CHECK (auth.uid() = user_id);
CREATE POLICY "chat sessions: owner deletes" ON public.ai_coach_sessions FOR DELETE USING (auth.uid() = user_id);

-- A message may only be written into a session of the same user.
CREATE POLICY "chat messages: owner reads" ON public.ai_coach_messages FOR SELECT USING (auth.uid() = user_id);
CREATE POLICY "chat messages: owner inserts" ON public.ai_coach_messages FOR INSERT WITH CHECK (
  auth.uid() = user_id
  AND EXISTS (SELECT 1 FROM public.ai_coach_sessions s WHERE s.id = session_id AND s.user_id = auth.uid())
);
CREATE POLICY "chat messages: owner updates" ON public.ai_coach_messages FOR UPDATE USING (auth.uid() = user_id) WITH CHECK (
  auth.uid() = user_id
  AND EXISTS (SELECT 1 FROM public.ai_coach_sessions s WHERE s.id = session_id AND s.user_id = auth.uid())
);
CREATE POLICY "chat messages: owner deletes" ON public.ai_coach_messages FOR DELETE USING (auth.uid() = user_id);
