import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CoachError } from '../../shared/errors';
import type { Widget } from '../../shared/schemas/chat-widgets';
import { createDispatcher, type CallContext } from '../contract/dispatcher';
import { createLogger, silentLogger } from '../observability/logger';
import { STUB_PROFILE, stubHandlers } from '../testing/stub-handlers';
import { FunctionExecutor, parseArguments, toolSpec, type CallStart, type ExecutionContext } from './executor';
import { defineFunction } from './types';

const seen: CallContext[] = [];
const dispatch = createDispatcher(
  stubHandlers({
    'market:quote': ({ symbol }, ctx) => {
      seen.push(ctx);
      if (symbol === 'NOPE') throw new CoachError('not_found', 'Unknown symbol NOPE');
      return { symbol, last: 601.25, change: 0, changePercent: 0, prevClose: 601.25, session: 'open', time: 0, source: 'simulated' };
    },
  }),
  { logger: silentLogger, validateOutput: true },
);

const quote = defineFunction({
  name: 'get_current_price',
  description: 'Last price of a symbol.',
  label: 'Getting the price…',
  parameters: z.object({ symbol: z.string().min(1).describe('Ticker, e.g. SPY'), note: z.string().optional() }).strict(),
  async run({ symbol }, ctx) {
    const q = await ctx.call('market:quote', { symbol });
    return { result: { symbol: q.symbol, last: q.last, when: new Date(0), skipped: undefined } };
  },
});

const BAD_CARD = { type: 'key_levels', title: 'SPY', data: { symbol: 'SPY' } } as unknown as Widget;
const GOOD_CARD: Widget = { type: 'alert_status', title: 'Alerts', data: { action: 'list', alerts: [] } };

const cards = defineFunction({
  name: 'draw',
  description: 'Draws a card.',
  label: 'Drawing…',
  parameters: z.object({ good: z.boolean() }).strict(),
  run: async ({ good }) => ({ result: { drawn: good }, widget: good ? GOOD_CARD : BAD_CARD }),
});

const crashing = defineFunction({
  name: 'crash',
  description: 'Crashes.',
  label: 'Crashing…',
  parameters: z.object({}).strict(),
  run: () => Promise.reject(new TypeError('x is undefined')),
});

