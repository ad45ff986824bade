import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import type { StreamOptions } from '../../../shared/client';
import type { ChatMessage, ChatStreamEvent, ChatTurnResult } from '../../../shared/schemas/chat';
import { SCREENSHOT_ANALYSIS_MESSAGE, type ScreenshotContextInput } from '../../../shared/schemas/screenshot';
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

/**
 * A turn that failed: what to show, and how Retry goes on: the user message was kept (answer it
 * again), or not (send the typed text again; `resend` an automatic request such as screenshot positions).
 */
export interface ChatFailure {
  sessionId: string | null;
  error: CoachError;
  retry: 'send' | 'regenerate' | 'resend';
}

/** Confirmed positions for the coach: `chat:screenshotContext` without the session (the open one is used). */
export type PositionsForCoach = Omit<ScreenshotContextInput, 'sessionId'>;

/** One streamed turn to run: how to start its stream, and what to show until the server answers. */
interface TurnRequest {
  start: (options: StreamOptions<'chat:send'>) => Promise<ChatTurnResult>;
  /** The session asked for; absent: the server makes one and names it in `stream_start`. */
  sessionId: string | undefined;
  initial: StreamingTurn;
  /** Text the user typed (it goes back to the composer if the server did not keep it). */
  typed: boolean;
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
  /** Hands confirmed screenshot positions to the coach (stored in the session); its analysis streams like an answer. */
  analysePositions: (positions: PositionsForCoach) => void;
  stop: () => void;
  regenerate: () => void;
  retry: () => void;
}

/**
 * One chat session: its messages, the answer streaming into it (chat:send, or chat:screenshotContext
 * for confirmed screenshot positions; stopped through an AbortController), regenerate and retry. `sessionId` is owned by the caller (a stored setting);
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
  // The last turn started, for Retry of an automatic request the server did not keep.
  const lastRequest = useRef<TurnRequest | undefined>(undefined);
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
    ({ start, sessionId: requested, initial, typed }: TurnRequest) => {
      const controller = new AbortController();
      inFlight.current?.abort();
      inFlight.current = controller;
      lastRequest.current = { start, sessionId: requested, initial, typed };
      const mine = () => inFlight.current === controller;
      // Typed text the server did not keep goes back to the composer; an automatic request has none.
      const giveBack = () => typed && !initial.regenerate && setDraft((now) => now || initial.userText);
      let current = initial;
      streamSession.current = initial.sessionId ?? null;
      setFailure(undefined);
      setTurn(current);

      const onEvent = (event: ChatStreamEvent) => {
        if (!mine()) return;
        current = applyStreamEvent(current, event);
        if (event.type === 'stream_start' && event.sessionId !== requested) {
          // The server made the session: adopt it without reloading what is being streamed.
          streamSession.current = event.sessionId;
          setLoaded((prev) => ({ sessionId: event.sessionId, messages: [], attempt: prev.attempt }));
          onSessionChange(event.sessionId);
        }
        setTurn(current);
      };

      start({ onEvent, signal: controller.signal }).then(
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
          const id = current.sessionId ?? requested;
          const detail = id ? await api.call('chat:session', { id }).catch(() => undefined) : undefined;
          if (!mine()) return;
          inFlight.current = undefined;
          const retry = typed ? retryAfterFailure(detail?.messages, initial) : detail?.messages.at(-1)?.role === 'user' ? 'regenerate' : 'resend';
          // A session this turn was to create, and the failure left unsaved: back to a new conversation.
          const unmade = !requested && !detail;
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
      const input = { sessionId: sessionId ?? undefined, message };
      run({ start: (options) => api.stream('chat:send', input, options), sessionId: input.sessionId, initial: startTurn(message, { sessionId: input.sessionId }), typed: true });
    },
    [api, draft, run, sessionId],
  );
  const regenerate = useCallback(() => {
    if (!sessionId || inFlight.current) return;
    const input = { sessionId, regenerate: true };
    run({ start: (options) => api.stream('chat:send', input, options), sessionId, initial: startTurn('', { regenerate: true, sessionId }), typed: true });
  }, [api, run, sessionId]);
  const analysePositions = useCallback(
    (positions: PositionsForCoach) => {
      const input = { ...positions, sessionId: sessionId ?? undefined };
      // The user message the server stores, shown while the answer starts (as a typed question is).
      const initial = startTurn(SCREENSHOT_ANALYSIS_MESSAGE, { sessionId: input.sessionId });
      run({ start: (options) => api.stream('chat:screenshotContext', input, options), sessionId: input.sessionId, initial, typed: false });
    },
    [api, run, sessionId],
  );
  const retry = useCallback(() => {
    if (failure?.retry === 'regenerate') regenerate();
    else if (failure?.retry === 'resend' && lastRequest.current && !inFlight.current) run(lastRequest.current);
    else send();
  }, [failure, regenerate, run, send]);
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
    analysePositions,
    stop,
    regenerate,
    retry,
  };
}
