import type { MacroContext, MacroEventKind } from '../../../../shared/schemas/macro';
import { formatDaysUntil } from '../../lib/leaps';

const KIND_LABEL: Record<MacroEventKind, string> = { fomc: 'FOMC', cpi: 'CPI', nfp: 'Payrolls' };

/** The next FOMC decision, CPI and payrolls release, then the upcoming list, with the agencies' calendars as sources. */
export function EventCalendar({ calendar }: { calendar: MacroContext['calendar'] }) {
  return (
    <div className="card" data-testid="macro-calendar">
      <header className="card-header">
        <h3>Event calendar</h3>
        <span className="card-header-note muted">New York time</span>
      </header>
      <ul className="next-events">
        {(['fomc', 'cpi', 'nfp'] as const).map((kind) => {
          const next = calendar.next[kind];
          const source = calendar.sources.find((s) => s.kind === kind);
          return (
            <li key={kind} data-testid={`next-${kind}`}>
              <strong>{KIND_LABEL[kind]}</strong>{' '}
              {next ? (
                <span className="num">
                  {next.date} {next.time} · {formatDaysUntil(next.daysUntil)}
                  {next.tentative && <span className="tag">tentative</span>}
                </span>
              ) : (
                <span className="muted">not yet scheduled ({source?.agency} calendar known to {source?.coveredThrough})</span>
              )}
            </li>
          );
        })}
      </ul>
      <table className="data-table event-table">
        <caption className="visually-hidden">Upcoming scheduled events</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Event</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {calendar.upcoming.map((e) => (
            <tr key={`${e.kind}-${e.date}`}>
              <td className="num">
                {e.date} {e.time}
              </td>
              <td title={e.note ?? undefined}>
                {e.title}
                {e.rescheduledFrom && <span className="muted"> (moved from {e.rescheduledFrom})</span>}
                {e.tentative && <span className="tag">tentative</span>}
              </td>
              <td>{formatDaysUntil(e.daysUntil)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted calendar-sources">
        Sources:{' '}
        {calendar.sources.map((s, i) => (
          <span key={s.kind} title={s.note}>
            {i > 0 && ' · '}
            {KIND_LABEL[s.kind]} — {s.agency} (<span className="selectable">{s.urls[0]}</span>)
          </span>
        ))}
      </p>
    </div>
  );
}
