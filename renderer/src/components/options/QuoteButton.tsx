import type { ChainContract } from '../../../../shared/schemas/chains';

interface QuoteButtonProps {
  contract: ChainContract;
  side: 'bid' | 'ask';
  onPick: (contract: ChainContract, side: 'buy' | 'sell') => void;
}

/** A bid or ask of the chain: clicking the ask buys the contract at it, clicking the bid sells at it. */
export function QuoteButton({ contract, side, onPick }: QuoteButtonProps) {
  const price = side === 'bid' ? contract.bid : contract.ask;
  const action = side === 'bid' ? 'Sell' : 'Buy';
  return (
    <button
      type="button"
      className={`quote-button quote-${side}`}
      data-testid={`${contract.right}-${side}-${contract.strike}`}
      aria-label={`${action} ${contract.strike} ${contract.right} at ${price.toFixed(2)}`}
      onClick={() => onPick(contract, side === 'bid' ? 'sell' : 'buy')}
    >
      {price.toFixed(2)}
    </button>
  );
}
