import {
  LevelsOptionsSchema,
  type ExpectedMove,
  type KeyLevel,
  type LevelGroup,
  type LevelsOptions,
  type LevelsResult,
  type Move,
} from '../../shared/schemas/levels';
import type { Bar, TradingSession } from '../../shared/schemas/market';
import { CoachError, describeIssues, toIssues } from '../../shared/errors';
import { TRADING_DAYS_PER_YEAR } from '../market/calendar';
import { aggregateBars } from './aggregate';
import { lastAtr } from './atr';
import { camarillaPivots, classicPivots, fibonacciPivots, woodiePivots, type PriorDay } from './pivots';
import { groupBySession, highLow } from './session-bars';
import { dailyHistory, openingRange, premarketRange, priorPeriodHighLow } from './session-levels';
import { sessionVwap, vwapPoints } from './vwap';

export interface KeyLevelsInput {
  /** 1-minute bars (extended hours included), sorted by time; bars after the day of `date` are ignored. */
  bars1m: readonly Bar[];
  /** The provider's daily bars (time = 00:00 ET of the session date); they win over bars built from minutes. */
  dailyBars?: readonly Bar[];
  /** Trading sessions from the calendar, sorted, covering `date` and the session before it. */
  sessions: readonly TradingSession[];
  /** The session to compute levels for, YYYY-MM-DD (America/New_York). */
  date: string;
  /** Price to measure distances from; defaults to the close of the day's last bar. */
  lastPrice?: number;
  options?: LevelsOptions;
}

/** Sessions per year for the implied move: one session's σ = IV × √(1/252). */

function move(reference: number, points: number): Move {
  return { points, percent: (points / reference) * 100, upper: reference + points, lower: reference - points };
}

/**
 * Every key level of one symbol on one session, with VWAP bands, ATRs and the expected move. Pure:
 * it reads only its input. Throws `invalid_input` for bad options or last price, or when `date` is not
 * one of the sessions.
 */
