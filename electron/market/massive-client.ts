import { z } from 'zod';
import { CoachError } from '../../shared/errors';
import type { Bar, Timeframe } from '../../shared/schemas/market';
import { createScrubber } from '../../shared/scrub';
import type { CircuitBreaker } from '../net/circuit-breaker';
import type { Logger } from '../observability/logger';
import { isIndexSymbol } from './symbols';

export const DEFAULT_MASSIVE_BASE_URL = 'https://api.massive.com';

/** Massive's aggregate window per timeframe: /range/{multiplier}/{timespan}/. */
const RANGE: Record<Timeframe, [number, string]> = { '1m': [1, 'minute'], '5m': [5, 'minute'], '15m': [15, 'minute'], '1h': [1, 'hour'], '1d': [1, 'day'] };

// The parts of Massive's (formerly Polygon.io's) responses the app reads; other fields pass through.
const AggregatesSchema = z.object({
  results: z.array(z.object({ t: z.number(), o: z.number(), h: z.number(), l: z.number(), c: z.number(), v: z.number().optional() })).optional(),
  next_url: z.string().optional(),
});
const StockSnapshotSchema = z.object({
  ticker: z.string(),
  todaysChange: z.number().optional(),
  todaysChangePerc: z.number().optional(),
  updated: z.number().optional(),
  day: z.object({ c: z.number() }).partial().optional(),
  lastTrade: z.object({ p: z.number(), t: z.number() }).partial().optional(),
  min: z.object({ c: z.number(), t: z.number() }).partial().optional(),
  prevDay: z.object({ c: z.number() }).partial().optional(),
});
const StockSnapshotsSchema = z.object({ tickers: z.array(StockSnapshotSchema).optional() });
const IndexSnapshotSchema = z.object({
  ticker: z.string(),
  value: z.number().optional(),
  last_updated: z.number().optional(),
  error: z.string().optional(),
  session: z.object({ change: z.number(), change_percent: z.number(), close: z.number(), previous_close: z.number() }).partial().optional(),
});
const IndexSnapshotsSchema = z.object({ results: z.array(IndexSnapshotSchema).optional(), next_url: z.string().optional() });

/** One contract of `/v3/snapshot/options/{underlying}` (Massive's option chain snapshot). */
const OptionSnapshotSchema = z.object({
  details: z.object({
    contract_type: z.enum(['call', 'put']),
    expiration_date: z.string(),
    strike_price: z.number(),
    ticker: z.string(),
    shares_per_contract: z.number().optional(),
  }),
  last_quote: z.object({ bid: z.number(), ask: z.number(), midpoint: z.number(), last_updated: z.number() }).partial().optional(),
  last_trade: z.object({ price: z.number(), sip_timestamp: z.number() }).partial().optional(),
  day: z.object({ volume: z.number(), close: z.number() }).partial().optional(),
  open_interest: z.number().optional(),
  implied_volatility: z.number().optional(),
  underlying_asset: z.object({ ticker: z.string(), price: z.number(), value: z.number(), last_updated: z.number() }).partial().optional(),
});
const OptionSnapshotsSchema = z.object({ results: z.array(OptionSnapshotSchema).optional(), next_url: z.string().optional() });

export type StockSnapshot = z.infer<typeof StockSnapshotSchema>;
export type OptionSnapshot = z.infer<typeof OptionSnapshotSchema>;
export type IndexSnapshot = z.infer<typeof IndexSnapshotSchema>;

/** An HTTP answer that was not 2xx (kept with its status so the breaker can record it). */
export class MassiveHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'MassiveHttpError';
  }
}

export interface MassiveClientOptions {
  baseUrl: string;
  /** Read at every request, so a key saved later in the app is used without a restart. */
  apiKey: () => string | undefined;
  breaker: CircuitBreaker;
  logger: Logger;
  timeoutMs?: number;
  /** Retries of a 429, a 5xx, a timeout or a network error (then the call fails). */
  maxRetries?: number;
  /** First backoff; doubled each retry, with full jitter, or the server's Retry-After. */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** Pages of an option chain followed at most (250 contracts a page: far more than one expiration lists). */
const MAX_OPTION_PAGES = 40;

/** The Massive.com REST endpoints the market and options services use: aggregates and snapshots. */
export class MassiveClient {
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly backoffMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly options: MassiveClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxRetries = options.maxRetries ?? 3;
    this.backoffMs = options.backoffMs ?? 500;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
  }

  /** Massive's ticker for a symbol: indices carry the `I:` prefix. */
  static ticker(symbol: string): string {
    return isIndexSymbol(symbol) ? `I:${symbol}` : symbol;
  }

  /** Bars from `from` to `to` (dates, inclusive), following `next_url` until the last page. */
  async aggregates(symbol: string, timeframe: Timeframe, from: string, to: string): Promise<Bar[]> {
    const [multiplier, timespan] = RANGE[timeframe];
    // The colon of 'I:SPX' is legal in a path segment and Massive expects it as is.
    const ticker = encodeURIComponent(MassiveClient.ticker(symbol)).replace('%3A', ':');
    let url: string | undefined = `${this.options.baseUrl}/v2/aggs/ticker/${ticker}/range/${multiplier}/${timespan}/${from}/${to}?adjusted=true&sort=asc&limit=50000`;
    const bars: Bar[] = [];
    for (let page = 0; url; page += 1) {
      if (page >= 100) throw new CoachError('unavailable', 'Massive.com kept paginating past 100 pages; narrow the range');
      const body = AggregatesSchema.parse(await this.get(url));
      for (const r of body.results ?? []) bars.push({ time: r.t, open: r.o, high: r.h, low: r.l, close: r.c, volume: r.v ?? 0 });
      url = body.next_url;
    }
    return bars;
  }

