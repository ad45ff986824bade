import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CallOutput } from '../../../../shared/contract';
import type { FunctionCallRecord } from '../../../../shared/schemas/chat';
import { createHost, type Host } from '../../../host';
import { silentLogger } from '../../../observability/logger';
import { makeTempDir } from '../../../testing/test-host';
import { CHAT_FUNCTIONS } from '../../functions';
import { FunctionExecutor } from '../../executor';
import type { ProviderTurn } from '../../types';
import { OfflineCoach } from './coach';

/**
 * "Scan ..." then the alert the answer suggests, through the offline coach, the chat's executor and
 * a real host whose clock stands still at Wednesday 2025-12-17 11:00 New York time (a regular
 * session of the simulated market, so the scans find the same setups every run).
 */

const FROZEN_AT = Date.parse('2025-12-17T16:00:00Z');
let host: Host;

beforeAll(() => {
  // Only Date: timers and the database keep running.
  vi.useFakeTimers({ toFake: ['Date'], now: FROZEN_AT });
  host = createHost({ mode: 'web', version: '0.0.0-test', env: { TITM_DATA_DIR: makeTempDir(), NODE_ENV: 'test' }, logSink: () => {} });
  host.start();
});
afterAll(async () => {
  await host.stop();
  vi.useRealTimers();
});

const executor = new FunctionExecutor(CHAT_FUNCTIONS);

/** One turn of the offline coach (intermediate) on the real functions: its text and the calls it made. */
async function ask(message: string): Promise<{ text: string; records: FunctionCallRecord[] }> {
  const records: FunctionCallRecord[] = [];
  const tokens: string[] = [];
  const turn: ProviderTurn = {
    messages: [{ role: 'user', content: message }],
    tools: executor.specs,
    profile: { ...host.profile.get(), experienceLevel: 'intermediate' },
    signal: new AbortController().signal,
    log: silentLogger,
    emitToken: (text) => void tokens.push(text),
    async callFunction(name, args) {
      const ctx = { dispatch: host.dispatch, requestId: 'test', log: silentLogger, signal: new AbortController().signal, profile: host.profile.get(), now: Date.now() };
      const record = await executor.execute(name, args, `call-${records.length + 1}`, ctx, () => {});
      records.push(record);
      return record;
    },
  };
  await new OfflineCoach({ now: Date.now }).respond(turn);
  return { text: tokens.join(''), records };
}

interface Read {
  found: number;
  results: { symbol: string; scanName: string; score: number; reason: string; alert: { symbol: string; condition: string; price: number } | null }[];
}

describe('scanning with the offline coach', () => {
  it('answers with the scores and reasons the scanner found, and the top alert it suggests is set when said back', async () => {
    const scan = await ask('scan spy, qqq, aapl, nvda and iwm for setups');
    expect(scan.records.map((r) => [r.name, r.status])).toEqual([['scan_opportunities', 'ok']]);
    expect(scan.records[0]!.arguments).toEqual({ symbols: ['SPY', 'QQQ', 'AAPL', 'NVDA', 'IWM'] });
    expect(scan.records[0]!.widget?.type).toBe('scan_results');
    const { found, results } = scan.records[0]!.result as Read;
    // Five symbols through twelve scans in a session find something on the simulated market.
    expect(results.length).toBeGreaterThan(2);
    expect(scan.text).toContain(`found **${found}** setups`);
    for (const r of results.slice(0, 5)) {
      expect(scan.text).toContain(`**${r.symbol}** · ${r.scanName} · score **${Number(r.score.toFixed(1))}**`);
      expect(scan.text).toContain(r.reason);
    }

    const top = results.slice(0, 5).find((r) => r.alert)!;
    const request = /say "(alert me when [^"]+)"/.exec(scan.text)![1]!;
    const set = await ask(request);
    expect(set.records.map((r) => [r.name, r.status])).toEqual([['set_alert', 'ok']]);
    const listed = await host.dispatch('alerts:list', { status: 'active' });
    if (!listed.ok) throw new Error(listed.error.message);
    const { alerts } = listed.value as CallOutput<'alerts:list'>;
    expect(alerts).toEqual([expect.objectContaining({ symbol: top.alert!.symbol, condition: top.alert!.condition, targetPrice: top.alert!.price })]);
  });
});
