import type { LeapsRollResult } from '../../../../shared/schemas/leaps';
import { formatMoney, formatNumber, pnlTone } from '../../lib/journal';

const contract = (r: LeapsRollResult, side: LeapsRollResult['close']) => `${r.symbol} ${side.strike}${r.right === 'call' ? 'C' : 'P'} ${side.expiry}`;

/** The roll's outcome: net credit or debit, breakevens before and after, the chain's running premium, greeks of both contracts. */
export function RollResultCard({ result: r }: { result: LeapsRollResult }) {
  const greekRows: [string, keyof LeapsRollResult['close']['greeks'], (v: number) => string][] = [
    ['Delta ($ per $1)', 'delta', (v) => formatNumber(v)],
    ['Gamma', 'gamma', (v) => formatNumber(v, 4)],
    ['Theta ($ / day)', 'theta', (v) => formatMoney(v)],
    ['Vega ($ / vol point)', 'vega', (v) => formatMoney(v)],
  ];
  return (
    <div className="card" data-testid="roll-result">
      <header className="card-header">
        <h3>{r.label}</h3>
        <span className="card-header-note muted">
          {r.quantity} × {contract(r, r.close)} → {contract(r, r.open)} · spot {formatNumber(r.spot)}
        </span>
      </header>
      <dl className="facts roll-facts">
        <dt>Close</dt>
        <dd className="num">
          {formatNumber(r.close.price)} / share ({r.close.priceSource}) · cash {formatMoney(r.close.cash)}
        </dd>
        <dt>Open</dt>
        <dd className="num">
          {formatNumber(r.open.price)} / share ({r.open.priceSource}) · cash {formatMoney(r.open.cash)}
        </dd>
        <dt>Net</dt>
        <dd className={`num roll-net ${pnlTone(r.net.perShare)}`} data-testid="roll-net">
          {r.net.type === 'even' ? 'Even' : `${r.net.type === 'credit' ? 'Credit' : 'Debit'} ${formatMoney(Math.abs(r.net.perShare))} / share`} ({formatMoney(r.net.dollars)})
        </dd>
        <dt>Breakeven</dt>
        <dd className="num" data-testid="roll-breakeven">
          {r.close.breakeven === null ? 'none' : formatNumber(r.close.breakeven)} → {r.open.breakeven === null ? 'none' : formatNumber(r.open.breakeven)}
        </dd>
        <dt>Roll chain</dt>
        <dd className="num" data-testid="roll-chain">
          first {formatMoney(r.chain.original)}, rolls {r.chain.rolls.map((v) => formatMoney(v)).join(', ')} → {formatMoney(r.chain.cumulativePerShare)} / share ({formatMoney(r.chain.cumulativeDollars)}); cost basis {formatMoney(r.chain.adjustedCostBasis)} / share
        </dd>
      </dl>
      <table className="data-table roll-greeks">
        <caption className="visually-hidden">Position greeks before and after the roll</caption>
        <thead>
          <tr>
            <th scope="col">Greek</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {greekRows.map(([label, key, format]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td className="num">{format(r.close.greeks[key])}</td>
              <td className="num">{format(r.open.greeks[key])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
