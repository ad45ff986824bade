import type { WidgetData } from '../../../../../shared/schemas/chat-widgets';
import { formatPrice } from '../../../lib/format';
import { pnlTone } from '../../../lib/journal';
import { formatSigned } from '../../../lib/positions';

const SESSIONS = { pre: 'Pre-market', open: 'Market open', after: 'After hours', closed: 'Market closed' } as const;

/** Where the market is: its session, the main quotes, the scheduled events ahead, and short notes. */
export function MarketOverviewCard({ data }: { data: WidgetData<'market_overview'> }) {
  return (
    <div className="chat-widget-body">
      <p className="chat-widget-meta">
        <strong>{SESSIONS[data.status.status]}</strong> <span className="muted">· {data.status.reason}</span>
      </p>
      {data.quotes.length > 0 && (
        <table className="data-table chat-table">
          <caption className="visually-hidden">Quotes: last price and change</caption>
          <tbody>
            {data.quotes.map((q) => (
              <tr key={q.symbol}>
                <th scope="row">{q.symbol}</th>
                <td className="num align-end">{formatPrice(q.last)}</td>
                <td className={`num align-end ${pnlTone(q.change)}`}>
                  {formatSigned(q.change)} ({formatSigned(q.changePercent)}%)
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.events.length > 0 && (
        <ul className="chat-event-list">
          {data.events.map((e) => (
            <li key={`${e.date}-${e.title}`} className={e.importance === 'high' ? 'chat-event-high' : undefined}>
              <span className="num muted">{e.date}</span> {e.title}
              {e.importance && <span className="visually-hidden"> ({e.importance} importance)</span>}
            </li>
          ))}
        </ul>
      )}
      {data.notes.map((note) => (
        <p key={note} className="chat-widget-meta muted">
          {note}
        </p>
      ))}
    </div>
  );
}
