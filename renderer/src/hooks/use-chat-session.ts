import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import type { ChatMessage, ChatSendInput } from '../../../shared/schemas/chat';
import type { CoachError } from '../../../shared/errors';
import { useCoachApi } from '../api/api-context';
import { afterLastUserMessage, applyStreamEvent, mergeStoppedTurn, mergeTurnResult, retryAfterFailure, startTurn, type StreamingTurn } from '../lib/chat-turn';
import { useApiEvent } from './use-api-event';
import { toCoachError } from './use-call';

interface Loaded {
  sessionId: string | null;
  messages: ChatMessage[];
  error?: CoachError;
  attempt: number;
}

/** A turn that failed: what to show, and how Retry goes on (the user message was kept or not). */
export interface ChatFailure {
  sessionId: string | null;
  error: CoachError;
  retry: 'send' | 'regenerate';
}

export interface ChatSessionState {
  /** null: a new conversation, made on the server by its first message. */
  sessionId: string | null;
  /** The session's messages as shown (an answer being regenerated is left out). */
  messages: ChatMessage[];
  loading: boolean;
  loadError: CoachError | undefined;
  reload: () => void;
  /** The answer streaming now. */
  turn: StreamingTurn | undefined;
  busy: boolean;
  failure: ChatFailure | undefined;
  draft: string;
  setDraft: (text: string) => void;
  send: (text?: string) => void;
  stop: () => void;
  regenerate: () => void;
  retry: () => void;
}

/**
 * One chat session: its messages, the answer streaming into it (chat:send, stopped through an
 * AbortController), regenerate and retry. `sessionId` is owned by the caller (a stored setting);
 * `onSessionChange` is told when the server made a new session for the first message, or when the
 * open one was deleted.
 */
