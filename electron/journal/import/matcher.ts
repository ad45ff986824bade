import { createHash } from 'node:crypto';
import type { NewTrade } from '../repository';
import type { Execution } from './types';

interface Lot {
  side: 'long' | 'short';
  remaining: number;
  price: number;
  timeMs: number;
  feePerUnit: number;
  orderKey: string | null;
  row: number;
}

export interface MatchResult {
  /** Round trips, each a closed leg; the legs opened by one order share a group id. */
  trades: NewTrade[];
  /** Positions still open at the end of the file: not imported until a later file closes them. */
  openLots: number;
}

const sha = (text: string): string => createHash('sha1').update(text).digest('hex');
const round = (n: number): number => Math.round(n * 1e8) / 1e8;

/**
 * Matches fills into round trips per contract, first in first out: a fill against the open
 * position closes the oldest lots first (a partial fill splits a lot), and what is left of it
 * opens a position the other way; an expiration, assignment or exercise (`close`) only closes.
 * Options of different expiry or strike are different contracts.
 * Fees are spread over quantity: each round trip carries its share of the opening and the closing
 * fill's fees. A round trip's fingerprint hashes the broker, contract, side, times, prices and
 * quantity (and its rank among identical ones), so the same file always gives the same
 * fingerprints and importing it again adds nothing. Fills are fed in time order, in as many calls
 * as the caller likes (the importer hands the event loop back between slices of a large file).
 */
export class FifoMatcher {
  private readonly open = new Map<string, Lot[]>();
  private readonly seen = new Map<string, number>();
  readonly trades: NewTrade[] = [];

  constructor(private readonly broker: string) {}

  add(fill: Execution): void {
    const lots = this.open.get(fill.symbol) ?? [];
    this.open.set(fill.symbol, lots);
    let left = fill.quantity;
    const closingSide = fill.side === 'buy' ? 'short' : fill.side === 'sell' ? 'long' : lots[0]?.side;
    const closeFeePerUnit = fill.fees / fill.quantity;
    while (left > 1e-9 && lots.length && lots[0]!.side === closingSide) {
      const lot = lots[0]!;
      const qty = Math.min(lot.remaining, left);
      this.trades.push(roundTrip(fill, lot, qty, closeFeePerUnit, this.broker, this.seen));
      lot.remaining = round(lot.remaining - qty);
      left = round(left - qty);
      if (lot.remaining <= 1e-9) lots.shift();
    }
    if (left > 1e-9 && fill.side !== 'close') {
      lots.push({ side: fill.side === 'buy' ? 'long' : 'short', remaining: left, price: fill.price, timeMs: fill.timeMs, feePerUnit: closeFeePerUnit, orderKey: fill.orderKey, row: fill.row });
    }
  }

  result(): MatchResult {
    let openLots = 0;
    for (const lots of this.open.values()) openLots += lots.length;
    return { trades: this.trades, openLots };
  }
}

/** Every fill of a file at once (see FifoMatcher). */
export function matchExecutions(executions: Execution[], broker: string): MatchResult {
  const matcher = new FifoMatcher(broker);
  for (const fill of executions) matcher.add(fill);
  return matcher.result();
}

function roundTrip(fill: Execution, lot: Lot, quantity: number, closeFeePerUnit: number, broker: string, seen: Map<string, number>): NewTrade {
  const entryTime = new Date(lot.timeMs).toISOString();
  const exitTime = new Date(fill.timeMs).toISOString();
  const identity = [broker, fill.symbol, lot.side, entryTime, exitTime, quantity, lot.price, fill.price].join('|');
  const rank = (seen.get(identity) ?? 0) + 1;
  seen.set(identity, rank);
  const fingerprint = sha(`${identity}|${rank}`);
  // Legs opened by one order (a spread) form one trade; a fill without an order id stands alone.
  const groupId = `imp-${sha(lot.orderKey ? `${broker}|${lot.orderKey}|${lot.timeMs}|${fill.underlying}` : `${broker}|lot|${lot.row}|${fill.symbol}`).slice(0, 24)}`;
  return {
    groupId,
    symbol: fill.symbol,
    underlying: fill.underlying,
    assetType: fill.assetType,
    optionType: fill.optionType,
    strike: fill.strike,
    expiry: fill.expiry,
    multiplier: fill.multiplier,
    side: lot.side,
    quantity,
    entryPrice: lot.price,
    exitPrice: fill.price,
    entryTime,
    exitTime,
    fees: round(lot.feePerUnit * quantity + closeFeePerUnit * quantity),
    strategy: null,
    // The close's cause (expired, assigned, exercised) labels the exit in the preview and the journal.
    tags: fill.event ? [fill.event] : [],
    notes: null,
    plannedStop: null,
    plannedTarget: null,
    broker,
    fingerprint,
  };
}
