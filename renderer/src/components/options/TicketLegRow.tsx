import type { TicketLeg } from './chain-view';

interface TicketLegRowProps {
  leg: TicketLeg;
  onQuantity: (quantity: number) => void;
  onRemove: () => void;
}

/** One leg of the ticket: side, contract, editable quantity, price, and a remove button. */
export function TicketLegRow({ leg, onQuantity, onRemove }: TicketLegRowProps) {
  const label = `${leg.side === 'buy' ? 'Buy' : 'Sell'} ${leg.underlying} ${leg.expiry} ${leg.strike} ${leg.right}`;
  return (
    <li className={`ticket-leg ticket-${leg.side}`} data-testid="ticket-leg" data-side={leg.side} data-strike={leg.strike} data-right={leg.right} data-expiry={leg.expiry}>
      <span className={`pill ticket-side ticket-side-${leg.side}`}>{leg.side === 'buy' ? 'Buy' : 'Sell'}</span>
      <span className="ticket-contract">
        {leg.underlying} {leg.expiry} <strong className="num">{leg.strike}</strong> {leg.right}
      </span>
      <input
        className="input num ticket-quantity"
        type="number"
        min={1}
        max={10_000}
        step={1}
        value={leg.quantity}
        aria-label={`Contracts to ${label.toLowerCase()}`}
        data-testid="ticket-leg-quantity"
        onChange={(event) => {
          const quantity = Math.floor(Number(event.target.value));
          if (quantity >= 1) onQuantity(quantity);
        }}
      />
      <span className="num ticket-price">@ {leg.price.toFixed(2)}</span>
      <button type="button" className="button button-ghost" aria-label={`Remove: ${label}`} data-testid="ticket-leg-remove" onClick={onRemove}>
        Remove
      </button>
    </li>
  );
}
