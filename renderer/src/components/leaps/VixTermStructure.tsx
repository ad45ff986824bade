import type { MacroContext } from '../../../../shared/schemas/macro';
import { formatNumber } from '../../lib/journal';

type Vix = NonNullable<MacroContext['vix']>;

const SHAPE_TEXT: Record<Vix['shape'], string> = {
  contango: 'Contango: longer tenors above VIX (calm market)',
  backwardation: 'Backwardation: near-term fear above the 3-month (stress)',
  flat: 'Flat curve',
};

/** VIX9D, VIX, VIX3M, VIX6M as bars (height by level), the curve's shape and where each point came from. */
export function VixTermStructure({ vix }: { vix: Vix }) {
  const top = Math.max(...vix.termStructure.map((p) => p.level));
  return (
    <div className="vix-term" data-testid="vix-term">
      <p className="vix-headline num">
        VIX {formatNumber(vix.level)}{' '}
        <span className={vix.change > 0 ? 'pnl-down' : vix.change < 0 ? 'pnl-up' : ''}>
          ({vix.change > 0 ? '+' : ''}
          {formatNumber(vix.change)}, {formatNumber(vix.changePercent, 1)} %)
        </span>
      </p>
      <ol className="vix-bars" aria-label="VIX term structure">
        {vix.termStructure.map((p) => (
          <li key={p.symbol} className="vix-bar" title={`${p.symbol} (${p.tenorDays} days): ${formatNumber(p.level)} — ${p.source}`}>
            <span className="vix-bar-value num">{formatNumber(p.level)}</span>
            <span className={`vix-bar-fill ${p.source === 'model' ? 'vix-bar-model' : ''}`} style={{ height: `${Math.max(8, (p.level / top) * 100)}%` }} />
            <span className="vix-bar-label">{p.symbol}</span>
          </li>
        ))}
      </ol>
      <p className={`vix-shape vix-shape-${vix.shape}`} data-testid="vix-shape">
        {SHAPE_TEXT[vix.shape]} · VIX/VIX3M {formatNumber(vix.ratio, 3)}
      </p>
      <p className="muted vix-note">{vix.note}</p>
    </div>
  );
}
