import type { MacroContext, Move } from '../../shared/schemas/macro';
import type { Quote } from '../../shared/schemas/market';
import type { HandlerMap } from '../contract/dispatcher';
import { marketDate } from '../market/calendar';
import type { MarketService } from '../market/service';
import { symbolProfile, VIX_TERM_INDICES } from '../market/symbols';
import { DEFAULT_RISK_FREE_RATE } from '../options/pricing/underlyings';
import { calendarSources, nextEvents, upcomingEvents } from './events';
import { modelVixLevel, termShape, VIX_TENORS } from './vix-term';

/** The day's broad-market gauges: S&P 500, Nasdaq-100, Russell 2000, the Dow (through DIA), and VIX. */
export const INDEX_SYMBOLS = ['SPX', 'NDX', 'RUT', 'DIA', 'VIX'] as const;

/** The eleven Select Sector SPDR ETFs and the GICS sector each holds. */
export const SECTOR_ETFS: Readonly<Record<string, string>> = {
  XLK: 'Technology',
  XLF: 'Financials',
  XLE: 'Energy',
  XLV: 'Health Care',
  XLY: 'Consumer Discretionary',
  XLP: 'Consumer Staples',
  XLI: 'Industrials',
  XLU: 'Utilities',
  XLB: 'Materials',
  XLRE: 'Real Estate',
  XLC: 'Communication Services',
};

export interface MacroServiceOptions {
  market: Pick<MarketService, 'snapshot' | 'describe'>;
  now?: () => number;
}

/** `macro:context`: the rate, the VIX curve, the event calendar and the day's moves, from the market service and the official calendars. */
export class MacroService {
  private readonly market: MacroServiceOptions['market'];
  private readonly now: () => number;

  constructor(options: MacroServiceOptions) {
    this.market = options.market;
    this.now = options.now ?? Date.now;
  }

  async context(upcoming: number): Promise<MacroContext> {
    const now = this.now();
    const provider = this.market.describe().source;
    // Only Massive quotes the other VIX tenors; the simulated market leaves them to the model.
    const wanted = [...INDEX_SYMBOLS, ...Object.keys(SECTOR_ETFS), ...(provider === 'massive' ? VIX_TERM_INDICES : [])];
    const quotes = new Map((await this.market.snapshot(wanted)).map((q) => [q.symbol, q]));
    const warnings: string[] = [];
    const missing = [...INDEX_SYMBOLS, ...Object.keys(SECTOR_ETFS)].filter((s) => !quotes.has(s));
    if (missing.length) warnings.push(`No ${provider} quote for ${missing.join(', ')}`);

    const move = (symbol: string): Move[] => {
      const q = quotes.get(symbol);
      return q ? [toMove(q)] : [];
    };
    return {
      asOf: now,
      today: marketDate(now),
      rate: { value: DEFAULT_RISK_FREE_RATE, source: 'App default: 3-month Treasury bill yield of early 2026 (the rate the options engine prices with)' },
      vix: vixCurve(quotes),
      calendar: { next: nextEvents(now), upcoming: upcomingEvents(now, upcoming), sources: calendarSources() },
      indices: INDEX_SYMBOLS.flatMap(move),
      sectors: Object.entries(SECTOR_ETFS).flatMap(([symbol, sector]) => move(symbol).map((m) => ({ ...m, sector }))),
      warnings,
    };
  }

  handlers(): HandlerMap {
    return {
      'macro:context': async ({ upcoming }, ctx) => {
        const context = await this.context(upcoming);
        ctx.log.info('macro context', { vix: context.vix?.level, shape: context.vix?.shape, warnings: context.warnings.length });
        return context;
      },
    };
  }
}

function toMove(q: Quote): Move {
  return { symbol: q.symbol, name: symbolProfile(q.symbol)?.name ?? q.symbol, last: q.last, change: q.change, changePercent: q.changePercent, source: q.source };
}

/** VIX and its curve: quoted tenors where the provider has them, the mean-reversion model for the rest. */
function vixCurve(quotes: ReadonlyMap<string, Quote>): MacroContext['vix'] {
  const vix = quotes.get('VIX');
  if (!vix) return null;
  const termStructure = VIX_TENORS.map(({ symbol, days }) => {
    const quoted = symbol === 'VIX' ? vix : quotes.get(symbol);
    return quoted
      ? { symbol, tenorDays: days, level: quoted.last, source: quoted.source }
      : { symbol, tenorDays: days, level: round2(modelVixLevel(vix.last, days)), source: 'model' as const };
  });
  const modelled = termStructure.filter((p) => p.source === 'model').map((p) => p.symbol);
  const note = modelled.length
    ? `VIX from the ${vix.source} market; ${modelled.join(', ')} modelled from it (mean reversion towards 19.5, half-life about 84 days), not quoted`
    : `Every tenor quoted by ${vix.source}`;
  const vix3m = termStructure.find((p) => p.symbol === 'VIX3M')!.level;
  return { level: vix.last, change: vix.change, changePercent: vix.changePercent, source: vix.source, termStructure, ...termShape(vix.last, vix3m), note };
}

const round2 = (v: number) => Math.round(v * 100) / 100;
