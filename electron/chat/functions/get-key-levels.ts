import { z } from 'zod';
import type { KeyLevel, LevelGroup, LevelsResponse } from '../../../shared/schemas/levels';
import { lastAtr } from '../../levels/atr';
import { groupBySession } from '../../levels/session-bars';
import { lastSessions } from '../../market/calendar';
import { defineFunction, type FunctionContext } from '../types';
import { dateArg, symbolArg } from './lib/args';
import { round, roundOrNull } from './lib/round';
import { keyLevelsWidget } from './lib/widgets';

/** Levels listed to the model on each side of the price, nearest first (the card shows them all). */
const LEVELS_PER_SIDE = 8;
/** Sessions of bars the intraday ATR of another timeframe is measured over (as the levels engine does). */
const ATR_SESSIONS = 3;

const Timeframe = z.enum(['1m', '5m', '15m', '1h']);

export const getKeyLevels = defineFunction({
  name: 'get_key_levels',
  description:
    'Key support and resistance levels of a symbol for one trading session: prior day high/low/close (PDH, PDL, PDC), pre-market high/low, opening ranges, pivots (classic, fibonacci, camarilla, woodie), VWAP and its bands, the ATR expected move and prior week/month highs and lows, each with its distance from the last price. Use it for key levels, support, resistance, or where a named level is.',
  parameters: z
    .object({
      symbol: symbolArg(),
      timeframe: Timeframe.optional().describe("Chart timeframe the trader watches; the intraday ATR is measured on its bars. Default '5m'"),
      date: dateArg('Trading session YYYY-MM-DD; default the current or most recent session').optional(),
    })
    .strict(),
  label: 'Checking key levels…',
  async run({ symbol, timeframe = '5m', date }, ctx) {
    const levels = await ctx.call('levels:get', { symbol, ...(date ? { date } : {}) });
    const intradayAtr = timeframe === levels.atr.intradayTimeframe ? levels.atr.intraday : await timeframeAtr(ctx, levels, timeframe);
    return { result: summarizeLevels(levels, timeframe, intradayAtr), widget: keyLevelsWidget(levels) };
  },
});

/** Wilder ATR of the regular-session bars of `timeframe` over the last sessions up to the levels' date. */
async function timeframeAtr(ctx: FunctionContext, levels: LevelsResponse, timeframe: z.infer<typeof Timeframe>): Promise<number | null> {
  const from = lastSessions(levels.date, ATR_SESSIONS)[0]!.date;
  const bars = await ctx.call('market:bars', { symbol: levels.symbol, timeframe, from, to: levels.date });
  return lastAtr(groupBySession(bars.bars, bars.sessions).flatMap((g) => g.regular), levels.atr.period);
}

function compactLevel(level: KeyLevel) {
  return {
    name: level.name,
    price: round(level.price),
    distance: level.distance ? round(level.distance.points) : null,
    percent: level.distance ? round(level.distance.percent, 2) : null,
  };
}

/** Pivot ladders besides the classic one: given to the model as a table, not in the nearest lists. */
const OTHER_PIVOTS = new Set<LevelGroup>(['pivot-fibonacci', 'pivot-camarilla', 'pivot-woodie']);

export function summarizeLevels(levels: LevelsResponse, timeframe: string, intradayAtr: number | null) {
  const byDistance = (a: KeyLevel, b: KeyLevel) => Math.abs(a.distance!.points) - Math.abs(b.distance!.points);
  const measured = levels.levels.filter((l) => l.distance !== null && !OTHER_PIVOTS.has(l.group)).sort(byDistance);
  const above = measured.filter((l) => l.distance!.points >= 0).slice(0, LEVELS_PER_SIDE);
  const below = measured.filter((l) => l.distance!.points < 0).slice(0, LEVELS_PER_SIDE);
  const pivots: Record<string, Record<string, number>> = {};
  for (const level of levels.levels.filter((l) => OTHER_PIVOTS.has(l.group))) {
    const method = level.group.replace('pivot-', '');
    (pivots[method] ??= {})[level.name.replace(/ \(.*\)$/, '')] = round(level.price);
  }
  const move = levels.expectedMove;
  return {
    symbol: levels.symbol,
    date: levels.date,
    source: levels.source,
    lastPrice: roundOrNull(levels.lastPrice),
    vwap: levels.vwap.last ? round(levels.vwap.last.vwap) : null,
    atr: { daily: roundOrNull(levels.atr.daily), intraday: roundOrNull(intradayAtr), timeframe },
    expectedMove: move?.atr ? { reference: round(move.reference), upper: round(move.atr.upper), lower: round(move.atr.lower) } : null,
    /** Nearest first; distance = level − last price. Classic pivots are in these lists. */
    resistanceAbove: above.map(compactLevel),
    supportBelow: below.map(compactLevel),
    otherPivots: pivots,
    /** Further levels, on the card only. */
    notListed: measured.length - above.length - below.length,
  };
}
