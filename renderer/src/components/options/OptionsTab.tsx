import { useEffect, useState } from 'react';
import '../../styles/options.css';
import type { ChainContract } from '../../../../shared/schemas/chains';
import { useCall } from '../../hooks/use-call';
import { SymbolSearch } from '../chart/SymbolSearch';
import { ErrorNotice } from '../common/ErrorNotice';
import { LoadingState } from '../common/LoadingState';
import { addLeg, legFromQuote, type TicketLeg } from './chain-view';
import { ChainHeader } from './ChainHeader';
import { ChainTable } from './ChainTable';
import { ExpirySelect } from './ExpirySelect';
import { PositionTicket } from './PositionTicket';

/** Quotes move with the underlying: the chain is asked for again this often. */
const REFRESH_MS = 15_000;

/** The Options tab: an underlying's chain for one expiration, and a ticket that turns clicked quotes into a position. */
export function OptionsTab() {
  const [underlying, setUnderlying] = useState('SPY');
  const [expiry, setExpiry] = useState<string | undefined>();
  const [showGreeks, setShowGreeks] = useState(true);
  const [legs, setLegs] = useState<TicketLeg[]>([]);
  const chain = useCall('options:chain', expiry ? { underlying, expiry } : { underlying });
  const { reload } = chain;

  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  // The chain on screen belongs to what is selected; while another loads the old one is not shown as if it were.
  const shown = chain.data && chain.data.underlying === underlying && (!expiry || chain.data.expiry.date === expiry) ? chain.data : undefined;
  const failed = Boolean(chain.error && !chain.loading);

  const pickUnderlying = (symbol: string) => {
    setUnderlying(symbol);
    setExpiry(undefined);
  };
  const pick = (contract: ChainContract, side: 'buy' | 'sell') => {
    if (shown) setLegs((prev) => addLeg(prev, legFromQuote(shown.underlying, contract, side, shown.multiplier)));
  };

  return (
    <div className="tab-content options-tab" data-testid="options-tab">
      <div className="options-toolbar">
        <SymbolSearch key={underlying} symbol={underlying} onSubmit={pickUnderlying} />
        <ExpirySelect expirations={shown?.expirations ?? []} value={shown?.expiry.date ?? expiry} onChange={setExpiry} />
        <label className="options-toggle">
          <input type="checkbox" data-testid="greeks-toggle" checked={showGreeks} onChange={(event) => setShowGreeks(event.target.checked)} />
          Greeks
        </label>
        {shown && <ChainHeader chain={shown} />}
      </div>
      <div className="options-body">
        <section className="card options-chain" aria-label="Option chain" aria-busy={chain.loading}>
          {failed && <ErrorNotice title={`Could not load the ${underlying} chain`} error={chain.error!} onRetry={reload} />}
          {!failed && !shown && <LoadingState label={`Loading the ${underlying} chain…`} />}
          {!failed && shown && <ChainTable chain={shown} showGreeks={showGreeks} onPick={pick} />}
        </section>
        <PositionTicket legs={legs} onChange={setLegs} />
      </div>
    </div>
  );
}
