import { CoachError } from '../../shared/errors';
import type { OptionChain } from '../../shared/schemas/chains';
import { addDays, lastSessions, marketDate } from '../market/calendar';
import type { MarketService } from '../market/service';
import type { LevelsService } from '../levels/service';
import type { OptionsChainService } from '../options/chains/service';
import type { ScanDataSource, SymbolInputs } from './engine';
import { buildTechnicalInput } from './inputs';

/** Sessions of intraday bars: today's, and two before it for the prior day and the time-of-day volume profile. */
export const INTRADAY_SESSIONS = 3;
/**
 * Calendar days of daily bars: about 30 sessions, enough for ATR(14) and 25 days of realised
 * volatility and average volume (the scans' longest lookback).
 */
export const DAILY_LOOKBACK_DAYS = 45;

export interface MarketScanDataOptions {
  market: Pick<MarketService, 'bars' | 'quote' | 'finestTimeframe'>;
  levels: Pick<LevelsService, 'currentSessionDate'>;
  chains: Pick<OptionsChainService, 'chain'>;
  clock?: () => number;
}

/**
 * The scans' inputs from the market service (intraday bars, daily bars and the quote, fetched
 * together once per symbol) and, for the options scans, the option chain of the nearest expiry.
 */
export class MarketScanData implements ScanDataSource {
  private readonly clock: () => number;

  constructor(private readonly options: MarketScanDataOptions) {
    this.clock = options.clock ?? Date.now;
  }

  async load(symbol: string, withOptions: boolean): Promise<SymbolInputs> {
    const { market, levels } = this.options;
    const date = levels.currentSessionDate(symbol);
    const sessions = lastSessions(date, INTRADAY_SESSIONS);
    const timeframe = market.finestTimeframe(symbol);
    const [intraday, daily, quote, chain] = await Promise.all([
      // Daily-only imports have no intraday scans, but still gaps against the prior close.
      timeframe === '1d' ? undefined : market.bars({ symbol, timeframe, from: sessions[0]!.date, to: date }),
      market.bars({ symbol, timeframe: '1d', from: addDays(date, -DAILY_LOOKBACK_DAYS), to: date }),
      market.quote(symbol),
      withOptions ? this.chain(symbol) : null,
    ]);
    const technical = buildTechnicalInput({
      symbol,
      date,
      sessions,
      bars: intraday?.bars ?? [],
      dailyBars: daily.bars,
      // The quote measures its own session and a later one's pre-open, never an earlier session.
      lastPrice: marketDate(quote.time) <= date ? quote.last : undefined,
    });
    const options =
      chain && technical ? { symbol, date, now: this.clock(), session: technical.session, chain, daily: technical.daily, dailyAtr: technical.dailyAtr } : null;
    return { technical, options };
  }

  /** The nearest expiry's chain; null when the symbol has no listed options (an index such as VIX in the simulated market). */
  private async chain(symbol: string): Promise<OptionChain | null> {
    try {
      return await this.options.chains.chain(symbol);
    } catch (error) {
      if (error instanceof CoachError && error.code === 'not_found') return null;
      throw error;
    }
  }
}
