import { useState } from 'react';
import type { WidgetData } from '../../../../../shared/schemas/chat-widgets';
import type { KeyLevel } from '../../../../../shared/schemas/levels';
import { levelsAround } from '../../../lib/chat-widgets';
import { formatPrice } from '../../../lib/format';
import { formatSigned } from '../../../lib/positions';

/** Levels either side of the last price shown before "Show all". */
const PER_SIDE = 5;

function levelRow(level: KeyLevel) {
  return (
    <tr key={`${level.name}-${level.price}`} data-testid="key-level-row">
      <th scope="row">{level.name}</th>
      <td className="num align-end">{formatPrice(level.price)}</td>
      <td className="num align-end muted">{level.distance ? `${formatSigned(level.distance.points)} (${formatSigned(level.distance.percent)}%)` : '—'}</td>
    </tr>
  );
}

/** Key levels around the last price, highest first (as on the price axis), with ATR, VWAP and the expected move. */
export function KeyLevelsCard({ data }: { data: WidgetData<'key_levels'> }) {
  const [all, setAll] = useState(false);
  const { above, below, hidden } = levelsAround(data.levels, data.lastPrice, all ? data.levels.length : PER_SIDE);
  const move = data.expectedMove;
  const range = move?.implied ?? move?.atr;
  return (
    <div className="chat-widget-body">
      <p className="chat-widget-meta muted">
        {data.symbol} · {data.date}
        {data.atrDaily !== null && ` · ATR ${formatPrice(data.atrDaily)}`}
        {data.vwap !== null && ` · VWAP ${formatPrice(data.vwap)}`}
      </p>
      <table className="data-table chat-table">
        <caption className="visually-hidden">
          {data.symbol} key levels: name, price, distance from the last price
        </caption>
        <tbody>
          {above.map(levelRow)}
          {data.lastPrice !== null && (
            <tr className="chat-last-price">
              <th scope="row">Last</th>
              <td className="num align-end">{formatPrice(data.lastPrice)}</td>
              <td />
            </tr>
          )}
          {below.map(levelRow)}
        </tbody>
      </table>
      {range && (
        <p className="chat-widget-meta">
          Expected move {move?.implied ? 'implied' : 'ATR'}: ±{formatPrice(range.points)} ({formatPrice(range.lower)} – {formatPrice(range.upper)})
        </p>
      )}
      {(hidden > 0 || all) && (
        <button type="button" className="link-button" onClick={() => setAll(!all)}>
          {all ? 'Show nearest levels' : `Show all ${data.levels.length} levels`}
        </button>
      )}
    </div>
  );
}
