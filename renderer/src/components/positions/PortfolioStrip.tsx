import type { PortfolioAnalysis } from '../../../../shared/schemas/positions';
import type { CallState } from '../../hooks/use-call';
import { formatMoney, plural, pnlTone } from '../../lib/journal';
import { formatSigned } from '../../lib/positions';
import { ErrorNotice } from '../common/ErrorNotice';
import { LoadingState } from '../common/LoadingState';
import { FigureList, type Figure } from './FigureList';

/** Every open position added up: P&L, dollar greeks, SPX beta-weighted delta, flags. */
export function PortfolioStrip({ portfolio }: { portfolio: CallState<PortfolioAnalysis> }) {
  const p = portfolio.data;
  const critical = p?.flags.filter((f) => f.severity === 'critical').length ?? 0;
  const figures: Figure[] = p
    ? [
        { label: 'Open positions', value: String(p.positions.length) },
        { label: 'Unrealized P&L', value: formatMoney(p.unrealizedPnl), tone: pnlTone(p.unrealizedPnl) },
        { label: 'Delta (shares)', value: formatSigned(p.totals.delta) },
        { label: 'Gamma', value: formatSigned(p.totals.gamma, 3) },
        { label: 'Theta ($/day)', value: formatSigned(p.totals.theta) },
        { label: 'Vega ($/vol pt)', value: formatSigned(p.totals.vega) },
        { label: 'β-weighted delta (SPX)', value: formatSigned(p.betaWeightedDelta) },
        { label: 'Flags', value: `${p.flags.length}${critical ? ` (${critical} critical)` : ''}`, tone: critical ? 'pnl-down' : undefined },
      ]
    : [];
  return (
    <section className="portfolio-strip" aria-label="Portfolio" aria-busy={portfolio.loading} data-testid="portfolio-strip">
      {portfolio.error && <ErrorNotice compact title="Could not analyse the portfolio" error={portfolio.error} onRetry={portfolio.reload} />}
      {!p && portfolio.loading && <LoadingState label="Adding up the portfolio…" />}
      {p && (
        <FigureList figures={figures} className="portfolio-figures" />
      )}
      {p && p.errors.length > 0 && (
        <p className="portfolio-errors" role="alert">
          {p.errors.length} {plural('position', p.errors.length)} could not be analysed: {p.errors.map((e) => e.message).join('; ')}
        </p>
      )}
    </section>
  );
}
