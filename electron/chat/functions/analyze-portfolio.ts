import { z } from 'zod';
import { defineFunction } from '../types';
import { bound, compactGreeks } from './lib/positions';
import { round } from './lib/round';
import { pnlTrackerWidget } from './lib/widgets';

export const analyzePortfolio = defineFunction({
  name: 'analyze_portfolio',
  description:
    "All of the trader's open positions analysed together: P&L of each and in total, dollar greeks per underlying and in total, SPX beta-weighted delta and risk flags. Use it for \"how are my positions\", \"portfolio risk\", \"my P&L\".",
  parameters: z.object({}).strict(),
  label: 'Analysing the portfolio…',
  async run(_args, ctx) {
    const portfolio = await ctx.call('portfolio:analyze', {});
    if (!portfolio.positions.length && !portfolio.errors.length) {
      return { result: { positions: [], note: 'No open positions: add them in the Positions tab or describe one to analyze_position' } };
    }
    return {
      result: {
        asOf: portfolio.asOf,
        costBasis: round(portfolio.costBasis),
        marketValue: round(portfolio.marketValue),
        unrealizedPnl: round(portfolio.unrealizedPnl),
        greeks: compactGreeks(portfolio.totals),
        betaWeightedDeltaSpx: round(portfolio.betaWeightedDelta, 2),
        positions: portfolio.positions.map((p) => ({
          id: p.id,
          name: p.name,
          strategy: p.strategy.label,
          unrealizedPnl: round(p.unrealizedPnl),
          maxLoss: bound(p.maxLoss),
          greeks: compactGreeks(p.totals),
        })),
        byUnderlying: portfolio.byUnderlying.map((u) => ({ underlying: u.underlying, spot: round(u.spot), positions: u.positions, unrealizedPnl: round(u.unrealizedPnl), greeks: compactGreeks(u.totals) })),
        flags: portfolio.flags.map((f) => `${f.severity}: ${f.message}`),
        ...(portfolio.errors.length ? { notAnalysed: portfolio.errors } : {}),
      },
      widget: pnlTrackerWidget(portfolio),
    };
  },
});
