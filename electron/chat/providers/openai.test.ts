import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FunctionCallRecord } from '../../../shared/schemas/chat';
import { BreakerHub } from '../../net/circuit-breaker';
import { createLogger } from '../../observability/logger';
import { DEFAULT_PROFILE } from '../../profile/service';
import { startFakeOpenAi, textAnswer, toolCallDeltas, type FakeOpenAi } from '../../testing/fake-openai';
import { ChatProviderError, type ModelMessage, type ProviderTurn } from '../types';
import { OpenAiProvider, type OpenAiProviderOptions } from './openai';

const KEY = 'sk-test-0123456789abcdefghij';

type TurnEvent = { type: 'token'; text: string } | { type: 'call'; name: string; args: string | Record<string, unknown>; id: string | undefined };

/** A ProviderTurn that records what the provider emitted and answers function calls from a table. */
function fakeTurn(results: Record<string, unknown> = {}, abort = new AbortController()) {
  const events: TurnEvent[] = [];
  const logs: string[] = [];
  const turn: ProviderTurn = {
    messages: [
      { role: 'system', content: 'You are a trading coach.' },
      { role: 'user', content: 'Key levels for SPX and QQQ?' },
    ],
    tools: [{ name: 'get_key_levels', description: 'Support and resistance', parameters: { type: 'object', properties: { symbol: { type: 'string' } }, required: ['symbol'] } }],
    profile: { ...DEFAULT_PROFILE, preferredSymbols: ['SPX'], userId: '00000000-0000-4000-8000-000000000000', queriesUsedThisMonth: 0, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' },
    signal: abort.signal,
    log: createLogger({ level: 'debug', console: false, sink: (line) => logs.push(line) }),
    emitToken: (text) => events.push({ type: 'token', text }),
    callFunction: async (name, args, id) => {
      events.push({ type: 'call', name, args, id });
      const known = Object.hasOwn(results, name);
      const record: FunctionCallRecord = {
        id: id ?? 'none',
        name,
        arguments: typeof args === 'string' ? JSON.parse(args) : args,
        status: known ? 'ok' : 'error',
        result: known ? results[name] : null,
        ...(known ? {} : { error: `Unknown function ${name}` }),
        ms: 1,
      };
      return record;
    },
  };
  return { turn, events, logs, abort, tokens: () => events.flatMap((e) => (e.type === 'token' ? [e.text] : [])) };
}

let fake: FakeOpenAi;
let hub: BreakerHub;

beforeEach(async () => {
  fake = await startFakeOpenAi();
  hub = new BreakerHub();
});
afterEach(() => fake.close());

function provider(options: Partial<OpenAiProviderOptions> = {}): OpenAiProvider {
  return new OpenAiProvider({ apiKey: () => KEY, baseURL: fake.baseURL, model: 'test-model', timeoutMs: 10_000, breaker: hub.get('openai') ?? hub.create('openai'), ...options });
}

async function failure(promise: Promise<unknown>): Promise<ChatProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChatProviderError);
  return error as ChatProviderError;
}

