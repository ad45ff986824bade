import type { Expiration } from '../../../shared/schemas/chains';
import { toCoachError, type MassiveClient, type OptionSnapshot } from '../../market/massive-client';
import { yearsToExpiry } from '../pricing/expiry';
import type { QuotedContract } from './analyze';

/** A chain snapshot is reused for a minute, like the market's quotes (QUOTE_TTL_MS). */
export const OPTION_CHAIN_TTL_MS = 60_000;
/** Chains kept in memory (underlying × expiry). */
const CACHE_LIMIT = 64;

interface CachedChain {
  fetchedAt: number;
  contracts: OptionSnapshot[];
}

/**
 * Option chains from Massive.com, one expiration at a time (`expiration_date` filter, all pages),
 * through the market client and so through its circuit breaker and retries. Snapshots are live
 * prices, stale within a minute: they are kept in memory for that minute, not written to SQLite.
 */
export class MassiveChainProvider {
  private readonly cache = new Map<string, CachedChain>();

  constructor(
    private readonly client: MassiveClient,
    private readonly now: () => number = Date.now,
  ) {}

  /** The contracts of one expiration (years measured from now; none when Massive lists none) and when they were fetched. */
  async expiry(underlying: string, expiration: Expiration): Promise<{ fetchedAt: number; contracts: QuotedContract[] }> {
    const now = this.now();
    const key = `${underlying}|${expiration.date}`;
    let cached = this.cache.get(key);
    if (!cached || now - cached.fetchedAt >= OPTION_CHAIN_TTL_MS) {
      let contracts: OptionSnapshot[];
      try {
        contracts = await this.client.optionChain(underlying, expiration.date);
      } catch (error) {
        throw toCoachError(error);
      }
      cached = { fetchedAt: now, contracts };
      this.cache.delete(key);
      this.cache.set(key, cached);
      if (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    }
    const years = yearsToExpiry(now, expiration.date, expiration.settlement);
    return { fetchedAt: cached.fetchedAt, contracts: cached.contracts.flatMap((snapshot) => toQuoted(snapshot, years)) };
  }
}

/** A Massive contract as the chain shows it; one without a two-sided quote is left out (nothing to price from). */
function toQuoted(snapshot: OptionSnapshot, years: number): QuotedContract[] {
  const { details, last_quote: quote } = snapshot;
  if (quote?.bid === undefined || quote.ask === undefined || quote.ask < quote.bid) return [];
  return [
    {
      // Massive prefixes option tickers with 'O:'; the chain shows the plain OCC symbol.
      symbol: details.ticker.replace(/^O:/, ''),
      right: details.contract_type,
      strike: details.strike_price,
      expiry: details.expiration_date,
      years,
      bid: quote.bid,
      ask: quote.ask,
      last: snapshot.last_trade?.price ?? null,
      volume: Math.round(snapshot.day?.volume ?? 0),
      openInterest: Math.round(snapshot.open_interest ?? 0),
    },
  ];
}
