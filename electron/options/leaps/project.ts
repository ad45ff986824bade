// A position's value, P&L and greeks over a grid of future dates × underlying moves × IV shifts: the
// what-if table of a LEAPS holder. Pure: takes the legs already resolved (volatility, style, dividend
// yield, settlement) and returns plain numbers; the service fetches marks and quotes.
import type { ExerciseStyle, OptionRight, SettlementTime } from '../../../shared/schemas/options';
import type { PositionGreeks, ProjectionCell } from '../../../shared/schemas/leaps';
import { addDays, marketDate } from '../../market/calendar';
import { settlementInstant, yearsToExpiry } from '../pricing/expiry';
import { priceOption } from '../pricing/price-option';

export interface ProjectedOption {
  kind: 'option';
  right: OptionRight;
  strike: number;
  expiry: string;
  settlement: SettlementTime;
  style: ExerciseStyle;
  dividendYield: number;
  /** Volatility before the scenario's shift (fraction). */
  vol: number;
  quantity: number;
  multiplier: number;
  /** Entry premium per share. */
  entry: number;
}

export interface ProjectedStock {
  kind: 'stock';
  quantity: number;
  /** Entry price per share. */
  entry: number;
}

export type ProjectedLeg = ProjectedOption | ProjectedStock;

export interface ProjectionParams {
  legs: readonly ProjectedLeg[];
  spot: number;
  rate: number;
  /** The instant "today" is valued at; later dates are valued at their close. */
  asOf: number;
  /** New York dates, ascending, none before the day of `asOf`. */
  dates: readonly string[];
  /** Percent moves of the underlying from `spot`. */
  priceMoves: readonly number[];
  /** Volatility points added to every option leg's volatility. */
  ivShifts: readonly number[];
}

/** A shifted volatility never goes below 1 %: a model with σ ≤ 0 has no meaning. */
export const MIN_SCENARIO_VOL = 0.01;

/** An option leg's model value per share at `at` (a leg past its settlement is worth its intrinsic value). */
export function optionValueAt(leg: ProjectedOption, spot: number, rate: number, at: number): number {
  const years = yearsToExpiry(at, leg.expiry, leg.settlement);
  return priceOption({ right: leg.right, spot, strike: leg.strike, years, rate, dividendYield: leg.dividendYield, vol: leg.vol }, leg.style).price;
}

/** What the legs cost when they were opened, in dollars (short legs count negative: a credit). */
export function costBasis(legs: readonly ProjectedLeg[]): number {
  return legs.reduce((sum, leg) => sum + leg.quantity * (leg.kind === 'option' ? leg.multiplier : 1) * leg.entry, 0);
}

/** The instant a date is valued at: `asOf` for its own day, else that day's close (16:00 ET, 13:00 on early closes). */
export function valuationInstant(date: string, asOf: number): number {
  return date === marketDate(asOf) ? asOf : Math.max(asOf, settlementInstant(date, 'PM'));
}

/**
 * Value, P&L and dollar greeks of the legs in every (date, move, shift), dates outermost. Each option
 * is priced by its style's model (Black-Scholes-Merton or Bjerksund–Stensland) with the time left from
 * the date's valuation instant to its settlement; a leg past its settlement is worth its intrinsic value.
 */
export function projectPosition(p: ProjectionParams): { cells: ProjectionCell[]; costBasis: number; volFloored: boolean } {
  const basis = costBasis(p.legs);
  const cells: ProjectionCell[] = [];
  let volFloored = false;
  for (const date of p.dates) {
    const at = valuationInstant(date, p.asOf);
    const years = p.legs.map((leg) => (leg.kind === 'option' ? yearsToExpiry(at, leg.expiry, leg.settlement) : 0));
    for (const move of p.priceMoves) {
      const underlying = p.spot * (1 + move / 100);
      for (const shift of p.ivShifts) {
        let value = 0;
        const greeks: PositionGreeks = { delta: 0, gamma: 0, theta: 0, vega: 0 };
        p.legs.forEach((leg, i) => {
          if (leg.kind === 'stock') {
            value += leg.quantity * underlying;
            greeks.delta += leg.quantity;
            return;
          }
          const shifted = leg.vol + shift / 100;
          if (shifted < MIN_SCENARIO_VOL) volFloored = true;
          const priced = priceOption(
            { right: leg.right, spot: underlying, strike: leg.strike, years: years[i]!, rate: p.rate, dividendYield: leg.dividendYield, vol: Math.max(shifted, MIN_SCENARIO_VOL) },
            leg.style,
          );
          const size = leg.quantity * leg.multiplier;
          value += size * priced.price;
          greeks.delta += size * priced.delta;
          greeks.gamma += size * priced.gamma;
          greeks.theta += size * priced.theta;
          greeks.vega += size * priced.vega;
        });
        cells.push({ date, priceMove: move, ivShift: shift, underlying, value, pnl: value - basis, ...greeks });
      }
    }
  }
  return { cells, costBasis: basis, volFloored };
}

/**
 * Dates from `today` to `horizon` every `stepDays`, the horizon always last. When more than
 * `maxDates` would come out, the step is widened to fit and the reason returned.
 */
export function projectionDates(today: string, horizon: string, stepDays: number, maxDates: number): { dates: string[]; stepDays: number; warning?: string } {
  const span = Math.round((Date.parse(horizon) - Date.parse(today)) / 86_400_000);
  let step = stepDays;
  let warning: string | undefined;
  // ceil(span / step) intervals plus today.
  if (Math.ceil(span / step) + 1 > maxDates) {
    step = Math.ceil(span / Math.max(1, maxDates - 1));
    warning = `The grid was capped: ${Math.ceil(span / stepDays) + 1} dates every ${stepDays} days would pass the ${maxDates} dates that fit; dates are every ${step} days instead`;
  }
  const dates: string[] = [];
  for (let date = today; date < horizon; date = addDays(date, step)) dates.push(date);
  dates.push(horizon);
  return { dates, stepDays: step, warning };
}
