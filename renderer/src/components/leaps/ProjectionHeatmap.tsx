import type { LeapsProjection } from '../../../../shared/schemas/leaps';
import { formatMoney, formatNumber } from '../../lib/journal';
import { formatDollars, formatMove, heatColor, heatmapRows } from '../../lib/leaps';

/**
 * P&L of the position by date (rows) and price move (columns) at one IV shift, each cell filled green
 * or red by its P&L; the cell's title lists the value and the dollar greeks.
 */
export function ProjectionHeatmap({ projection, ivShift }: { projection: LeapsProjection; ivShift: number }) {
  const rows = heatmapRows(projection, ivShift);
  const maxAbs = Math.max(...rows.flatMap((r) => r.cells.map((c) => Math.abs(c.pnl))));
  return (
    <div className="table-scroll heatmap-scroll">
      <table className="heatmap" data-testid="projection-heatmap">
        <caption className="visually-hidden">
          P&amp;L in dollars by date and price move of {projection.symbol}, IV shift {ivShift} vol points
        </caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            {projection.priceMoves.map((move) => (
              <th key={move} scope="col" className="num">
                {formatMove(move)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.date}>
              <th scope="row" className="num">
                {row.date}
              </th>
              {row.cells.map((c) => (
                <td
                  key={c.priceMove}
                  className="num"
                  data-testid={`heat-${row.date}-${c.priceMove}`}
                  style={{ background: heatColor(c.pnl, maxAbs) }}
                  title={`${row.date}, ${projection.symbol} ${formatNumber(c.underlying)}: value ${formatMoney(c.value)}, P&L ${formatMoney(c.pnl)}; Δ ${formatNumber(c.delta)}, Γ ${formatNumber(c.gamma, 4)}, Θ ${formatMoney(c.theta)}/day, vega ${formatMoney(c.vega)}/vol`}
                >
                  {formatDollars(c.pnl)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
