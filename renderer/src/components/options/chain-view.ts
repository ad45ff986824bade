import type { ChainContract, Expiration, ExpirationKind } from '../../../../shared/schemas/chains';
import type { OptionLeg, OptionRight } from '../../../../shared/schemas/options';

/** The expiry selector's groups, in order, with the label each shows. */
export const EXPIRY_GROUPS: readonly { kind: ExpirationKind; label: string }[] = [
  { kind: '0dte', label: '0DTE' },
  { kind: 'daily', label: 'Dailies' },
  { kind: 'weekly', label: 'Weeklies' },
  { kind: 'monthly', label: 'Monthlies' },
  { kind: 'leaps', label: 'LEAPS' },
];

/** Expirations by kind, each group in date order; empty groups are left out. */
export function groupExpirations(expirations: readonly Expiration[]): { kind: ExpirationKind; label: string; expirations: Expiration[] }[] {
  return EXPIRY_GROUPS.map((group) => ({ ...group, expirations: expirations.filter((e) => e.kind === group.kind) })).filter((group) => group.expirations.length > 0);
}

const WEEKDAY = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

/** "Fri, Feb 13, 2026 · 2d · PM" — the date, days to expiry, and AM when it settles on the open. */
export function expiryLabel(expiration: Expiration): string {
  const date = WEEKDAY.format(new Date(`${expiration.date}T12:00:00Z`));
  const days = expiration.daysToExpiry === 0 ? 'today' : `${expiration.daysToExpiry}d`;
  return `${date} · ${days}${expiration.settlement === 'AM' ? ' · AM settled' : ''}`;
}

/** One line of the position ticket: a contract bought at its ask or sold at its bid. */
export interface TicketLeg {
  /** The contract's OCC symbol plus the side: one line per contract and side. */
  key: string;
  underlying: string;
  contract: string;
  right: OptionRight;
  strike: number;
  expiry: string;
  side: 'buy' | 'sell';
  quantity: number;
  price: number;
  multiplier: number;
}

/** The leg a click on a quote adds: buying pays the ask, selling receives the bid. */
export function legFromQuote(underlying: string, contract: ChainContract, side: 'buy' | 'sell', multiplier: number): TicketLeg {
  return {
    key: `${contract.symbol}|${side}`,
    underlying,
    contract: contract.symbol,
    right: contract.right,
    strike: contract.strike,
    expiry: contract.expiry,
    side,
    quantity: 1,
    price: side === 'buy' ? contract.ask : contract.bid,
    multiplier,
  };
}

/** Adds a leg to the ticket; clicking the same contract and side again adds one more contract to it. */
export function addLeg(legs: readonly TicketLeg[], leg: TicketLeg): TicketLeg[] {
  const existing = legs.find((l) => l.key === leg.key);
  if (!existing) return [...legs, leg];
  return legs.map((l) => (l.key === leg.key ? { ...l, quantity: l.quantity + 1, price: leg.price } : l));
}

/** The ticket's legs as the positions contract stores them: quantity signed (negative = short). */
export function toOptionLegs(legs: readonly TicketLeg[]): OptionLeg[] {
  return legs.map((leg) => ({
    kind: 'option',
    symbol: leg.underlying,
    right: leg.right,
    strike: leg.strike,
    expiry: leg.expiry,
    quantity: leg.side === 'buy' ? leg.quantity : -leg.quantity,
    price: leg.price,
    multiplier: leg.multiplier,
  }));
}

/** What the ticket costs (positive, a debit) or brings in (negative, a credit), in dollars. */
export function netDebit(legs: readonly TicketLeg[]): number {
  return legs.reduce((sum, leg) => sum + (leg.side === 'buy' ? 1 : -1) * leg.quantity * leg.price * leg.multiplier, 0);
}
