import { afterEach, describe, expect, it } from 'vitest';
import type { ChatStreamEvent, ChatTurnResult } from '../../shared/schemas/chat';
import type { MarketStatus } from '../../shared/schemas/market';
import { gate, keyLevelsDouble, LEVELS_CARD, makeChatWorld, ScriptedProvider } from './testing';
import { ChatProviderError } from './types';

const NOW = Date.parse('2026-12-01T15:00:00.000Z'); // Tuesday 10:00 in New York

const MARKET: MarketStatus = {
  status: 'open',
  reason: 'Regular session',
  session: { date: '2026-12-01', preOpen: NOW - 6 * 3600e3, open: NOW - 1800e3, close: NOW + 6 * 3600e3, afterClose: NOW + 10 * 3600e3, earlyClose: false },
  nextOpen: NOW + 23.5 * 3600e3,
  nextClose: NOW + 6 * 3600e3,
  checkedAt: NOW,
};

type World = ReturnType<typeof makeChatWorld>;
let world: World | undefined;
afterEach(() => {
  world?.db.close();
  world = undefined;
});

function setUp(script: ConstructorParameters<typeof ScriptedProvider>[0]) {
  const provider = new ScriptedProvider(script);
  world = makeChatWorld({
    start: NOW,
    provider,
    functions: [keyLevelsDouble],
    handlers: {
      'market:status': () => MARKET,
    },
  });
  return { w: world, provider };
}

const types = (events: ChatStreamEvent[]) => events.map((e) => e.type);
const rows = (w: World) => w.db.prepare<{ role: string; content: string; status: string }>('SELECT role, content, status FROM ai_coach_messages ORDER BY created_at, rowid').all();
const sessionCount = (w: World) => (w.db.prepare<{ n: number }>('SELECT count(*) AS n FROM ai_coach_sessions').get()!).n;

