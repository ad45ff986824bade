import type { Analytics } from '../../../../shared/schemas/journal';
import { formatMoney, plural } from '../../lib/journal';

const W = 720;
const H = 200;
const PAD = 8;

/** Cumulative net P&L after each trade, as an SVG line over a zero line. */
export function EquityCurve({ points }: { points: Analytics['equityCurve'] }) {
  const values = [0, ...points.map((p) => p.equity)];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (i: number) => PAD + (i / Math.max(1, values.length - 1)) * (W - 2 * PAD);
  const y = (v: number) => PAD + (1 - (v - min) / span) * (H - 2 * PAD);
  const path = values.map((v, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const last = values.at(-1)!;
  return (
    <figure className="equity-curve">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Equity curve over ${points.length} ${plural('trade', points.length)}, ending at ${formatMoney(last)}`} preserveAspectRatio="none">
        <line x1={PAD} x2={W - PAD} y1={y(0)} y2={y(0)} className="equity-zero" />
        <path d={path} className={last >= 0 ? 'equity-line equity-up' : 'equity-line equity-down'} />
      </svg>
      <figcaption className="muted">
        From {formatMoney(0)} to {formatMoney(last)} · high {formatMoney(max)} · low {formatMoney(min)}
      </figcaption>
    </figure>
  );
}
