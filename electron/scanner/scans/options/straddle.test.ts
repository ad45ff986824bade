import { describe, expect, it } from 'vitest';
import { sessionFor } from '../../../market/calendar';
import { atMinute, chainOf, contract, optionsInput, SESSION } from '../../testing';
import { MOVE_PER_ATR, sessionsLeft, straddleScan } from './straddle';

const HOUR_MS = 3_600_000;
const params = { cheapBelow: 0.8, expensiveAbove: 1.25 };
const zeroDte = { date: '2026-12-01', daysToExpiry: 0, settlement: 'PM' as const, kind: '0dte' as const };
const straddle = (call: number, put: number) => chainOf([{ strike: 100, call: contract('call', 100, { mid: call }), put: contract('put', 100, { mid: put }) }], { expiry: zeroDte });
/** 13:00 New York: 3 of the session's 6.5 hours left. */
const oneOClock = atMinute(210);

describe('sessionsLeft', () => {
  it('counts the rest of today and every session up to the expiry', () => {
    expect(sessionsLeft(oneOClock, SESSION, '2026-12-01')).toBeCloseTo(3 / 6.5, 12);
    expect(sessionsLeft(oneOClock, SESSION, '2026-12-04')).toBeCloseTo(3 / 6.5 + 3, 12);
    expect(sessionsLeft(SESSION.open - HOUR_MS, SESSION, '2026-12-04')).toBe(4);
    expect(sessionsLeft(SESSION.close + HOUR_MS, SESSION, '2026-12-04')).toBe(3);
    // Thanksgiving (2026-11-26) is no session: Wednesday 13:00 to Friday is the rest of Wednesday and Friday.
    const wednesday = sessionFor('2026-11-25')!;
    expect(sessionsLeft(wednesday.open + 3.5 * HOUR_MS, wednesday, '2026-11-27')).toBeCloseTo(3 / 6.5 + 1, 12);
  });
});

describe('straddle_vs_atr', () => {
  // ATR 4 over 3/6.5 of a session: 0.574 × 4 × √(3/6.5) = 1.5598.
  it('a 0DTE straddle of 1.15 (0.60 + 0.55) is 0.737× that move: cheap, score 50 + 50 × 0.0627/0.25 = 62.5, alert at the upper breakeven 101.15', () => {
    expect(MOVE_PER_ATR).toBe(0.574);
    const [finding] = straddleScan.run(optionsInput(straddle(0.6, 0.55), { now: oneOClock, dailyAtr: 4 }), params);
    expect(finding).toMatchObject({ direction: 'neutral', score: 62.5, metrics: { straddle: 1.15, atrMove: 1.56, ratio: 0.7373, sessionsLeft: 0.4615, lowerBreakeven: 98.85, upperBreakeven: 101.15 } });
    expect(finding!.reason).toBe('SPY 0DTE 100.00 straddle costs 1.15 (call 0.60 + put 0.55), 0.74× the 1.56 move the ATR 4.00 implies for the 0.46 session(s) left: cheap.');
    expect(finding!.suggestion.action).toEqual({ type: 'set_alert', symbol: 'SPY', condition: 'crosses_above', price: 101.15 });
  });

  it('at 2.20 it is 1.410×: expensive, score 50 + 50 × 0.160/0.25 = 82.1', () => {
    expect(straddleScan.run(optionsInput(straddle(1.1, 1.1), { now: oneOClock, dailyAtr: 4 }), params)).toMatchObject([{ score: 82.1, metrics: { ratio: 1.4104 } }]);
  });

  it('does not fire at 1.50 (0.96×: fair), without an ATR, or once the expiry has settled', () => {
    expect(straddleScan.run(optionsInput(straddle(0.75, 0.75), { now: oneOClock, dailyAtr: 4 }), params)).toEqual([]);
    expect(straddleScan.run(optionsInput(straddle(0.1, 0.1), { now: oneOClock }), params)).toEqual([]);
    expect(straddleScan.run(optionsInput(straddle(0.1, 0.1), { now: SESSION.close, dailyAtr: 4 }), params)).toEqual([]);
  });
});
