import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Bar, TradingSession } from '../../shared/schemas/market';
import { aggregateBars } from './aggregate';
import { buildSession, EXCHANGE_ZONE, loadSpyDaily, loadSpyJuly2025, readMarketFile } from './testing/spy-data';

const { bars, sessions } = loadSpyJuly2025();

/** "HH:mm" in New York of an epoch. */
function clock(time: number): string {
  return DateTime.fromMillis(time, { zone: EXCHANGE_ZONE }).toFormat('HH:mm');
}

/**
 * A second, naive aggregation: works on New York wall-clock minutes (via luxon) rather than epoch
 * arithmetic, and groups into a Map by label.
 */
function naiveAggregate(minutesBars: Bar[], size: number, calendar: TradingSession[]): Bar[] {
  const byDate = new Map(calendar.map((s) => [s.date, s]));
  const groups = new Map<string, Bar[]>();
  for (const bar of minutesBars) {
    const wall = DateTime.fromMillis(bar.time, { zone: EXCHANGE_ZONE });
    const session = byDate.get(wall.toISODate()!);
    if (!session) continue;
    const minute = wall.hour * 60 + wall.minute;
    const closeMinute = session.earlyClose ? 13 * 60 : 16 * 60;
    const endMinute = session.earlyClose ? 17 * 60 : 20 * 60;
    if (minute < 240 || minute >= endMinute) continue;
    let start: number;
    if (minute >= 570 && minute < closeMinute) start = 570 + Math.floor((minute - 570) / size) * size;
    else {
      start = 240 + Math.floor((minute - 240) / size) * size;
      if (minute >= closeMinute) start = Math.max(start, closeMinute);
    }
    const key = wall.set({ hour: Math.floor(start / 60), minute: start % 60 }).toMillis();
    const label = String(key);
    groups.set(label, [...(groups.get(label) ?? []), bar]);
  }
  return [...groups.entries()].map(([key, group]) => ({
    time: Number(key),
    open: group[0]!.open,
    high: Math.max(...group.map((b) => b.high)),
    low: Math.min(...group.map((b) => b.low)),
    close: group.at(-1)!.close,
    volume: group.reduce((sum, b) => sum + b.volume, 0),
  }));
}

