import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSse } from '../../shared/client';
import type { StreamName } from '../../shared/contract';
import type { CallResult } from '../../shared/errors';
import type { ChatStreamEvent, ChatTurnResult } from '../../shared/schemas/chat';
import type { PositionAnalysis, PositionAnalyzeInput } from '../../shared/schemas/positions';
import type { ConfirmedPosition } from '../../shared/schemas/screenshot';
import { createHost, type Host } from '../host';
import { marketDate } from '../market/calendar';
import { makeTempDir, startTestHost, type TestHost } from '../testing/test-host';
import { SCREENSHOT_ANALYSIS_MESSAGE } from './screenshot-context';

/**
 * Screenshot positions handed to the offline coach on a real host (real functions, simulated
 * market): the streamed analysis with its cards, follow-ups answered from the stored positions
 * (also after a restart), and the HTTP route. Numbers are checked by hand (shares) or against
 * `positions:analyze` called directly with legs written here.
 */

const json = { 'content-type': 'application/json' };

async function stream(host: Host, name: StreamName, input: unknown): Promise<{ events: ChatStreamEvent[]; result: CallResult<ChatTurnResult> }> {
  const events: ChatStreamEvent[] = [];
  const result = await host.streams(name, input, { transport: 'internal', signal: new AbortController().signal, emit: (e) => events.push(e as ChatStreamEvent) });
  return { events, result: result as CallResult<ChatTurnResult> };
}

function answer(run: { result: CallResult<ChatTurnResult> }): ChatTurnResult {
  if (!run.result.ok) throw new Error(`${run.result.error.code}: ${run.result.error.message}`);
  return run.result.value;
}

/** The number after "Total delta: " in an answer (ASCII sign, thousands separators). */
function totalDelta(text: string): number {
  const match = /Total delta: ([+-][\d,.]+)/.exec(text);
  if (!match) throw new Error(`No total delta in: ${text}`);
  return Number(match[1]!.replace(/,/g, ''));
}

