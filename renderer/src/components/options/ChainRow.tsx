import type { ChainContract, StrikeRow } from '../../../../shared/schemas/chains';
import { QuoteButton } from './QuoteButton';

interface ChainRowProps {
  row: StrikeRow;
  atTheMoney: boolean;
  showGreeks: boolean;
  onPick: (contract: ChainContract, side: 'buy' | 'sell') => void;
}

const count = new Intl.NumberFormat('en-US');
const fixed = (value: number | null, digits: number) => (value === null ? '—' : value.toFixed(digits));
const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

/** The greeks of one side, outermost first: the call's read right to left towards the strike, the put's left to right. */
function greekCells(contract: ChainContract | null, side: 'call' | 'put') {
  const cells = [
    ['delta', fixed(contract?.delta ?? null, 3)],
    ['gamma', fixed(contract?.gamma ?? null, 4)],
    ['theta', fixed(contract?.theta ?? null, 3)],
    ['vega', fixed(contract?.vega ?? null, 3)],
    ['rho', fixed(contract?.rho ?? null, 3)],
  ] as const;
  const ordered = side === 'call' ? [...cells].reverse() : cells;
  return ordered.map(([name, text]) => (
    <td key={name} className={`num greek ${side}-cell`}>
      {text}
    </td>
  ));
}

/** The quote cells of one side: last, volume, open interest, IV, and the clickable bid and ask. */
function quoteCells(contract: ChainContract | null, side: 'call' | 'put', onPick: ChainRowProps['onPick']) {
  const cells = [
    <td key="last" className={`num ${side}-cell`}>{contract?.last === null || !contract ? '—' : contract.last.toFixed(2)}</td>,
    <td key="volume" className={`num ${side}-cell`}>{contract ? count.format(contract.volume) : '—'}</td>,
    <td key="oi" className={`num ${side}-cell`}>{contract ? count.format(contract.openInterest) : '—'}</td>,
    <td key="iv" className={`num ${side}-cell`}>{percent(contract?.iv ?? null)}</td>,
    <td key="bid" className={`num ${side}-cell`}>{contract && <QuoteButton contract={contract} side="bid" onPick={onPick} />}</td>,
    <td key="ask" className={`num ${side}-cell`}>{contract && <QuoteButton contract={contract} side="ask" onPick={onPick} />}</td>,
  ];
  return side === 'call' ? cells : [cells[4], cells[5], cells[3], cells[2], cells[1], cells[0]];
}

/** One strike: calls on the left, the strike in the middle, puts on the right; in-the-money sides shaded. */
export function ChainRow({ row, atTheMoney, showGreeks, onPick }: ChainRowProps) {
  const callItm = row.call?.inTheMoney ?? false;
  const putItm = row.put?.inTheMoney ?? false;
  return (
    <tr
      className={`chain-row${callItm ? ' call-itm' : ''}${putItm ? ' put-itm' : ''}${atTheMoney ? ' atm' : ''}`}
      data-testid={`chain-row-${row.strike}`}
      data-strike={row.strike}
      data-call-itm={callItm}
      data-put-itm={putItm}
      data-atm={atTheMoney}
    >
      {showGreeks && greekCells(row.call, 'call')}
      {quoteCells(row.call, 'call', onPick)}
      <th scope="row" className="num strike-cell">
        {row.strike}
      </th>
      {quoteCells(row.put, 'put', onPick)}
      {showGreeks && greekCells(row.put, 'put')}
    </tr>
  );
}
