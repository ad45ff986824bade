import type { Move } from '../../../../shared/schemas/macro';
import { formatNumber, pnlTone } from '../../lib/journal';

/** The day's moves of a list of symbols: last, change, change %, with their sector when they have one. */
export function MovesTable({ title, moves, testId }: { title: string; moves: readonly (Move & { sector?: string })[]; testId: string }) {
  return (
    <div className="card" data-testid={testId}>
      <header className="card-header">
        <h3>{title}</h3>
        {moves[0] && <span className="card-header-note muted">{moves[0].source}</span>}
      </header>
      <table className="data-table moves-table">
        <caption className="visually-hidden">{title}: today's moves</caption>
        <thead>
          <tr>
            <th scope="col">Symbol</th>
            <th scope="col" className="align-end">Last</th>
            <th scope="col" className="align-end">Change</th>
            <th scope="col" className="align-end">%</th>
          </tr>
        </thead>
        <tbody>
          {moves.map((m) => (
            <tr key={m.symbol}>
              <th scope="row" title={m.name}>
                {m.symbol}
                {m.sector && <span className="muted"> {m.sector}</span>}
              </th>
              <td className="num align-end">{formatNumber(m.last)}</td>
              <td className={`num align-end ${pnlTone(m.change)}`}>{formatNumber(m.change)}</td>
              <td className={`num align-end ${pnlTone(m.change)}`}>{formatNumber(m.changePercent)} %</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
