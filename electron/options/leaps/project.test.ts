import { describe, expect, it } from 'vitest';
import { marketDate } from '../../market/calendar';
import { MS_PER_YEAR, settlementInstant } from '../pricing/expiry';
import { costBasis, projectionDates, projectPosition, valuationInstant, type ProjectedOption } from './project';

const EXPIRY = '2026-06-19';
/** Half a year before the 16:00 ET settlement of EXPIRY, so T = 0.5 exactly. */
const HALF_YEAR_BEFORE = settlementInstant(EXPIRY, 'PM') - 0.5 * MS_PER_YEAR;

const option = (over: Partial<ProjectedOption>): ProjectedOption => ({
  kind: 'option',
  right: 'call',
  strike: 40,
  expiry: EXPIRY,
  settlement: 'PM',
  style: 'european',
  dividendYield: 0,
  vol: 0.2,
  quantity: 1,
  multiplier: 100,
  entry: 4,
  ...over,
});

const cell = (result: ReturnType<typeof projectPosition>, date: string, move: number, shift: number) =>
  result.cells.find((c) => c.date === date && c.priceMove === move && c.ivShift === shift)!;

describe('projectPosition', () => {
  it("values today's cell at the Black-Scholes price of Hull's example (S=42, K=40, r=10 %, σ=20 %, T=0.5)", () => {
    // Hull, Options, Futures, and Other Derivatives, 9th ed., Example 15.6: d1 = 0.7693, d2 = 0.6278,
    // N(d1) = 0.7791, N(d2) = 0.7349 → call = 42·0.7791 − 40·e^(−0.05)·0.7349 = 4.76, put = 0.81.
    const today = marketDate(HALF_YEAR_BEFORE);
    const base = { spot: 42, rate: 0.1, asOf: HALF_YEAR_BEFORE, dates: [today], priceMoves: [0], ivShifts: [0] };
    const call = projectPosition({ ...base, legs: [option({})] });
    expect(call.cells).toHaveLength(1);
    expect(call.cells[0]!.value / 100).toBeCloseTo(4.7594, 4);
    expect(call.cells[0]!.delta / 100).toBeCloseTo(0.7791, 4); // N(d1)
    // Bought at 4.00 a share: cost 400, P&L 475.94 − 400.
    expect(call.costBasis).toBe(400);
    expect(call.cells[0]!.pnl).toBeCloseTo(75.94, 2);
    const put = projectPosition({ ...base, legs: [option({ right: 'put', entry: 1 })] });
    expect(put.cells[0]!.value / 100).toBeCloseTo(0.8086, 4);
    // Short 3 puts: every dollar figure is −3 times one long put.
    const shortPuts = projectPosition({ ...base, legs: [option({ right: 'put', quantity: -3, entry: 1 })] });
    expect(shortPuts.cells[0]!.value).toBeCloseTo(-3 * put.cells[0]!.value, 9);
    expect(shortPuts.costBasis).toBe(-300);
  });

  it('values every leg at its intrinsic value on the expiry date, whatever the IV shift', () => {
    // Long 1 call K=40 and short 1 put K=45 (American), spot 42. At expiry:
    //  +10 % → S = 46.2: call 6.2, put 0 → 100·6.2 = 620
    //  −10 % → S = 37.8: call 0, short put −(45 − 37.8) = −7.2 → −720
    //    0 % → S = 42:   call 2,   short put −3 → −100
    const legs = [option({}), option({ right: 'put', strike: 45, quantity: -1, style: 'american', entry: 3.5 })];
    const result = projectPosition({ legs, spot: 42, rate: 0.04, asOf: HALF_YEAR_BEFORE, dates: [EXPIRY], priceMoves: [-10, 0, 10], ivShifts: [-10, 0, 25] });
    for (const shift of [-10, 0, 25]) {
      expect(cell(result, EXPIRY, 10, shift).value).toBeCloseTo(620, 9);
      expect(cell(result, EXPIRY, -10, shift).value).toBeCloseTo(-720, 9);
      expect(cell(result, EXPIRY, 0, shift).value).toBeCloseTo(-100, 9);
    }
    // Cost: 100·4 − 100·3.5 = 50; P&L at +10 %: 620 − 50.
    expect(cell(result, EXPIRY, 10, 0).pnl).toBeCloseTo(570, 9);
  });

  it('treats an AM-settled leg as settled on its expiry day (valued at the close, after the 09:30 settlement)', () => {
    const am = option({ settlement: 'AM', expiry: '2026-06-18' });
    const result = projectPosition({ legs: [am], spot: 42, rate: 0.1, asOf: HALF_YEAR_BEFORE, dates: ['2026-06-18'], priceMoves: [0], ivShifts: [0] });
    expect(result.cells[0]!.value).toBeCloseTo(200, 9); // (42 − 40)·100
  });

  it('has negative theta and decaying value for a long call, positive theta for a short one, positive vega when long', () => {
    const dates = ['2026-01-02', '2026-02-13', '2026-04-02', '2026-05-29'];
    const asOf = Date.parse('2026-01-02T10:00:00-05:00');
    const long = projectPosition({ legs: [option({})], spot: 42, rate: 0.04, asOf, dates, priceMoves: [0], ivShifts: [-5, 0, 5] });
    const short = projectPosition({ legs: [option({ quantity: -1 })], spot: 42, rate: 0.04, asOf, dates, priceMoves: [0], ivShifts: [0] });
    for (const date of dates) {
      expect(cell(long, date, 0, 0).theta).toBeLessThan(0);
      expect(cell(short, date, 0, 0).theta).toBeGreaterThan(0);
      expect(cell(long, date, 0, 0).vega).toBeGreaterThan(0);
      expect(cell(long, date, 0, 5).value).toBeGreaterThan(cell(long, date, 0, 0).value);
      expect(cell(long, date, 0, -5).value).toBeLessThan(cell(long, date, 0, 0).value);
    }
    const values = dates.map((d) => cell(long, d, 0, 0).value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it('counts stock legs at the scenario price with a delta of one per share', () => {
    // Covered call: 100 shares bought at 40 and one call K=45 sold at 1.20, spot 42, at expiry.
    //  +20 % → S = 50.4: shares 5040, short call −(50.4 − 45)·100 = −540 → 4500; cost 4000 − 120 = 3880
    const legs = [{ kind: 'stock' as const, quantity: 100, entry: 40 }, option({ strike: 45, quantity: -1, entry: 1.2 })];
    const result = projectPosition({ legs, spot: 42, rate: 0.04, asOf: HALF_YEAR_BEFORE, dates: [EXPIRY], priceMoves: [20], ivShifts: [0] });
    expect(costBasis(legs)).toBe(3880);
    expect(result.cells[0]!.value).toBeCloseTo(4500, 9);
    expect(result.cells[0]!.pnl).toBeCloseTo(620, 9);
    expect(result.cells[0]!.delta).toBeCloseTo(0, 9); // 100 shares − 100 (call deep in the money at expiry)
  });

  it('floors a shifted volatility at 1 % and says so', () => {
    const today = marketDate(HALF_YEAR_BEFORE);
    const base = { spot: 42, rate: 0.1, asOf: HALF_YEAR_BEFORE, dates: [today], priceMoves: [0] };
    const floored = projectPosition({ ...base, legs: [option({ vol: 0.05 })], ivShifts: [-10] });
    const atFloor = projectPosition({ ...base, legs: [option({ vol: 0.01 })], ivShifts: [0] });
    expect(floored.volFloored).toBe(true);
    expect(floored.cells[0]!.value).toBe(atFloor.cells[0]!.value);
    expect(atFloor.volFloored).toBe(false);
  });
});

describe('projection dates', () => {
  it('steps from today to the horizon, the horizon always last', () => {
    expect(projectionDates('2026-12-02', '2027-01-15', 14, 100)).toEqual({ dates: ['2026-12-02', '2026-12-16', '2026-12-30', '2027-01-13', '2027-01-15'], stepDays: 14 });
    expect(projectionDates('2026-12-02', '2026-12-02', 14, 100).dates).toEqual(['2026-12-02']);
  });

  it('widens the step when the dates would not fit', () => {
    // 2026-12-02 → 2028-12-15 = 365 + 366 (29 Feb 2028) + 13 = 744 days: 745 daily dates. 22 fit:
    // step = ceil(744 / 21) = 36 → days 0, 36, …, 720 (21 dates) and the horizon = 22.
    const capped = projectionDates('2026-12-02', '2028-12-15', 1, 22);
    expect(capped.stepDays).toBe(36);
    expect(capped.dates).toHaveLength(22);
    expect(capped.dates.slice(0, 2)).toEqual(['2026-12-02', '2027-01-07']);
    expect(capped.dates.at(-1)).toBe('2028-12-15');
    expect(capped.warning).toBe('The grid was capped: 745 dates every 1 days would pass the 22 dates that fit; dates are every 36 days instead');
  });

  it("values today at the clock and other dates at their close (13:00 on an early close)", () => {
    const asOf = Date.parse('2026-11-25T10:15:00-05:00');
    expect(valuationInstant('2026-11-25', asOf)).toBe(asOf);
    expect(valuationInstant('2026-11-27', asOf)).toBe(Date.parse('2026-11-27T13:00:00-05:00'));
    expect(valuationInstant('2026-12-01', asOf)).toBe(Date.parse('2026-12-01T16:00:00-05:00'));
  });
});
