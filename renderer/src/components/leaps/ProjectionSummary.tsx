import type { LeapsProjection } from '../../../../shared/schemas/leaps';
import { formatMoney, formatNumber } from '../../lib/journal';

/** What the projection started from: spot, rate, cost, and each leg's volatility and value today. */
export function ProjectionSummary({ projection: p }: { projection: LeapsProjection }) {
  return (
    <>
      <header className="card-header">
        <h3>
          {p.symbol} to {p.horizon}
        </h3>
        <span className="card-header-note muted">
          Spot {formatNumber(p.spot)} ({p.spotSource}) · rate {formatNumber(p.rate * 100)} % · cost {formatMoney(p.costBasis)} · {p.dates.length} dates
        </span>
      </header>
      <ul className="projection-legs" aria-label="Legs as priced today">
        {p.legs.map((leg, i) => (
          <li key={i} className="num">
            {leg.quantity > 0 ? '+' : ''}
            {leg.quantity} {p.symbol} {leg.strike}
            {leg.right === 'call' ? 'C' : 'P'} {leg.expiry} · IV {formatNumber(leg.vol * 100, 1)} % ({leg.volSource}) · {leg.style}, {leg.settlement}-settled · now {formatNumber(leg.value)} vs paid {formatNumber(leg.price)}
          </li>
        ))}
      </ul>
      {p.warnings.map((warning) => (
        <p key={warning} className="projection-warning" role="note">
          {warning}
        </p>
      ))}
    </>
  );
}
