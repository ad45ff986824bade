import type { PositionAnalysis } from '../../../../shared/schemas/positions';
import { formatMoney, formatPercent, pnlTone } from '../../lib/journal';
import { formatPrice } from '../../lib/format';
import { formatBound, formatSigned } from '../../lib/positions';
import { FigureList, type Figure } from './FigureList';

/** The position in figures: dollar greeks, SPX beta-weighted delta, probability of profit, cost, mark, P&L and the payoff's key points. */
export function GreeksSummary({ analysis: a }: { analysis: PositionAnalysis }) {
  const bw = a.betaWeighted;
  const figures: Figure[] = [
    { label: 'Delta (shares)', value: formatSigned(a.totals.delta), testId: 'greeks-delta' },
    { label: 'Gamma (Δ per $1)', value: formatSigned(a.totals.gamma, 3), testId: 'greeks-gamma' },
    { label: 'Theta ($/day)', value: formatSigned(a.totals.theta), testId: 'greeks-theta' },
    { label: 'Vega ($/vol pt)', value: formatSigned(a.totals.vega), testId: 'greeks-vega' },
    { label: 'β-weighted delta (SPX)', value: bw.delta === null ? 'No beta known' : `${formatSigned(bw.delta)} (β ${bw.beta?.toFixed(2)})`, testId: 'greeks-beta-delta' },
    { label: 'SPX notional', value: formatMoney(bw.notional), testId: 'greeks-beta-notional' },
    { label: 'Probability of profit', value: formatPercent(a.probabilityOfProfit), testId: 'greeks-pop' },
    { label: 'Cost basis', value: formatMoney(a.costBasis), testId: 'position-cost' },
    { label: 'Mark', value: formatMoney(a.marketValue), testId: 'position-mark' },
    { label: 'Unrealized P&L', value: formatMoney(a.unrealizedPnl), testId: 'position-pnl', tone: pnlTone(a.unrealizedPnl) },
    { label: 'Breakevens', value: a.breakevens.length ? a.breakevens.map(formatPrice).join(' · ') : 'None', testId: 'position-breakevens' },
    { label: 'Max profit', value: formatBound(a.maxProfit), testId: 'position-max-profit', tone: 'pnl-up' },
    { label: 'Max loss', value: formatBound(a.maxLoss), testId: 'position-max-loss', tone: 'pnl-down' },
  ];
  return (
    <section className="card greeks-summary" aria-labelledby="greeks-heading">
      <header className="card-header">
        <h3 id="greeks-heading">Greeks and risk</h3>
        <span className="card-header-note muted">
          {a.underlying} {formatPrice(a.spot)} · r {(a.rate * 100).toFixed(2)}% · q {(a.dividendYield * 100).toFixed(2)}%
        </span>
      </header>
      <FigureList figures={figures} />
    </section>
  );
}
