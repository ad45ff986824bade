import { describe, expect, it } from 'vitest';
import type { Leg } from '../../../shared/schemas/options';
import type { StrategyKind } from '../../../shared/schemas/positions';
import { positionName } from './name';
import { recogniseStrategy } from './strategy';
import { call, JAN, permutations, put, stock } from './testing';

const NAMED: [StrategyKind, Leg[], string][] = [
  ['long_stock', [stock(100, 600)], 'SPY 100 shares'],
  ['short_stock', [stock(-50, 600)], 'SPY short 50 shares'],
  ['long_call', [call(1, 600, 5)], 'SPY 600 call Dec 19'],
  ['short_call', [call(-2, 610, 1)], 'SPY 610 short call Dec 19'],
  ['long_put', [put(1, 590, 4)], 'SPY 590 put Dec 19'],
  ['short_put', [put(-1, 590, 4)], 'SPY 590 short put Dec 19'],
  ['covered_call', [stock(200, 600), call(-2, 610, 2)], 'SPY 610 covered call Dec 19'],
  ['protective_put', [stock(100, 600), put(1, 580, 3)], 'SPY 580 protective put Dec 19'],
  ['collar', [stock(100, 600), put(1, 580, 3), call(-1, 620, 2)], 'SPY 580/620 collar Dec 19'],
  ['bull_call_spread', [call(1, 600, 5), call(-1, 605, 2)], 'SPY 600/605 call debit spread Dec 19'],
  ['bear_call_spread', [call(-1, 600, 5), call(1, 605, 2)], 'SPY 600/605 call credit spread Dec 19'],
  ['bull_put_spread', [put(-1, 600, 5), put(1, 595, 3)], 'SPY 595/600 put credit spread Dec 19'],
  ['bear_put_spread', [put(1, 600, 5), put(-1, 595, 3)], 'SPY 595/600 put debit spread Dec 19'],
  ['long_straddle', [call(1, 600, 6), put(1, 600, 5)], 'SPY 600 long straddle Dec 19'],
  ['short_straddle', [call(-1, 600, 6), put(-1, 600, 5)], 'SPY 600 short straddle Dec 19'],
  ['long_strangle', [call(1, 610, 3), put(1, 590, 2)], 'SPY 590/610 long strangle Dec 19'],
  ['short_strangle', [call(-3, 610, 3), put(-3, 590, 2)], 'SPY 590/610 short strangle Dec 19'],
  ['short_iron_condor', [put(1, 580, 1), put(-1, 590, 2), call(-1, 610, 2), call(1, 620, 1)], 'SPY 580/590/610/620 iron condor Dec 19'],
  ['long_iron_condor', [put(-1, 580, 1), put(1, 590, 2), call(1, 610, 2), call(-1, 620, 1)], 'SPY 580/590/610/620 long iron condor Dec 19'],
  ['short_iron_butterfly', [put(1, 590, 1), put(-1, 600, 5), call(-1, 600, 5), call(1, 610, 1)], 'SPY 590/600/610 iron butterfly Dec 19'],
  ['long_iron_butterfly', [put(-1, 590, 1), put(1, 600, 5), call(1, 600, 5), call(-1, 610, 1)], 'SPY 590/600/610 long iron butterfly Dec 19'],
  ['long_call_butterfly', [call(1, 590, 12), call(-2, 600, 6), call(1, 610, 2)], 'SPY 590/600/610 call butterfly Dec 19'],
  ['short_call_butterfly', [call(-1, 590, 12), call(2, 600, 6), call(-1, 610, 2)], 'SPY 590/600/610 short call butterfly Dec 19'],
  ['long_put_butterfly', [put(1, 590, 2), put(-2, 600, 6), put(1, 610, 12)], 'SPY 590/600/610 put butterfly Dec 19'],
  ['short_put_butterfly', [put(-1, 590, 2), put(2, 600, 6), put(-1, 610, 12)], 'SPY 590/600/610 short put butterfly Dec 19'],
  ['long_call_calendar', [call(-1, 600, 5), call(1, 600, 9, JAN)], "SPY 600 call calendar Dec 19/Jan 16 '26"],
  ['short_call_calendar', [call(1, 600, 5), call(-1, 600, 9, JAN)], "SPY 600 short call calendar Dec 19/Jan 16 '26"],
  ['long_put_calendar', [put(-1, 600, 5), put(1, 600, 9, JAN)], "SPY 600 put calendar Dec 19/Jan 16 '26"],
  ['short_put_calendar', [put(1, 600, 5), put(-1, 600, 9, JAN)], "SPY 600 short put calendar Dec 19/Jan 16 '26"],
  ['long_call_diagonal', [call(-1, 610, 3), call(1, 600, 11, JAN)], "SPY 600/610 call diagonal Dec 19/Jan 16 '26"],
  ['short_call_diagonal', [call(1, 610, 3), call(-1, 600, 11, JAN)], "SPY 600/610 short call diagonal Dec 19/Jan 16 '26"],
  ['long_put_diagonal', [put(-1, 590, 3), put(1, 600, 11, JAN)], "SPY 590/600 put diagonal Dec 19/Jan 16 '26"],
  ['short_put_diagonal', [put(1, 590, 3), put(-1, 600, 11, JAN)], "SPY 590/600 short put diagonal Dec 19/Jan 16 '26"],
  ['ratio_spread', [call(1, 600, 5), call(-2, 610, 2)], 'SPY 600/610 call ratio spread Dec 19'],
];

