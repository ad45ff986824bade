import { CoachError } from '../../../shared/errors';
import { MAX_PROJECTION_CELLS, type LeapsProjectRequest, type LeapsProjection, type LeapsRollRequest, type LeapsRollResult } from '../../../shared/schemas/leaps';
import type { OptionLeg } from '../../../shared/schemas/options';
import type { HandlerMap } from '../../contract/dispatcher';
import { marketDate } from '../../market/calendar';
import type { MarketService } from '../../market/service';
import type { ContractMark, OptionsChainService } from '../chains/service';
import { DEFAULT_RISK_FREE_RATE, optionUnderlying, settlementFor } from '../pricing/underlyings';
import { MIN_SCENARIO_VOL, optionValueAt, projectionDates, projectPosition, type ProjectedLeg } from './project';
import { computeRoll } from './roll';

export interface LeapsServiceOptions {
  market: Pick<MarketService, 'quote'>;
  chains: Pick<OptionsChainService, 'mark'>;
  now?: () => number;
}

/** An `invalid_input` naming the field, as the dispatcher's own validation does. */
function refuse(call: string, path: (string | number)[], message: string): never {
  throw new CoachError('invalid_input', `Invalid input for ${call}: ${path.join('.')}: ${message}`, { issues: [{ path, message, code: 'custom' }] });
}

/** `leaps:project` and `leaps:roll`: marks and quotes from the chain and market services, math in project.ts and roll.ts. */
export class LeapsService {
  private readonly market: LeapsServiceOptions['market'];
  private readonly chains: LeapsServiceOptions['chains'];
  private readonly now: () => number;

  constructor(options: LeapsServiceOptions) {
    this.market = options.market;
    this.chains = options.chains;
    this.now = options.now ?? Date.now;
  }

  async project(request: LeapsProjectRequest): Promise<LeapsProjection> {
    const asOf = this.now();
    const today = marketDate(asOf);
    const symbol = request.legs[0]!.symbol;
    request.legs.forEach((leg, i) => {
      if (leg.kind === 'option' && leg.expiry < today) refuse('leaps:project', ['legs', i, 'expiry'], `${leg.expiry} is in the past (today is ${today} in New York)`);
    });
    const options = request.legs.filter((leg): leg is OptionLeg => leg.kind === 'option');
    const horizon = options.map((leg) => leg.expiry).sort()[0]!;
    const { spot, spotSource } = request.spot !== undefined ? { spot: request.spot, spotSource: 'input' } : await this.spot(symbol);
    const terms = optionUnderlying(symbol);
    const rate = request.rate ?? DEFAULT_RISK_FREE_RATE;
    const legs: ProjectedLeg[] = [];
    const described: LeapsProjection['legs'] = [];
    for (const leg of request.legs) {
      if (leg.kind === 'stock') {
        legs.push({ kind: 'stock', quantity: leg.quantity, entry: leg.price });
        continue;
      }
      const mark = request.vol === undefined ? await this.mark(leg) : undefined;
      const projected = {
        kind: 'option' as const,
        right: leg.right,
        strike: leg.strike,
        expiry: leg.expiry,
        settlement: settlementFor(symbol, leg.expiry),
        style: terms.style,
        dividendYield: terms.dividendYield,
        vol: request.vol ?? mark!.iv,
        quantity: leg.quantity,
        multiplier: leg.multiplier,
        entry: leg.price,
      };
      legs.push(projected);
      const { kind: _kind, entry: _entry, ...contract } = projected;
      described.push({ ...contract, price: leg.price, value: optionValueAt(projected, spot, rate, asOf), volSource: mark ? mark.source : 'input' });
    }
    const warnings: string[] = [];
    const maxDates = Math.floor(MAX_PROJECTION_CELLS / (request.priceMoves.length * request.ivShifts.length));
    const dates = request.dates ? this.explicitDates(request.dates, today, horizon, maxDates) : projectionDates(today, horizon, request.stepDays, maxDates);
    if ('warning' in dates && dates.warning) warnings.push(dates.warning);
    const grid = { dates: dates.dates, priceMoves: request.priceMoves, ivShifts: request.ivShifts };
    const { cells, costBasis, volFloored } = projectPosition({ legs, spot, rate, asOf, ...grid });
    if (volFloored) warnings.push(`Some IV shifts took a volatility below ${MIN_SCENARIO_VOL * 100} %; those scenarios use ${MIN_SCENARIO_VOL * 100} %`);
    return { symbol, spot, spotSource, rate, asOf, horizon, legs: described, costBasis, ...grid, cells, warnings };
  }

