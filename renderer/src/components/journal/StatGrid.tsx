import type { Analytics } from '../../../../shared/schemas/journal';
import { formatMoney, formatNumber, formatPercent, plural, pnlTone } from '../../lib/journal';

/** The headline statistics as labelled figures. */
export function StatGrid({ analytics: a }: { analytics: Analytics }) {
  const stats: [string, string, string?][] = [
    ['Net P&L', formatMoney(a.netPnl), pnlTone(a.netPnl)],
    ['Trades', `${a.trades} (${a.wins} W / ${a.losses} L / ${a.breakevens} BE)`],
    ['Win rate', formatPercent(a.winRate)],
    ['Profit factor', formatNumber(a.profitFactor)],
    ['Expectancy', formatMoney(a.expectancy), pnlTone(a.expectancy)],
    ['Average win', formatMoney(a.averageWin), 'pnl-up'],
    ['Average loss', formatMoney(a.averageLoss), 'pnl-down'],
    ['Largest win', formatMoney(a.largestWin), 'pnl-up'],
    ['Largest loss', formatMoney(a.largestLoss), 'pnl-down'],
    ['Max drawdown', formatMoney(a.maxDrawdown.amount ? -a.maxDrawdown.amount : 0), a.maxDrawdown.amount ? 'pnl-down' : ''],
    ['Average R', a.rMultiple.average === null ? '—' : `${formatNumber(a.rMultiple.average)} R (${a.rMultiple.trades} ${plural('trade', a.rMultiple.trades)})`],
    ['Streaks', `${a.longestWinStreak} wins / ${a.longestLossStreak} losses`],
    ['Fees', formatMoney(a.fees)],
    ['Open trades', String(a.openTrades)],
  ];
  return (
    <dl className="stat-grid" aria-label="Statistics">
      {stats.map(([label, value, tone]) => (
        <div key={label} className="stat">
          <dt>{label}</dt>
          <dd className={`num ${tone ?? ''}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
