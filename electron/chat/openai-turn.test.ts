import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpCoachApi } from '../../shared/client';
import type { ChatStreamEvent, ChatTurnResult } from '../../shared/schemas/chat';
import { createStreamDispatcher } from '../contract/stream-dispatcher';
import { BreakerHub } from '../net/circuit-breaker';
import { silentLogger } from '../observability/logger';
import { startFakeOpenAi, textAnswer, toolCallDeltas, type FakeOpenAi } from '../testing/fake-openai';
import { startTestHost, TEST_TOKEN } from '../testing/test-host';
import { OpenAiProvider } from './providers/openai';
import { gate, keyLevelsDouble, LEVELS_CARD, makeChatWorld } from './testing';
import type { ModelMessage } from './types';

/**
 * Whole turns through the chat service with the real OpenAI provider and the real `openai` SDK
 * talking to a local OpenAI-compatible server: the events a client sees and what is stored.
 */

const NOW = Date.parse('2026-12-01T15:00:00.000Z');

let fake: FakeOpenAi;
let world: ReturnType<typeof makeChatWorld>;

beforeEach(async () => {
  fake = await startFakeOpenAi();
  const provider = new OpenAiProvider({ apiKey: () => 'sk-turn-test-0123456789', baseURL: fake.baseURL, model: 'test-model', timeoutMs: 10_000, breaker: new BreakerHub().create('openai') });
  world = makeChatWorld({ start: NOW, provider, functions: [keyLevelsDouble] });
});
afterEach(async () => {
  world.db.close();
  await fake.close();
});

const types = (events: ChatStreamEvent[]) => events.map((e) => e.type);
const storedRows = () => world.db.prepare<{ role: string; content: string; status: string }>('SELECT role, content, status FROM ai_coach_messages ORDER BY created_at, rowid').all();
const sessionCount = () => world.db.prepare<{ n: number }>('SELECT count(*) AS n FROM ai_coach_sessions').get()!.n;

