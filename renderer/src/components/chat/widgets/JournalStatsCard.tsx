import type { WidgetData } from '../../../../../shared/schemas/chat-widgets';
import { sparklinePath } from '../../../lib/chat-widgets';
import { formatMoney, formatNumber, formatPercent, plural, pnlTone } from '../../../lib/journal';
import { FigureList, type Figure } from '../../positions/FigureList';

const W = 240;
const H = 40;

type Ranked = WidgetData<'journal_stats'>['best'];

function rankList(title: string, rows: Ranked) {
  if (rows.length === 0) return null;
  return (
    <div className="chat-rank">
      <h4>{title}</h4>
      <ul>
        {rows.map((r) => (
          <li key={r.label}>
            {r.label} <span className={`num ${pnlTone(r.netPnl)}`}>{formatMoney(r.netPnl)}</span>{' '}
            <span className="muted">
              ({r.trades} {plural('trade', r.trades)})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The journal's headline statistics, the equity curve as a sparkline, and the best and worst symbols or strategies. */
export function JournalStatsCard({ data }: { data: WidgetData<'journal_stats'> }) {
  const figures: Figure[] = [
    { label: 'Net P&L', value: formatMoney(data.netPnl), tone: pnlTone(data.netPnl) },
    { label: 'Trades', value: `${data.trades} (${data.wins} W / ${data.losses} L)` },
    { label: 'Win rate', value: formatPercent(data.winRate) },
    { label: 'Profit factor', value: formatNumber(data.profitFactor) },
    { label: 'Expectancy', value: formatMoney(data.expectancy), tone: pnlTone(data.expectancy) },
    { label: 'Average win', value: formatMoney(data.averageWin), tone: 'pnl-up' },
    { label: 'Average loss', value: formatMoney(data.averageLoss), tone: 'pnl-down' },
    // Stored as the size of the fall; shown as the loss it was.
    { label: 'Max drawdown', value: formatMoney(data.maxDrawdown ? -Math.abs(data.maxDrawdown) : 0), tone: data.maxDrawdown ? 'pnl-down' : '' },
  ];
  const last = data.equity.at(-1);
  return (
    <div className="chat-widget-body">
      <FigureList figures={figures} className="chat-figures" />
      {data.equity.length > 1 && last !== undefined && (
        <svg className="chat-sparkline" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={`Equity curve ending at ${formatMoney(last)}`}>
          <path d={sparklinePath(data.equity, W, H)} className={last >= 0 ? 'equity-line equity-up' : 'equity-line equity-down'} />
        </svg>
      )}
      <div className="chat-ranks">
        {rankList('Best', data.best)}
        {rankList('Worst', data.worst)}
      </div>
    </div>
  );
}
