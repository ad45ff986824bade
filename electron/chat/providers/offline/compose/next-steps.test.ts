import { describe, expect, it } from 'vitest';
import { planTurn } from '../intent';
import { composeCall, composeNext } from './index';
import { CHAIN, TODAY, okRecord } from './testing';

/**
 * The "Next:" line is a request the user can send as it is: no `<placeholder>` (Markdown would drop
 * it as a tag), and the coach reads it back into the call it suggests.
 */
const NOW = Date.parse('2025-12-17T15:00:00Z');
const quoted = (text: string | null) => (text === null ? undefined : /_Next:_ .*?"([^"]+)"/.exec(text)?.[1]);
/** The Next line after a function's result, as a beginner or intermediate gets it (with the answer checked readable). */
function nextAfter(name: string, args: Record<string, unknown>, result: unknown): string | null {
  const record = okRecord(name, args, result);
  const call = { name, arguments: args, focus: null };
  expect(composeCall(call, record, { experience: 'beginner', today: TODAY }).unreadable).toBe(false);
  return composeNext(call, record, 'intermediate');
}
const plan = (say: string) => planTurn(say, { now: NOW, history: [], fallbackSymbols: [] });

const greeks = { delta: 51, gamma: 4.2, theta: -310.4, vega: 120 };
const LONG_CALL = {
  name: 'SPY 600 call Dec 19',
  underlying: 'SPY',
  strategy: 'Long call',
  spot: 590.5,
  costBasis: 320,
  marketValue: 250,
  unrealizedPnl: -70,
  greeks,
  // 600 + 3.20 paid: the breakeven at expiry.
  breakevens: [603.2],
  maxProfit: 'unlimited',
  maxLoss: 320,
  probabilityOfProfit: 0.21,
  flags: [],
};

describe('next steps', () => {
  it('after a chain: the greeks of its at-the-money call, which the coach reads back', () => {
    expect(quoted(nextAfter('get_options_chain', { symbol: 'SPX', expiry: '0dte' }, CHAIN))).toBe('greeks on SPX 6000c 0dte');
    expect(plan('greeks on SPX 6000c 0dte')).toMatchObject({ kind: 'calls', calls: [{ name: 'get_option_greeks', arguments: { symbol: 'SPX', strike: 6000, right: 'call', expiry: '0dte' } }] });
  });

  it('after a position: an alert at its breakeven, which the coach reads back', () => {
    expect(quoted(nextAfter('analyze_position', { underlying: 'SPY' }, LONG_CALL))).toBe('alert me when SPY crosses 603.20');
    expect(plan('alert me when SPY crosses 603.20')).toMatchObject({ kind: 'calls', calls: [{ name: 'set_alert', arguments: { symbol: 'SPY', condition: 'crosses', price: 603.2 } }] });
  });

  it('after a LEAPS projection: a roll a year after its expiry, which the coach reads back', () => {
    const next = composeNext({ name: 'project_leaps', arguments: { symbol: 'SPY', right: 'call', strike: 650, expiry: '2028-01-21' }, focus: null }, okRecord('project_leaps', {}, {}), 'intermediate');
    expect(quoted(next)).toBe('Roll my SPY 650c 2028-01-21 to jan 2029');
    expect(plan('Roll my SPY 650c 2028-01-21 to jan 2029')).toMatchObject({ kind: 'calls', calls: [{ name: 'calculate_roll', arguments: { symbol: 'SPY', strike: 650, right: 'call', expiry: '2028-01-21', newExpiry: '2029-01-19' } }] });
  });
});
