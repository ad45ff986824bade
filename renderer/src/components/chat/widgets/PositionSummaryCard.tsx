import type { WidgetData } from '../../../../../shared/schemas/chat-widgets';
import type { DollarGreeks } from '../../../../../shared/schemas/positions';
import { formatPrice } from '../../../lib/format';
import { formatMoney, formatPercent, pnlTone } from '../../../lib/journal';
import { formatBound, formatSigned } from '../../../lib/positions';
import { FigureList, type Figure } from '../../positions/FigureList';

type Item = WidgetData<'position_summary'>['positions'][number];

function greekFigures(g: DollarGreeks): Figure[] {
  return [
    { label: 'Delta', value: formatSigned(g.delta) },
    { label: 'Gamma', value: formatSigned(g.gamma, 3) },
    { label: 'Theta $/day', value: formatSigned(g.theta) },
    { label: 'Vega $/pt', value: formatSigned(g.vega) },
  ];
}

function position(p: Item, i: number) {
  const figures: Figure[] = [
    { label: 'Unrealized P&L', value: formatMoney(p.unrealizedPnl), tone: pnlTone(p.unrealizedPnl) },
    { label: 'Value / cost', value: `${formatMoney(p.marketValue)} / ${formatMoney(p.costBasis)}` },
    ...greekFigures(p.totals),
    { label: 'Breakevens', value: p.breakevens.length ? p.breakevens.map(formatPrice).join(' · ') : 'None' },
    { label: 'Max profit', value: p.maxProfit === null ? '—' : formatBound(p.maxProfit) },
    { label: 'Max loss', value: p.maxLoss === null ? '—' : formatBound(p.maxLoss) },
    { label: 'Chance of profit', value: formatPercent(p.probabilityOfProfit) },
  ];
  return (
    <article key={p.positionId ?? `${p.name}-${i}`} className="chat-position">
      <h4>
        {p.name} <span className="muted">· {p.strategy.label} · {p.underlying} {formatPrice(p.spot)}</span>
      </h4>
      <FigureList figures={figures} className="chat-figures" />
      {p.flags.length > 0 && (
        <ul className="chat-flags">
          {p.flags.map((f, j) => (
            <li key={`${f.code}-${j}`} className={`flag flag-${f.severity}`}>
              <span className="visually-hidden">{f.severity}: </span>
              {f.message}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

/** One position, or a portfolio with its totals: P&L, dollar greeks, breakevens, max profit and loss, risk flags. */
export function PositionSummaryCard({ data }: { data: WidgetData<'position_summary'> }) {
  const t = data.totals;
  return (
    <div className="chat-widget-body">
      {data.positions.map(position)}
      {t && (
        <article className="chat-position">
          <h4>Portfolio</h4>
          <FigureList
            className="chat-figures"
            figures={[
              { label: 'Unrealized P&L', value: formatMoney(t.unrealizedPnl), tone: pnlTone(t.unrealizedPnl) },
              { label: 'Value / cost', value: `${formatMoney(t.marketValue)} / ${formatMoney(t.costBasis)}` },
              ...greekFigures(t.totals),
              { label: 'β-weighted delta (SPX)', value: t.betaWeightedDelta === null ? 'No beta known' : formatSigned(t.betaWeightedDelta) },
            ]}
          />
        </article>
      )}
    </div>
  );
}
