import { useLayoutEffect, useRef } from 'react';
import type { ChainContract, OptionChain } from '../../../../shared/schemas/chains';
import { ChainRow } from './ChainRow';

const QUOTE_COLUMNS = ['Last', 'Volume', 'Open int.', 'IV', 'Bid', 'Ask'];
const GREEK_COLUMNS = ['Delta', 'Gamma', 'Theta', 'Vega', 'Rho'];

interface ChainTableProps {
  chain: OptionChain;
  showGreeks: boolean;
  onPick: (contract: ChainContract, side: 'buy' | 'sell') => void;
}

/**
 * The chain, calls left and puts right of the strikes, scrolled so the at-the-money strike sits in
 * the middle whenever another underlying or expiration is shown (not on every refresh). It scrolls
 * both ways inside its card, so a narrow window keeps the page itself still.
 */
export function ChainTable({ chain, showGreeks, onPick }: ChainTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const view = `${chain.underlying}|${chain.expiry.date}`;
  useLayoutEffect(() => {
    const box = scroller.current;
    const row = box?.querySelector<HTMLElement>('tr[data-atm="true"]');
    if (!box || !row) return;
    box.scrollTop = row.offsetTop - box.clientHeight / 2 + row.offsetHeight / 2;
    box.scrollLeft = (box.scrollWidth - box.clientWidth) / 2;
    // Only a new view re-centres; the chain's own refreshes leave the scroll where the user put it.
  }, [view]);

  const callHeads = showGreeks ? [...[...GREEK_COLUMNS].reverse(), ...QUOTE_COLUMNS] : QUOTE_COLUMNS;
  const putHeads = [...['Bid', 'Ask', 'IV', 'Open int.', 'Volume', 'Last'], ...(showGreeks ? GREEK_COLUMNS : [])];
  return (
    <div className="chain-scroll" ref={scroller} data-testid="chain-scroll">
      <table className="chain-table" data-testid="chain-table" data-expiry={chain.expiry.date} data-underlying={chain.underlying} aria-label={`${chain.underlying} option chain, ${chain.expiry.date}`}>
        <thead>
          <tr className="chain-sides">
            <th colSpan={callHeads.length} className="side-head call-head" scope="colgroup">
              Calls
            </th>
            <th className="strike-head" scope="col">
              Strike
            </th>
            <th colSpan={putHeads.length} className="side-head put-head" scope="colgroup">
              Puts
            </th>
          </tr>
          <tr>
            {callHeads.map((name) => (
              <th key={`call-${name}`} scope="col" className="num">
                {name}
              </th>
            ))}
            <th scope="col" className="num strike-cell" aria-hidden="true" />
            {putHeads.map((name) => (
              <th key={`put-${name}`} scope="col" className="num">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {chain.strikes.map((row) => (
            <ChainRow key={row.strike} row={row} atTheMoney={row.strike === chain.atTheMoneyStrike} showGreeks={showGreeks} onPick={onPick} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