describe('recogniseStrategy', () => {
  it.each(NAMED)('%s, in every order of its legs', (kind, legs, name) => {
    for (const order of permutations(legs)) expect(recogniseStrategy(order).kind).toBe(kind);
    expect(positionName(legs, recogniseStrategy(legs), 2025)).toBe(name);
  });

  it('says debit or credit from the net option premium, and labels verticals with it', () => {
    // long 600C @5.00, short 605C @2.00: 5 − 2 = 3.00 paid
    expect(recogniseStrategy([call(1, 600, 5), call(-1, 605, 2)])).toEqual({ kind: 'bull_call_spread', label: 'Bull call spread (debit)', premium: 'debit' });
    // short 600P @5.00, long 595P @3.00: 2.00 received
    expect(recogniseStrategy([put(-1, 600, 5), put(1, 595, 3)])).toMatchObject({ label: 'Bull put spread (credit)', premium: 'credit' });
    expect(recogniseStrategy([stock(100, 600)]).premium).toBe('none');
  });

  it('merges repeated contracts before matching (two −1 lines at 600 are the −2 body of a butterfly)', () => {
    expect(recogniseStrategy([call(1, 590, 12), call(-1, 600, 6), call(1, 610, 2), call(-1, 600, 6)]).kind).toBe('long_call_butterfly');
    // Legs that cancel out leave the shape that remains.
    expect(recogniseStrategy([call(1, 600, 5), call(-1, 605, 2), put(1, 580, 1), put(-1, 580, 1)]).kind).toBe('bull_call_spread');
  });

  it('falls back to custom when quantities do not match the shape', () => {
    const custom: Leg[][] = [
      [call(1, 600, 6), put(2, 600, 5)], // straddle 1 × 2
      [call(1, 610, 3), put(-1, 590, 2)], // risk reversal: a call bought, a put sold
      [call(1, 590, 12), call(-2, 600, 6), call(2, 610, 2)], // butterfly with a heavy wing
      [call(1, 590, 12), call(-2, 600, 6), call(1, 615, 2)], // broken wing (10 and 15 apart)
      [put(1, 580, 1), put(-1, 590, 2), call(-2, 610, 2), call(2, 620, 1)], // condor with a 2-lot call side
      [put(1, 580, 1), put(-1, 590, 2), call(1, 610, 2), call(-1, 620, 1)], // put credit + call debit
      [call(-1, 600, 5), call(2, 600, 9, JAN)], // calendar 1 × 2
      [stock(100, 600), call(-2, 610, 2)], // calls cover more than the shares
      [stock(-100, 600), put(-1, 590, 2)], // short stock + short put
      [stock(100, 600), put(1, 620, 3), call(-1, 580, 2)], // "collar" with the put above the call
      [call(1, 600, 5), call(1, 605, 2)], // two calls bought
      [call(1, 600, 5), put(1, 600, 5), call(1, 610, 1), put(1, 590, 1), call(-1, 620, 1)],
      [call(1, 600, 5), { ...call(-1, 605, 2), multiplier: 10 }], // mini and standard contracts
    ];
    for (const legs of custom) expect(recogniseStrategy(legs).kind, JSON.stringify(legs)).toBe('custom');
    expect(recogniseStrategy([call(1, 600, 6), put(2, 600, 5)]).label).toBe('Custom (2 legs)');
  });

  it('writes the year of an expiry that is not in the reference year and keeps names within 120 characters', () => {
    expect(positionName([call(1, 600, 5, '2027-01-15')], recogniseStrategy([call(1, 600, 5, '2027-01-15')]), 2025)).toBe("SPY 600 call Jan 15 '27");
    const many = Array.from({ length: 12 }, (_, i) => call(i % 2 ? 1 : -1, 600.25 + i * 1.25, 1, `2025-12-${String(10 + i).padStart(2, '0')}`));
    const name = positionName(many, recogniseStrategy(many), 2025);
    expect(name).toBe('SPY custom (12 legs) Dec 10');
  });
});
