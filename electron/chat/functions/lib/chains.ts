import { CoachError } from '../../../../shared/errors';
import type { ChainContract, OptionChain, StrikeRow } from '../../../../shared/schemas/chains';
import type { OptionRight } from '../../../../shared/schemas/options';
import type { FunctionContext } from '../../types';
import { ZERO_DTE } from './args';
import { round, roundOrNull, significant } from './round';

export interface ChainAnswer {
  chain: OptionChain;
  /** Said to the model when the chain is not the one asked for ('0dte' on a day nothing expires). */
  note: string | null;
}

/**
 * The chain of `symbol` for an expiry argument: a date, '0dte' (today's expiration; the nearest one,
 * with a note, when nothing expires today), or none (the nearest listed).
 */
export async function fetchChain(ctx: FunctionContext, symbol: string, expiry: string | undefined): Promise<ChainAnswer> {
  if (expiry !== ZERO_DTE) return { chain: await ctx.call('options:chain', { underlying: symbol, ...(expiry ? { expiry } : {}) }), note: null };
  const chain = await ctx.call('options:chain', { underlying: symbol });
  if (chain.expiry.daysToExpiry === 0) return { chain, note: null };
  return {
    chain,
    note: `No ${chain.underlying} options expire today; showing the nearest expiration, ${chain.expiry.date} (${chain.expiry.daysToExpiry} days)`,
  };
}

/** The listed strikes nearest `strike` (up to `count`), nearest first, then ascending among equals. */
export function nearestStrikes(strikes: readonly number[], strike: number, count = 2): number[] {
  return [...strikes].sort((a, b) => Math.abs(a - strike) - Math.abs(b - strike) || a - b).slice(0, count);
}

/** The contract of `right` at `strike`, or `not_found` naming the nearest listed strikes. */
export function findContract(chain: OptionChain, strike: number, right: OptionRight): ChainContract {
  const row = chain.strikes.find((r) => r.strike === strike);
  const contract = row?.[right];
  if (contract) return contract;
  const listed = chain.strikes.filter((r) => r[right] !== null).map((r) => r.strike);
  const nearest = nearestStrikes(listed, strike, 3).sort((a, b) => a - b);
  throw new CoachError(
    'not_found',
    `${strike} is not a listed ${chain.underlying} ${right} strike for ${chain.expiry.date}; the nearest listed strikes are ${nearest.join(', ')} (spot ${round(chain.spot)})`,
  );
}

/** `count` strike rows centred on the at-the-money strike (fewer when the chain has fewer). */
export function rowsAround(chain: OptionChain, count: number): StrikeRow[] {
  const atm = chain.strikes.findIndex((r) => r.strike === chain.atTheMoneyStrike);
  const centre = atm === -1 ? Math.floor(chain.strikes.length / 2) : atm;
  const start = Math.max(0, Math.min(centre - Math.floor((count - 1) / 2), chain.strikes.length - count));
  return chain.strikes.slice(start, start + count);
}

/** One side of a chain row as the card and the model read it. */
export function quoteSide(contract: ChainContract | null) {
  if (!contract) return null;
  return {
    bid: round(contract.bid),
    ask: round(contract.ask),
    iv: roundOrNull(contract.iv, 4),
    delta: significant(contract.delta),
    volume: contract.volume,
    openInterest: contract.openInterest,
  };
}

/** Price and greeks of one contract, per share (theta per calendar day, vega and rho per point). */
export function contractQuote(contract: ChainContract) {
  return {
    contract: contract.symbol,
    bid: round(contract.bid),
    ask: round(contract.ask),
    mid: round(contract.mid),
    last: roundOrNull(contract.last),
    iv: roundOrNull(contract.iv, 4),
    delta: significant(contract.delta),
    gamma: significant(contract.gamma),
    theta: significant(contract.theta),
    vega: significant(contract.vega),
    rho: significant(contract.rho),
    volume: contract.volume,
    openInterest: contract.openInterest,
    inTheMoney: contract.inTheMoney,
  };
}
