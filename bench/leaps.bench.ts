// LEAPS projection: the default grid (every 14 days × 13 price moves × 5 IV shifts) of a two-year
// LEAPS, for an American SPY call (Bjerksund–Stensland with finite-difference greeks, 9 prices a
// cell) and a European SPX call (analytic Black-Scholes-Merton greeks).
import { performance } from 'node:perf_hooks';
import { DEFAULT_IV_SHIFTS, DEFAULT_PRICE_MOVES, DEFAULT_STEP_DAYS } from '../shared/schemas/leaps';
import { addDays, marketDate } from '../electron/market/calendar';
import { projectionDates, projectPosition, type ProjectedOption } from '../electron/options/leaps/project';
import { summarise, type Figure } from './lib';

const RUNS = 7;

function timeProjection(style: ProjectedOption['style'], dividendYield: number): { ms: number; cells: number } {
  const asOf = Date.now();
  const today = marketDate(asOf);
  const expiry = addDays(today, 730);
  const { dates } = projectionDates(today, expiry, DEFAULT_STEP_DAYS, 1_000);
  const leg: ProjectedOption = { kind: 'option', right: 'call', strike: 600, expiry, settlement: 'PM', style, dividendYield, vol: 0.2, quantity: 1, multiplier: 100, entry: 60 };
  const params = { legs: [leg], spot: 600, rate: 0.0365, asOf, dates, priceMoves: [...DEFAULT_PRICE_MOVES], ivShifts: [...DEFAULT_IV_SHIFTS] };
  let cells = projectPosition(params).cells.length; // warm-up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    cells = projectPosition(params).cells.length;
    samples.push(performance.now() - started);
  }
  return { ms: summarise(samples).p50, cells };
}

export async function run(): Promise<Figure[]> {
  const american = timeProjection('american', 0.012);
  const european = timeProjection('european', 0.012);
  return [
    { name: 'LEAPS projection, American SPY call', value: american.ms, unit: 'ms', budget: 1_000, note: `${american.cells} cells, 2 years every 14 days; the UI waits on this` },
    { name: 'LEAPS projection, European SPX call', value: european.ms, unit: 'ms', budget: 100, note: `${european.cells} cells` },
  ];
}
