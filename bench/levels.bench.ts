// Levels engine over one year of 1-minute bars for one symbol, against `technicalindicators` on the
// same inputs (values asserted equal), and 1m → 5m aggregation throughput.
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { ATR, VWAP } from 'technicalindicators';
import type { Bar, TradingSession } from '../shared/schemas/market';
import { aggregateBars } from '../electron/levels/aggregate';
import { wilderAtr } from '../electron/levels/atr';
import { computeKeyLevels } from '../electron/levels/key-levels';
import { groupBySession } from '../electron/levels/session-bars';
import { buildSession, EXCHANGE_ZONE, loadSpyJuly2025 } from '../electron/levels/testing/spy-data';
import { sessionVwap } from '../electron/levels/vwap';
import { summarise, type Figure } from './lib';

const SESSIONS_PER_YEAR = 252;
const RUNS = 7;
const TOLERANCE = 1e-9;

/**
 * A deterministic year: the 21 real SPY sessions of July 2025 replayed 12 times on consecutive
 * weekdays from 2024-07-01, each replay's prices scaled by 1 + 2 % × replay so the year is not
 * periodic. Minutes keep their offset from 04:00 ET, early closes stay early closes.
 */
function buildYear(): { bars: Bar[]; sessions: TradingSession[] } {
  const real = loadSpyJuly2025();
  const days = groupBySession(real.bars, real.sessions);
  const bars: Bar[] = [];
  const sessions: TradingSession[] = [];
  let date = DateTime.fromISO('2024-07-01', { zone: EXCHANGE_ZONE });
  for (let k = 0; k < SESSIONS_PER_YEAR; k++) {
    while (date.weekday > 5) date = date.plus({ days: 1 });
    const source = days[k % days.length]!;
    const session = buildSession(date.toISODate()!, source.session.earlyClose);
    const scale = 1 + 0.02 * Math.floor(k / days.length);
    for (const bar of [...source.pre, ...source.regular, ...source.after]) {
      bars.push({
        time: session.preOpen + (bar.time - source.session.preOpen),
        open: bar.open * scale,
        high: bar.high * scale,
        low: bar.low * scale,
        close: bar.close * scale,
        volume: bar.volume,
      });
    }
    sessions.push(session);
    date = date.plus({ days: 1 });
  }
  return { bars, sessions };
}

/** Median wall time of `fn` over RUNS runs after one warm-up; returns the last result too. */
function time<T>(fn: () => T): { ms: number; result: T } {
  let result = fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    result = fn();
    samples.push(performance.now() - started);
  }
  return { ms: summarise(samples).p50, result };
}

function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length mismatch: ${a.length} vs ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

export async function run(): Promise<Figure[]> {
  const { bars, sessions } = buildYear();
  const regularBySession = groupBySession(bars, sessions).map((day) => day.regular);
  const regular = regularBySession.flat();
  const columns = (list: Bar[]) => ({
    high: list.map((b) => b.high),
    low: list.map((b) => b.low),
    close: list.map((b) => b.close),
    volume: list.map((b) => b.volume),
  });
  // technicalindicators takes column arrays; building them is left out of its timing.
  const yearColumns = columns(bars);
  const sessionColumns = regularBySession.map(columns);

  // VWAP with its σ (more work than technicalindicators' plain VWAP) for every session, ATR(14) over every minute.
  const ourVwap = time(() => regularBySession.map((day) => sessionVwap(day)));
  const ourAtr = time(() => wilderAtr(bars, 14));
  const theirVwap = time(() => sessionColumns.map((day) => VWAP.calculate(day)));
  const theirAtr = time(() => ATR.calculate({ ...yearColumns, period: 14 }));
  const vwapDiff = Math.max(...ourVwap.result.map((series, d) => maxAbsDifference(series.vwap.subarray(0, series.length), theirVwap.result[d]!)));
  const atrDiff = maxAbsDifference(ourAtr.result, theirAtr.result);
  if (vwapDiff > TOLERANCE || atrDiff > TOLERANCE) {
    throw new Error(`levels engine and technicalindicators disagree: VWAP max |Δ| ${vwapDiff}, ATR max |Δ| ${atrDiff}`);
  }

  const lastDate = sessions.at(-1)!.date;
  const levels = time(() => computeKeyLevels({ bars1m: bars, sessions, date: lastDate, options: { impliedVolatility: 0.16 } }));
  if (!levels.result.atr.daily || !levels.result.levels.length) throw new Error('computeKeyLevels returned no levels over the year');

  const fives = time(() => aggregateBars(bars, '5m', sessions));
  if (fives.result.length < bars.length / 5) throw new Error(`1m→5m aggregation produced too few bars (${fives.result.length})`);

  const sizeNote = `${bars.length.toLocaleString('en-US')} minutes, ${SESSIONS_PER_YEAR} sessions, ${regular.length.toLocaleString('en-US')} regular`;
  return [
    { name: 'VWAP ±σ (all sessions), levels engine', value: ourVwap.ms, unit: 'ms', note: sizeNote },
    { name: 'VWAP (all sessions), technicalindicators', value: theirVwap.ms, unit: 'ms', note: `${(theirVwap.ms / ourVwap.ms).toFixed(1)}× slower, max |Δ| ${vwapDiff.toExponential(1)}` },
    { name: 'ATR(14) over every minute, levels engine', value: ourAtr.ms, unit: 'ms' },
    { name: 'ATR(14) over every minute, technicalindicators', value: theirAtr.ms, unit: 'ms', note: `${(theirAtr.ms / ourAtr.ms).toFixed(1)}× slower, max |Δ| ${atrDiff.toExponential(1)}` },
    {
      name: 'VWAP + ATR speed-up vs technicalindicators',
      value: (theirVwap.ms + theirAtr.ms) / (ourVwap.ms + ourAtr.ms),
      unit: '×',
      budget: 5,
      note: 'values asserted equal within 1e-9',
    },
    { name: 'computeKeyLevels, one year of minutes', value: levels.ms, unit: 'ms', note: `${levels.result.levels.length} levels on ${lastDate}` },
    { name: '1m → 5m aggregation', value: bars.length / (fives.ms / 1000), unit: 'bars/s', note: `${fives.ms.toFixed(1)} ms for the year` },
  ];
}
