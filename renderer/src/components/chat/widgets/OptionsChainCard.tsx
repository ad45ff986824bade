import type { WidgetData } from '../../../../../shared/schemas/chat-widgets';
import { atTheMoneyStrike } from '../../../lib/chat-widgets';
import { formatPrice } from '../../../lib/format';
import { formatNumber, formatPercent } from '../../../lib/journal';

type Side = WidgetData<'options_chain'>['rows'][number]['call'];

function sideCells(side: Side) {
  if (!side) return <td colSpan={3} className="muted align-end">—</td>;
  return (
    <>
      <td className="num align-end">
        {formatPrice(side.bid)}–{formatPrice(side.ask)}
      </td>
      <td className="num align-end">{formatNumber(side.delta)}</td>
      <td className="num align-end">{formatPercent(side.iv)}</td>
    </>
  );
}

/** Strikes around the money: calls on the left, puts on the right, the at-the-money strike marked. */
export function OptionsChainCard({ data }: { data: WidgetData<'options_chain'> }) {
  const atm = atTheMoneyStrike(
    data.rows.map((r) => r.strike),
    data.spot,
  );
  return (
    <div className="chat-widget-body">
      <p className="chat-widget-meta muted">
        {data.underlying} {formatPrice(data.spot)} · expires {data.expiry} ({data.daysToExpiry === 0 ? '0DTE' : `${data.daysToExpiry} DTE`})
      </p>
      <div className="table-scroll">
        <table className="data-table chat-table chat-chain">
          <caption className="visually-hidden">
            {data.underlying} options expiring {data.expiry}: calls and puts by strike
          </caption>
          <thead>
            <tr>
              <th scope="col" className="align-end">Call bid–ask</th>
              <th scope="col" className="align-end">Δ</th>
              <th scope="col" className="align-end">IV</th>
              <th scope="col" className="align-end">Strike</th>
              <th scope="col" className="align-end">Put bid–ask</th>
              <th scope="col" className="align-end">Δ</th>
              <th scope="col" className="align-end">IV</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.strike} className={r.strike === atm ? 'chat-atm' : undefined} aria-current={r.strike === atm ? 'true' : undefined}>
                {sideCells(r.call)}
                <th scope="row" className="num align-end">
                  {formatPrice(r.strike)}
                </th>
                {sideCells(r.put)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
