import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CallResult } from '../../shared/errors';
import type { ChatStreamEvent, ChatTurnResult } from '../../shared/schemas/chat';
import { ConfirmedPositionSchema, type ConfirmedPosition, type ScreenshotContextInput } from '../../shared/schemas/screenshot';
import { createStreamDispatcher } from '../contract/stream-dispatcher';
import { silentLogger } from '../observability/logger';
import { contextPositions } from './providers/offline/conversation';
import { formatScreenshotContext, SCREENSHOT_ANALYSIS_MESSAGE, screenshotSessionTitle } from './screenshot-context';
import { makeChatWorld, ScriptedProvider } from './testing';
import { ChatProviderError } from './types';

const NOW = Date.parse('2026-12-01T15:00:00.000Z'); // Tuesday 10:00 in New York

const POSITIONS: ConfirmedPosition[] = [
  { symbol: 'SPY', assetType: 'call', strike: 600, expiry: '2025-06-20', quantity: 2, side: 'long', avgPrice: 4.2, mark: 5.1, pnl: 180 },
  { symbol: 'SPY', assetType: 'put', strike: 580.5, expiry: '2025-06-20', quantity: 1, side: 'short', avgPrice: 2, mark: null, pnl: -1234.5 },
  { symbol: 'QQQ', assetType: 'stock', quantity: 100, side: 'long', avgPrice: 500 },
];

describe('formatScreenshotContext', () => {
  const text = formatScreenshotContext(POSITIONS, { broker: 'thinkorswim', extractionId: 'read-7', at: NOW });

  it('writes a summary line per position and a JSON block with the exact fields', () => {
    expect(text).toBe(
      [
        "Open positions from the trader's broker screenshot (thinkorswim), confirmed Tuesday, December 1, 2026 at 10:00 ET, reading read-7: 3 positions on SPY, QQQ.",
        '- Long 2 SPY 2025-06-20 600 call @ 4.20, mark 5.10, P&L +$180',
        '- Short 1 SPY 2025-06-20 580.5 put @ 2.00, P&L -$1,234.50',
        '- Long 100 QQQ shares @ 500.00',
        'Quantities are contracts (options) or shares; prices are per share as the broker quotes them; P&L is in dollars as the broker showed it.',
        'For risk, greeks and P&L call analyze_position with these legs (one call per underlying: right = assetType, quantity negative when short, price = avgPrice), or analyze_portfolio for positions stored in the app.',
        '```json',
        '{"positions": [',
        '  {"symbol":"SPY","assetType":"call","strike":600,"expiry":"2025-06-20","quantity":2,"side":"long","avgPrice":4.2,"mark":5.1,"pnl":180},',
        '  {"symbol":"SPY","assetType":"put","strike":580.5,"expiry":"2025-06-20","quantity":1,"side":"short","avgPrice":2,"mark":null,"pnl":-1234.5},',
        '  {"symbol":"QQQ","assetType":"stock","strike":null,"expiry":null,"quantity":100,"side":"long","avgPrice":500,"mark":null,"pnl":null}',
        ']}',
        '```',
      ].join('\n'),
    );
  });

  it('the JSON block round-trips through ConfirmedPositionSchema', () => {
    const json = /```json\n([\s\S]*?)\n```/.exec(text)![1]!;
    const parsed = z.object({ positions: z.array(ConfirmedPositionSchema) }).strict().parse(JSON.parse(json));
    expect(parsed.positions).toEqual(POSITIONS.map((p) => ({ strike: null, expiry: null, mark: null, pnl: null, ...p })));
  });

  it('without broker or reading id says less', () => {
    expect(formatScreenshotContext(POSITIONS.slice(2), { at: NOW }).split('\n')[0]).toBe(
      "Open positions from the trader's broker screenshot, confirmed Tuesday, December 1, 2026 at 10:00 ET: 1 position on QQQ.",
    );
  });

  it('is what the offline coach reads as analyze_position legs, one position per underlying, with the broker\'s marks and P&L', () => {
    expect(contextPositions([text])).toEqual([
      {
        underlying: 'SPY',
        legs: [
          { right: 'call', strike: 600, expiry: '2025-06-20', quantity: 2, price: 4.2 },
          { right: 'put', strike: 580.5, expiry: '2025-06-20', quantity: -1, price: 2 },
        ],
        brokerMarks: [5.1, null],
        // The broker's P&L of the underlying, when it showed one for each leg: 180 − 1,234.50.
        brokerPnl: -1054.5,
      },
      { underlying: 'QQQ', legs: [{ right: 'stock', quantity: 100, price: 500 }], brokerMarks: [null] },
    ]);
  });

  it('a later screenshot replaces the earlier one (the book as it is now, not both added up)', () => {
    const later = formatScreenshotContext(POSITIONS.slice(2), { at: NOW + 3_600_000 });
    expect(contextPositions([text, 'Note: I trade the open.', later])).toEqual([{ underlying: 'QQQ', legs: [{ right: 'stock', quantity: 100, price: 500 }], brokerMarks: [null] }]);
  });

  it('titles a new session by the underlyings', () => {
    expect(screenshotSessionTitle(POSITIONS)).toBe('Screenshot positions (SPY, QQQ)');
    const many = ['SPY', 'QQQ', 'IWM', 'AAPL', 'TSLA'].map((symbol) => ({ ...POSITIONS[2]!, symbol }));
    expect(screenshotSessionTitle(many)).toBe('Screenshot positions (SPY, QQQ, IWM, AAPL, …)');
  });
});

