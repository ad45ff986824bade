import { z } from 'zod';
import { defineFunction, type FunctionContext } from '../types';
import { symbolArg } from './lib/args';
import { compactAlert, describeAlert, resolveLevelName } from './lib/alerts';
import { round } from './lib/round';
import { alertStatusWidget } from './lib/widgets';

export const setAlert = defineFunction({
  name: 'set_alert',
  description:
    'Create a price alert on a symbol: at a fixed price, or at a key level by name (PDH, PDL, PMH, VWAP, R1, ORH 15m...) whose price is taken each session. The app notifies the trader when it fires. Use it for "alert me when SPX crosses 6000", "tell me if QQQ breaks PDL".',
  parameters: z
    .object({
      symbol: symbolArg(),
      condition: z
        .enum(['above', 'below', 'crosses_above', 'crosses_below', 'crosses'])
        .describe("'above'/'below': the price is at or beyond the target; 'crosses_above'/'crosses_below'/'crosses': the price moves across it"),
      price: z.number().positive().optional().describe('Target price (give price or level)'),
      level: z.string().trim().min(1).max(40).optional().describe("Key level name instead of a price, e.g. 'PDH', 'PDL', 'PMH', 'VWAP', 'R1', 'S2 (camarilla)', 'ORH 15m'"),
      note: z.string().trim().max(500).optional().describe('A note shown when the alert fires'),
    })
    .strict()
    .superRefine((args, ctx) => {
      if ((args.price === undefined) === (args.level === undefined)) ctx.addIssue({ code: 'custom', path: ['price'], message: 'Give either price or level' });
    }),
  label: 'Setting the alert…',
  async run({ symbol, condition, price, level, note }, ctx) {
    const levelName = level === undefined ? null : resolveLevelName(level);
    const alert = await ctx.call('alerts:create', { symbol, condition, targetPrice: price ?? null, level: levelName, note: note ?? null });
    const levelPrice = levelName ? await currentLevelPrice(ctx, alert.symbol, levelName) : null;
    return {
      result: {
        created: compactAlert(alert),
        ...(levelName ? { levelPriceNow: levelPrice, levelNote: 'The level is re-read every session; the alert watches its price of the day' } : {}),
      },
      widget: alertStatusWidget('created', [alert], `Alert set · ${describeAlert(alert, { withId: false })}`),
    };
  },
});

/** Today's price of the level, to tell the trader where it is; null when the levels cannot say. */
async function currentLevelPrice(ctx: FunctionContext, symbol: string, name: string): Promise<number | null> {
  try {
    const levels = await ctx.call('levels:get', { symbol });
    const level = levels.levels.find((l) => l.name === name);
    return level ? round(level.price) : null;
  } catch (error) {
    ctx.log.info('level price for the new alert not available', { symbol, name, error });
    return null;
  }
}