function setUp() {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({ level: 'debug', console: false, sink: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  const ctx: ExecutionContext = { dispatch, requestId: 'req-42', log, signal: new AbortController().signal, profile: STUB_PROFILE, now: 0 };
  const starts: CallStart[] = [];
  const executor = new FunctionExecutor([quote, cards, crashing]);
  const run = (name: string, args: string | Record<string, unknown>, overrides: Partial<ExecutionContext> = {}) =>
    executor.execute(name, args, 'c1', { ...ctx, ...overrides }, (s) => starts.push(s));
  return { executor, run, starts, lines };
}

describe('parseArguments', () => {
  it.each([
    ['{"symbol":"SPY"}', { ok: true, value: { symbol: 'SPY' } }],
    ['', { ok: true, value: {} }],
    ['  ', { ok: true, value: {} }],
    ['[1]', { ok: true, value: [1] }],
  ])('reads %j', (text, parsed) => {
    expect(parseArguments(text)).toEqual(parsed);
  });

  it('names bad JSON and keeps the raw text', () => {
    const parsed = parseArguments('{"symbol": "SPY"');
    expect(parsed).toMatchObject({ ok: false, raw: '{"symbol": "SPY"', error: expect.stringMatching(/^Arguments are not valid JSON \(.+\); send a JSON object$/) });
  });
});

describe('FunctionExecutor', () => {
  it('runs a function through the contract under the turn request id, with plain JSON results', async () => {
    const { run, starts } = setUp();
    seen.length = 0;
    const record = await run('get_current_price', '{"symbol":"SPY"}');
    expect(record).toEqual({ id: 'c1', name: 'get_current_price', arguments: { symbol: 'SPY' }, status: 'ok', result: { symbol: 'SPY', last: 601.25, when: '1970-01-01T00:00:00.000Z' }, ms: expect.any(Number) });
    expect(record.ms).toBeGreaterThanOrEqual(0);
    expect(starts).toEqual([{ id: 'c1', name: 'get_current_price', label: 'Getting the price…', arguments: { symbol: 'SPY' } }]);
    expect(seen.map((c) => [c.requestId, c.transport])).toEqual([['req-42', 'internal']]);
  });

  it('turns bad JSON into an error record the model reads, still announcing the call', async () => {
    const { run, starts } = setUp();
    const record = await run('get_current_price', '{symbol: SPY}');
    expect(record).toMatchObject({ status: 'error', arguments: '{symbol: SPY}', error: expect.stringMatching(/^Arguments are not valid JSON/) });
    expect(record.result).toEqual({ error: record.error });
    expect(starts).toHaveLength(1);
  });

  it.each([
    ['{"symbol": 5}', 'Invalid arguments for get_current_price: symbol: Invalid input: expected string, received number'],
    ['{}', 'Invalid arguments for get_current_price: symbol: Invalid input: expected string, received undefined'],
    ['{"symbol":"SPY","strike":600}', 'Invalid arguments for get_current_price: Unrecognized key: "strike"'],
    ['[1]', 'Invalid arguments for get_current_price: Invalid input: expected object, received array'],
  ])('refuses %s with the zod message', async (args, error) => {
    const { run } = setUp();
    expect(await run('get_current_price', args)).toMatchObject({ status: 'error', error });
  });

  it('refuses an unknown function, listing the known ones', async () => {
    const { run, starts } = setUp();
    expect(await run('get_weather', {})).toMatchObject({ status: 'error', error: 'Unknown function get_weather. Available: get_current_price, draw, crash' });
    expect(starts[0]!.label).toBe('Calling get_weather…');
  });

  it("reports a service's refusal in its own words", async () => {
    const { run } = setUp();
    expect(await run('get_current_price', { symbol: 'NOPE' })).toMatchObject({ status: 'error', error: 'Unknown symbol NOPE', result: { error: 'Unknown symbol NOPE' } });
  });

  it('survives a crashing function and logs it as an error', async () => {
    const { run, lines } = setUp();
    expect(await run('crash', {})).toMatchObject({ status: 'error', error: 'x is undefined' });
    expect(lines.find((l) => l.level === 'error')).toMatchObject({ msg: 'function crashed', function: 'crash', callId: 'c1' });
  });

  it('keeps a valid card and drops (and logs) one that breaks its schema', async () => {
    const { run, lines } = setUp();
    expect(await run('draw', { good: true })).toMatchObject({ status: 'ok', widget: GOOD_CARD });
    const bad = await run('draw', { good: false });
    expect(bad).toMatchObject({ status: 'ok', result: { drawn: false } });
    expect(bad).not.toHaveProperty('widget');
    expect(lines.find((l) => l.level === 'warn')).toMatchObject({ msg: 'widget dropped: it breaks its schema', type: 'key_levels' });
  });

  it('does not start a function once the turn is stopped', async () => {
    const { run } = setUp();
    seen.length = 0;
    expect(await run('get_current_price', { symbol: 'SPY' }, { signal: AbortSignal.abort() })).toMatchObject({ status: 'error', error: 'Stopped by the user' });
    expect(seen).toEqual([]);
  });

  it('refuses two functions of one name', () => {
    expect(() => new FunctionExecutor([quote, quote])).toThrow('Chat function get_current_price is registered twice');
  });
});

describe('toolSpec', () => {
  it('gives the model the JSON schema of the arguments, without the dialect', () => {
    expect(toolSpec(quote)).toEqual({
      name: 'get_current_price',
      description: 'Last price of a symbol.',
      parameters: {
        type: 'object',
        properties: { symbol: { type: 'string', minLength: 1, description: 'Ticker, e.g. SPY' }, note: { type: 'string' } },
        required: ['symbol'],
        additionalProperties: false,
      },
    });
  });
});
