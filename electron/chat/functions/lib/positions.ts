import type { PositionAnalysis } from '../../../../shared/schemas/positions';
import { round, roundOrNull, significant } from './round';

/** Dollar greeks as the model reads them (rho left out: it rarely matters to a trader). */
export function compactGreeks(g: { delta: number; gamma: number; theta: number; vega: number }) {
  return { delta: round(g.delta), gamma: round(g.gamma, 3), theta: round(g.theta), vega: round(g.vega) };
}

export const bound = (value: number | 'unlimited') => (typeof value === 'number' ? round(value) : value);

/** A position analysis as the model reads it: money to cents, no payoff curve. */
export function compactAnalysis(analysis: PositionAnalysis) {
  return {
    positionId: analysis.positionId,
    name: analysis.name,
    underlying: analysis.underlying,
    strategy: analysis.strategy.label,
    spot: round(analysis.spot),
    costBasis: round(analysis.costBasis),
    marketValue: round(analysis.marketValue),
    unrealizedPnl: round(analysis.unrealizedPnl),
    /** Dollar greeks of the whole position: delta in shares, theta $ per day, vega $ per vol point. */
    greeks: compactGreeks(analysis.totals),
    breakevens: analysis.breakevens.map((b) => round(b)),
    maxProfit: bound(analysis.maxProfit),
    maxLoss: bound(analysis.maxLoss),
    probabilityOfProfit: roundOrNull(analysis.probabilityOfProfit, 3),
    betaWeightedDeltaSpx: roundOrNull(analysis.betaWeighted.delta, 2),
    legs: analysis.legs.map((leg) => ({
      leg: leg.description,
      mark: round(leg.mark),
      iv: roundOrNull(leg.iv, 4),
      delta: significant(leg.greeks.delta),
      daysToExpiry: leg.daysToExpiry,
      unrealizedPnl: round(leg.unrealizedPnl),
    })),
    flags: analysis.flags.map((flag) => `${flag.severity}: ${flag.message}`),
  };
}
