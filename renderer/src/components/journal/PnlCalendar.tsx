import type { Analytics } from '../../../../shared/schemas/journal';
import { formatMoney, plural } from '../../lib/journal';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
/** Colour steps of the heat map by the size of the day's P&L relative to the largest day. */
const level = (pnl: number, largest: number) => (pnl === 0 ? 0 : Math.min(4, Math.ceil((Math.abs(pnl) / largest) * 4)));

/** Daily P&L as a month-by-month heat map (weeks in rows, Monday first). */
export function PnlCalendar({ days }: { days: Analytics['calendar'] }) {
  const byDate = new Map(days.map((d) => [d.date, d]));
  const largest = Math.max(1, ...days.map((d) => Math.abs(d.netPnl)));
  const months = [...new Set(days.map((d) => d.date.slice(0, 7)))].slice(-6);
  return (
    <div className="pnl-calendar">
      {months.map((month) => {
        const [y, m] = month.split('-').map(Number) as [number, number];
        const first = new Date(Date.UTC(y, m - 1, 1));
        const length = new Date(Date.UTC(y, m, 0)).getUTCDate();
        const lead = (first.getUTCDay() + 6) % 7;
        const cells = [...Array<null>(lead).fill(null), ...Array.from({ length }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`)];
        return (
          <section key={month} className="calendar-month" aria-label={first.toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' })}>
            <h4>{first.toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' })}</h4>
            <div className="calendar-grid">
              {WEEKDAYS.map((d) => <span key={d} className="calendar-weekday">{d.slice(0, 2)}</span>)}
              {cells.map((date, i) => {
                if (!date) return <span key={`blank-${i}`} />;
                const day = byDate.get(date);
                const tone = day ? `${day.netPnl >= 0 ? 'cal-up' : 'cal-down'}-${level(day.netPnl, largest)}` : 'cal-none';
                const label = day ? `${date}: ${formatMoney(day.netPnl)} in ${day.trades} ${plural('trade', day.trades)}` : `${date}: no trades`;
                return (
                  <span key={date} className={`calendar-day ${tone}`} title={label} aria-label={label}>
                    {Number(date.slice(8))}
                  </span>
                );
              })}
            </div>
          </section>
        );
      })}
    </div>
  );
}
