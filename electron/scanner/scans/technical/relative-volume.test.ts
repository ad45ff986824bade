import { describe, expect, it } from 'vitest';
import { sessionFor } from '../../../market/calendar';
import { bar, dailyBars, minutes, technicalInput } from '../../testing';
import { relativeVolumeScan, usualShareBy } from './relative-volume';

const HOUR_MS = 3_600_000;
const FULL_DAY_MS = 6.5 * HOUR_MS;
/** 20 sessions of 1 000 000 shares, closing at 100. */
const daily = dailyBars(20, () => ({ high: 101, low: 99, close: 100, volume: 1_000_000 }));
/** A full session: 1 500 shares a minute in the first hour, 1 000 after (90 000 of 420 000 by 10:30: 3/14). */
const monday = sessionFor('2026-11-30')!;
const priorDay = { session: monday, regular: minutes(390, (i, time) => bar(time, 100, 100, { volume: i < 60 ? 1500 : 1000 }), monday) };
/** Today's first hour at `perMinute` shares a minute (60 bars, last one 10:29). */
const firstHour = (perMinute: number) => minutes(60, (_i, time) => bar(time, 100.5, 101, { volume: perMinute, high: 101.2 }));

describe('relative_volume', () => {
  it('fires at 600 000 shares by 10:30 against 1 000 000 × 3/14 = 214 286 usual: 2.8×, score 50 + 50 × 0.8/2 = 70', () => {
    const [finding] = relativeVolumeScan.run(technicalInput({ last: 101, regular: firstHour(10_000), daily, priorSessions: [priorDay] }), { minRelVolume: 2, lookbackDays: 20 });
    expect(finding).toMatchObject({ direction: 'bullish', score: 70, metrics: { volume: 600_000, usualByNow: 214_286, relativeVolume: 2.8, averageDailyVolume: 1_000_000, usualShare: 0.2143 } });
    expect(finding!.reason).toBe('SPY traded 600.0K shares by 10:30 ET, 2.80× the 214.3K it usually has by then (20-day average 1.0M a day, 21.4 % of it by this time).');
    expect(finding!.suggestion.action).toEqual({ type: 'set_alert', symbol: 'SPY', condition: 'crosses_above', price: 101.2 });
  });

  it('without earlier minutes the usual share is the time elapsed (60 of 390 minutes): 600 000 / 153 846 = 3.9×', () => {
    const [finding] = relativeVolumeScan.run(technicalInput({ last: 101, regular: firstHour(10_000), daily }), { minRelVolume: 2, lookbackDays: 20 });
    expect(finding!.metrics).toMatchObject({ usualByNow: 153_846, relativeVolume: 3.9 });
  });

  it('does not fire at 300 000 shares (1.4×), on an index without volume, or with less than 5 days of history', () => {
    expect(relativeVolumeScan.run(technicalInput({ last: 101, regular: firstHour(5_000), daily, priorSessions: [priorDay] }), { minRelVolume: 2, lookbackDays: 20 })).toEqual([]);
    expect(relativeVolumeScan.run(technicalInput({ last: 101, regular: firstHour(0), daily, priorSessions: [priorDay] }), { minRelVolume: 2, lookbackDays: 20 })).toEqual([]);
    expect(relativeVolumeScan.run(technicalInput({ last: 101, regular: firstHour(10_000), daily: daily.slice(-4) }), { minRelVolume: 2, lookbackDays: 20 })).toEqual([]);
  });

  it('the usual share leaves out a half day (the early close of 2026-11-27) when today is a full one', () => {
    const halfDay = sessionFor('2026-11-27')!;
    expect(halfDay.earlyClose).toBe(true);
    const half = { session: halfDay, regular: minutes(210, (i, time) => bar(time, 100, 100, { volume: i < 60 ? 3000 : 1000 }), halfDay) };
    expect(usualShareBy(HOUR_MS, FULL_DAY_MS, [half, priorDay])).toBeCloseTo(3 / 14, 12);
    expect(usualShareBy(HOUR_MS, FULL_DAY_MS, [half])).toBeCloseTo(60 / 390, 12);
  });
});