describe('aggregateBars on real SPY minutes (July 2025)', () => {
  it.each([
    ['5m', 5],
    ['15m', 15],
    ['1h', 60],
  ] as const)('%s equals a naive wall-clock aggregation bar for bar (OHLC exact, volume summed)', (timeframe, size) => {
    const engine = aggregateBars(bars, timeframe, sessions);
    const naive = naiveAggregate(bars, size, sessions);
    expect(engine.length).toBe(naive.length);
    engine.forEach((bar, i) => {
      const ref = naive[i]!;
      expect(bar.time).toBe(ref.time);
      expect([bar.open, bar.high, bar.low, bar.close]).toEqual([ref.open, ref.high, ref.low, ref.close]);
      expect(bar.volume).toBeCloseTo(ref.volume, 6);
    });
  });

  it('aligns regular bars to 09:30 and extended bars to 04:00, never across the open or the close', () => {
    const day = sessions.find((s) => s.date === '2025-07-02')!;
    const inDay = (b: Bar) => b.time >= day.preOpen && b.time < day.afterClose;
    const hours = aggregateBars(bars, '1h', sessions).filter(inDay).map((b) => clock(b.time));
    expect(hours).toEqual([
      ...['04:00', '05:00', '06:00', '07:00', '08:00', '09:00'],
      ...['09:30', '10:30', '11:30', '12:30', '13:30', '14:30', '15:30'],
      ...['16:00', '17:00', '18:00', '19:00'],
    ]);
    const fives = aggregateBars(bars, '5m', sessions).filter(inDay);
    expect(fives.filter((b) => b.time >= day.open && b.time < day.close)).toHaveLength(78);
    // 2025-07-02 09:30–09:34 rows: O 617.24, highs 617.49/617.37/617.17/617.17/617.06,
    // lows 617.15/616.79/616.67/616.91/616.6602, C 616.725, volumes 549538+277024+267701+177736+121366.
    const first = fives.find((b) => b.time === day.open)!;
    expect(first).toEqual({ time: day.open, open: 617.24, high: 617.49, low: 616.6602, close: 616.725, volume: 1_393_365 });
    // The 09:00 pre-market hour holds only 09:00–09:29: its 30 minutes' volume, nothing from 09:30.
    const nine = aggregateBars(bars, '1h', sessions).find((b) => b.time === day.open - 30 * 60_000)!;
    const preVolume = bars.filter((b) => b.time >= day.open - 30 * 60_000 && b.time < day.open).reduce((s, b) => s + b.volume, 0);
    expect(nine.volume).toBeCloseTo(preVolume, 6);
  });

  it('cuts the regular session at 13:00 on the 2025-07-03 early close', () => {
    const day = sessions.find((s) => s.date === '2025-07-03')!;
    expect(day.earlyClose).toBe(true);
    const hours = aggregateBars(bars, '1h', sessions).filter((b) => b.time >= day.open && b.time < day.afterClose);
    expect(hours.map((b) => clock(b.time))).toEqual(['09:30', '10:30', '11:30', '12:30', '13:00', '14:00', '15:00', '16:00']);
    // 12:30 holds 12:30–12:59 only: its close is the 12:59 row's (…,625.67,625.75,625.34,625.35,907852.0).
    expect(hours[3]!.close).toBe(625.35);
    // 13:00 is after-hours: its first minute is the 13:00 row (625.35,625.7,625.24,625.49,1936461.0).
    expect(hours[4]!.open).toBe(625.35);
  });

  it('keeps a partial last bar and skips missing minutes', () => {
    const day = sessions.find((s) => s.date === '2025-07-07')!;
    const cut = day.open + 37 * 60_000; // minutes up to 10:06 inclusive
    // Drop 09:41 and the whole 09:50–09:54 bucket.
    const missing = new Set([11, 20, 21, 22, 23, 24].map((m) => day.open + m * 60_000));
    const some = bars.filter((b) => b.time >= day.open && b.time < cut && !missing.has(b.time));
    const fives = aggregateBars(some, '5m', sessions);
    expect(fives.map((b) => clock(b.time))).toEqual(['09:30', '09:35', '09:40', '09:45', '09:55', '10:00', '10:05']);
    const last = fives.at(-1)!;
    const tail = some.filter((b) => b.time >= day.open + 35 * 60_000);
    expect(tail).toHaveLength(2);
    expect(last).toEqual({
      time: day.open + 35 * 60_000,
      open: tail[0]!.open,
      high: Math.max(tail[0]!.high, tail[1]!.high),
      low: Math.min(tail[0]!.low, tail[1]!.low),
      close: tail[1]!.close,
      volume: tail[0]!.volume + tail[1]!.volume,
    });
    const withGap = fives[2]!;
    const gapMinutes = some.filter((b) => b.time >= day.open + 10 * 60_000 && b.time < day.open + 15 * 60_000);
    expect(gapMinutes).toHaveLength(4);
    expect(withGap.volume).toBeCloseTo(gapMinutes.reduce((s, b) => s + b.volume, 0), 6);
  });

  it('builds 1d bars from the regular session only, stamped 00:00 New York, matching the daily file', () => {
    const days = aggregateBars(bars, '1d', sessions);
    expect(days).toHaveLength(21);
    const daily = new Map(loadSpyDaily().map((b) => [b.time, b]));
    for (const day of days) {
      expect(clock(day.time)).toBe('00:00');
      const official = daily.get(day.time)!;
      // SOURCES.md: RTH high/low match the daily file except 07-15 (low) and 07-23 (high), by 1–5 cents.
      expect(Math.abs(day.high - official.high)).toBeLessThan(0.06);
      expect(Math.abs(day.low - official.low)).toBeLessThan(0.06);
      expect(day.open).toBeCloseTo(official.open, 4);
    }
    // 2025-07-03 closes at 13:00: daily row 07-03 has H 626.28, L 622.43 (the 13:01 low of 620.5156 and
    // the 13:58 lows of 581.81 are after the close).
    const early = days.find((d) => d.time === buildSession('2025-07-03').preOpen - 4 * 3_600_000)!;
    expect(early.high).toBe(626.28);
    expect(early.low).toBe(622.43);
    expect(early.close).toBe(625.35);
  });

  it('drops minutes outside every session window (the 20:00 prints, 17:00 on 07-03, the 07-04 holiday)', () => {
    const outside = bars.filter((b) => {
      const wall = DateTime.fromMillis(b.time, { zone: EXCHANGE_ZONE });
      return clock(b.time) >= (wall.toISODate() === '2025-07-03' ? '17:00' : '20:00');
    });
    expect(outside.length).toBe(21);
    const ones = aggregateBars(bars, '1m', sessions);
    expect(ones.length).toBe(bars.length - outside.length);
    const holiday = buildSession('2025-07-04', false);
    const stray = { time: holiday.open, open: 1, high: 1, low: 1, close: 1, volume: 1 };
    expect(aggregateBars([stray], '5m', sessions)).toEqual([]);
  });

  it('fails loudly, never skips, when the real market data is missing', () => {
    expect(() => readMarketFile('no-such-file.csv')).toThrow(/real market data missing: .*shared\/market-data\/no-such-file\.csv/);
  });

  it('refuses unsorted bars', () => {
    expect(() => aggregateBars([bars[1]!, bars[0]!], '5m', sessions)).toThrow(/sorted/);
  });
});
