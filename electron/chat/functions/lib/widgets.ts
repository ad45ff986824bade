import type { Widget, WidgetData } from '../../../../shared/schemas/chat-widgets';
import type { Alert } from '../../../../shared/schemas/alerts';
import type { Bucket, Analytics } from '../../../../shared/schemas/journal';
import type { KeyLevel, LevelsResponse } from '../../../../shared/schemas/levels';
import type { PortfolioAnalysis, PositionAnalysis } from '../../../../shared/schemas/positions';
import type { OptionChain, StrikeRow } from '../../../../shared/schemas/chains';
import { quoteSide } from './chains';
import { bound } from './positions';
import { round, roundOrNull } from './round';

/**
 * The cards the functions attach, built from contract outputs (pure: plain data in, a widget out).
 * Prices are kept to cents: a card is stored with its message and reloaded with the session.
 */

/** At most this many points of an equity curve go into a card's sparkline. */
export const MAX_EQUITY_POINTS = 60;
/** Best and worst buckets shown on the journal card. */
const BUCKETS_SHOWN = 3;

export function roundLevel(level: KeyLevel): KeyLevel {
  return {
    ...level,
    price: round(level.price),
    distance: level.distance && { points: round(level.distance.points), percent: round(level.distance.percent, 3), atr: roundOrNull(level.distance.atr, 2) },
  };
}

export function keyLevelsWidget(levels: LevelsResponse): Widget {
  return {
    type: 'key_levels',
    title: `${levels.symbol} key levels · ${levels.date}`,
    data: {
      symbol: levels.symbol,
      date: levels.date,
      lastPrice: roundOrNull(levels.lastPrice),
      levels: levels.levels.map(roundLevel),
      atrDaily: roundOrNull(levels.atr.daily),
      vwap: levels.vwap.last ? round(levels.vwap.last.vwap) : null,
      expectedMove: levels.expectedMove,
    },
  };
}

export function marketOverviewWidget(title: string, data: WidgetData<'market_overview'>): Widget {
  return { type: 'market_overview', title, data };
}

export function alertStatusWidget(action: WidgetData<'alert_status'>['action'], alerts: Alert[], title: string): Widget {
  return { type: 'alert_status', title, data: { action, alerts } };
}

export function optionsChainWidget(chain: OptionChain, rows: readonly StrikeRow[]): Widget {
  return {
    type: 'options_chain',
    title: `${chain.underlying} options · ${chain.expiry.date}`,
    data: {
      underlying: chain.underlying,
      spot: round(chain.spot),
      expiry: chain.expiry.date,
      daysToExpiry: chain.expiry.daysToExpiry,
      rows: rows.map((row) => ({ strike: row.strike, call: quoteSide(row.call), put: quoteSide(row.put) })),
    },
  };
}

/** `values` thinned to at most `max` points, evenly spaced, first and last kept. */
export function thin(values: readonly number[], max: number): number[] {
  if (values.length <= max) return [...values];
  return Array.from({ length: max }, (_, i) => values[Math.round((i * (values.length - 1)) / (max - 1))]!);
}

/** Symbols and strategies with their P&L, for the best and worst lists. */
function labelled(analytics: Analytics) {
  const row = (label: string, b: Bucket) => ({ label, netPnl: round(b.netPnl), trades: b.trades });
  return [...analytics.bySymbol.map((b) => row(b.key, b)), ...analytics.byStrategy.filter((b) => b.key !== '(none)').map((b) => row(`${b.key} (strategy)`, b))];
}

export function journalStatsWidget(analytics: Analytics, title: string): Widget {
  const buckets = labelled(analytics);
  return {
    type: 'journal_stats',
    title,
    data: {
      trades: analytics.trades,
      wins: analytics.wins,
      losses: analytics.losses,
      netPnl: round(analytics.netPnl),
      winRate: roundOrNull(analytics.winRate, 4),
      profitFactor: roundOrNull(analytics.profitFactor, 2),
      expectancy: roundOrNull(analytics.expectancy),
      averageWin: roundOrNull(analytics.averageWin),
      averageLoss: roundOrNull(analytics.averageLoss),
      maxDrawdown: round(analytics.maxDrawdown.amount),
      best: buckets.filter((b) => b.netPnl > 0).sort((a, b) => b.netPnl - a.netPnl).slice(0, BUCKETS_SHOWN),
      worst: buckets.filter((b) => b.netPnl < 0).sort((a, b) => a.netPnl - b.netPnl).slice(0, BUCKETS_SHOWN),
      equity: thin(analytics.equityCurve.map((p) => round(p.equity)), MAX_EQUITY_POINTS),
    },
  };
}

function roundGreeks<G extends Record<string, number>>(greeks: G): G {
  return Object.fromEntries(Object.entries(greeks).map(([k, v]) => [k, round(v)])) as G;
}

export function positionSummaryWidget(analysis: PositionAnalysis): Widget {
  return {
    type: 'position_summary',
    title: analysis.name,
    data: {
      positions: [
        {
          positionId: analysis.positionId,
          name: analysis.name,
          underlying: analysis.underlying,
          strategy: analysis.strategy,
          spot: round(analysis.spot),
          costBasis: round(analysis.costBasis),
          marketValue: round(analysis.marketValue),
          unrealizedPnl: round(analysis.unrealizedPnl),
          totals: roundGreeks(analysis.totals),
          breakevens: analysis.breakevens.map((b) => round(b)),
          maxProfit: bound(analysis.maxProfit),
          maxLoss: bound(analysis.maxLoss),
          probabilityOfProfit: roundOrNull(analysis.probabilityOfProfit, 4),
          flags: analysis.flags,
        },
      ],
      totals: null,
    },
  };
}

export function pnlTrackerWidget(portfolio: PortfolioAnalysis): Widget {
  const money = (v: { costBasis: number; marketValue: number; unrealizedPnl: number }) => ({
    costBasis: round(v.costBasis),
    marketValue: round(v.marketValue),
    unrealizedPnl: round(v.unrealizedPnl),
  });
  return {
    type: 'pnl_tracker',
    title: `Open positions · ${portfolio.positions.length}`,
    data: {
      asOf: portfolio.asOf,
      rows: portfolio.positions.map((p) => ({ label: p.name, ...money(p) })),
      total: money(portfolio),
    },
  };
}
