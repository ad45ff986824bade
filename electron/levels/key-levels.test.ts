import { ATR } from 'technicalindicators';
import { describe, expect, it } from 'vitest';
import { LevelsResultSchema, type LevelsResult } from '../../shared/schemas/levels';
import { CoachError } from '../../shared/errors';
import { computeKeyLevels } from './key-levels';
import { loadSpyDaily, loadSpyJuly2025, readMarketFile, SPY_DAILY, SPY_JULY_2025 } from './testing/spy-data';

const { bars, sessions } = loadSpyJuly2025();
const dailyBars = loadSpyDaily();

/** The CSV rows themselves, read as strings: the independent side of every comparison below. */
const rows = readMarketFile(SPY_JULY_2025)
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [stamp, open, high, low, close, volume] = line.split(',');
    return { date: stamp!.slice(0, 10), clock: stamp!.slice(11, 16), open: +open!, high: +high!, low: +low!, close: +close!, volume: +volume! };
  });
const dailyRows = new Map(
  readMarketFile(SPY_DAILY)
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [date, , close, high, low] = line.split(',').map((v, i) => (i === 0 ? v : +v!)) as [string, number, number, number, number];
      return [date, { high, low, close }];
    }),
);

function naiveRange(date: string, from: string, to: string) {
  const picked = rows.filter((r) => r.date === date && r.clock >= from && r.clock < to);
  return { high: Math.max(...picked.map((r) => r.high)), low: Math.min(...picked.map((r) => r.low)), close: picked.at(-1)!.close, rows: picked };
}

function level(result: LevelsResult, name: string): number {
  const found = result.levels.find((l) => l.name === name);
  if (!found) throw new Error(`no level ${name}`);
  return found.price;
}

