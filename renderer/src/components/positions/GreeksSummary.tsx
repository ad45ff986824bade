import type { PositionAnalysis } from '../../../../shared/schemas/positions';
import { formatMoney, formatPercent, pnlTone } from '../../lib/journal';
import { formatBound, formatPrice, formatSigned } from '../../lib/positions';

/** The position in figures: dollar greeks, SPX beta-weighted delta, probability of profit, cost, mark, P&L and the payoff's key points. */
export function GreeksSummary({ analysis: a }: { analysis: PositionAnalysis }) {
  const bw = a.betaWeighted;
  const facts: [string, string, string, string?][] = [
    ['Delta (shares)', formatSigned(a.totals.delta), 'greeks-delta'],
    ['Gamma (Δ per $1)', formatSigned(a.totals.gamma, 3), 'greeks-gamma'],
    ['Theta ($/day)', formatSigned(a.totals.theta), 'greeks-theta'],
    ['Vega ($/vol pt)', formatSigned(a.totals.vega), 'greeks-vega'],
    ['β-weighted delta (SPX)', bw.delta === null ? 'No beta known' : `${formatSigned(bw.delta)} (β ${bw.beta?.toFixed(2)})`, 'greeks-beta-delta'],
    ['SPX notional', formatMoney(bw.notional), 'greeks-beta-notional'],
    ['Probability of profit', formatPercent(a.probabilityOfProfit), 'greeks-pop'],
    ['Cost basis', formatMoney(a.costBasis), 'position-cost'],
    ['Mark', formatMoney(a.marketValue), 'position-mark'],
    ['Unrealized P&L', formatMoney(a.unrealizedPnl), 'position-pnl', pnlTone(a.unrealizedPnl)],
    ['Breakevens', a.breakevens.length ? a.breakevens.map(formatPrice).join(' · ') : 'None', 'position-breakevens'],
    ['Max profit', formatBound(a.maxProfit), 'position-max-profit', 'pnl-up'],
    ['Max loss', formatBound(a.maxLoss), 'position-max-loss', 'pnl-down'],
  ];
  return (
    <section className="card greeks-summary" aria-labelledby="greeks-heading">
      <header className="card-header">
        <h3 id="greeks-heading">Greeks and risk</h3>
        <span className="card-header-note muted">
          {a.underlying} {formatPrice(a.spot)} · r {(a.rate * 100).toFixed(2)}% · q {(a.dividendYield * 100).toFixed(2)}%
        </span>
      </header>
      <dl className="position-facts">
        {facts.map(([label, value, testId, tone]) => (
          <div key={label} className="position-fact">
            <dt>{label}</dt>
            <dd className={`num ${tone ?? ''}`} data-testid={testId}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
