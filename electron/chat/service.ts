import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { CoachError } from '../../shared/errors';
import type { StreamParams } from '../../shared/contract';
import type { ChatMessage, ChatSession, ChatSessionListInputSchema, ChatStatusSchema, ChatTurnResult } from '../../shared/schemas/chat';
import type { UserProfile } from '../../shared/schemas/profile';
import type { Dispatch, HandlerMap } from '../contract/dispatcher';
import type { EventBus } from '../contract/event-bus';
import type { StreamContext, StreamHandlerMap } from '../contract/stream-dispatcher';
import type { StreamRegistry } from '../contract/stream-registry';
import type { Database } from '../db/database';
import { FunctionExecutor } from './executor';
import { exportSession, type ChatExport } from './export';
import { ChatRepository, firstWords } from './repository';
import { formatScreenshotContext, SCREENSHOT_ANALYSIS_MESSAGE, screenshotSessionTitle } from './screenshot-context';
import { planTurn, runTurn, type TurnDeps } from './turn';
import type { ChatFunction, ChatProvider } from './types';

/** Titles made from a message: its first words. */
export const TITLE_CHARS = 60;
export const DEFAULT_TITLE = 'New chat';

export interface ChatServiceOptions {
  db: Database;
  events: EventBus;
  /** The profile shapes the system prompt; each message the user sends is counted. */
  profile: { get(): UserProfile; recordQuery(now?: Date): UserProfile };
  /** The host's dispatcher: the functions and the system prompt reach the services through the contract. */
  dispatch: Dispatch;
  functions: ChatFunction[];
  /** The engine of the next turn (OpenAI-compatible when a key is set, else the offline coach), asked at each turn. */
  provider: () => ChatProvider;
  /** Streams in flight (IPC), which `chat:cancel` stops. */
  streams: StreamRegistry;
  clock?: () => number;
  newId?: () => string;
}

type ChatStatus = z.output<typeof ChatStatusSchema>;

/** Chat sessions, their messages and the streamed turns of the coach, as contract calls. */
export class ChatService {
  readonly repo: ChatRepository;
  readonly executor: FunctionExecutor;
  private readonly options: ChatServiceOptions;
  private readonly clock: () => number;
  private readonly newId: () => string;
  private readonly turnDeps: TurnDeps;

  constructor(options: ChatServiceOptions) {
    this.options = options;
    this.repo = new ChatRepository(options.db);
    this.executor = new FunctionExecutor(options.functions);
    this.clock = options.clock ?? Date.now;
    this.newId = options.newId ?? randomUUID;
    this.turnDeps = {
      db: options.db,
      repo: this.repo,
      events: options.events,
      executor: this.executor,
      dispatch: options.dispatch,
      profile: options.profile,
      clock: this.clock,
      newId: this.newId,
    };
  }

  status(): ChatStatus {
    const provider = this.options.provider();
    return { provider: provider.id, label: provider.label, model: provider.model, functions: this.executor.names };
  }

  /**
   * A message to the coach, or `regenerate` of the last answer, streamed through `ctx.emit` (see
   * runTurn). An unknown session or nothing to regenerate is refused before any event.
   */
  async send(input: StreamParams<'chat:send'>, ctx: StreamContext<'chat:send'>): Promise<ChatTurnResult> {
    const plan = planTurn(this.turnDeps, input, titleFrom);
    return runTurn(this.turnDeps, plan, this.options.provider(), ctx);
  }

  /**
   * Confirmed screenshot positions: stored in the session (a new one titled by their underlyings
   * when none is given) as a context message, then analysed in a turn streamed exactly like `send`.
   * An unknown session is refused before anything is stored. The positions are written before the
   * turn and stay if it fails: the trader confirmed them, and a follow-up (or a regenerate) can use
   * them without confirming again; the error event says so.
   */
  async injectScreenshotContext(input: StreamParams<'chat:screenshotContext'>, ctx: StreamContext<'chat:screenshotContext'>): Promise<ChatTurnResult> {
    if (input.sessionId !== undefined) this.session(input.sessionId);
    const content = formatScreenshotContext(input.positions, { broker: input.broker, extractionId: input.extractionId, at: this.clock() });
    const created = input.sessionId === undefined;
    const sessionId = input.sessionId ?? this.newId();
    this.options.db.transaction(() => {
      if (created) this.repo.insertSession(sessionId, screenshotSessionTitle(input.positions), this.nowIso());
      this.storeContext(sessionId, content);
    });
    this.options.events.emit('chat:sessionsChanged', { reason: created ? 'created' : 'message', id: sessionId });
    ctx.log.info('screenshot positions stored', { sessionId, created, positions: input.positions.length, extractionId: input.extractionId, broker: input.broker });

    const plan = planTurn(this.turnDeps, { sessionId, message: SCREENSHOT_ANALYSIS_MESSAGE }, titleFrom);
    const emit: typeof ctx.emit = (event) =>
      ctx.emit(event.type === 'error' && event.code !== 'aborted' ? { ...event, message: `${event.message}${POSITIONS_KEPT}` } : event);
    try {
      return await runTurn(this.turnDeps, plan, this.options.provider(), { ...ctx, emit });
    } catch (error) {
      if (error instanceof CoachError && error.code !== 'aborted') throw new CoachError(error.code, `${error.message}${POSITIONS_KEPT}`);
      throw error;
    }
  }