describe('computeKeyLevels on real SPY bars', () => {
  it('2025-07-07 (after the 07-04 holiday): prior day is the 07-03 early close, cut at 13:00', () => {
    const withDaily = computeKeyLevels({ bars1m: bars, dailyBars, sessions, date: '2025-07-07' });
    expect(withDaily.previousDate).toBe('2025-07-03');
    // Daily row 2025-07-03: Close 625.3400268554688, High 626.280029296875, Low 622.4299926757812.
    expect(level(withDaily, 'PDH')).toBeCloseTo(626.28, 4);
    expect(level(withDaily, 'PDL')).toBeCloseTo(622.43, 4);
    expect(level(withDaily, 'PDC')).toBeCloseTo(625.34, 4);

    // Without daily bars the minutes decide: 09:30–12:59 of 07-03; the close is the 12:59 row
    // (2025-07-03 12:59:00,625.67,625.75,625.34,625.35,907852.0). A 16:00 cut would have taken the
    // 13:01 low of 620.5156 and the 13:58 low of 581.81.
    const minutesOnly = computeKeyLevels({ bars1m: bars, sessions, date: '2025-07-07' });
    const rth = naiveRange('2025-07-03', '09:30', '13:00');
    expect(rth.rows).toHaveLength(210);
    expect(level(minutesOnly, 'PDH')).toBe(rth.high);
    expect(level(minutesOnly, 'PDL')).toBe(rth.low);
    expect(level(minutesOnly, 'PDC')).toBe(625.35);
    expect(rth.low).toBe(622.43);
  });

  it('2025-07-03 (early close): prior day from 07-02, today ends at 13:00', () => {
    const result = computeKeyLevels({ bars1m: bars, sessions, date: '2025-07-03' });
    const prior = naiveRange('2025-07-02', '09:30', '16:00');
    expect(result.previousDate).toBe('2025-07-02');
    expect([level(result, 'PDH'), level(result, 'PDL'), level(result, 'PDC')]).toEqual([prior.high, prior.low, prior.close]);
    expect([prior.high, prior.low, prior.close]).toEqual([620.49, 616.61, 620.39]);
    const today = naiveRange('2025-07-03', '09:30', '13:00');
    expect(level(result, 'HOD')).toBe(today.high);
    expect(level(result, 'LOD')).toBe(today.low);
    expect(level(result, 'Open')).toBe(today.rows[0]!.open);
    // The daily file agrees (SOURCES.md: RTH matches once half days are cut at 13:00).
    expect(today.high).toBeCloseTo(dailyRows.get('2025-07-03')!.high, 4);
  });

  it('PMH/PML are the 04:00–09:29 bars of the day', () => {
    for (const date of ['2025-07-02', '2025-07-07', '2025-07-22']) {
      const result = computeKeyLevels({ bars1m: bars, sessions, date });
      const pre = naiveRange(date, '04:00', '09:30');
      expect(level(result, 'PMH')).toBe(pre.high);
      expect(level(result, 'PML')).toBe(pre.low);
    }
    // 07-07: PMH 625.34 is the 07-03 close re-printed at 08:00–08:05 (a known bad print), PML 619.02 at 04:00.
    const monday = computeKeyLevels({ bars1m: bars, sessions, date: '2025-07-07' });
    expect([level(monday, 'PMH'), level(monday, 'PML')]).toEqual([625.34, 619.02]);
  });

  it('the extended-hours band (off by default) drops pre-market prints far from the prior close', () => {
    const off = computeKeyLevels({ bars1m: bars, sessions, date: '2025-07-03' });
    expect(off.extendedHoursFilter).toBeNull();
    // 2025-07-03 08:57:00,621.88,621.88,617.325,621.77,6051.0 — a low 0.49 % under the 620.39 prior close.
    expect(level(off, 'PML')).toBe(617.325);
    const band = 0.004;
    const on = computeKeyLevels({ bars1m: bars, sessions, date: '2025-07-03', options: { extendedHoursBand: band } });
    const pre = naiveRange('2025-07-03', '04:00', '09:30').rows;
    const inBand = (price: number) => Math.abs(price - 620.39) <= band * 620.39;
    expect(level(on, 'PML')).toBe(Math.min(...pre.filter((r) => inBand(r.low)).map((r) => r.low)));
    expect(level(on, 'PML')).toBeGreaterThan(617.325);
    expect(on.extendedHoursFilter).toEqual({ band, ignoredPrints: pre.filter((r) => !inBand(r.low)).length + pre.filter((r) => !inBand(r.high)).length });
    // Documented limit: 2025-07-01's 617.85 pre-market high re-prints the prior close, so no band catches it.
    const reprint = computeKeyLevels({ bars1m: bars, dailyBars, sessions, date: '2025-07-01', options: { extendedHoursBand: band } });
    expect(level(reprint, 'PMH')).toBe(617.85);
  });

  it('opening ranges: 5/15/30 minutes from 09:30, left out while still forming', () => {
    const result = computeKeyLevels({ bars1m: bars, sessions, date: '2025-07-07' });
    // 09:30–09:34 rows of 07-07: highs 623.988/623.955/623.55/623.375/623.25, lows 623.31/623.49/623.13/623.025/622.88.
    expect([level(result, 'ORH 5m'), level(result, 'ORL 5m')]).toEqual([623.988, 622.88]);
    for (const [minutes, to] of [
      [15, '09:45'],
      [30, '10:00'],
    ] as const) {
      const range = naiveRange('2025-07-07', '09:30', to);
      expect([level(result, `ORH ${minutes}m`), level(result, `ORL ${minutes}m`)]).toEqual([range.high, range.low]);
    }
    const session = sessions.find((s) => s.date === '2025-07-07')!;
    const early = computeKeyLevels({ bars1m: bars.filter((b) => b.time < session.open + 10 * 60_000), sessions, date: '2025-07-07' });
    expect(early.openingRanges.map((r) => [r.minutes, r.complete])).toEqual([
      [5, true],
      [15, false],
      [30, false],
    ]);
    expect(early.levels.some((l) => l.name === 'ORH 15m')).toBe(false);
    expect(early.lastPrice).toBe(naiveRange('2025-07-07', '09:39', '09:40').close);
  });

  it('pivots use the prior day; VWAP resets at 09:30; ATR and expected move from the daily bars', () => {
    const result = computeKeyLevels({ bars1m: bars, dailyBars, sessions, date: '2025-07-07', options: { impliedVolatility: 0.16 } });
    // Prior day 07-03 (H 626.28, L 622.43, C 625.34): classic P = 624.683333, R1 = 626.936667 (see pivots.test.ts).
    expect(level(result, 'P (classic)')).toBeCloseTo(624.683333, 3);
    expect(level(result, 'R1 (classic)')).toBeCloseTo(626.936667, 3);
    expect(level(result, 'R4 (camarilla)')).toBeCloseTo(627.4575, 3);
    expect(level(result, 'P (woodie)')).toBeCloseTo(624.8475, 3);

    // VWAP: the first point is the 09:30 row's typical price (623.988 + 623.31 + 623.87) / 3 — no pre-market.
    expect(result.vwap.series[0]!.vwap).toBeCloseTo((623.988 + 623.31 + 623.87) / 3, 9);
    const rth = naiveRange('2025-07-07', '09:30', '16:00').rows;
    const tp = rth.map((r) => (r.high + r.low + r.close) / 3);
    const volume = rth.reduce((s, r) => s + r.volume, 0);
    const vwap = rth.reduce((s, r, i) => s + r.volume * tp[i]!, 0) / volume;
    const sigma = Math.sqrt(rth.reduce((s, r, i) => s + r.volume * (tp[i]! - vwap) ** 2, 0) / volume);
    expect(level(result, 'VWAP')).toBeCloseTo(vwap, 9);
    expect(level(result, 'VWAP +2σ')).toBeCloseTo(vwap + 2 * sigma, 6);
    expect(level(result, 'VWAP −3σ')).toBeCloseTo(vwap - 3 * sigma, 6);

    // Daily ATR(14) as of the 07-03 close, from technicalindicators over the same daily rows.
    const upTo = dailyBars.filter((b) => b.time < sessions.find((s) => s.date === '2025-07-07')!.preOpen - 4 * 3_600_000);
    const reference = ATR.calculate({ high: upTo.map((b) => b.high), low: upTo.map((b) => b.low), close: upTo.map((b) => b.close), period: 14 }).at(-1)!;
    expect(result.atr.daily).toBeCloseTo(reference, 9);
    expect(result.expectedMove!.reference).toBeCloseTo(625.34, 4);
    expect(result.expectedMove!.atr!.upper).toBeCloseTo(625.34 + reference, 4);
    expect(level(result, 'ATR low')).toBeCloseTo(625.34 - reference, 4);
    // Implied move: 625.34 × 0.16 × √(1/252) = 6.302835.
    expect(result.expectedMove!.implied!.points).toBeCloseTo(6.302835, 4);

    // Intraday ATR(14) on 5-minute regular bars of 07-01…07-07, built here from the CSV rows by clock.
    const fives = new Map<string, { high: number; low: number; close: number }>();
    for (const r of rows.filter((row) => row.date <= '2025-07-07' && row.clock >= '09:30' && row.clock < (row.date === '2025-07-03' ? '13:00' : '16:00'))) {
      const minute = Number(r.clock.slice(0, 2)) * 60 + Number(r.clock.slice(3));
      const key = `${r.date} ${Math.floor((minute - 570) / 5)}`;
      const bar = fives.get(key);
      if (bar) fives.set(key, { high: Math.max(bar.high, r.high), low: Math.min(bar.low, r.low), close: r.close });
      else fives.set(key, { high: r.high, low: r.low, close: r.close });
    }
    const five = [...fives.values()];
    expect(five).toHaveLength(78 * 3 + 42);
    const intraday = ATR.calculate({ high: five.map((b) => b.high), low: five.map((b) => b.low), close: five.map((b) => b.close), period: 14 }).at(-1)!;
    expect(result.atr.intraday).toBeCloseTo(intraday, 9);
    expect(result.atr.intradayTimeframe).toBe('5m');
  });

  it('prior week and month high/low from the daily history', () => {
    const result = computeKeyLevels({ bars1m: bars, dailyBars, sessions, date: '2025-07-07' });
    // Week of 06-30…07-03: highs 619.22/618.83/620.49/626.28, lows 615.04/615.52/616.61/622.43.
    expect(level(result, 'PWH')).toBeCloseTo(626.28, 4);
    expect(level(result, 'PWL')).toBeCloseTo(615.04, 4);
    const june = [...dailyRows].filter(([date]) => date.startsWith('2025-06')).map(([, r]) => r);
    expect(level(result, 'PMoH')).toBe(Math.max(...june.map((r) => r.high)));
    expect(level(result, 'PMoL')).toBe(Math.min(...june.map((r) => r.low)));
    // Without daily bars the history only reaches 07-01: no prior month, a partial prior week.
    const minutesOnly = computeKeyLevels({ bars1m: bars, sessions, date: '2025-07-14' });
    expect(minutesOnly.levels.some((l) => l.group === 'prior-month')).toBe(false);
    expect(level(minutesOnly, 'PWH')).toBe(Math.max(...['2025-07-07', '2025-07-08', '2025-07-09', '2025-07-10', '2025-07-11'].map((d) => naiveRange(d, '09:30', '16:00').high)));
  });

  it('measures distances from the last price in points, percent and ATR multiples', () => {
    const result = computeKeyLevels({ bars1m: bars, dailyBars, sessions, date: '2025-07-07', lastPrice: 620 });
    const pdh = result.levels.find((l) => l.name === 'PDH')!;
    expect(pdh.distance!.points).toBeCloseTo(6.28, 4);
    expect(pdh.distance!.percent).toBeCloseTo((6.28 / 620) * 100, 4);
    expect(pdh.distance!.atr).toBeCloseTo(6.28 / result.atr.daily!, 4);
    expect(LevelsResultSchema.parse(result)).toEqual(result);
    const groups = new Set(result.levels.map((l) => l.group));
    for (const group of ['prior-day', 'premarket', 'today', 'opening-range', 'pivot-classic', 'pivot-fibonacci', 'pivot-camarilla', 'pivot-woodie', 'vwap', 'atr', 'prior-week', 'prior-month']) {
      expect(groups.has(group as never), group).toBe(true);
    }
  });

  it('ignores bars after the requested day and refuses a date that is not a session, bad options or a bad price', () => {
    const past = computeKeyLevels({ bars1m: bars, sessions, date: '2025-07-02' });
    expect(past.lastPrice).toBe(rows.filter((r) => r.date === '2025-07-02' && r.clock < '20:00').at(-1)!.close);
    expect(() => computeKeyLevels({ bars1m: bars, sessions, date: '2025-07-04' })).toThrow(CoachError);
    expect(() => computeKeyLevels({ bars1m: bars, sessions, date: '2025-07-04' })).toThrow(/not a trading session/);
    expect(() => computeKeyLevels({ bars1m: bars, sessions, date: '2025-07-07', options: { atrPeriod: 0 } })).toThrow(/levels options: atrPeriod/);
    expect(() => computeKeyLevels({ bars1m: bars, sessions, date: '2025-07-07', lastPrice: Number.NaN })).toThrow(/lastPrice/);
  });
});
