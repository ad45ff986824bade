import type { ChatMessage, ChatProviderId, ChatStreamEvent, ChatTurnResult } from '../../../shared/schemas/chat';
import type { Widget } from '../../../shared/schemas/chat-widgets';

/** One function call of the answer being streamed, as its chip shows it. */
export interface CallChip {
  id: string;
  name: string;
  /** What the coach is doing, from the event: "Checking key levels…". */
  label: string;
  status: 'running' | 'ok' | 'error';
  widget?: Widget;
}

/**
 * The answer being streamed, built from the stream events: `waiting` until `stream_start`,
 * `streaming` while tokens and calls arrive, then `complete`, `stopped` (the user stopped it: the
 * partial text stays) or `error`.
 */
export interface StreamingTurn {
  /** The message sent; '' when the last answer is regenerated. */
  userText: string;
  regenerate: boolean;
  sessionId?: string;
  messageId?: string;
  provider?: ChatProviderId;
  text: string;
  calls: CallChip[];
  phase: 'waiting' | 'streaming' | 'complete' | 'stopped' | 'error';
  error?: { code: string; message: string; requestId?: string };
}

/** A turn about to be sent to `sessionId` (absent for a new conversation: `stream_start` names it). */
export function startTurn(userText: string, options: { regenerate?: boolean; sessionId?: string } = {}): StreamingTurn {
  return { userText, regenerate: options.regenerate ?? false, sessionId: options.sessionId, text: '', calls: [], phase: 'waiting' };
}

/** The turn after one stream event: tokens append, chips start and settle, widgets attach to their chip. */
export function applyStreamEvent(turn: StreamingTurn, event: ChatStreamEvent): StreamingTurn {
  switch (event.type) {
    case 'stream_start':
      return { ...turn, sessionId: event.sessionId, messageId: event.messageId, provider: event.provider, phase: 'streaming' };
    case 'token':
      return { ...turn, text: turn.text + event.content, phase: 'streaming' };
    case 'function_call_start':
      return { ...turn, calls: [...turn.calls, { id: event.id, name: event.name, label: event.label, status: 'running' }] };
    case 'function_call_result': {
      const settled = { status: event.status, widget: event.widget };
      const known = turn.calls.some((c) => c.id === event.id);
      const calls = known
        ? turn.calls.map((c) => (c.id === event.id ? { ...c, ...settled } : c))
        : [...turn.calls, { id: event.id, name: event.name, label: functionLabel(event.name), ...settled }];
      return { ...turn, calls };
    }
    case 'message_complete':
      return { ...turn, sessionId: event.sessionId, messageId: event.message.id, text: event.message.content, phase: 'complete' };
    case 'error': {
      const error = { code: event.code, message: event.message, requestId: event.requestId };
      return { ...turn, phase: event.code === 'aborted' ? 'stopped' : 'error', error };
    }
    case 'stream_end':
      return turn;
  }
}

/** The cards of the turn so far, in call order. */
export function turnWidgets(turn: StreamingTurn): Widget[] {
  return turn.calls.flatMap((c) => (c.widget ? [c.widget] : []));
}

/** "get_key_levels" → "Get key levels": a chip's words when no label came with the call (a stored message). */
export function functionLabel(name: string): string {
  const words = name.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The session's messages once a turn completed: the answer follows its user message, replacing
 * what followed it (a regenerated answer replaces the old one); a new user message goes at the end.
 */
export function mergeTurnResult(messages: readonly ChatMessage[], result: ChatTurnResult): ChatMessage[] {
  const userIndex = messages.findIndex((m) => m.id === result.userMessage.id);
  if (userIndex >= 0) return [...messages.slice(0, userIndex + 1), result.message];
  return [...messages.filter((m) => m.id !== result.message.id), result.userMessage, result.message];
}

/** Index just past the last user message: where a regenerated answer goes. */
export function afterLastUserMessage(messages: readonly ChatMessage[]): number {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]!.role === 'user') return i + 1;
  return messages.length;
}

/**
 * The session's messages once the user stopped a turn, as the server keeps them: the user message
 * and the partial answer marked stopped. Ids not sent yet are local until the session reloads.
 * Nothing is added when the answer had not started (the text goes back to the composer instead).
 */
export function mergeStoppedTurn(messages: readonly ChatMessage[], turn: StreamingTurn, now: string): ChatMessage[] {
  if (!turn.sessionId || !turn.messageId) return [...messages];
  const base = { sessionId: turn.sessionId, functionCalls: [], createdAt: now };
  const answer: ChatMessage = {
    ...base,
    id: turn.messageId,
    role: 'assistant',
    content: turn.text,
    widgets: turnWidgets(turn),
    status: 'stopped',
    provider: turn.provider ?? null,
  };
  if (turn.regenerate) return [...messages.slice(0, afterLastUserMessage(messages)), answer];
  const user: ChatMessage = { ...base, id: `local-${turn.messageId}`, role: 'user', content: turn.userText, widgets: [], status: 'complete', provider: null };
  return [...messages, user, answer];
}

/**
 * After a failed turn, what the server kept decides what Retry does: the question is in the
 * session (the last message is it, or the turn was a regenerate) → answer it again; otherwise the
 * text goes back to the composer and Retry sends it. Nothing is half-saved, so there is no answer to undo.
 */
export function retryAfterFailure(saved: readonly ChatMessage[] | undefined, turn: Pick<StreamingTurn, 'userText' | 'regenerate'>): 'send' | 'regenerate' {
  if (turn.regenerate) return 'regenerate';
  const last = saved?.at(-1);
  return last?.role === 'user' && last.content === turn.userText.trim() ? 'regenerate' : 'send';
}
