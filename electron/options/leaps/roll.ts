// Roll arithmetic: close one contract, open another of the same right, and keep the running premium
// of the whole roll chain. Pure: prices and greeks come in, cash flows and breakevens go out. Signs
// are the holder's cash: + received, − paid; quantity is signed (negative = short).
import type { Greeks, OptionRight } from '../../../shared/schemas/options';
import type { PositionGreeks } from '../../../shared/schemas/leaps';

export interface RollContract {
  strike: number;
  expiry: string;
  /** Price per share the contract is traded at in the roll. */
  price: number;
  /** Per-share greeks of the contract. */
  greeks: Greeks;
}

export interface RollParams {
  right: OptionRight;
  quantity: number;
  multiplier: number;
  current: RollContract;
  target: RollContract;
  /** Premium per share of the chain's very first contract (paid when long, received when short). */
  originalPremium: number;
  /** Net per share of each earlier roll, + credit, − debit. */
  previousRolls: readonly number[];
}

export interface RollSide {
  strike: number;
  expiry: string;
  price: number;
  cash: number;
  greeks: PositionGreeks;
  breakeven: number | null;
}

export interface RollOutcome {
  label: string;
  direction: { out: boolean; in: boolean; up: boolean; down: boolean };
  close: RollSide;
  open: RollSide;
  net: { perShare: number; dollars: number; type: 'credit' | 'debit' | 'even' };
  chain: { original: number; rolls: number[]; cumulativePerShare: number; cumulativeDollars: number; adjustedCostBasis: number };
}

/** Below a hundredth of a cent per share a roll is even. */
const EVEN = 1e-4;

/**
 * Breakeven at expiry of holding `right` at `strike` when the premium taken in so far is
 * `cumulative` per share (+ net credit). A long needs the underlying to cover the net debit, a short
 * keeps its net credit until the underlying eats it; a long with a net credit, or a short with a net
 * debit, never crosses zero (null), nor does a put whose breakeven would be at or below 0.
 */
export function rollBreakeven(right: OptionRight, strike: number, quantity: number, cumulative: number): number | null {
  // Premium at risk per share: what the payoff must make up for a long, what it may lose for a short.
  const cushion = quantity > 0 ? -cumulative : cumulative;
  if (cushion < 0) return null;
  const breakeven = right === 'call' ? strike + cushion : strike - cushion;
  return breakeven > 0 ? breakeven : null;
}

function positionGreeks(greeks: Greeks, size: number): PositionGreeks {
  return { delta: greeks.delta * size, gamma: greeks.gamma * size, theta: greeks.theta * size, vega: greeks.vega * size };
}

function rollLabel(direction: RollOutcome['direction']): string {
  const parts = [direction.out ? 'out' : direction.in ? 'in' : '', direction.up ? 'up' : direction.down ? 'down' : ''].filter(Boolean);
  return `Roll ${parts.join(' and ')}`;
}

export function computeRoll(p: RollParams): RollOutcome {
  const side = Math.sign(p.quantity);
  const size = p.quantity * p.multiplier;
  // Closing sells a long (cash in) or buys back a short (cash out); opening does the reverse.
  const closeCash = size * p.current.price;
  const openCash = -size * p.target.price;
  const netPerShare = side * (p.current.price - p.target.price);
  const original = -side * p.originalPremium;
  const before = original + p.previousRolls.reduce((sum, roll) => sum + roll, 0);
  const after = before + netPerShare;
  const direction = {
    out: p.target.expiry > p.current.expiry,
    in: p.target.expiry < p.current.expiry,
    up: p.target.strike > p.current.strike,
    down: p.target.strike < p.current.strike,
  };
  return {
    label: rollLabel(direction),
    direction,
    close: {
      strike: p.current.strike,
      expiry: p.current.expiry,
      price: p.current.price,
      cash: closeCash,
      greeks: positionGreeks(p.current.greeks, size),
      breakeven: rollBreakeven(p.right, p.current.strike, p.quantity, before),
    },
    open: {
      strike: p.target.strike,
      expiry: p.target.expiry,
      price: p.target.price,
      cash: openCash,
      greeks: positionGreeks(p.target.greeks, size),
      breakeven: rollBreakeven(p.right, p.target.strike, p.quantity, after),
    },
    net: { perShare: netPerShare, dollars: closeCash + openCash, type: netPerShare > EVEN ? 'credit' : netPerShare < -EVEN ? 'debit' : 'even' },
    chain: {
      original,
      rolls: [...p.previousRolls, netPerShare],
      cumulativePerShare: after,
      cumulativeDollars: after * Math.abs(size),
      adjustedCostBasis: -after,
    },
  };
}