  async roll(request: LeapsRollRequest): Promise<LeapsRollResult> {
    const today = marketDate(this.now());
    const { current, target } = request;
    if (current.expiry < today) refuse('leaps:roll', ['current', 'expiry'], `${current.expiry} has already expired (today is ${today} in New York): there is nothing left to roll`);
    if (target.expiry < today) refuse('leaps:roll', ['target', 'expiry'], `${target.expiry} is in the past (today is ${today} in New York)`);
    const targetRef = { symbol: current.symbol, right: current.right, strike: target.strike, expiry: target.expiry };
    const [closeMark, openMark] = await Promise.all([this.mark(current), this.mark(targetRef)]);
    const long = current.quantity > 0;
    // Natural fills: a long sells at the bid and buys at the ask; a short the reverse.
    const fillPrice = (mark: ContractMark, selling: boolean) => (request.fill === 'mid' ? mark.mid : selling ? mark.bid : mark.ask);
    const closePrice = request.closePrice ?? fillPrice(closeMark, long);
    const openPrice = request.openPrice ?? fillPrice(openMark, !long);
    const outcome = computeRoll({
      right: current.right,
      quantity: current.quantity,
      multiplier: current.multiplier,
      current: { strike: current.strike, expiry: current.expiry, price: closePrice, greeks: closeMark.greeks },
      target: { strike: target.strike, expiry: target.expiry, price: openPrice, greeks: openMark.greeks },
      originalPremium: request.originalPremium ?? current.price,
      previousRolls: request.previousRolls.map((roll) => roll.netCredit),
    });
    const source = (explicit: number | undefined, mark: ContractMark) => (explicit !== undefined ? 'input' : `${mark.source} ${request.fill}`);
    return {
      symbol: current.symbol,
      right: current.right,
      quantity: current.quantity,
      multiplier: current.multiplier,
      ...outcome,
      close: { ...outcome.close, priceSource: source(request.closePrice, closeMark), perShare: closeMark.greeks },
      open: { ...outcome.open, priceSource: source(request.openPrice, openMark), perShare: openMark.greeks },
      spot: closeMark.spot,
    };
  }

  handlers(): HandlerMap {
    return {
      'leaps:project': async (request, ctx) => {
        const projection = await this.project(request);
        ctx.log.info('leaps projected', { symbol: projection.symbol, legs: projection.legs.length, dates: projection.dates.length, cells: projection.cells.length, warnings: projection.warnings.length });
        return projection;
      },
      'leaps:roll': async (request, ctx) => {
        const result = await this.roll(request);
        ctx.log.info('leaps roll', { symbol: result.symbol, label: result.label, net: result.net.perShare });
        return result;
      },
    };
  }

  private async spot(symbol: string): Promise<{ spot: number; spotSource: string }> {
    const quote = await this.market.quote(symbol);
    return { spot: quote.last, spotSource: quote.source };
  }

  private mark(leg: Pick<OptionLeg, 'symbol' | 'right' | 'strike' | 'expiry'>): Promise<ContractMark> {
    return this.chains.mark({ symbol: leg.symbol, right: leg.right, strike: leg.strike, expiry: leg.expiry });
  }

  /** The caller's own dates: sorted, deduplicated, between today and the first expiry, at most `maxDates`. */
  private explicitDates(requested: string[], today: string, horizon: string, maxDates: number): { dates: string[]; warning?: string } {
    requested.forEach((date, i) => {
      if (date < today || date > horizon) refuse('leaps:project', ['dates', i], `${date} is outside the projection: between today (${today}) and the first expiry (${horizon})`);
    });
    const dates = [...new Set(requested)].sort();
    if (dates.length <= maxDates) return { dates };
    return { dates: dates.slice(0, maxDates), warning: `The grid was capped: ${dates.length} dates would pass the ${maxDates} that fit with these price moves and IV shifts; the first ${maxDates} are projected` };
  }
}
