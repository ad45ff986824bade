import { sessionFor } from '../market/calendar';

/** Where key levels come from (the levels service: `levels:get` for the current session). */
export interface LevelSource {
  levels(request: { symbol: string }): Promise<{ date: string; levels: readonly { name: string; price: number }[] }>;
}

export interface SessionLevels {
  /** The session (New York date) the levels belong to. */
  date: string;
  prices: ReadonlyMap<string, number>;
}

/**
 * Levels that move during the session (VWAP and its bands, the pre-market range until 09:30, the
 * opening ranges as they complete) are fetched again after this long; the prior-day ones do not
 * change, but one fetch per symbol every five minutes costs little.
 */
export const LEVEL_REFRESH_MS = 5 * 60_000;
/** A level an alert wants that was not there yet (an opening range still forming) is looked for again this soon. */
export const MISSING_LEVEL_RETRY_MS = 30_000;

/** The key levels of each watched symbol for the current session, fetched at most every LEVEL_REFRESH_MS. */
export class LevelPrices {
  private readonly cache = new Map<string, { fetchedAt: number; levels: SessionLevels }>();

  constructor(
    private readonly source: LevelSource,
    private readonly refreshMs = LEVEL_REFRESH_MS,
  ) {}

  /** The levels of `symbol`; `wanted` are the names its alerts watch. */
  async of(symbol: string, wanted: readonly string[], now: number): Promise<SessionLevels> {
    const cached = this.cache.get(symbol);
    const missing = cached !== undefined && wanted.some((name) => !cached.levels.prices.has(name));
    if (cached && !this.stale(cached.fetchedAt, now) && !(missing && now - cached.fetchedAt >= MISSING_LEVEL_RETRY_MS)) return cached.levels;
    const response = await this.source.levels({ symbol });
    const levels = { date: response.date, prices: new Map(response.levels.map((level) => [level.name, level.price])) };
    this.cache.set(symbol, { fetchedAt: now, levels });
    return levels;
  }

  /** Old, or fetched before today's 04:00 pre-market opened a new session. */
  private stale(fetchedAt: number, now: number): boolean {
    const session = sessionFor(now);
    return now - fetchedAt >= this.refreshMs || (session !== undefined && fetchedAt < session.preOpen && now >= session.preOpen);
  }
}