describe('a chat turn', () => {
  it('streams start, tokens and call pairs in the provider order, then complete and end', async () => {
    const { w } = setUp([{ token: 'Let me check. ' }, { call: 'get_key_levels', args: '{"symbol":"SPX"}' }, { token: 'PDH is ' }, { token: '6050.' }]);
    const { events, result } = await w.send({ message: '  key levels for spx  ' });
    expect(types(events)).toEqual(['stream_start', 'token', 'function_call_start', 'function_call_result', 'token', 'token', 'message_complete', 'stream_end']);
    expect(events[0]).toEqual({ type: 'stream_start', sessionId: 'id-001', messageId: 'id-003', provider: 'offline' });
    expect(events[2]).toEqual({ type: 'function_call_start', id: 'call_id-004', name: 'get_key_levels', label: 'Checking key levels…', arguments: { symbol: 'SPX' } });
    expect(events[3]).toEqual({
      type: 'function_call_result',
      id: 'call_id-004',
      name: 'get_key_levels',
      status: 'ok',
      result: { symbol: 'SPX', pdh: 6050, pdl: 5981.25 },
      widget: LEVELS_CARD,
    });
    expect(result.ok).toBe(true);
    const turn = (result as { value: ChatTurnResult }).value;
    const { type: _type, ...complete } = events[6] as Extract<ChatStreamEvent, { type: 'message_complete' }>;
    expect(complete).toEqual(turn);
    expect(turn.message).toMatchObject({ id: 'id-003', role: 'assistant', content: 'Let me check. PDH is 6050.', status: 'complete', provider: 'offline', widgets: [LEVELS_CARD] });
    expect(turn.userMessage).toMatchObject({ id: 'id-002', role: 'user', content: 'key levels for spx' });
    expect(turn.functionCalls).toEqual([expect.objectContaining({ id: 'call_id-004', status: 'ok', arguments: { symbol: 'SPX' } })]);
  });

  it('writes the new session, the question and the answer, counts the query and announces it', async () => {
    const { w } = setUp([{ call: 'get_key_levels', args: { symbol: 'SPX' } }, { token: 'PDH 6050' }]);
    const { result } = await w.send({ message: 'key levels for spx' });
    const turn = (result as { value: ChatTurnResult }).value;
    expect(w.chat.get(turn.sessionId)).toEqual({
      session: expect.objectContaining({ id: turn.sessionId, title: 'key levels for spx', messageCount: 2, preview: 'PDH 6050' }),
      messages: [turn.userMessage, turn.message],
    });
    expect(w.profile.get().queriesUsedThisMonth).toBe(1);
    expect(w.events.filter((e) => e.name === 'chat:sessionsChanged').map((e) => e.payload)).toEqual([{ reason: 'created', id: turn.sessionId }]);
  });

  it('gives the provider the system prompt, the history with its past calls, the new message and the tools', async () => {
    const { w, provider } = setUp([{ call: 'get_key_levels', args: { symbol: 'SPX' }, id: 'call_a' }, { token: 'PDH 6050' }]);
    const first = (await w.send({ message: 'levels spx' })).result as { value: ChatTurnResult };
    w.chat.injectContext(first.value.sessionId, 'Open positions: long 2 SPY 600c 2026-12-19 @ 4.10');
    provider.script = [{ token: 'ok' }];
    await w.send({ sessionId: first.value.sessionId, message: 'and my SPY calls?' });
    const turn = provider.turns[1]!;
    const [system, ...rest] = turn.messages;
    expect(system!.role).toBe('system');
    expect(system!.content).toContain('Now: Tuesday, December 1, 2026 at 10:00 ET.');
    expect(system!.content).toContain('Market status: open (regular session) — Regular session; closes Tue 16:00 ET.');
    expect(system!.content).toContain('The trader: Trader, intermediate, day trader (intraday, 0DTE and weekly options); watches SPX, SPY, QQQ; default chart timeframe 5m.');
    expect(system!.content).toContain('<context>\nOpen positions: long 2 SPY 600c 2026-12-19 @ 4.10\n</context>');
    expect(rest).toEqual([
      { role: 'user', content: 'levels spx' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_a', type: 'function', function: { name: 'get_key_levels', arguments: '{"symbol":"SPX"}' } }] },
      { role: 'tool', tool_call_id: 'call_a', content: '{"symbol":"SPX","pdh":6050,"pdl":5981.25}' },
      { role: 'assistant', content: 'PDH 6050' },
      { role: 'user', content: 'and my SPY calls?' },
    ]);
    expect(turn.tools).toEqual([
      {
        name: 'get_key_levels',
        description: 'Key levels of a symbol.',
        parameters: { type: 'object', properties: { symbol: { type: 'string', minLength: 1, description: 'Ticker' } }, required: ['symbol'], additionalProperties: false },
      },
    ]);
  });

  it('on a provider error ends with error then stream_end and writes nothing of the turn', async () => {
    const { w } = setUp([{ token: 'Part' }, { call: 'get_key_levels', args: { symbol: 'SPX' } }, { fail: new ChatProviderError('provider_error', 'The model returned 500') }]);
    const { events, result } = await w.send({ message: 'levels' });
    expect(types(events)).toEqual(['stream_start', 'token', 'function_call_start', 'function_call_result', 'error', 'stream_end']);
    expect(events[4]).toEqual({ type: 'error', code: 'provider_error', message: 'The model returned 500', requestId: 'req-1' });
    expect(result).toEqual({ ok: false, error: { code: 'provider_error', message: 'The model returned 500', requestId: 'req-1' } });
    expect(sessionCount(w)).toBe(0);
    expect(rows(w)).toEqual([]);
    expect(w.profile.get().queriesUsedThisMonth).toBe(0);
    expect(w.events.filter((e) => e.name === 'chat:sessionsChanged')).toEqual([]);
  });

  it('on a crash of the provider reports internal (no details) and writes nothing in an existing session', async () => {
    const { w, provider } = setUp([{ token: 'Hi' }]);
    const first = ((await w.send({ message: 'hello' })).result as { value: ChatTurnResult }).value;
    provider.script = [{ token: 'x' }, { fail: new TypeError("Cannot read properties of undefined (reading 'x')") }];
    const { events, result } = await w.send({ sessionId: first.sessionId, message: 'again' });
    expect(events.slice(-2)).toEqual([{ type: 'error', code: 'internal', message: 'Internal error; see the log for this request id.', requestId: 'req-1' }, { type: 'stream_end' }]);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(rows(w)).toEqual([
      { role: 'user', content: 'hello', status: 'complete' },
      { role: 'assistant', content: 'Hi', status: 'complete' },
    ]);
  });

  it('on abort keeps the partial answer marked stopped and ends with error aborted + stream_end', async () => {
    const held = gate();
    const reached = gate();
    const { w } = setUp([
      { token: 'PDH is ' },
      { call: 'get_key_levels', args: { symbol: 'SPX' } },
      { wait: held.promise, reached: reached.open },
      { token: 'late' },
      { call: 'get_key_levels', args: { symbol: 'NDX' } },
    ]);
    const stop = new AbortController();
    const sending = w.send({ message: 'levels' }, stop.signal);
    await reached.promise;
    stop.abort();
    const { events, result } = await sending;
    expect(types(events)).toEqual(['stream_start', 'token', 'function_call_start', 'function_call_result', 'error', 'stream_end']);
    expect(events[4]).toMatchObject({ type: 'error', code: 'aborted' });
    expect(result).toMatchObject({ ok: false, error: { code: 'aborted' } });
    expect(rows(w)).toEqual([
      { role: 'user', content: 'levels', status: 'complete' },
      { role: 'assistant', content: 'PDH is ', status: 'stopped' },
    ]);
    const stored = w.chat.list({ limit: 10 })[0]!;
    expect(w.chat.get(stored.id).messages[1]!.functionCalls).toHaveLength(1);
    // The provider goes on after the stop: nothing more is streamed or stored.
    held.open();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(events).toHaveLength(6);
    expect(rows(w)[1]).toEqual({ role: 'assistant', content: 'PDH is ', status: 'stopped' });
  });

  it('regenerates: the new answer replaces the last one only once it is written', async () => {
    const { w, provider } = setUp([{ token: 'First answer' }]);
    const first = ((await w.send({ message: 'plan for spx' })).result as { value: ChatTurnResult }).value;

    provider.script = [{ token: 'half' }, { fail: new ChatProviderError('timeout', 'The model stayed silent for 60 s') }];
    const failed = await w.send({ sessionId: first.sessionId, regenerate: true });
    expect(failed.result).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(rows(w).map((r) => r.content)).toEqual(['plan for spx', 'First answer']);

    provider.script = [{ token: 'Second answer' }];
    const again = ((await w.send({ sessionId: first.sessionId, regenerate: true })).result as { value: ChatTurnResult }).value;
    expect(again.userMessage).toEqual(first.userMessage);
    expect(rows(w).map((r) => r.content)).toEqual(['plan for spx', 'Second answer']);
    expect(provider.turns.at(-1)!.messages.slice(1)).toEqual([{ role: 'user', content: 'plan for spx' }]);
    // A regenerate is not a new message of the user.
    expect(w.profile.get().queriesUsedThisMonth).toBe(1);
  });

  it('refuses before any event: an unknown session, nothing to regenerate, an empty message', async () => {
    const { w } = setUp([{ token: 'x' }]);
    const empty = w.chat.create();
    const cases: [unknown, string, RegExp][] = [
      [{ sessionId: 'nope', message: 'hi' }, 'not_found', /No chat session nope/],
      [{ sessionId: empty.id, regenerate: true }, 'invalid_input', /Nothing to regenerate/],
      [{ message: '   ' }, 'invalid_input', /Message cannot be empty/],
      [{ regenerate: true }, 'invalid_input', /regenerate with a sessionId/],
    ];
    for (const [input, code, message] of cases) {
      const { events, result } = await w.send(input as never);
      expect(events).toEqual([]);
      expect(result).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
    }
  });

  it('feeds a refused call back to the model and goes on', async () => {
    const { w, provider } = setUp([{ call: 'get_key_levels', args: '{"symbol": 5}' }, { token: 'Sorry, which symbol?' }]);
    const { events } = await w.send({ message: 'levels' });
    expect(events[2]).toMatchObject({ type: 'function_call_result', status: 'error', result: { error: expect.stringContaining('Invalid arguments for get_key_levels: symbol:') } });
    expect(provider.results[0]).toMatchObject({ status: 'error' });
    expect(types(events).slice(-2)).toEqual(['message_complete', 'stream_end']);
  });
});
