import { z } from 'zod';
import type { LeapsRollResult } from '../../../shared/schemas/leaps';
import { defineFunction } from '../types';
import { dateArg, optionRightArg, quantityArg, strikeArg, symbolArg } from './lib/args';
import { entryPrice } from './lib/entry-price';
import { compactGreeks } from './lib/positions';
import { round, roundOrNull } from './lib/round';

export const calculateRoll = defineFunction({
  name: 'calculate_roll',
  description:
    'Roll an option out (later expiry), up or down (another strike): the price to close the current contract and open the new one, the net credit or debit, the new breakeven and the dollar greeks before and after. Use it for "roll my SPY 600 call to June", "what does rolling QQQ 480p down to 470 cost".',
  parameters: z
    .object({
      symbol: symbolArg('Underlying ticker, e.g. SPY, QQQ, AAPL'),
      right: optionRightArg(),
      strike: strikeArg('Strike of the contract held'),
      expiry: dateArg('Expiration of the contract held, YYYY-MM-DD'),
      newStrike: z.number().positive().optional().describe('Strike to roll to; default the same strike'),
      newExpiry: dateArg('Expiration to roll to, YYYY-MM-DD'),
      quantity: quantityArg('Contracts held, signed (negative = short); default 1').optional(),
      price: z.number().min(0).optional().describe("What was paid (or received) per share when the contract was opened; default its current mid"),
    })
    .strict(),
  label: 'Calculating the roll…',
  async run({ symbol, right, strike, expiry, newStrike, newExpiry, quantity = 1, price }, ctx) {
    const entry = await entryPrice(ctx, { symbol, right, strike, expiry }, price);
    const roll = await ctx.call('leaps:roll', {
      current: { kind: 'option', symbol, right, strike, expiry, quantity, price: entry.price },
      target: { strike: newStrike ?? strike, expiry: newExpiry },
    });
    return { result: { ...summarizeRoll(roll), ...(entry.note ? { note: entry.note } : {}) } };
  },
});

export function summarizeRoll(roll: LeapsRollResult) {
  const side = (s: LeapsRollResult['close']) => ({
    contract: `${roll.symbol} ${s.strike} ${roll.right} ${s.expiry}`,
    pricePerShare: round(s.price),
    cash: round(s.cash),
    priceSource: s.priceSource,
    breakeven: roundOrNull(s.breakeven),
    greeks: compactGreeks(s.greeks),
  });
  return {
    roll: roll.label,
    quantity: roll.quantity,
    spot: round(roll.spot),
    close: side(roll.close),
    open: side(roll.open),
    net: { type: roll.net.type, perShare: round(roll.net.perShare), dollars: round(roll.net.dollars) },
    adjustedCostBasisPerShare: round(roll.chain.adjustedCostBasis),
  };
}