export function computeKeyLevels(input: KeyLevelsInput): LevelsResult {
  const parsed = LevelsOptionsSchema.safeParse(input.options ?? {});
  if (!parsed.success) {
    const issues = toIssues(parsed.error);
    throw new CoachError('invalid_input', `levels options: ${describeIssues(issues)}`, { issues });
  }
  const options = parsed.data;
  if (input.lastPrice !== undefined && !(input.lastPrice > 0 && Number.isFinite(input.lastPrice))) {
    throw new CoachError('invalid_input', `lastPrice must be a positive number, got ${input.lastPrice}`);
  }
  const todayIndex = input.sessions.findIndex((s) => s.date === input.date);
  if (todayIndex < 0) throw new CoachError('invalid_input', `${input.date} is not a trading session in the calendar given`);
  const sessions = input.sessions.slice(0, todayIndex + 1);
  const grouped = groupBySession(input.bars1m, sessions);
  const today = grouped[todayIndex]!;
  const previous = grouped[todayIndex - 1];
  const history = dailyHistory(input.dailyBars ?? [], grouped, input.date);
  // PDH/PDL/PDC: the previous session's regular hours (to 13:00 after an early close).
  const priorBar = previous && history.find((bar) => bar.date === previous.session.date);
  const priorDay: PriorDay | null = priorBar ? { high: priorBar.high, low: priorBar.low, close: priorBar.close } : null;

  const todayBars = [...today.pre, ...today.regular, ...today.after];
  const lastPrice = input.lastPrice ?? todayBars.at(-1)?.close ?? null;
  const dailyAtr = lastAtr(history, options.atrPeriod);
  const intradayBars = aggregateBars(
    grouped.flatMap((g) => g.regular),
    options.intradayAtrTimeframe,
    sessions,
  );
  const vwapSeries = vwapPoints(sessionVwap(today.regular));

  const levels: KeyLevel[] = [];
  const add = (group: LevelGroup, name: string, price: number) => {
    const points = lastPrice === null ? null : price - lastPrice;
    const distance = points === null || lastPrice === null ? null : { points, percent: (points / lastPrice) * 100, atr: dailyAtr ? points / dailyAtr : null };
    levels.push({ name, price, group, distance });
  };

  if (priorDay) {
    add('prior-day', 'PDH', priorDay.high);
    add('prior-day', 'PDL', priorDay.low);
    add('prior-day', 'PDC', priorDay.close);
    addPivots(add, priorDay);
  }

  const filter = options.extendedHoursBand !== null && priorDay ? { reference: priorDay.close, band: options.extendedHoursBand } : undefined;
  const premarket = premarketRange(today.pre, filter);
  if (premarket) {
    add('premarket', 'PMH', premarket.high);
    add('premarket', 'PML', premarket.low);
  }

  const day = highLow(today.regular);
  if (day) {
    add('today', 'Open', today.regular[0]!.open);
    add('today', 'HOD', day.high);
    add('today', 'LOD', day.low);
  }

  const openingRanges = options.openingRangeMinutes.flatMap((minutes) => openingRange(today.regular, today.session, minutes) ?? []);
  for (const range of openingRanges.filter((r) => r.complete)) {
    add('opening-range', `ORH ${range.minutes}m`, range.high);
    add('opening-range', `ORL ${range.minutes}m`, range.low);
  }

  const lastVwap = vwapSeries.at(-1) ?? null;
  if (lastVwap) {
    add('vwap', 'VWAP', lastVwap.vwap);
    for (const k of [1, 2, 3] as const) {
      add('vwap', `VWAP +${k}σ`, lastVwap[`upper${k}`]);
      add('vwap', `VWAP −${k}σ`, lastVwap[`lower${k}`]);
    }
  }

  const expectedMove = expectedMoveOf(priorDay, dailyAtr, options.impliedVolatility);
  if (expectedMove?.atr) {
    add('atr', 'ATR high', expectedMove.atr.upper);
    add('atr', 'ATR low', expectedMove.atr.lower);
  }
  if (expectedMove?.implied) {
    add('implied-move', 'IV move high', expectedMove.implied.upper);
    add('implied-move', 'IV move low', expectedMove.implied.lower);
  }

  for (const [group, prefix, period] of [
    ['prior-week', 'PW', 'week'],
    ['prior-month', 'PMo', 'month'],
  ] as const) {
    const range = priorPeriodHighLow(history, input.date, period);
    if (range) {
      add(group, `${prefix}H`, range.high);
      add(group, `${prefix}L`, range.low);
    }
  }

  return {
    date: input.date,
    previousDate: previous?.session.date ?? null,
    lastPrice,
    levels,
    openingRanges,
    vwap: { series: vwapSeries, last: lastVwap },
    atr: { period: options.atrPeriod, daily: dailyAtr, intraday: lastAtr(intradayBars, options.atrPeriod), intradayTimeframe: options.intradayAtrTimeframe },
    expectedMove,
    extendedHoursFilter: filter ? { band: filter.band, ignoredPrints: premarket?.ignoredPrints ?? 0 } : null,
  };
}

function addPivots(add: (group: LevelGroup, name: string, price: number) => void, priorDay: PriorDay): void {
  const methods = [
    ['pivot-classic', 'classic', classicPivots],
    ['pivot-fibonacci', 'fibonacci', fibonacciPivots],
    ['pivot-camarilla', 'camarilla', camarillaPivots],
    ['pivot-woodie', 'woodie', woodiePivots],
  ] as const;
  for (const [group, label, pivots] of methods) {
    for (const pivot of pivots(priorDay)) add(group, `${pivot.name} (${label})`, pivot.price);
  }
}

/** ATR move (one daily ATR around the prior close) and, given an IV, the one-session implied move. */
function expectedMoveOf(priorDay: PriorDay | null, dailyAtr: number | null, impliedVolatility: number | undefined): ExpectedMove | null {
  if (!priorDay) return null;
  const reference = priorDay.close;
  const implied =
    impliedVolatility === undefined
      ? null
      : { ...move(reference, reference * impliedVolatility * Math.sqrt(1 / TRADING_DAYS_PER_YEAR)), impliedVolatility };
  return { reference, atr: dailyAtr === null ? null : move(reference, dailyAtr), implied };
}
