import { CoachError, type ErrorCode } from '../../shared/errors';
import type { StreamParams } from '../../shared/contract';
import type { ChatMessage, ChatTurnResult, FunctionCallRecord } from '../../shared/schemas/chat';
import type { UserProfile } from '../../shared/schemas/profile';
import type { Dispatch } from '../contract/dispatcher';
import type { EventBus } from '../contract/event-bus';
import type { StreamContext } from '../contract/stream-dispatcher';
import type { Database } from '../db/database';
import type { FunctionExecutor } from './executor';
import { HISTORY_MESSAGES, toModelMessages } from './history';
import type { ChatRepository } from './repository';
import { buildSystemPrompt, readMarketStatus } from './system-prompt';
import { ChatProviderError, type ChatProvider, type ProviderTurn } from './types';

/** What a turn answers and what it will write, settled before the first event. */
export interface TurnPlan {
  sessionId: string;
  /** A session made by this turn: written with the turn's messages, or not at all. */
  newSessionTitle?: string;
  /** The message answered: new, or the session's last one when regenerating. */
  userMessage: ChatMessage;
  regenerate: boolean;
  /** The previous answer a regenerate replaces (deleted only when the new one is written). */
  replaces: string[];
  /** The messages before the user message, oldest first (context included). */
  history: ChatMessage[];
}

export interface TurnDeps {
  db: Database;
  repo: ChatRepository;
  events: EventBus;
  executor: FunctionExecutor;
  dispatch: Dispatch;
  profile: { get(): UserProfile; recordQuery(now?: Date): UserProfile };
  clock: () => number;
  newId: () => string;
}

/** Settles what a `chat:send` will do; refuses (before any event) an unknown session or nothing to regenerate. */
export function planTurn(deps: Pick<TurnDeps, 'repo' | 'clock' | 'newId'>, input: StreamParams<'chat:send'>, titleFrom: (message: string) => string): TurnPlan {
  const now = new Date(deps.clock()).toISOString();
  if (input.sessionId !== undefined && !deps.repo.getSession(input.sessionId)) throw new CoachError('not_found', `No chat session ${input.sessionId}`);
  // One more than the model is sent: a regenerate drops the answer it replaces.
  const history = input.sessionId ? deps.repo.recentMessages(input.sessionId, HISTORY_MESSAGES + 1) : [];
  if (input.regenerate) {
    const index = history.findLastIndex((m) => m.role === 'user');
    if (index < 0) throw new CoachError('invalid_input', 'Nothing to regenerate: this session has no message yet');
    const after = history.slice(index + 1);
    return {
      sessionId: input.sessionId!,
      userMessage: history[index]!,
      regenerate: true,
      replaces: after.filter((m) => m.role === 'assistant').map((m) => m.id),
      // Context added after the question still applies to the new answer.
      history: [...history.slice(0, index), ...after.filter((m) => m.role === 'system')],
    };
  }
  const sessionId = input.sessionId ?? deps.newId();
  const content = input.message!;
  return {
    sessionId,
    newSessionTitle: input.sessionId ? undefined : titleFrom(content),
    userMessage: { id: deps.newId(), sessionId, role: 'user', content, functionCalls: [], widgets: [], status: 'complete', provider: null, createdAt: now },
    regenerate: false,
    replaces: [],
    history,
  };
}

