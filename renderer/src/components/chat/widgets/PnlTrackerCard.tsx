import type { WidgetData } from '../../../../../shared/schemas/chat-widgets';
import { formatMoney, pnlTone } from '../../../lib/journal';

/** Open positions' cost, value and unrealized P&L, with the total. */
export function PnlTrackerCard({ data }: { data: WidgetData<'pnl_tracker'> }) {
  return (
    <div className="chat-widget-body">
      <div className="table-scroll">
        <table className="data-table chat-table">
          <caption className="visually-hidden">Unrealized P&L by position as of {data.asOf}</caption>
          <thead>
            <tr>
              <th scope="col">Position</th>
              <th scope="col" className="align-end">Cost</th>
              <th scope="col" className="align-end">Value</th>
              <th scope="col" className="align-end">P&L</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r, i) => (
              <tr key={`${r.label}-${i}`}>
                <th scope="row">{r.label}</th>
                <td className="num align-end">{formatMoney(r.costBasis)}</td>
                <td className="num align-end">{formatMoney(r.marketValue)}</td>
                <td className={`num align-end ${pnlTone(r.unrealizedPnl)}`}>{formatMoney(r.unrealizedPnl)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td className="num align-end">{formatMoney(data.total.costBasis)}</td>
              <td className="num align-end">{formatMoney(data.total.marketValue)}</td>
              <td className={`num align-end ${pnlTone(data.total.unrealizedPnl)}`}>{formatMoney(data.total.unrealizedPnl)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="chat-widget-meta muted">As of {data.asOf}</p>
    </div>
  );
}