/** A Friday about two months ahead (New York), so the options are neither expired nor far out. */
function fridayAhead(): string {
  const day = new Date(`${marketDate(Date.now() + 60 * 86_400_000)}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + ((5 - day.getUTCDay() + 7) % 7));
  return day.toISOString().slice(0, 10);
}

async function last(host: Host, symbol: string): Promise<number> {
  const quote = await host.dispatch('market:quote', { symbol }, { transport: 'internal' });
  if (!quote.ok) throw new Error(quote.error.message);
  return (quote.value as { last: number }).last;
}

/** The analyser's dollar delta of legs written by hand, summed over the underlyings. */
async function analysedDelta(host: Host, positions: PositionAnalyzeInput[]): Promise<number> {
  let total = 0;
  for (const input of positions) {
    const result = await host.dispatch('positions:analyze', input, { transport: 'internal' });
    if (!result.ok) throw new Error(result.error.message);
    total += (result.value as PositionAnalysis).totals.delta;
  }
  return total;
}

describe('screenshot positions analysed by the offline coach (real host)', () => {
  let t: TestHost;
  let expiry: string;
  let positions: ConfirmedPosition[];
  let spy: number;
  let qqq: number;
  beforeAll(async () => {
    // The market held still: the answers are compared with reads of the same prices taken after them.
    const at = Date.now();
    t = await startTestHost({ marketClock: () => at });
    expiry = fridayAhead();
    spy = Math.round(await last(t.host, 'SPY'));
    qqq = await last(t.host, 'QQQ');
    positions = [
      { symbol: 'SPY', assetType: 'call', strike: spy, expiry, quantity: 2, side: 'long', avgPrice: 4.2, mark: 5.1, pnl: 180 },
      { symbol: 'QQQ', assetType: 'stock', quantity: 100, side: 'long', avgPrice: 500 },
      { symbol: 'QQQ', assetType: 'call', strike: Math.round(qqq) + 10, expiry, quantity: 1, side: 'short', avgPrice: 3 },
    ];
  });
  afterAll(() => t.close());

  it('streams the analysis with a position_summary card per underlying; "what is my total delta?" answers the analyser\'s sum', async () => {
    const run = await stream(t.host, 'chat:screenshotContext', { positions, broker: 'thinkorswim' });
    const types = run.events.map((e) => e.type);
    expect(types[0]).toBe('stream_start');
    expect(types.slice(-2)).toEqual(['message_complete', 'stream_end']);
    const starts = run.events.filter((e) => e.type === 'function_call_start');
    expect(starts.map((e) => [e.name, (e.arguments as { underlying: string }).underlying])).toEqual([
      ['analyze_position', 'SPY'],
      ['analyze_position', 'QQQ'],
    ]);
    const cards = run.events.flatMap((e) => (e.type === 'function_call_result' && e.widget ? [e.widget.type] : []));
    expect(cards).toEqual(['position_summary', 'position_summary']);
    const turn = answer(run);
    expect(turn.userMessage.content).toBe(SCREENSHOT_ANALYSIS_MESSAGE);
    expect(turn.message.widgets.map((w) => w.type)).toEqual(['position_summary', 'position_summary']);

    // Independently: the same legs, written here, through positions:analyze.
    const expected = await analysedDelta(t.host, [
      { legs: [{ kind: 'option', symbol: 'SPY', right: 'call', strike: spy, expiry, quantity: 2, price: 4.2 }] },
      { legs: [{ kind: 'stock', symbol: 'QQQ', quantity: 100, price: 500 }, { kind: 'option', symbol: 'QQQ', right: 'call', strike: Math.round(qqq) + 10, expiry, quantity: -1, price: 3 }] },
    ]);
    expect(totalDelta(turn.message.content)).toBeCloseTo(expected, 1);

    const followUp = answer(await stream(t.host, 'chat:send', { sessionId: turn.sessionId, message: 'what is my total delta?' }));
    expect(followUp.functionCalls.map((c) => c.name)).toEqual(['analyze_position', 'analyze_position']);
    expect(followUp.message.content).toContain('shares across SPY, QQQ.');
    expect(totalDelta(followUp.message.content)).toBeCloseTo(expected, 1);
  });

  it('shares only: the total delta is the signed share count, by hand (+100 − 40 = +60)', async () => {
    const stocks: ConfirmedPosition[] = [
      { symbol: 'QQQ', assetType: 'stock', quantity: 100, side: 'long', avgPrice: 500 },
      { symbol: 'SPY', assetType: 'stock', quantity: 40, side: 'short', avgPrice: 600 },
    ];
    const turn = answer(await stream(t.host, 'chat:screenshotContext', { positions: stocks }));
    const followUp = answer(await stream(t.host, 'chat:send', { sessionId: turn.sessionId, message: 'what is my total delta?' }));
    expect(followUp.message.content).toContain('**Total delta: +60** shares across QQQ, SPY.');
  });

  it('"should I close the losers?" names the losing positions from the analysed P&L', async () => {
    const book: ConfirmedPosition[] = [
      // Bought 50 above the price: 10 × −50 = −$500 by hand; the other bought 20 below: +$200.
      { symbol: 'QQQ', assetType: 'stock', quantity: 10, side: 'long', avgPrice: Math.round(qqq * 100 + 5000) / 100, pnl: -480 },
      { symbol: 'SPY', assetType: 'stock', quantity: 10, side: 'long', avgPrice: spy - 20, pnl: 210.5 },
    ];
    const turn = answer(await stream(t.host, 'chat:screenshotContext', { positions: book }));
    const followUp = answer(await stream(t.host, 'chat:send', { sessionId: turn.sessionId, message: 'should I close the losers?' }));
    const text = followUp.message.content;
    const pnlSpy = Math.round(10 * ((await last(t.host, 'SPY')) - (spy - 20)) * 100) / 100;
    expect(pnlSpy).toBeGreaterThan(0);
    const losing = /Losing: (.*)/.exec(text)?.[1] ?? '';
    expect(losing).toMatch(/QQQ.* −\$500\.\d\d/);
    expect(losing).not.toContain('SPY');
    expect(text).toContain('Whether to close them is your call');
    // The broker's own figures are quoted too: they can differ from the current marks.
    expect(text).toContain("Your broker's screenshot showed QQQ −$480.00, SPY +$210.50; losing there: QQQ −$480.00.");
  });

  it("broker marks far from the app's prices: said once, plainly, with the broker's own mark and P&L beside the app's", async () => {
    const nvda = await last(t.host, 'NVDA');
    // The broker marks NVDA 50 % above the app's price; bought 18.24 above that mark: 100 × −18.24 = −$1,824.00.
    const mark = Math.round(nvda * 150) / 100;
    const avgPrice = Math.round((mark + 18.24) * 100) / 100;
    const book: ConfirmedPosition[] = [
      { symbol: 'NVDA', assetType: 'stock', quantity: 100, side: 'long', avgPrice, mark, pnl: -1824 },
      { symbol: 'QQQ', assetType: 'stock', quantity: 10, side: 'long', avgPrice: 500, mark: Math.round(qqq * 100) / 100, pnl: Math.round((qqq - 500) * 1000) / 100 },
    ];
    const text = answer(await stream(t.host, 'chat:screenshotContext', { positions: book })).message.content;
    const notice = "Your broker's marks differ from this app's prices (simulated data unless a market data provider is set up): P&L below is at the app's prices; your broker showed −$1,824.00 on NVDA.";
    expect(text.split(notice)).toHaveLength(2);
    // Before the analysis it warns about, once.
    expect(text.indexOf(notice)).toBeLessThan(text.indexOf('**NVDA 100 shares**'));
    const line = new RegExp(`Your broker's screenshot: \\+100 NVDA shares mark ${mark.toFixed(2).replace('.', '\\.')} \\(here ([\\d.,]+)\\); P&L −\\$1,824\\.00 \\(here ([−+]?)\\$([\\d,.]+)\\)\\.`).exec(text);
    expect(line).not.toBeNull();
    const here = Number(line![1]!.replace(/,/g, ''));
    expect(Math.abs(here - nvda) / nvda).toBeLessThan(0.01);
    // The app's P&L, by hand from its own mark: 100 × (here − avgPrice).
    const herePnl = Number(line![3]!.replace(/,/g, '')) * (line![2] === '−' ? -1 : 1);
    expect(herePnl).toBeCloseTo(100 * (here - avgPrice), 1);
    // QQQ's marks agree with the app's: its figures are shown, no second warning.
    expect(text).toMatch(/Your broker's screenshot: \+10 QQQ shares mark [\d.,]+ \(here [\d.,]+\); P&L /);
    expect(text).toContain('**Total delta: +110** shares across NVDA, QQQ');
  });

  it('broker marks in line with the app\'s prices: no warning', async () => {
    const book: ConfirmedPosition[] = [{ symbol: 'QQQ', assetType: 'stock', quantity: 10, side: 'long', avgPrice: 500, mark: Math.round(qqq * 100) / 100, pnl: Math.round((qqq - 500) * 1000) / 100 }];
    const text = answer(await stream(t.host, 'chat:screenshotContext', { positions: book })).message.content;
    expect(text).toContain("Your broker's screenshot: +10 QQQ shares mark");
    expect(text).not.toContain('differ from this app');
  });
});