/** Resolves with the provider's answer, or as soon as the signal aborts (a provider slow to notice is not waited for). */
function untilAborted(answer: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  answer.catch(() => {}); // its failure after an abort is of no interest
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => resolve();
    signal.addEventListener('abort', onAbort, { once: true });
    answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

const providerCode = (error: unknown): ErrorCode | undefined =>
  error instanceof ChatProviderError ? error.code : error instanceof CoachError ? error.code : undefined;

/**
 * One answer, streamed: stream_start, then tokens and function call pairs as the provider makes
 * them, then message_complete and stream_end. The user message and the answer are written together
 * at the end. A failing provider ends with error + stream_end and writes nothing; a stop keeps the
 * partial answer (status `stopped`) and ends with error `aborted` + stream_end.
 */
export async function runTurn(deps: TurnDeps, plan: TurnPlan, provider: ChatProvider, ctx: StreamContext<'chat:send'>): Promise<ChatTurnResult> {
  const { emit, signal, log, requestId } = ctx;
  const messageId = deps.newId();
  const calls: FunctionCallRecord[] = [];
  let content = '';
  // Set when the turn is settled: whatever the provider still sends is dropped.
  let settled = false;

  const end = (code: ErrorCode, message: string) => {
    emit({ type: 'error', code, message, requestId });
    emit({ type: 'stream_end' });
  };

  emit({ type: 'stream_start', sessionId: plan.sessionId, messageId, provider: provider.id });
  try {
    const now = deps.clock();
    const profile = deps.profile.get();
    const market = await readMarketStatus(deps.dispatch, requestId, log, now);
    const context = plan.history.filter((m) => m.role === 'system').map((m) => m.content);
    const turn: ProviderTurn = {
      messages: [
        { role: 'system', content: buildSystemPrompt({ profile, market, now, context }) },
        ...toModelMessages(plan.history),
        { role: 'user', content: plan.userMessage.content },
      ],
      tools: deps.executor.specs,
      profile,
      signal,
      log,
      emitToken(text) {
        if (settled || signal.aborted || !text) return;
        content += text;
        emit({ type: 'token', content: text });
      },
      async callFunction(name, args, callId) {
        const id = callId ?? `call_${deps.newId()}`;
        const live = () => !settled && !signal.aborted;
        const record = await deps.executor.execute(name, args, id, { dispatch: deps.dispatch, requestId, log, signal, profile, now }, (start) => {
          if (live()) emit({ type: 'function_call_start', ...start });
        });
        if (!live()) return record;
        calls.push(record);
        emit({ type: 'function_call_result', id, name, status: record.status, result: record.result, ...(record.widget ? { widget: record.widget } : {}) });
        return record;
      },
    };
    log.info('chat turn started', { sessionId: plan.sessionId, provider: provider.id, regenerate: plan.regenerate, history: plan.history.length });
    await untilAborted(provider.respond(turn), signal);
  } catch (error) {
    if (!signal.aborted) {
      settled = true;
      const code = providerCode(error);
      if (!code) {
        end('internal', 'Internal error; see the log for this request id.');
        throw error; // the dispatcher logs and reports the crash
      }
      log.warn('chat turn failed', { code, message: (error as Error).message });
      end(code, (error as Error).message);
      throw new CoachError(code, (error as Error).message);
    }
  }
  settled = true;

  const stopped = signal.aborted;
  const message: ChatMessage = {
    id: messageId,
    sessionId: plan.sessionId,
    role: 'assistant',
    content,
    functionCalls: calls,
    widgets: calls.flatMap((call) => (call.widget ? [call.widget] : [])),
    status: stopped ? 'stopped' : 'complete',
    provider: provider.id,
    createdAt: new Date(deps.clock()).toISOString(),
  };
  try {
    persist(deps, plan, message);
  } catch (error) {
    end('internal', 'Internal error; see the log for this request id.');
    throw error;
  }
  if (!plan.regenerate) deps.profile.recordQuery(new Date(deps.clock()));
  const result: ChatTurnResult = { sessionId: plan.sessionId, userMessage: plan.userMessage, message, functionCalls: calls };
  log.info('chat turn done', { status: message.status, chars: content.length, functions: calls.map((c) => `${c.name}:${c.status}`) });
  if (stopped) end('aborted', 'Stopped; the partial answer is kept');
  else {
    emit({ type: 'message_complete', ...result });
    emit({ type: 'stream_end' });
  }
  deps.events.emit('chat:sessionsChanged', { reason: plan.newSessionTitle ? 'created' : 'message', id: plan.sessionId });
  if (stopped) throw new CoachError('aborted', 'Stopped; the partial answer is kept');
  return result;
}

/** The turn's writes, all in one transaction: the new session, the question, the answer (replacing the old one). */
function persist(deps: TurnDeps, plan: TurnPlan, message: ChatMessage): void {
  deps.db.transaction(() => {
    if (plan.newSessionTitle) deps.repo.insertSession(plan.sessionId, plan.newSessionTitle, plan.userMessage.createdAt);
    if (!plan.regenerate) deps.repo.insertMessage(plan.userMessage);
    deps.repo.deleteMessages(plan.replaces);
    deps.repo.insertMessage(message);
    deps.repo.touchSession(plan.sessionId, message.createdAt);
  });
}