describe('a chat turn answered by the OpenAI provider', () => {
  it('streams the events exactly in the protocol order and stores what was streamed', async () => {
    fake.queue.push(
      { deltas: [{ content: 'Checking ' }, { content: 'SPX. ' }, ...toolCallDeltas(0, 'call_lv', 'get_key_levels', ['{"sym', 'bol":"S', 'PX"}'])] },
      textAnswer('PDH is ', '6050', ', PDL ', '5981.25.'),
    );
    const { events, result } = await world.send({ message: 'key levels for spx' });

    expect(types(events)).toEqual(['stream_start', 'token', 'token', 'function_call_start', 'function_call_result', 'token', 'token', 'token', 'token', 'message_complete', 'stream_end']);
    expect(events[0]).toMatchObject({ type: 'stream_start', provider: 'openai' });
    expect(events[3]).toEqual({ type: 'function_call_start', id: 'call_lv', name: 'get_key_levels', label: 'Checking key levels…', arguments: { symbol: 'SPX' } });
    expect(events[4]).toEqual({ type: 'function_call_result', id: 'call_lv', name: 'get_key_levels', status: 'ok', result: { symbol: 'SPX', pdh: 6050, pdl: 5981.25 }, widget: LEVELS_CARD });

    const turn = (result as { ok: true; value: ChatTurnResult }).value;
    expect(turn.message).toMatchObject({ content: 'Checking SPX. PDH is 6050, PDL 5981.25.', status: 'complete', provider: 'openai', widgets: [LEVELS_CARD] });
    expect(world.chat.get(turn.sessionId).messages).toEqual([turn.userMessage, turn.message]);
    // The second model call got the assistant's tool call and the function's result.
    expect((fake.requests[1]!.body.messages as ModelMessage[]).slice(-2)).toEqual([
      { role: 'assistant', content: 'Checking SPX. ', tool_calls: [{ id: 'call_lv', type: 'function', function: { name: 'get_key_levels', arguments: '{"symbol":"SPX"}' } }] },
      { role: 'tool', tool_call_id: 'call_lv', content: '{"symbol":"SPX","pdh":6050,"pdl":5981.25}' },
    ]);
  });

  it('a 500 on the call after a function ran → error then stream_end, nothing stored', async () => {
    fake.queue.push({ deltas: toolCallDeltas(0, 'call_1', 'get_key_levels', ['{"symbol":"SPX"}']) }, { status: 500, message: 'The server had an error while processing your request.' });
    const { events, result } = await world.send({ message: 'levels spx' });
    expect(types(events)).toEqual(['stream_start', 'function_call_start', 'function_call_result', 'error', 'stream_end']);
    expect(events[3]).toMatchObject({ type: 'error', code: 'provider_error', message: expect.stringContaining('HTTP 500') });
    expect(result).toMatchObject({ ok: false, error: { code: 'provider_error' } });
    expect(sessionCount()).toBe(0);
    expect(storedRows()).toEqual([]);
  });

  it('a connection dropped mid-stream → the tokens so far, error, stream_end, nothing stored in the existing session', async () => {
    fake.queue.push(textAnswer('Hello.'));
    const first = ((await world.send({ message: 'hi' })).result as { ok: true; value: ChatTurnResult }).value;
    fake.queue.push({ ...textAnswer('SPX ', 'is ', 'at'), dropAfter: 2 });
    const { events } = await world.send({ sessionId: first.sessionId, message: 'where is spx?' });
    expect(types(events)).toEqual(['stream_start', 'token', 'token', 'error', 'stream_end']);
    expect(events[3]).toMatchObject({ type: 'error', code: 'provider_error', message: expect.stringContaining('dropped mid-answer') });
    expect(storedRows()).toEqual([
      { role: 'user', content: 'hi', status: 'complete' },
      { role: 'assistant', content: 'Hello.', status: 'complete' },
    ]);
  });

  it('a stop mid-stream closes the request to the model and keeps the partial answer as stopped', async () => {
    fake.queue.push({ ...textAnswer('Support ', 'is ', 'never sent'), stallAfter: 2 });
    // Through the contract's stream dispatcher, watching the events as they come.
    const streams = createStreamDispatcher(world.chat.streamHandlers(), { logger: silentLogger, validateOutput: true });
    const events: ChatStreamEvent[] = [];
    const stop = new AbortController();
    const sending = streams('chat:send', { message: 'support for spx?' }, { transport: 'internal', signal: stop.signal, emit: (e) => events.push(e as ChatStreamEvent) });
    while (events.filter((e) => e.type === 'token').length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    stop.abort();
    expect(await sending).toMatchObject({ ok: false, error: { code: 'aborted' } });
    expect(types(events)).toEqual(['stream_start', 'token', 'token', 'error', 'stream_end']);
    await fake.requests[0]!.closed;
    expect(fake.requests[0]!.closedByClient).toBe(true);
    expect(storedRows()).toEqual([
      { role: 'user', content: 'support for spx?', status: 'complete' },
      { role: 'assistant', content: 'Support is ', status: 'stopped' },
    ]);
  });
});

describe('the host', () => {
  it('answers with the model at OPENAI_BASE_URL / OPENAI_MODEL once OPENAI_API_KEY is set, and reports it in health', async () => {
    const key = 'sk-host-test-0123456789abcdef';
    const t = await startTestHost({ env: { OPENAI_API_KEY: key, OPENAI_BASE_URL: `${fake.baseURL}/`, OPENAI_MODEL: 'llama3.1:8b' } });
    try {
      fake.queue.push(textAnswer('Hi ', 'there.'));
      const events: ChatStreamEvent[] = [];
      const result = await t.host.streams('chat:send', { message: 'hello' }, { transport: 'internal', signal: new AbortController().signal, emit: (e) => events.push(e as ChatStreamEvent) });
      expect(result).toMatchObject({ ok: true, value: { message: { content: 'Hi there.', provider: 'openai' } } });
      expect(events[0]).toMatchObject({ type: 'stream_start', provider: 'openai' });
      expect(fake.requests[0]).toMatchObject({ url: '/v1/chat/completions', authorization: `Bearer ${key}`, body: { model: 'llama3.1:8b', stream: true } });
      const health = (await (await t.request('/health/ready', { token: null })).json()) as { checks: { name: string }[] };
      expect(health.checks.find((c) => c.name === 'provider:chat')).toMatchObject({ status: 'ok', detail: 'openai (llama3.1:8b) configured', data: { configured: true, breaker: 'closed' } });
    } finally {
      await t.close();
    }
  });

  it("over HTTP with the web renderer's CoachApi.stream: Stop closes the request to the model and keeps the partial answer", async () => {
    const t = await startTestHost({ env: { OPENAI_API_KEY: 'sk-host-test-0123456789abcdef', OPENAI_BASE_URL: fake.baseURL } });
    try {
      fake.queue.push({ ...textAnswer('Support ', 'is ', 'never sent'), stallAfter: 2 });
      const api = httpCoachApi({ baseUrl: t.server.url, token: TEST_TOKEN });
      const events: ChatStreamEvent[] = [];
      const twoTokens = gate();
      const stop = new AbortController();
      const sending = api.stream('chat:send', { message: 'support for spx?' }, {
        signal: stop.signal,
        onEvent: (event) => {
          events.push(event);
          if (events.filter((e) => e.type === 'token').length === 2) twoTokens.open();
        },
      });
      await twoTokens.promise;
      stop.abort();
      await expect(sending).rejects.toMatchObject({ code: 'aborted' });
      expect(types(events)).toEqual(['stream_start', 'token', 'token']);
      await fake.requests[0]!.closed;
      expect(fake.requests[0]!.closedByClient).toBe(true);
      // The server notices the dropped client on its own time.
      const stored = () => t.host.chat.list({ limit: 10 }).flatMap((session) => t.host.chat.get(session.id).messages);
      while (stored().length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(stored().map((m) => [m.role, m.content, m.status, m.provider])).toEqual([
        ['user', 'support for spx?', 'complete', null],
        ['assistant', 'Support is ', 'stopped', 'openai'],
      ]);
    } finally {
      await t.close();
    }
  });
});
