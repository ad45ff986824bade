import { z } from 'zod';
import type { Bucket } from '../../../shared/schemas/journal';
import { defineFunction } from '../types';
import { journalFilter, journalFilterArgs } from './lib/journal-filter';
import { round, roundOrNull } from './lib/round';
import { journalStatsWidget } from './lib/widgets';

/** Breakdown rows given to the model, largest P&L magnitude first. */
const BUCKETS = 6;

export const analyzeTradeHistory = defineFunction({
  name: 'analyze_trade_history',
  description:
    "Statistics of the trader's closed journal trades: win rate, profit factor, expectancy, average win and loss, max drawdown, streaks, R-multiples, and P&L by symbol, strategy, weekday and hour. Use it for \"how am I doing\", \"my win rate on SPX\", \"which strategy works for me\".",
  parameters: z
    .object({
      ...journalFilterArgs(),
    })
    .strict(),
  label: 'Analysing your trades…',
  async run(args, ctx) {
    const filter = journalFilter(args);
    const a = await ctx.call('journal:analytics', filter);
    if (!a.trades) return { result: { trades: 0, openTrades: a.openTrades, note: 'No closed trades match: nothing to measure yet' } };
    const scope = [args.symbol, args.from && `from ${args.from}`, args.to && `to ${args.to}`].filter(Boolean).join(' ');
    return {
      result: {
        trades: a.trades,
        openTrades: a.openTrades,
        wins: a.wins,
        losses: a.losses,
        breakevens: a.breakevens,
        netPnl: round(a.netPnl),
        fees: round(a.fees),
        winRate: roundOrNull(a.winRate, 4),
        profitFactor: roundOrNull(a.profitFactor, 2),
        expectancy: roundOrNull(a.expectancy),
        averageWin: roundOrNull(a.averageWin),
        averageLoss: roundOrNull(a.averageLoss),
        largestWin: roundOrNull(a.largestWin),
        largestLoss: roundOrNull(a.largestLoss),
        maxDrawdown: round(a.maxDrawdown.amount),
        longestWinStreak: a.longestWinStreak,
        longestLossStreak: a.longestLossStreak,
        averageR: roundOrNull(a.rMultiple.average, 2),
        bySymbol: topBuckets(a.bySymbol),
        byStrategy: topBuckets(a.byStrategy),
        byWeekday: a.byWeekday.map(compactBucket),
      },
      widget: journalStatsWidget(a, scope ? `Journal stats · ${scope}` : 'Journal stats'),
    };
  },
});

function compactBucket(b: Bucket) {
  return { key: b.key, trades: b.trades, netPnl: round(b.netPnl), winRate: roundOrNull(b.winRate, 4) };
}

function topBuckets(buckets: readonly Bucket[]) {
  return [...buckets].sort((x, y) => Math.abs(y.netPnl) - Math.abs(x.netPnl)).slice(0, BUCKETS).map(compactBucket);
}
