import type { OptionChain } from '../../../shared/schemas/chains';
import { Database } from '../../db/database';
import { MassiveClient } from '../../market/massive-client';
import { MarketService } from '../../market/service';
import { BreakerHub } from '../../net/circuit-breaker';
import { silentLogger } from '../../observability/logger';
import { OptionsChainService } from './service';

/**
 * Put–call parity broken anywhere in a chain (tests run it on every chain they make). On mids, each
 * within half its spread of the fair price (which the quote brackets), so the tolerance is half the
 * call's spread plus half the put's. Hull, "Options, Futures, and Other Derivatives": European with a
 * dividend yield q (ch. 17, options on indices): C − P = S·e^(−qT) − K·e^(−rT); American (ch. 11,
 * S − K ≤ C − P ≤ S − K·e^(−rT) without dividends; a yield q lowers the lower bound to S·e^(−qT) − K).
 * Returns one line per broken strike, empty when the chain holds.
 */
export function parityViolations(chain: OptionChain): string[] {
  const { spot: S, rate: r, dividendYield: q, yearsToExpiry: T } = chain;
  const broken: string[] = [];
  for (const { strike: K, call, put } of chain.strikes) {
    if (!call || !put) continue;
    const tolerance = (call.ask - call.bid + put.ask - put.bid) / 2 + 1e-9;
    const difference = call.mid - put.mid;
    if (chain.style === 'european') {
      const fair = S * Math.exp(-q * T) - K * Math.exp(-r * T);
      if (Math.abs(difference - fair) > tolerance) broken.push(`${K}: C − P = ${difference.toFixed(4)}, S·e^(−qT) − K·e^(−rT) = ${fair.toFixed(4)}, tolerance ${tolerance.toFixed(4)}`);
    } else {
      const lower = S * Math.exp(-q * T) - K;
      const upper = S - K * Math.exp(-r * T);
      if (difference < lower - tolerance || difference > upper + tolerance) {
        broken.push(`${K}: C − P = ${difference.toFixed(4)} outside [${lower.toFixed(4)}, ${upper.toFixed(4)}] ± ${tolerance.toFixed(4)}`);
      }
    }
  }
  return broken;
}

export interface ChainServiceFixture {
  service: OptionsChainService;
  market: MarketService;
  breakers: BreakerHub;
  close(): void;
}

/** The chain service on a fresh in-memory database, at a fixed clock; Massive at `massiveUrl` when a key is given. */
export function chainServiceAt(now: () => number, options: { apiKey?: string; massiveUrl?: string } = {}): ChainServiceFixture {
  const db = new Database({ file: ':memory:', logger: silentLogger, slowQueryMs: 1000 });
  const breakers = new BreakerHub();
  const breaker = breakers.create('massive', { failureThreshold: 2, cooldownMs: 60_000 });
  const apiKey = () => options.apiKey;
  const baseUrl = options.massiveUrl ?? 'http://127.0.0.1:9';
  const market = new MarketService({ db, logger: silentLogger, apiKey, baseUrl, timeoutMs: 2000, breaker, now });
  const massive = new MassiveClient({ baseUrl, apiKey, breaker, logger: silentLogger, timeoutMs: 2000, maxRetries: 0 });
  const service = new OptionsChainService({ market, massive, apiKey, now });
  return { service, market, breakers, close: () => db.close() };
}
