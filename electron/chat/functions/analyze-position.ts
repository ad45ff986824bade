import { z } from 'zod';
import type { PositionAnalysis } from '../../../shared/schemas/positions';
import { defineFunction, type FunctionContext } from '../types';
import { expiryArg, quantityArg, symbolArg } from './lib/args';
import { resolveLegs, type LegArg } from './lib/legs';
import { compactAnalysis } from './lib/positions';
import { positionSummaryWidget } from './lib/widgets';

const MAX_LEGS = 12;

const LegArgSchema = z
  .object({
    right: z.enum(['call', 'put', 'stock']).describe("'call', 'put', or 'stock' for shares of the underlying"),
    strike: z.number().positive().optional().describe('Strike price (options only)'),
    expiry: expiryArg("Expiration YYYY-MM-DD or '0dte' (options only); default the nearest listed").optional(),
    quantity: quantityArg('Contracts (options) or shares (stock), signed: positive = long (bought), negative = short (sold)'),
    price: z.number().min(0).optional().describe('Entry price per share (option premium or stock price); default the current mark'),
  })
  .strict();

export const analyzePosition = defineFunction({
  name: 'analyze_position',
  description:
    'Analyse one position: a stored one by positionId, or legs described here (options and/or shares on one underlying). Returns the strategy, cost, value, P&L, dollar greeks, breakevens, max profit and loss, probability of profit and risk flags. Use it for "analyse my iron condor", "what is the risk of long 2 SPY 600 calls".',
  parameters: z
    .object({
      positionId: z.string().min(1).max(80).optional().describe('Id of a stored position (from the Positions tab or analyze_portfolio)'),
      underlying: symbolArg('Underlying of the legs, e.g. SPX, SPY, AAPL (with legs)').optional(),
      legs: z.array(LegArgSchema).min(1).max(MAX_LEGS).optional().describe('The legs, when the position is not stored'),
    })
    .strict()
    .superRefine((args, ctx) => {
      if ((args.positionId === undefined) === (args.legs === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['positionId'], message: 'Give either positionId (a stored position) or legs with underlying' });
      }
      if (args.legs && !args.underlying) ctx.addIssue({ code: 'custom', path: ['underlying'], message: 'Legs need the underlying symbol' });
      args.legs?.forEach((leg, i) => {
        if (leg.right !== 'stock' && leg.strike === undefined) ctx.addIssue({ code: 'custom', path: ['legs', i, 'strike'], message: `Leg ${i + 1} is an option: give its strike` });
      });
    }),
  label: 'Analysing the position…',
  async run({ positionId, underlying, legs }, ctx) {
    const { analysis, notes } = positionId ? { analysis: await ctx.call('positions:analyze', { id: positionId }), notes: [] } : await analyzeLegs(ctx, underlying!, legs!);
    return { result: { ...compactAnalysis(analysis), ...(notes.length ? { notes } : {}) }, widget: positionSummaryWidget(analysis) };
  },
});

/** Tries at opening unpriced legs at a mark that still holds when they are valued (prices tick between two reads). */
const OPEN_AT_MARK_TRIES = 3;

/** Legs without an entry price are opened at their current mark (read from a first analysis). */
async function analyzeLegs(ctx: FunctionContext, underlying: string, args: LegArg[]): Promise<{ analysis: PositionAnalysis; notes: string[] }> {
  const { legs, unpriced, notes } = await resolveLegs(ctx, underlying, args);
  let analysis = await ctx.call('positions:analyze', { legs });
  if (!unpriced.length) return { analysis, notes };
  notes.push(`No entry price for leg${unpriced.length > 1 ? 's' : ''} ${unpriced.map((i) => i + 1).join(', ')}: valued as opened now at the current mark`);
  for (let tries = 0; tries < OPEN_AT_MARK_TRIES; tries++) {
    const marks = analysis.legs.map((leg) => leg.mark);
    const priced = legs.map((leg, i) => (unpriced.includes(i) ? { ...leg, price: marks[i]! } : leg));
    analysis = await ctx.call('positions:analyze', { legs: priced });
    // Opened "now" means no P&L on those legs: done unless the price moved between the two reads.
    if (unpriced.every((i) => analysis.legs[i]!.mark === marks[i])) break;
  }
  return { analysis, notes };
}