  async stockSnapshots(symbols: string[]): Promise<StockSnapshot[]> {
    if (!symbols.length) return [];
    const url = `${this.options.baseUrl}/v2/snapshot/locale/us/markets/stocks/tickers?tickers=${symbols.map(encodeURIComponent).join(',')}`;
    return StockSnapshotsSchema.parse(await this.get(url)).tickers ?? [];
  }

  async indexSnapshots(symbols: string[]): Promise<IndexSnapshot[]> {
    if (!symbols.length) return [];
    const tickers = symbols.map((s) => encodeURIComponent(MassiveClient.ticker(s))).join(',');
    const out: IndexSnapshot[] = [];
    let url: string | undefined = `${this.options.baseUrl}/v3/snapshot/indices?ticker.any_of=${tickers}`;
    while (url) {
      const body = IndexSnapshotsSchema.parse(await this.get(url));
      out.push(...(body.results ?? []));
      url = body.next_url;
    }
    return out;
  }

  /**
   * Every contract of `underlying` expiring on `expiry` (the option chain snapshot), following
   * `next_url` page by page; each page is authorised like the first (the key rides in the header).
   */
  async optionChain(underlying: string, expiry: string): Promise<OptionSnapshot[]> {
    const ticker = encodeURIComponent(MassiveClient.ticker(underlying)).replace('%3A', ':');
    let url: string | undefined = `${this.options.baseUrl}/v3/snapshot/options/${ticker}?expiration_date=${expiry}&limit=250`;
    const contracts: OptionSnapshot[] = [];
    for (let page = 0; url; page += 1) {
      if (page >= MAX_OPTION_PAGES) throw new CoachError('unavailable', `Massive.com kept paginating the ${underlying} chain past ${MAX_OPTION_PAGES} pages`);
      const body = OptionSnapshotsSchema.parse(await this.get(url));
      contracts.push(...(body.results ?? []));
      url = body.next_url;
    }
    return contracts;
  }

  /** One GET through the breaker, with retries; the key goes in the Authorization header (next_url carries none). */
  private async get(url: string): Promise<unknown> {
    const key = this.options.apiKey();
    if (!key) throw new CoachError('unavailable', 'No Massive.com API key is configured');
    const path = new URL(url).pathname;
    return this.options.breaker.run(() => this.withRetries(url, key, path), isOutage);
  }

  private async withRetries(url: string, key: string, path: string): Promise<unknown> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.once(url, key);
      } catch (error) {
        if (!isOutage(error) || attempt >= this.maxRetries) throw error;
        const retryAfterS = error instanceof RetryableHttpError ? error.retryAfterS : undefined;
        const waitMs = retryAfterS !== undefined ? retryAfterS * 1000 : this.random() * this.backoffMs * 2 ** attempt;
        this.options.logger.warn('massive request retried', { path, attempt: attempt + 1, waitMs: Math.round(waitMs), error: (error as Error).message });
        await this.sleep(waitMs);
      }
    }
  }

  private async once(url: string, key: string): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(url, { headers: { authorization: `Bearer ${key}`, accept: 'application/json' }, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new MassiveNetworkError(timedOut ? `Massive.com did not answer within ${this.timeoutMs} ms` : `Massive.com is unreachable: ${(error as Error).message}`);
    }
    if (res.ok) return res.json();
    // An upstream may echo the key in its error text; the message reaches logs and the renderer.
    const text = createScrubber([key]).text((await res.text()).slice(0, 200));
    const message = `Massive.com answered HTTP ${res.status}${text ? `: ${text}` : ''}`;
    if (res.status === 429 || res.status >= 500) {
      const retryAfter = Number(res.headers.get('retry-after'));
      throw new RetryableHttpError(res.status, message, Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 30) : undefined);
    }
    if (res.status === 401 || res.status === 403) throw new CoachError('unavailable', `Massive.com refused the API key (HTTP ${res.status}); check MASSIVE_API_KEY`);
    if (res.status === 404) throw new CoachError('not_found', message);
    throw new MassiveHttpError(res.status, message);
  }
}

class RetryableHttpError extends MassiveHttpError {
  constructor(
    status: number,
    message: string,
    readonly retryAfterS: number | undefined,
  ) {
    super(status, message);
  }
}

class MassiveNetworkError extends Error {
  override name = 'MassiveNetworkError';
}

/** Only what says the provider is down counts against the breaker: 429, 5xx, timeouts, network errors. */
function isOutage(error: unknown): boolean {
  return error instanceof RetryableHttpError || error instanceof MassiveNetworkError;
}

/** What the market service shows for a Massive failure that is not already a CoachError. */
export function toCoachError(error: unknown): CoachError {
  if (error instanceof CoachError) return error;
  if (error instanceof z.ZodError) return new CoachError('unavailable', 'Massive.com sent a response of an unexpected shape');
  return new CoachError('unavailable', error instanceof Error ? error.message : String(error));
}
