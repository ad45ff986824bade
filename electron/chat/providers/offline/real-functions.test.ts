import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunctionCallRecord } from '../../../../shared/schemas/chat';
import { createHost, type Host } from '../../../host';
import { silentLogger } from '../../../observability/logger';
import { makeTempDir } from '../../../testing/test-host';
import { marketDate } from '../../../market/calendar';
import { CHAT_FUNCTIONS } from '../../functions';
import { FunctionExecutor } from '../../executor';
import type { ProviderTurn } from '../../types';
import { OfflineCoach } from './coach';
import { composeCall } from './compose';
import { planTurn } from './intent';

/**
 * The offline coach against the real function registry and services (a host on a temporary
 * SQLite file, the simulated market): every result it is handed must be in the shape its composer
 * reads, and the answer must carry the figures the function returned.
 */

let host: Host;

beforeAll(() => {
  host = createHost({ mode: 'web', version: '0.0.0-test', env: { TITM_DATA_DIR: makeTempDir(), NODE_ENV: 'test' }, logSink: () => {} });
  host.start();
});
afterAll(() => host.stop());

const executor = new FunctionExecutor(CHAT_FUNCTIONS);

/** The chat's own executor on the real host: validated arguments, contract calls, errors as records. */
function execute(name: string, args: Record<string, unknown>): Promise<FunctionCallRecord> {
  const ctx = { dispatch: host.dispatch, requestId: 'test', log: silentLogger, signal: new AbortController().signal, profile: host.profile.get(), now: Date.now() };
  return executor.execute(name, args, `call-${name}`, ctx, () => {});
}

const REQUESTS = [
  'key levels for SPX',
  'is the market open',
  'spy price',
  'how did qqq trade today',
  'spy chain',
  'what are the 5m bars for spx over the last 3 days',
  'analyze my positions',
  'show my last trades',
  'how am I doing this month',
  'macro context',
  'scan spy and qqq for setups',
];

/** Plans `say`, runs its calls for real, and checks each result is read by its composer. */
async function askAndRead(say: string): Promise<FunctionCallRecord[]> {
  const plan = planTurn(say, { now: Date.now(), history: [], fallbackSymbols: [] });
  expect(plan.kind, say).toBe('calls');
  const records: FunctionCallRecord[] = [];
  for (const call of plan.kind === 'calls' ? plan.calls : []) {
    const record = await execute(call.name, call.arguments);
    expect(record.error, `${call.name} ran`).toBeUndefined();
    const answer = composeCall(call, record, { experience: 'intermediate', today: marketDate(Date.now()) });
    expect(answer.unreadable, `${call.name} result read: ${JSON.stringify(record.result).slice(0, 300)}`).toBe(false);
    records.push(record);
  }
  return records;
}

describe('the offline coach with the real functions', () => {
  it.each(REQUESTS)('%s: a result its composer reads', async (say) => {
    await askAndRead(say);
  });

  it('alerts: set, listed, cancelled', async () => {
    await askAndRead('alert me when spx crosses 6000');
    const [listed] = await askAndRead('show my alerts');
    expect(listed!.result).toMatchObject({ count: 1 });
    const [cancelled] = await askAndRead('cancel my spx alerts');
    expect(cancelled!.result).toMatchObject({ cancelled: [{ symbol: 'SPX', targetPrice: 6000 }] });
  });

  it('contracts of the real chain: greeks, a position, a roll and a projection', async () => {
    const [chain] = await askAndRead('spy chain');
    const { atTheMoneyStrike: strike, expiry, otherExpirations } = chain!.result as { atTheMoneyStrike: number; expiry: string; otherExpirations: string[] };
    const later = otherExpirations.at(-1)!;
    await askAndRead(`greeks on spy ${strike}c ${expiry}`);
    await askAndRead(`analyze long 2 spy ${strike}c ${expiry} @ 3.10`);
    await askAndRead(`roll my spy ${strike}c ${expiry} to ${later}`);
    await askAndRead(`project a spy ${strike} call ${later}`);
  });

  it('streams key levels carrying the prices the levels function returned (advanced: every nearby level)', async () => {
    const records: FunctionCallRecord[] = [];
    const tokens: string[] = [];
    const turn: ProviderTurn = {
      messages: [{ role: 'user', content: 'key levels for SPX' }],
      tools: executor.specs,
      profile: { ...host.profile.get(), experienceLevel: 'advanced' },
      signal: new AbortController().signal,
      log: silentLogger,
      emitToken: (text) => void tokens.push(text),
      async callFunction(name, args) {
        const record = await execute(name, args as Record<string, unknown>);
        records.push(record);
        return record;
      },
    };
    await new OfflineCoach().respond(turn);
    const result = records[0]!.result as { lastPrice: number; resistanceAbove: { price: number }[]; supportBelow: { price: number }[] };
    const text = tokens.join('');
    const cents = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(text).toContain(cents(result.lastPrice));
    for (const level of [...result.resistanceAbove.slice(0, 3), ...result.supportBelow.slice(0, 3)]) expect(text).toContain(cents(level.price));
  });
});