  streamHandlers(): StreamHandlerMap {
    return {
      'chat:send': (input, ctx) => this.send(input, ctx),
      'chat:screenshotContext': (input, ctx) => this.injectScreenshotContext(input, ctx),
    };
  }

  list(filter: z.output<typeof ChatSessionListInputSchema>): ChatSession[] {
    return this.repo.listSessions({ query: filter.query || undefined, limit: filter.limit });
  }

  get(id: string): { session: ChatSession; messages: ChatMessage[] } {
    return { session: this.session(id), messages: this.repo.messages(id) };
  }

  create(title: string = DEFAULT_TITLE): ChatSession {
    const session = this.repo.insertSession(this.newId(), title, this.nowIso());
    this.options.events.emit('chat:sessionsChanged', { reason: 'created', id: session.id });
    return session;
  }

  rename(id: string, title: string): ChatSession {
    if (!this.repo.renameSession(id, title, this.nowIso())) throw notFound(id);
    this.options.events.emit('chat:sessionsChanged', { reason: 'renamed', id });
    return this.session(id);
  }

  delete(id: string): void {
    if (!this.repo.deleteSession(id)) throw notFound(id);
    this.options.events.emit('chat:sessionsChanged', { reason: 'deleted', id });
  }

  export(id: string, format: 'markdown' | 'json'): ChatExport {
    const { session, messages } = this.get(id);
    return exportSession(session, messages, format, this.nowIso());
  }

  /**
   * Stores context the session carries as a `system` message (e.g. the positions read from a
   * screenshot); the system prompt of every later turn of the session includes it.
   */
  injectContext(sessionId: string, content: string): ChatMessage {
    this.session(sessionId);
    const message = this.options.db.transaction(() => this.storeContext(sessionId, content));
    this.options.events.emit('chat:sessionsChanged', { reason: 'message', id: sessionId });
    return message;
  }

  /** Writes a context message (inside the caller's transaction). */
  private storeContext(sessionId: string, content: string): ChatMessage {
    const now = this.nowIso();
    const message: ChatMessage = {
      id: this.newId(),
      sessionId,
      role: 'system',
      content,
      functionCalls: [],
      widgets: [],
      status: 'complete',
      provider: null,
      createdAt: now,
    };
    this.repo.insertMessage(message);
    this.repo.touchSession(sessionId, now);
    return message;
  }

  handlers(): HandlerMap {
    return {
      'chat:status': () => this.status(),
      'chat:sessions': (filter) => ({ sessions: this.list(filter) }),
      'chat:session': ({ id }) => this.get(id),
      'chat:create': ({ title }, ctx) => {
        const session = this.create(title);
        ctx.log.info('chat session created', { id: session.id });
        return session;
      },
      'chat:rename': ({ id, title }) => this.rename(id, title),
      'chat:delete': ({ id }, ctx) => {
        this.delete(id);
        ctx.log.info('chat session deleted', { id });
        return { removed: true };
      },
      'chat:export': ({ id, format }) => this.export(id, format),
      'chat:cancel': ({ streamId }, ctx) => {
        const cancelled = this.options.streams.cancel(streamId);
        ctx.log.info('chat stream cancel', { streamId, cancelled });
        return { cancelled };
      },
    };
  }

  private session(id: string): ChatSession {
    const session = this.repo.getSession(id);
    if (!session) throw notFound(id);
    return session;
  }

  private nowIso(): string {
    return new Date(this.clock()).toISOString();
  }
}

/** A title from the first words of a message. */
export function titleFrom(message: string): string {
  return firstWords(message, TITLE_CHARS) || DEFAULT_TITLE;
}

/** Added to a failed analysis: the positions were stored before the turn and stay. */
const POSITIONS_KEPT = ' Your positions are saved in this chat: ask about them again when ready.';

const notFound = (id: string) => new CoachError('not_found', `No chat session ${id}`);
