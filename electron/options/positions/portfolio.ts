// The open positions added up: totals, exposure per underlying, beta-weighted delta, flags. Pure.
import type { Greeks } from '../../../shared/schemas/options';
import type { PortfolioAnalysis, PositionAnalysis } from '../../../shared/schemas/positions';
import { sumGreeks } from './valuation';

export interface AnalysedPosition {
  id: string;
  analysis: PositionAnalysis;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function totalsOf(analyses: readonly PositionAnalysis[]): { totals: Greeks; costBasis: number; marketValue: number; unrealizedPnl: number } {
  return {
    totals: sumGreeks(analyses.map((a) => a.totals)),
    costBasis: sum(analyses.map((a) => a.costBasis)),
    marketValue: sum(analyses.map((a) => a.marketValue)),
    unrealizedPnl: sum(analyses.map((a) => a.unrealizedPnl)),
  };
}

export function aggregatePortfolio(asOf: string, positions: readonly AnalysedPosition[], errors: PortfolioAnalysis['errors']): PortfolioAnalysis {
  const analyses = positions.map((p) => p.analysis);
  const underlyings = [...new Set(analyses.map((a) => a.underlying))].sort();
  const byUnderlying = underlyings.map((underlying) => {
    const group = analyses.filter((a) => a.underlying === underlying);
    const first = group[0]!;
    const known = first.betaWeighted.beta !== null;
    const notional = known ? sum(group.map((a) => a.betaWeighted.notional ?? 0)) : null;
    return {
      underlying,
      spot: first.spot,
      positions: group.length,
      ...totalsOf(group),
      betaWeighted: { ...first.betaWeighted, notional, delta: notional === null ? null : notional / first.betaWeighted.benchmarkPrice },
    };
  });
  return {
    asOf,
    positions: positions.map(({ id, analysis: a }) => ({
      id,
      name: a.name,
      underlying: a.underlying,
      strategy: a.strategy,
      totals: a.totals,
      costBasis: a.costBasis,
      marketValue: a.marketValue,
      unrealizedPnl: a.unrealizedPnl,
      maxLoss: a.maxLoss,
      betaWeightedDelta: a.betaWeighted.delta,
      flags: a.flags,
    })),
    byUnderlying,
    ...totalsOf(analyses),
    betaWeightedDelta: sum(byUnderlying.map((u) => u.betaWeighted.delta ?? 0)),
    flags: positions.flatMap(({ id, analysis }) => analysis.flags.map((flag) => ({ ...flag, positionId: id }))),
    errors,
  };
}
