// LEAPS projection: the default grid (every 14 days × 13 price moves × 5 IV shifts) of a two-year
// LEAPS, for an American SPY call (Bjerksund–Stensland with finite-difference greeks, 9 prices a
// cell) and a European SPX call (analytic Black-Scholes-Merton greeks).
import { DEFAULT_IV_SHIFTS, DEFAULT_PRICE_MOVES, DEFAULT_STEP_DAYS } from '../shared/schemas/leaps';
import { addDays, marketDate } from '../electron/market/calendar';
import { projectionDates, projectPosition, type ProjectedOption, type ProjectionParams } from '../electron/options/leaps/project';
import { timeTogether, type Figure } from './lib';

const RUNS = 7;

function twoYearCall(style: ProjectedOption['style']): ProjectionParams {
  const asOf = Date.now();
  const today = marketDate(asOf);
  const expiry = addDays(today, 730);
  const { dates } = projectionDates(today, expiry, DEFAULT_STEP_DAYS, 1_000);
  const leg: ProjectedOption = { kind: 'option', right: 'call', strike: 600, expiry, settlement: 'PM', style, dividendYield: 0.012, vol: 0.2, quantity: 1, multiplier: 100, entry: 60 };
  return { legs: [leg], spot: 600, rate: 0.0365, asOf, dates, priceMoves: [...DEFAULT_PRICE_MOVES], ivShifts: [...DEFAULT_IV_SHIFTS] };
}

export async function run(): Promise<Figure[]> {
  const american = twoYearCall('american');
  const european = twoYearCall('european');
  const {
    ms: [americanMs, europeanMs],
    results: [americanResult, europeanResult],
  } = timeTogether(RUNS, () => projectPosition(american), () => projectPosition(european));
  return [
    { name: 'LEAPS projection, American SPY call', value: americanMs, unit: 'ms', budget: 1_000, note: `${americanResult.cells.length} cells, 2 years every 14 days; the UI waits on this` },
    { name: 'LEAPS projection, European SPX call', value: europeanMs, unit: 'ms', budget: 100, note: `${europeanResult.cells.length} cells` },
  ];
}