describe('ChatService.injectScreenshotContext', () => {
  let world: ReturnType<typeof makeChatWorld> | undefined;
  afterEach(() => world?.db.close());

  function setUp(provider = new ScriptedProvider([{ token: 'Looking at your positions.' }])) {
    world = makeChatWorld({ start: NOW, provider });
    const streams = createStreamDispatcher(world.chat.streamHandlers(), { logger: silentLogger, validateOutput: true });
    const inject = async (input: ScreenshotContextInput | Record<string, unknown>) => {
      const events: ChatStreamEvent[] = [];
      const result = await streams('chat:screenshotContext', input, { transport: 'internal', requestId: 'req-s', signal: new AbortController().signal, emit: (e) => events.push(e as ChatStreamEvent) });
      return { events, result: result as CallResult<ChatTurnResult> };
    };
    const counts = () => ({
      sessions: world!.db.prepare<{ n: number }>('SELECT count(*) AS n FROM ai_coach_sessions').get()!.n,
      messages: world!.db.prepare<{ n: number }>('SELECT count(*) AS n FROM ai_coach_messages').get()!.n,
    });
    return { w: world, provider, inject, counts };
  }

  it('stores the positions in a new session, then answers the automatic message like any turn', async () => {
    const { w, provider, inject } = setUp();
    const { events, result } = await inject({ positions: POSITIONS, broker: 'thinkorswim', extractionId: 'read-7' });
    expect(events.map((e) => e.type)).toEqual(['stream_start', 'token', 'message_complete', 'stream_end']);
    const turn = (result as { ok: true; value: ChatTurnResult }).value;
    const { session, messages } = w.chat.get(turn.sessionId);
    // The context message is not counted among the conversation's messages.
    expect(session).toMatchObject({ title: 'Screenshot positions (SPY, QQQ)', messageCount: 2 });
    expect(messages.map((m) => [m.role, m.content])).toEqual([
      ['system', formatScreenshotContext(POSITIONS, { broker: 'thinkorswim', extractionId: 'read-7', at: NOW })],
      ['user', SCREENSHOT_ANALYSIS_MESSAGE],
      ['assistant', 'Looking at your positions.'],
    ]);
    // The engine saw the positions in its system prompt.
    expect(provider.turns[0]!.messages[0]!.content).toContain('<context>\nOpen positions from the trader\'s broker screenshot (thinkorswim)');
    expect(w.events.filter((e) => e.name === 'chat:sessionsChanged').map((e) => e.payload)).toEqual([
      { reason: 'created', id: turn.sessionId },
      { reason: 'message', id: turn.sessionId },
    ]);
  });

  it('adds them to an existing session', async () => {
    const { w, inject } = setUp();
    const session = w.chat.create('Morning');
    const { result } = await inject({ sessionId: session.id, positions: POSITIONS.slice(0, 1) });
    expect(result).toMatchObject({ ok: true, value: { sessionId: session.id } });
    expect(w.chat.get(session.id).messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
    expect(w.chat.get(session.id).session.title).toBe('Morning');
  });

  it('refuses invalid positions and an unknown session before storing anything', async () => {
    const { inject, counts, provider } = setUp();
    const before = counts();
    const noStrike = await inject({ positions: [{ ...POSITIONS[0]!, strike: null }] });
    expect(noStrike).toMatchObject({ events: [], result: { ok: false, error: { code: 'invalid_input', message: expect.stringContaining('An option (SPY call) needs a strike') } } });
    const badSymbol = await inject({ positions: [{ ...POSITIONS[2]!, symbol: '12$' }] });
    expect(badSymbol.result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await inject({ positions: [] })).result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('Confirm at least one position') } });
    const unknown = await inject({ sessionId: 'no-such-session', positions: POSITIONS });
    expect(unknown).toMatchObject({ events: [], result: { ok: false, error: { code: 'not_found' } } });
    expect(counts()).toEqual(before);
    expect(provider.turns).toEqual([]);
  });

  it('a failing analysis keeps the confirmed positions and says so', async () => {
    const { w, inject, counts } = setUp(new ScriptedProvider([{ fail: new ChatProviderError('provider_error', 'The model returned 500.') }]));
    const { events, result } = await inject({ positions: POSITIONS });
    const message = 'The model returned 500. Your positions are saved in this chat: ask about them again when ready.';
    expect(events.slice(-2)).toEqual([{ type: 'error', code: 'provider_error', message, requestId: 'req-s' }, { type: 'stream_end' }]);
    expect(result).toMatchObject({ ok: false, error: { code: 'provider_error', message } });
    const start = events[0] as Extract<ChatStreamEvent, { type: 'stream_start' }>;
    expect(counts()).toEqual({ sessions: 1, messages: 1 });
    expect(w.chat.get(start.sessionId).messages.map((m) => m.role)).toEqual(['system']);
  });
});
