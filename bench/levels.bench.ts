// Levels engine over one year of 1-minute bars for one symbol, against `technicalindicators` on the
// same inputs (values asserted equal), and 1m → 5m aggregation throughput.
import { DateTime } from 'luxon';
import { ATR, VWAP } from 'technicalindicators';
import type { Bar, TradingSession } from '../shared/schemas/market';
import { aggregateBars } from '../electron/levels/aggregate';
import { wilderAtr } from '../electron/levels/atr';
import { computeKeyLevels } from '../electron/levels/key-levels';
import { groupBySession } from '../electron/levels/session-bars';
import { buildSession, EXCHANGE_ZONE, loadSpyJuly2025 } from '../electron/levels/testing/spy-data';
import { sessionVwap } from '../electron/levels/vwap';
import { maxAbsDifference, timeTogether, type Figure } from './lib';

const SESSIONS_PER_YEAR = 252;
const RUNS = 15;
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
  const yearColumns = columns(bars);
  const sessionColumns = regularBySession.map(columns);

  // Both sides start from the same Bar[] the app holds, so technicalindicators' time includes
  // building the column arrays it takes; its time on prebuilt columns is printed beside it.
  // VWAP with its σ (more work than technicalindicators' plain VWAP) for every session, ATR(14) over every minute.
  const {
    ms: [ourVwapMs, theirVwapMs, theirVwapOnColumnsMs, ourAtrMs, theirAtrMs, theirAtrOnColumnsMs],
    results: [ourVwap, theirVwap, , ourAtr, theirAtr],
  } = timeTogether(
    RUNS,
    () => regularBySession.map((day) => sessionVwap(day)),
    () => regularBySession.map((day) => VWAP.calculate(columns(day))),
    () => sessionColumns.map((day) => VWAP.calculate(day)),
    () => wilderAtr(bars, 14),
    () => ATR.calculate({ ...columns(bars), period: 14 }),
    () => ATR.calculate({ ...yearColumns, period: 14 }),
  );
  const vwapDiff = Math.max(...ourVwap.map((series, d) => maxAbsDifference(series.vwap.subarray(0, series.length), theirVwap[d]!)));
  const atrDiff = maxAbsDifference(ourAtr, theirAtr);
  if (vwapDiff > TOLERANCE || atrDiff > TOLERANCE) {
    throw new Error(`levels engine and technicalindicators disagree: VWAP max |Δ| ${vwapDiff}, ATR max |Δ| ${atrDiff}`);
  }

  const lastDate = sessions.at(-1)!.date;
  const {
    ms: [levelsMs, fivesMs],
    results: [levels, fives],
  } = timeTogether(
    RUNS,
    () => computeKeyLevels({ bars1m: bars, sessions, date: lastDate, options: { impliedVolatility: 0.16 } }),
    () => aggregateBars(bars, '5m', sessions),
  );
  if (!levels.atr.daily || !levels.levels.length) throw new Error('computeKeyLevels returned no levels over the year');
  if (fives.length < bars.length / 5) throw new Error(`1m→5m aggregation produced too few bars (${fives.length})`);

  const sizeNote = `${bars.length.toLocaleString('en-US')} minutes, ${SESSIONS_PER_YEAR} sessions, ${regular.length.toLocaleString('en-US')} regular`;
  return [
    { name: 'VWAP ±σ (all sessions), levels engine', value: ourVwapMs, unit: 'ms', note: sizeNote },
    { name: 'VWAP (all sessions), technicalindicators', value: theirVwapMs, unit: 'ms', note: `${(theirVwapMs / ourVwapMs).toFixed(1)}× slower, max |Δ| ${vwapDiff.toExponential(1)}` },
    { name: '  the same on prebuilt columns', value: theirVwapOnColumnsMs, unit: 'ms', note: `${(theirVwapOnColumnsMs / ourVwapMs).toFixed(1)}× slower` },
    { name: 'ATR(14) over every minute, levels engine', value: ourAtrMs, unit: 'ms' },
    { name: 'ATR(14) over every minute, technicalindicators', value: theirAtrMs, unit: 'ms', note: `${(theirAtrMs / ourAtrMs).toFixed(1)}× slower, max |Δ| ${atrDiff.toExponential(1)}` },
    { name: '  the same on prebuilt columns', value: theirAtrOnColumnsMs, unit: 'ms', note: `${(theirAtrOnColumnsMs / ourAtrMs).toFixed(1)}× slower` },
    {
      name: 'VWAP + ATR speed-up vs technicalindicators',
      value: (theirVwapMs + theirAtrMs) / (ourVwapMs + ourAtrMs),
      unit: '×',
      budget: 5,
      note: 'from the same Bar[]; values asserted equal within 1e-9',
    },
    {
      name: '  the same, its columns prebuilt for free',
      value: (theirVwapOnColumnsMs + theirAtrOnColumnsMs) / (ourVwapMs + ourAtrMs),
      unit: '×',
      note: 'our side reads boxed doubles from Bar objects, theirs unboxed number arrays',
    },
    { name: 'computeKeyLevels, one year of minutes', value: levelsMs, unit: 'ms', note: `${levels.levels.length} levels on ${lastDate}` },
    { name: '1m → 5m aggregation', value: bars.length / (fivesMs / 1000), unit: 'bars/s', note: `${fivesMs.toFixed(1)} ms for the year` },
  ];
}
