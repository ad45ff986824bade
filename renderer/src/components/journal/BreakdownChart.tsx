import type { Bucket } from '../../../../shared/schemas/journal';
import { formatMoney, formatPercent, plural } from '../../lib/journal';

const W = 400;
const ROW = 22;
const LABEL = 96;
const VALUE = 84;

/** Net P&L per bucket as horizontal bars either side of zero, with trade count and win rate. */
export function BreakdownChart({ title, buckets }: { title: string; buckets: Bucket[] }) {
  const largest = Math.max(1, ...buckets.map((b) => Math.abs(b.netPnl)));
  const half = (W - LABEL - VALUE) / 2;
  const zero = LABEL + half;
  return (
    <figure className="card breakdown">
      <figcaption className="card-header"><h3>{title}</h3></figcaption>
      <svg viewBox={`0 0 ${W} ${Math.max(1, buckets.length) * ROW}`} role="img" aria-label={title}>
        {buckets.map((b, i) => {
          const width = (Math.abs(b.netPnl) / largest) * (half - 4);
          return (
            <g key={b.key} transform={`translate(0 ${i * ROW})`}>
              <title>{`${b.key}: ${formatMoney(b.netPnl)}, ${b.trades} ${plural('trade', b.trades)}, win rate ${formatPercent(b.winRate)}`}</title>
              <text x={0} y={15} className="breakdown-label">{b.key}</text>
              <rect x={b.netPnl >= 0 ? zero : zero - width} y={4} width={width} height={ROW - 8} className={b.netPnl >= 0 ? 'bar-up' : 'bar-down'} />
              <text x={W} y={15} textAnchor="end" className="breakdown-value">{b.trades ? formatMoney(b.netPnl) : '—'}</text>
            </g>
          );
        })}
        <line x1={zero} x2={zero} y1={0} y2={Math.max(1, buckets.length) * ROW} className="equity-zero" />
      </svg>
    </figure>
  );
}
