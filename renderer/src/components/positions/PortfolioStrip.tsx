import type { PortfolioAnalysis } from '../../../../shared/schemas/positions';
import type { CallState } from '../../hooks/use-call';
import { formatMoney, plural, pnlTone } from '../../lib/journal';
import { formatSigned } from '../../lib/positions';
import { ErrorNotice } from '../common/ErrorNotice';
import { LoadingState } from '../common/LoadingState';

/** Every open position added up: P&L, dollar greeks, SPX beta-weighted delta, flags. */
export function PortfolioStrip({ portfolio }: { portfolio: CallState<PortfolioAnalysis> }) {
  const p = portfolio.data;
  const critical = p?.flags.filter((f) => f.severity === 'critical').length ?? 0;
  const figures: [string, string, string?][] = p
    ? [
        ['Open positions', String(p.positions.length)],
        ['Unrealized P&L', formatMoney(p.unrealizedPnl), pnlTone(p.unrealizedPnl)],
        ['Delta (shares)', formatSigned(p.totals.delta)],
        ['Gamma', formatSigned(p.totals.gamma, 3)],
        ['Theta ($/day)', formatSigned(p.totals.theta)],
        ['Vega ($/vol pt)', formatSigned(p.totals.vega)],
        ['β-weighted delta (SPX)', formatSigned(p.betaWeightedDelta)],
        ['Flags', `${p.flags.length}${critical ? ` (${critical} critical)` : ''}`, critical ? 'pnl-down' : undefined],
      ]
    : [];
  return (
    <section className="portfolio-strip" aria-label="Portfolio" aria-busy={portfolio.loading} data-testid="portfolio-strip">
      {portfolio.error && <ErrorNotice compact title="Could not analyse the portfolio" error={portfolio.error} onRetry={portfolio.reload} />}
      {!p && portfolio.loading && <LoadingState label="Adding up the portfolio…" />}
      {p && (
        <dl className="portfolio-figures">
          {figures.map(([label, value, tone]) => (
            <div key={label} className="portfolio-figure">
              <dt>{label}</dt>
              <dd className={`num ${tone ?? ''}`}>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {p && p.errors.length > 0 && (
        <p className="portfolio-errors" role="alert">
          {p.errors.length} {plural('position', p.errors.length)} could not be analysed: {p.errors.map((e) => e.message).join('; ')}
        </p>
      )}
    </section>
  );
}
