import type { PositionAnalysis } from '../../../../shared/schemas/positions';
import { formatMoney, formatPercent, pnlTone } from '../../lib/journal';
import { formatPrice } from '../../lib/format';
import { formatSigned } from '../../lib/positions';

const COLUMNS = ['Leg', 'Entry', 'Mark', 'Bid / ask', 'IV', 'DTE', 'Delta', 'Theta', 'Vega', 'Cost', 'Value', 'P&L'];

/** One row per leg: entry and mark per share, IV, days left, dollar greeks, cost, value and P&L. */
export function LegTable({ legs }: { legs: PositionAnalysis['legs'] }) {
  return (
    <section className="card" aria-labelledby="legs-heading">
      <header className="card-header">
        <h3 id="legs-heading">Legs</h3>
        <span className="card-header-note muted">Prices per share; greeks and money for the whole leg</span>
      </header>
      <div className="table-scroll">
        <table className="data-table leg-table">
          <thead>
            <tr>
              {COLUMNS.map((c, i) => (
                <th key={c} scope="col" className={i ? 'align-end' : undefined}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {legs.map((l) => (
              <tr key={l.index} data-testid="leg-row">
                <td>
                  <span className={l.side === 'long' ? 'leg-long' : 'leg-short'}>{l.description}</span>
                  {l.markSource !== 'quote' && <span className="tag tag-small leg-source" title="Where the mark comes from">{l.markSource}</span>}
                </td>
                <td className="num align-end">{formatPrice(l.leg.price)}</td>
                <td className="num align-end">{formatPrice(l.mark)}</td>
                <td className="num align-end">{l.bid === null || l.ask === null ? '—' : `${formatPrice(l.bid)} / ${formatPrice(l.ask)}`}</td>
                <td className="num align-end">{formatPercent(l.iv)}</td>
                <td className="num align-end">{l.daysToExpiry ?? '—'}</td>
                <td className="num align-end">{formatSigned(l.dollarGreeks.delta)}</td>
                <td className="num align-end">{formatSigned(l.dollarGreeks.theta)}</td>
                <td className="num align-end">{formatSigned(l.dollarGreeks.vega)}</td>
                <td className="num align-end">{formatMoney(l.costBasis)}</td>
                <td className="num align-end">{formatMoney(l.marketValue)}</td>
                <td className={`num align-end ${pnlTone(l.unrealizedPnl)}`}>{formatMoney(l.unrealizedPnl)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
