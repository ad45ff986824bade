import { z } from 'zod';
import { MAX_RANGE_DAYS, type Bar, type BarsResult } from '../../../shared/schemas/market';
import { addDays, lastSessions, marketDate } from '../../market/calendar';
import { defineFunction } from '../types';
import { symbolArg } from './lib/args';
import { newYorkTime, round } from './lib/round';

/** Bars handed to the model: the last ones only (the summary covers the whole range). */
export const MAX_BARS_SHOWN = 30;
const MAX_DAYS = 30;

export const getChartData = defineFunction({
  name: 'get_chart_data',
  description:
    'Price bars (OHLCV) of a symbol over the last trading days: a summary of the range (open, high, low, close, volume, change) and the last 30 bars. Use it for how a symbol traded today or over the last days, trend, range, volume.',
  parameters: z
    .object({
      symbol: symbolArg(),
      timeframe: z.enum(['1m', '5m', '15m', '1h', '1d']).optional().describe("Bar size; default '5m'"),
      days: z.number().int().min(1).max(MAX_DAYS).optional().describe('Trading days of bars, 1 to 30; default 1 (the current or last session)'),
    })
    .strict(),
  label: 'Loading chart data…',
  async run({ symbol, timeframe = '5m', days = 1 }, ctx) {
    const to = marketDate(ctx.now);
    // One session more than asked: today's may have no bars yet (before the pre-market).
    const wanted = lastSessions(to, days + 1)[0]!.date;
    const from = [wanted, addDays(to, -MAX_RANGE_DAYS[timeframe])].sort().at(-1)!;
    const bars = await ctx.call('market:bars', { symbol, timeframe, from, to });
    return { result: summarizeBars(bars, days) };
  },
});

/** The bars of the last `days` dates that have bars: a summary and the last few bars. */
export function summarizeBars(result: BarsResult, days: number) {
  const dates = [...new Set(result.bars.map((bar) => marketDate(bar.time)))].slice(-days);
  const bars = result.bars.filter((bar) => marketDate(bar.time) >= (dates[0] ?? '9999'));
  const base = { symbol: result.symbol, timeframe: result.timeframe, source: result.source, sessions: dates, bars: bars.length };
  if (!bars.length) return { ...base, summary: null, lastBars: [], note: `No ${result.timeframe} bars for ${result.symbol} from ${result.from} to ${result.to}` };
  const first = bars[0]!;
  const last = bars.at(-1)!;
  const change = last.close - first.open;
  return {
    ...base,
    summary: {
      from: newYorkTime(first.time),
      to: newYorkTime(last.time),
      open: round(first.open),
      high: round(bars.reduce((high, b) => Math.max(high, b.high), -Infinity)),
      low: round(bars.reduce((low, b) => Math.min(low, b.low), Infinity)),
      close: round(last.close),
      volume: bars.reduce((sum, b) => sum + b.volume, 0),
      change: round(change),
      changePercent: round((change / first.open) * 100, 2),
    },
    lastBars: bars.slice(-MAX_BARS_SHOWN).map(compactBar),
  };
}

function compactBar(bar: Bar) {
  return { time: newYorkTime(bar.time), open: round(bar.open), high: round(bar.high), low: round(bar.low), close: round(bar.close), volume: bar.volume };
}