export function useChatSession(sessionId: string | null, onSessionChange: (id: string | null) => void): ChatSessionState {
  const api = useCoachApi();
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<Loaded>({ sessionId: null, messages: [], attempt: 0 });
  const [turn, setTurn] = useState<StreamingTurn>();
  const [failure, setFailure] = useState<ChatFailure>();
  const [draft, setDraft] = useState('');
  // The stream in flight; cleared before an abort that should leave no trace (switching sessions).
  const inFlight = useRef<AbortController | undefined>(undefined);
  const forgetSession = useEffectEvent(() => onSessionChange(null));

  const upToDate = loaded.sessionId === sessionId && loaded.attempt === attempt;
  useEffect(() => {
    if (sessionId === null || upToDate) return;
    let live = true;
    api.call('chat:session', { id: sessionId }).then(
      (detail) => live && setLoaded({ sessionId, messages: detail.messages, attempt }),
      (e: unknown) => {
        if (!live) return;
        const error = toCoachError(e);
        if (error.code === 'not_found') forgetSession();
        else setLoaded({ sessionId, messages: [], error, attempt });
      },
    );
    return () => {
      live = false;
    };
  }, [api, sessionId, attempt, upToDate]);

  // A session switch (the list, Ctrl+K, a deletion) drops the stream of the old one.
  const streamSession = useRef<string | null>(null);
  useEffect(() => {
    const running = inFlight.current;
    if (running && streamSession.current !== sessionId) {
      inFlight.current = undefined;
      running.abort();
    }
  }, [sessionId]);
  useEffect(() => () => inFlight.current?.abort(), []);

  const shownTurn = turn && (turn.sessionId ?? null) === sessionId ? turn : undefined;
  const busy = shownTurn !== undefined && (shownTurn.phase === 'waiting' || shownTurn.phase === 'streaming');
  useApiEvent('chat:sessionsChanged', (change) => {
    if (change.id !== sessionId) return;
    if (change.reason === 'deleted') onSessionChange(null);
    // Another window, or the server keeping a stopped answer: take what it stored. Our own
    // stream's result is merged when it completes.
    else if (!inFlight.current) setAttempt((n) => n + 1);
  });

  const run = useCallback(
    (input: ChatSendInput, initial: StreamingTurn) => {
      const controller = new AbortController();
      inFlight.current?.abort();
      inFlight.current = controller;
      const mine = () => inFlight.current === controller;
      const giveBack = () => !initial.regenerate && setDraft((now) => now || initial.userText);
      let current = initial;
      streamSession.current = initial.sessionId ?? null;
      setFailure(undefined);
      setTurn(current);

      const onEvent = (event: Parameters<typeof applyStreamEvent>[1]) => {
        if (!mine()) return;
        current = applyStreamEvent(current, event);
        if (event.type === 'stream_start' && event.sessionId !== input.sessionId) {
          // The server made the session: adopt it without reloading what is being streamed.
          streamSession.current = event.sessionId;
          setLoaded((prev) => ({ sessionId: event.sessionId, messages: [], attempt: prev.attempt }));
          onSessionChange(event.sessionId);
        }
        setTurn(current);
      };

      api.stream('chat:send', input, { onEvent, signal: controller.signal }).then(
        (result) => {
          if (!mine()) return;
          inFlight.current = undefined;
          setLoaded((prev) => ({ ...prev, sessionId: result.sessionId, messages: mergeTurnResult(prev.messages, result) }));
          setTurn(undefined);
        },
        async (e: unknown) => {
          // Dropped by a session switch: forget it (the server keeps what it streamed).
          if (!mine()) return setTurn((shown) => (shown === current ? undefined : shown));
          const error = toCoachError(e);
          if (controller.signal.aborted || error.code === 'aborted') {
            inFlight.current = undefined;
            if (!current.messageId) giveBack();
            setLoaded((prev) => ({ ...prev, messages: mergeStoppedTurn(prev.messages, current, new Date().toISOString()) }));
            setTurn(undefined);
            return;
          }
          // Nothing is half-saved: ask the server whether it kept the user message.
          const id = current.sessionId ?? input.sessionId;
          const detail = id ? await api.call('chat:session', { id }).catch(() => undefined) : undefined;
          if (!mine()) return;
          inFlight.current = undefined;
          const retry = retryAfterFailure(detail?.messages, initial);
          // A session this turn was to create, and the failure left unsaved: back to a new conversation.
          const unmade = !input.sessionId && !detail;
          if (detail && id) setLoaded((prev) => ({ sessionId: id, messages: detail.messages, attempt: prev.attempt }));
          if (unmade && current.sessionId) {
            setLoaded((prev) => ({ sessionId: null, messages: [], attempt: prev.attempt }));
            onSessionChange(null);
          }
          if (retry === 'send') giveBack();
          setTurn(undefined);
          setFailure({ sessionId: unmade ? null : (id ?? null), error, retry });
        },
      );
    },
    [api, onSessionChange],
  );

  const send = useCallback(
    (text?: string) => {
      const message = (text ?? draft).trim();
      if (!message || inFlight.current) return;
      setDraft('');
      run({ sessionId: sessionId ?? undefined, message }, startTurn(message, { sessionId: sessionId ?? undefined }));
    },
    [draft, run, sessionId],
  );
  const regenerate = useCallback(() => {
    if (sessionId && !inFlight.current) run({ sessionId, regenerate: true }, startTurn('', { regenerate: true, sessionId }));
  }, [run, sessionId]);
  const retry = useCallback(() => (failure?.retry === 'regenerate' ? regenerate() : send()), [failure, regenerate, send]);
  const stop = useCallback(() => inFlight.current?.abort(), []);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const current = loaded.sessionId === sessionId ? loaded : undefined;
  const all = current?.messages;
  const messages = useMemo(() => {
    const list = all ?? [];
    return shownTurn?.regenerate && busy ? list.slice(0, afterLastUserMessage(list)) : list;
  }, [all, shownTurn?.regenerate, busy]);

  return {
    sessionId,
    messages,
    loading: sessionId !== null && !upToDate && !current?.messages.length,
    loadError: current?.error,
    reload,
    turn: shownTurn,
    busy,
    failure: failure?.sessionId === sessionId ? failure : undefined,
    draft,
    setDraft,
    send,
    stop,
    regenerate,
    retry,
  };
}
