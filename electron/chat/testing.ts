import type { StreamInput } from '../../shared/contract';
import { readSse } from '../../shared/client';
import { z } from 'zod';
import type { ChatStreamEvent, ChatTurnResult } from '../../shared/schemas/chat';
import type { Widget } from '../../shared/schemas/chat-widgets';
import type { CallResult } from '../../shared/errors';
import { createDispatcher, type HandlerMap } from '../contract/dispatcher';
import { EventBus } from '../contract/event-bus';
import { createStreamDispatcher } from '../contract/stream-dispatcher';
import { StreamRegistry } from '../contract/stream-registry';
import { Database } from '../db/database';
import { silentLogger } from '../observability/logger';
import { ProfileService } from '../profile/service';
import { stubHandlers } from '../testing/stub-handlers';
import { ChatService } from './service';
import { defineFunction, type ChatFunction, type ChatProvider, type ProviderTurn } from './types';

/** The card of the key-levels double (hand-made, valid against its schema). */
export const LEVELS_CARD: Widget = {
  type: 'key_levels',
  title: 'SPX key levels',
  data: { symbol: 'SPX', date: '2026-12-01', lastPrice: 6012.5, levels: [{ name: 'PDH', price: 6050, group: 'prior-day', distance: null }], atrDaily: 61.2, vwap: 6008.1, expectedMove: null },
};

/** A function double: fixed levels and their card (the real get_key_levels has its own tests). */
export const keyLevelsDouble = defineFunction({
  name: 'get_key_levels',
  description: 'Key levels of a symbol.',
  label: 'Checking key levels…',
  parameters: z.object({ symbol: z.string().min(1).describe('Ticker') }).strict(),
  async run({ symbol }) {
    return { result: { symbol, pdh: 6050, pdl: 5981.25 }, widget: LEVELS_CARD };
  },
});

/** One step of a scripted answer. */
export type ScriptStep =
  | { token: string }
  | { call: string; args: string | Record<string, unknown>; id?: string }
  /** Waits until the test opens the gate (to stop or inspect a turn midway); `reached` is called on arrival. */
  | { wait: Promise<void>; reached?: () => void }
  | { fail: Error };

/**
 * A provider double: plays its script against the turn (tokens, function calls through the turn's
 * executor, failures) and records every turn it was given. The real providers have their own tests.
 */
export class ScriptedProvider implements ChatProvider {
  readonly turns: ProviderTurn[] = [];
  readonly results: unknown[] = [];

  constructor(
    public script: ScriptStep[],
    readonly id: ChatProvider['id'] = 'offline',
    readonly label = 'Scripted coach',
    readonly model: string | null = null,
  ) {}

  async respond(turn: ProviderTurn): Promise<void> {
    this.turns.push(turn);
    for (const step of this.script) {
      if ('token' in step) turn.emitToken(step.token);
      else if ('call' in step) this.results.push(await turn.callFunction(step.call, step.args, step.id));
      else if ('wait' in step) {
        step.reached?.();
        await step.wait;
      }
      else throw step.fail;
    }
  }
}

/** A promise and the function that settles it. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/**
 * Follows a chat answer streamed as SSE to its end (`reading`); `firstToken` resolves with the
 * session id once the first token arrived, when a test stops the answer midway.
 */
export function followChatSse(body: ReadableStream<Uint8Array>): { reading: Promise<void>; firstToken: Promise<string> } {
  const tokenArrived = gate();
  let sessionId = '';
  const reading = readSse(body, (_name, data) => {
    const event = JSON.parse(data) as ChatStreamEvent;
    if (event.type === 'stream_start') sessionId = event.sessionId;
    if (event.type === 'token') tokenArrived.open();
  }).catch(() => {});
  return { reading, firstToken: tokenArrived.promise.then(() => sessionId) };
}

export interface ChatWorldOptions {
  functions?: ChatFunction[];
  /** Contract calls the functions and the system prompt reach; other calls answer `unavailable`. */
  handlers?: HandlerMap;
  provider?: ChatProvider;
  start?: number;
}

/** A chat service on an in-memory database with a real profile, a scripted provider and a fake clock. */
export function makeChatWorld(options: ChatWorldOptions = {}) {
  let now = options.start ?? Date.parse('2026-12-01T15:00:00.000Z');
  const clock = () => now;
  const db = new Database({ file: ':memory:', logger: silentLogger, slowQueryMs: 1000 });
  const bus = new EventBus(true);
  const events: { name: string; payload: unknown }[] = [];
  bus.subscribe((name, payload) => events.push({ name, payload }));
  const profile = new ProfileService({ db, events: bus, clock: () => new Date(now), timeZone: 'America/New_York' });
  const dispatch = createDispatcher(stubHandlers({ 'profile:get': () => profile.get(), ...options.handlers }), { logger: silentLogger, validateOutput: true });
  const world = {
    db,
    events,
    profile,
    dispatch,
    streams: new StreamRegistry(),
    provider: options.provider ?? new ScriptedProvider([{ token: 'Hello' }]),
    clock,
    /** Moves the clock on. */
    advance(ms: number) {
      now += ms;
    },
  };
  let ids = 0;
  const chat = new ChatService({
    db,
    events: bus,
    profile,
    dispatch,
    functions: options.functions ?? [],
    provider: () => world.provider,
    streams: world.streams,
    clock,
    newId: () => `id-${String(++ids).padStart(3, '0')}`,
  });
  // The contract's stream dispatcher, so that every event a test sees was checked against its schema.
  const streams = createStreamDispatcher(chat.streamHandlers(), { logger: silentLogger, validateOutput: true });
  /** Sends through the contract; resolves with the events in order and the call's result. */
  const send = async (input: StreamInput<'chat:send'>, signal = new AbortController().signal) => {
    const events: ChatStreamEvent[] = [];
    const result = await streams('chat:send', input, { transport: 'internal', requestId: 'req-1', signal, emit: (e) => events.push(e as ChatStreamEvent) });
    return { events, result: result as CallResult<ChatTurnResult> };
  };
  return Object.assign(world, { chat, send });
}