describe('screenshot positions survive a restart of the host', () => {
  it('asks "what is my total delta?" in a new host on the same data folder and gets the same number', async () => {
    const dataDir = makeTempDir();
    const open = () => createHost({ mode: 'web', version: '0.0.0-test', env: { TITM_DATA_DIR: dataDir, NODE_ENV: 'test', ALERT_WORKER_ENABLED: '0', SCANNER_WORKER_ENABLED: '0' }, logSink: () => {} });
    const positions: ConfirmedPosition[] = [
      { symbol: 'IWM', assetType: 'stock', quantity: 300, side: 'long', avgPrice: 220 },
      { symbol: 'SPY', assetType: 'stock', quantity: 75, side: 'short', avgPrice: 600 },
    ];
    try {
      const first = open();
      const turn = answer(await stream(first, 'chat:screenshotContext', { positions }));
      expect(turn.message.content).toContain('**Total delta: +225** shares across IWM, SPY');
      await first.stop();

      const second = open();
      try {
        const followUp = answer(await stream(second, 'chat:send', { sessionId: turn.sessionId, message: 'what is my total delta?' }));
        expect(followUp.message.content).toContain('**Total delta: +225** shares across IWM, SPY.');
        expect(second.chat.get(turn.sessionId).messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user', 'assistant']);
      } finally {
        await second.stop();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('POST /api/chat/screenshot-context', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(() => t.close());
  const body = JSON.stringify({ positions: [{ symbol: 'QQQ', assetType: 'stock', quantity: 10, side: 'long', avgPrice: 500 }] });

  it('answers JSON: the turn, with the card', async () => {
    const res = await t.request('/api/chat/screenshot-context', { method: 'POST', body, headers: json });
    expect(res.status).toBe(200);
    const turn = (await res.json()) as ChatTurnResult;
    expect(turn.userMessage.content).toBe(SCREENSHOT_ANALYSIS_MESSAGE);
    expect(turn.message.widgets.map((w) => w.type)).toEqual(['position_summary']);
    const stored = (await (await t.request(`/api/chat/sessions/${turn.sessionId}`)).json()) as { session: { title: string }; messages: { role: string }[] };
    expect(stored.session.title).toBe('Screenshot positions (QQQ)');
    expect(stored.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
  });

  it('streams SSE with Accept: text/event-stream', async () => {
    const res = await t.request('/api/chat/screenshot-context', { method: 'POST', body, headers: { ...json, accept: 'text/event-stream' } });
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const events: ChatStreamEvent[] = [];
    await readSse(res.body!, (_name, data) => events.push(JSON.parse(data) as ChatStreamEvent));
    expect(events[0]!.type).toBe('stream_start');
    expect(events.find((e) => e.type === 'function_call_result')).toMatchObject({ name: 'analyze_position', status: 'ok', widget: { type: 'position_summary' } });
    expect(events.slice(-2).map((e) => e.type)).toEqual(['message_complete', 'stream_end']);
  });

  it('refuses bad positions with 400 and stores nothing', async () => {
    const before = t.host.chat.list({ limit: 500 }).length;
    const res = await t.request('/api/chat/screenshot-context', { method: 'POST', body: JSON.stringify({ positions: [{ symbol: 'SPY', assetType: 'put', quantity: 1, side: 'long' }] }), headers: json });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_input', message: expect.stringContaining('An option (SPY put) needs a strike') } });
    expect(t.host.chat.list({ limit: 500 })).toHaveLength(before);
  });
});
