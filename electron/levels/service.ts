import { CoachError } from '../../shared/errors';
import type { LevelsRequest, LevelsResponse } from '../../shared/schemas/levels';
import type { Bar } from '../../shared/schemas/market';
import type { HandlerMap } from '../contract/dispatcher';
import { addDays, closureReason, lastSessions, marketDate, previousSession, sessionFor } from '../market/calendar';
import type { MarketService } from '../market/service';
import { computeKeyLevels } from './key-levels';

/**
 * Sessions of minutes fetched, the requested one included: the prior day's minutes stand in for a
 * missing daily bar, and the intraday ATR needs more bars than one morning has.
 */
const MINUTE_SESSIONS = 3;
/** Calendar days of daily bars: ATR(14) needs 15 sessions, the prior month reaches back up to 62 days. */
export const DAILY_LOOKBACK_DAYS = 70;

export interface LevelsServiceOptions {
  market: MarketService;
  now?: () => number;
}

/** `levels:get`: fetches bars, sessions and the quote from the market service and runs the pure levels engine. */
export class LevelsService {
  private readonly market: MarketService;
  private readonly now: () => number;

  constructor(options: LevelsServiceOptions) {
    this.market = options.market;
    this.now = options.now ?? Date.now;
  }

  async levels({ symbol, date: requested }: LevelsRequest): Promise<LevelsResponse> {
    const date = requested ?? this.currentSessionDate(symbol);
    if (requested) this.checkDate(requested);
    const timeframe = this.market.finestTimeframe(symbol);
    const sessions = lastSessions(date, MINUTE_SESSIONS);
    const [intraday, daily, quote] = await Promise.all([
      // Daily-only imports give no intraday levels, but still prior day, pivots, ATR and prior week/month.
      timeframe === '1d' ? undefined : this.market.bars({ symbol, timeframe, from: sessions[0]!.date, to: date }),
      this.market.bars({ symbol, timeframe: '1d', from: addDays(date, -DAILY_LOOKBACK_DAYS), to: date }),
      this.market.quote(symbol),
    ]);
    const bars1m: readonly Bar[] = intraday?.bars ?? [];
    // The quote is the latest print: it measures its own session, and one with no print yet (an index
    // before 09:30 has only yesterday's close); an earlier date is measured from its own last bar.
    const lastPrice = marketDate(quote.time) <= date ? quote.last : undefined;
    const result = computeKeyLevels({ bars1m, dailyBars: daily.bars, sessions, date, lastPrice });
    if (!result.levels.length) {
      throw new CoachError('not_found', `No ${daily.source} bars for ${symbol} on ${date} or the session before it`);
    }
    return { symbol, source: intraday?.source ?? daily.source, ...result };
  }

  /** The current session once its pre-market has begun (the last imported one for CSV symbols), else the one before. */
  currentSessionDate(symbol: string): string {
    const end = this.market.dataEndDate(symbol);
    const session = sessionFor(end);
    const started = end < marketDate(this.now()) || (session !== undefined && this.now() >= session.preOpen);
    return session && started ? session.date : previousSession(end).date;
  }

  /** Levels belong to a trading session that has started: no weekends, holidays or future dates. */
  private checkDate(date: string): void {
    const today = marketDate(this.now());
    const refuse = (message: string) => {
      throw new CoachError('invalid_input', `Invalid input for levels:get: date: ${message}`, {
        issues: [{ path: ['date'], message, code: 'custom' }],
      });
    };
    if (date > today) refuse(`${date} is in the future (today is ${today} in New York)`);
    const closure = closureReason(date);
    if (closure) {
      const why = closure === 'weekend' ? 'a weekend' : `a market holiday (${closure})`;
      refuse(`${date} is not a trading day: ${why}; the session before it is ${previousSession(date).date}`);
    }
  }

  handlers(): HandlerMap {
    return {
      'levels:get': async (request, ctx) => {
        const result = await this.levels(request);
        ctx.log.info('levels computed', {
          symbol: result.symbol,
          date: result.date,
          source: result.source,
          levels: result.levels.length,
          vwapPoints: result.vwap.series.length,
        });
        return result;
      },
    };
  }
}