describe('OpenAiProvider against a local OpenAI-compatible server', () => {
  it('streams the content deltas as tokens, in order, with the key, model, messages and tools sent', async () => {
    fake.queue.push(textAnswer('SPX ', 'support ', 'is ', '5950', '.'));
    const t = fakeTurn();
    await provider().respond(t.turn);
    expect(t.tokens()).toEqual(['SPX ', 'support ', 'is ', '5950', '.']);
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request!.authorization).toBe(`Bearer ${KEY}`);
    expect(request!.body).toMatchObject({ model: 'test-model', stream: true, messages: t.turn.messages });
    expect(request!.body.tools).toEqual([{ type: 'function', function: { name: 'get_key_levels', description: 'Support and resistance', parameters: t.turn.tools[0]!.parameters } }]);
    expect(provider().label).toBe('test-model');
  });

  it('reassembles a tool call whose arguments arrive in several chunks, runs it, sends the result back and streams the answer', async () => {
    fake.queue.push({ deltas: toolCallDeltas(0, 'call_abc', 'get_key_levels', ['{"sym', 'bol": "S', 'PX", "time', 'frame":"5m"}']) }, textAnswer('Resistance at ', '6010', '.'));
    const t = fakeTurn({ get_key_levels: { resistance: [6010], support: [5950] } });
    await provider().respond(t.turn);

    expect(t.events).toEqual([
      { type: 'call', name: 'get_key_levels', args: '{"symbol": "SPX", "timeframe":"5m"}', id: 'call_abc' },
      { type: 'token', text: 'Resistance at ' },
      { type: 'token', text: '6010' },
      { type: 'token', text: '.' },
    ]);
    expect(fake.requests).toHaveLength(2);
    const sent = fake.requests[1]!.body.messages as ModelMessage[];
    expect(sent.slice(2)).toEqual([
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_abc', type: 'function', function: { name: 'get_key_levels', arguments: '{"symbol": "SPX", "timeframe":"5m"}' } }] },
      { role: 'tool', tool_call_id: 'call_abc', content: '{"resistance":[6010],"support":[5950]}' },
    ]);
  });

  it('runs two tool calls of one round in index order, interleaved fragments included, and sends both results back', async () => {
    const first = toolCallDeltas(0, 'call_1', 'get_key_levels', ['{"symbol":', '"SPX"}']);
    const second = toolCallDeltas(1, 'call_2', 'get_quote', ['{"symbol":', '"QQQ"}']);
    // Text before the calls, and the second call's fragments interleaved with the first's.
    fake.queue.push({ deltas: [{ content: 'Checking both. ' }, first[0]!, second[0]!, second[1]!, first[1]!, first[2]!, second[2]!] }, textAnswer('Done.'));
    const t = fakeTurn({ get_key_levels: { pivot: 6000 } });
    await provider().respond(t.turn);

    expect(t.events).toEqual([
      { type: 'token', text: 'Checking both. ' },
      { type: 'call', name: 'get_key_levels', args: '{"symbol":"SPX"}', id: 'call_1' },
      { type: 'call', name: 'get_quote', args: '{"symbol":"QQQ"}', id: 'call_2' },
      { type: 'token', text: 'Done.' },
    ]);
    const sent = fake.requests[1]!.body.messages as ModelMessage[];
    expect(sent.slice(2)).toEqual([
      {
        role: 'assistant',
        content: 'Checking both. ',
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'get_key_levels', arguments: '{"symbol":"SPX"}' } },
          { id: 'call_2', type: 'function', function: { name: 'get_quote', arguments: '{"symbol":"QQQ"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '{"pivot":6000}' },
      // A failed call is fed back to the model as an error, and the turn goes on.
      { role: 'tool', tool_call_id: 'call_2', content: '{"error":"Unknown function get_quote"}' },
    ]);
  });

  it('gives a tool call without an id (some local servers) one, and answers it under that id', async () => {
    fake.queue.push({ deltas: [{ toolCall: { index: 0, name: 'get_key_levels', arguments: '{"symbol":"SPY"}' } }] }, textAnswer('ok'));
    const t = fakeTurn({ get_key_levels: {} });
    await provider().respond(t.turn);
    expect(t.events[0]).toEqual({ type: 'call', name: 'get_key_levels', args: '{"symbol":"SPY"}', id: 'call_1_0' });
    expect((fake.requests[1]!.body.messages as ModelMessage[])[3]).toEqual({ role: 'tool', tool_call_id: 'call_1_0', content: '{}' });
  });

  it('reports an HTTP 500 as provider_error with the status, without the key', async () => {
    fake.queue.push({ status: 500, message: `upstream exploded for ${KEY}` });
    const t = fakeTurn();
    const error = await failure(provider().respond(t.turn));
    expect(error.code).toBe('provider_error');
    expect(error.message).toContain('HTTP 500');
    expect(error.message).toContain('upstream exploded');
    expect(error.message).not.toContain(KEY);
    expect(t.logs.join('\n')).not.toContain(KEY);
    expect(fake.requests).toHaveLength(1);
  });

  it('reports a connection dropped mid-stream as provider_error after the tokens already streamed', async () => {
    fake.queue.push({ ...textAnswer('one ', 'two ', 'three'), dropAfter: 2 });
    const t = fakeTurn();
    const error = await failure(provider().respond(t.turn));
    expect(error.code).toBe('provider_error');
    expect(error.message).toMatch(/dropped mid-answer/);
    expect(t.tokens()).toEqual(['one ', 'two ']);
  });

  it('aborting mid-stream closes the HTTP request and ends with aborted', async () => {
    fake.queue.push({ ...textAnswer('first ', 'never'), stallAfter: 1 });
    const t = fakeTurn();
    const done = provider().respond(t.turn);
    await waitFor(() => t.tokens().length === 1);
    t.abort.abort();
    const error = await failure(done);
    expect(error.code).toBe('aborted');
    await fake.requests[0]!.closed;
    expect(fake.requests[0]!.closedByClient).toBe(true);
  });

  it('stops after maxRounds model calls when the model keeps calling functions', async () => {
    for (let i = 0; i < 3; i += 1) fake.queue.push({ deltas: toolCallDeltas(0, `call_${i}`, 'get_key_levels', ['{"symbol":"SPX"}']) });
    const t = fakeTurn({ get_key_levels: {} });
    const error = await failure(provider({ maxRounds: 3 }).respond(t.turn));
    expect(error.code).toBe('too_many_rounds');
    expect(error.message).toContain('3 rounds');
    expect(fake.requests).toHaveLength(3);
    // The third round's call is not run: nobody would read its result.
    expect(t.events.filter((e) => e.type === 'call')).toHaveLength(2);
  });

  it('times out when the server goes silent mid-answer, and closes the request', async () => {
    fake.queue.push({ ...textAnswer('partial ', 'never'), stallAfter: 1 });
    const t = fakeTurn();
    const error = await failure(provider({ timeoutMs: 150 }).respond(t.turn));
    expect(error.code).toBe('timeout');
    expect(error.message).toContain('150 ms');
    expect(t.tokens()).toEqual(['partial ']);
    await fake.requests[0]!.closed;
    expect(fake.requests[0]!.closedByClient).toBe(true);
  });

  it('a slow answer is not a timeout while chunks keep coming', async () => {
    fake.queue.push({ ...textAnswer('a', 'b', 'c', 'd', 'e', 'f'), delayMs: 250 });
    const t = fakeTurn();
    // 1.5 s in all, 250 ms between chunks, 1 s allowed between chunks (room for a busy machine).
    await provider({ timeoutMs: 1000 }).respond(t.turn);
    expect(t.tokens().join('')).toBe('abcdef');
  });

  it('a stream that ends without finishing (no finish_reason, no [DONE]) is an error, not a short answer', async () => {
    fake.queue.push({ ...textAnswer('half', 'way'), endAfter: 1 });
    const t = fakeTurn();
    const error = await failure(provider().respond(t.turn));
    expect(error.code).toBe('provider_error');
    expect(error.message).toContain('ended the stream before the answer was finished');
    expect(t.tokens()).toEqual(['half']);
  });

  it('opens the breaker after repeated outages and then refuses at once with provider_unavailable', async () => {
    hub.create('openai', { failureThreshold: 2, cooldownMs: 60_000 });
    fake.queue.push({ status: 503 }, { status: 502 });
    const p = provider();
    expect((await failure(p.respond(fakeTurn().turn))).message).toContain('HTTP 503');
    expect((await failure(p.respond(fakeTurn().turn))).message).toContain('HTTP 502');
    const third = await failure(p.respond(fakeTurn().turn));
    expect(third.code).toBe('provider_unavailable');
    expect(fake.requests).toHaveLength(2);
  });

  it('a refused request (HTTP 400) or a user stop does not count against the breaker', async () => {
    hub.create('openai', { failureThreshold: 1 });
    fake.queue.push({ status: 400, message: 'Invalid schema for function get_key_levels' });
    const error = await failure(provider().respond(fakeTurn().turn));
    expect(error.message).toContain('HTTP 400: Invalid schema');
    expect(hub.get('openai')!.state).toBe('closed');

    fake.queue.push({ ...textAnswer('first ', 'never'), stallAfter: 1 });
    const t = fakeTurn();
    const stopped = provider().respond(t.turn);
    await waitFor(() => t.tokens().length === 1);
    t.abort.abort();
    expect((await failure(stopped)).code).toBe('aborted');
    expect(hub.get('openai')!.state).toBe('closed');
  });

  it('an unreachable server is provider_unavailable; no key is provider_unavailable without a request', async () => {
    const url = fake.baseURL;
    await fake.close();
    expect((await failure(provider({ baseURL: url }).respond(fakeTurn().turn))).code).toBe('provider_unavailable');
    fake = await startFakeOpenAi();
    const error = await failure(provider({ apiKey: () => undefined }).respond(fakeTurn().turn));
    expect(error.code).toBe('provider_unavailable');
    expect(fake.requests).toHaveLength(0);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
