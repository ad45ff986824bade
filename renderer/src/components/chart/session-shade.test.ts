import { describe, expect, it } from 'vitest';
import type { Bar, TradingSession } from '../../../../shared/schemas/market';
import { extendedHoursRuns } from './session-shade';

const HOUR = 3_600_000;
// Two sessions in hours from an arbitrary origin: pre 4–9.5, regular 9.5–16, after 16–20; the next day +24.
const session = (day: number, close = 16): TradingSession => ({
  date: `2025-06-1${day}`,
  preOpen: (24 * day + 4) * HOUR,
  open: (24 * day + 9.5) * HOUR,
  close: (24 * day + close) * HOUR,
  afterClose: (24 * day + close + 4) * HOUR,
  earlyClose: close === 13,
});
const bar = (hour: number): Bar => ({ time: hour * HOUR, open: 1, high: 1, low: 1, close: 1, volume: 1 });

describe('extendedHoursRuns', () => {
  it('finds each run of pre-market and after-hours bars, across sessions', () => {
    const bars = [8, 9, 9.5, 12, 15.5, 16, 19, 24 + 4, 24 + 9, 24 + 9.5, 24 + 12.5, 24 + 13, 24 + 16].map(bar);
    // Day 0: 08:00, 09:00 | 09:30 12:00 15:30 | 16:00 19:00, then day 1 (early close 13:00): 04:00 09:00 | 09:30 12:30 | 13:00 16:00.
    expect(extendedHoursRuns(bars, [session(0), session(1, 13)])).toEqual([
      [0, 1],
      [5, 8],
      [11, 12],
    ]);
  });

  it('leaves bars of no session (a daily chart, overnight prints) unshaded', () => {
    expect(extendedHoursRuns([bar(2), bar(10)], [session(0)])).toEqual([]);
    expect(extendedHoursRuns([bar(17)], [])).toEqual([]);
  });
});
