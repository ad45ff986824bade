import { z } from 'zod';
import type { LeapsProjection } from '../../../shared/schemas/leaps';
import { daysBetween, marketDate } from '../../market/calendar';
import { defineFunction } from '../types';
import { dateArg, optionRightArg, quantityArg, strikeArg, symbolArg } from './lib/args';
import { entryPrice } from './lib/entry-price';
import { compactGreeks } from './lib/positions';
import { round, roundOrNull } from './lib/round';

/** A compact grid: about six dates × five price moves × three IV shifts. */
const DATE_ROWS = 6;
const PRICE_MOVES = [-20, -10, 0, 10, 20];
const IV_SHIFTS = [-5, 0, 5];

export const projectLeaps = defineFunction({
  name: 'project_leaps',
  description:
    'Project the value and P&L of a long-dated option (LEAPS or any single option) from today to its expiry, for underlying moves of −20 % to +20 % and IV shifts of ±5 vol points, with its dollar greeks today. Use it for "what is my SPY LEAPS call worth if SPY is up 10 % by June".',
  parameters: z
    .object({
      symbol: symbolArg('Underlying ticker, e.g. SPY, QQQ, AAPL'),
      right: optionRightArg(),
      strike: strikeArg(),
      expiry: dateArg('Expiration YYYY-MM-DD'),
      quantity: quantityArg('Contracts, signed (negative = short); default 1').optional(),
      price: z.number().min(0).optional().describe("Entry premium per share; default the contract's current mid"),
    })
    .strict(),
  label: 'Projecting the option…',
  async run({ symbol, right, strike, expiry, quantity = 1, price }, ctx) {
    const entry = await entryPrice(ctx, { symbol, right, strike, expiry }, price);
    const days = Math.max(1, daysBetween(marketDate(ctx.now), expiry));
    const projection = await ctx.call('leaps:project', {
      legs: [{ kind: 'option', symbol, right, strike, expiry, quantity, price: entry.price }],
      stepDays: Math.max(1, Math.ceil(days / DATE_ROWS)),
      priceMoves: PRICE_MOVES,
      ivShifts: IV_SHIFTS,
    });
    return { result: { ...summarizeProjection(projection), ...(entry.note ? { note: entry.note } : {}) } };
  },
});

/** P&L by date × price move at today's IV, the IV shifts' effect today, and today's dollar greeks. */
export function summarizeProjection(p: LeapsProjection) {
  const cell = (date: string, move: number, iv: number) => p.cells.find((c) => c.date === date && c.priceMove === move && c.ivShift === iv);
  const today = p.dates[0]!;
  const now = cell(today, 0, 0);
  const leg = p.legs[0]!;
  return {
    symbol: p.symbol,
    spot: round(p.spot),
    contract: `${leg.quantity} × ${p.symbol} ${leg.strike} ${leg.right} ${leg.expiry}`,
    entryPrice: round(leg.price),
    valueToday: round(leg.value),
    impliedVolatility: round(leg.vol, 4),
    costBasis: round(p.costBasis),
    horizon: p.horizon,
    greeksToday: now ? compactGreeks(now) : null,
    /** P&L in dollars at unchanged IV: one row per date, one column per underlying move. */
    pnlByDate: p.dates.map((date) => ({
      date,
      ...Object.fromEntries(p.priceMoves.map((move) => [`${move > 0 ? '+' : ''}${move}%`, roundOrNull(cell(date, move, 0)?.pnl ?? null)])),
    })),
    pnlTodayByIvShift: Object.fromEntries(p.ivShifts.map((iv) => [`${iv > 0 ? '+' : ''}${iv} vol`, roundOrNull(cell(today, 0, iv)?.pnl ?? null)])),
    warnings: p.warnings,
  };
}
