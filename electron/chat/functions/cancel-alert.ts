import { z } from 'zod';
import { CoachError } from '../../../shared/errors';
import type { Alert } from '../../../shared/schemas/alerts';
import { defineFunction } from '../types';
import { symbolArg } from './lib/args';
import { compactAlert, describeAlert } from './lib/alerts';
import { alertStatusWidget } from './lib/widgets';

/** A price given to pick an alert matches targets this close (relative): "the 6000 alert" is the one at 6000.25. */
const PRICE_TOLERANCE = 0.001;

export const cancelAlert = defineFunction({
  name: 'cancel_alert',
  description:
    'Cancel price alerts: one by alertId, the active alerts of a symbol at a price, or every active alert of a symbol (symbol only). Use it for "cancel my SPX 6000 alert", "remove my QQQ alerts".',
  parameters: z
    .object({
      alertId: z.string().min(1).max(80).optional().describe('Id of the alert (from get_alerts)'),
      symbol: symbolArg('Ticker whose active alerts to cancel').optional(),
      price: z.number().positive().optional().describe("With symbol: only the alerts at this target price"),
    })
    .strict()
    .superRefine((args, ctx) => {
      if (args.alertId === undefined && args.symbol === undefined) ctx.addIssue({ code: 'custom', path: ['alertId'], message: 'Give alertId, or symbol (and optionally price)' });
      if (args.price !== undefined && args.symbol === undefined) ctx.addIssue({ code: 'custom', path: ['symbol'], message: 'price picks among the alerts of a symbol: give symbol too' });
    }),
  label: 'Cancelling the alert…',
  async run({ alertId, symbol, price }, ctx) {
    const targets = alertId ? [{ id: alertId }] : pickAlerts((await ctx.call('alerts:list', { status: 'active', symbol: symbol! })).alerts, symbol!, price);
    const cancelled: Alert[] = [];
    for (const { id } of targets) cancelled.push(await ctx.call('alerts:cancel', { id }));
    return {
      result: { cancelled: cancelled.map(compactAlert) },
      widget: alertStatusWidget('cancelled', cancelled, `Cancelled · ${cancelled.length} alert${cancelled.length === 1 ? '' : 's'}`),
    };
  },
});

/** The active alerts of `symbol` to cancel: all, or those at `price`; none is `not_found` saying what there is. */
export function pickAlerts(active: readonly Alert[], symbol: string, price: number | undefined): Alert[] {
  if (!active.length) throw new CoachError('not_found', `${symbol} has no active alerts: nothing to cancel`);
  if (price === undefined) return [...active];
  const matching = active.filter((a) => a.targetPrice !== null && Math.abs(a.targetPrice - price) <= price * PRICE_TOLERANCE);
  if (!matching.length) {
    throw new CoachError('not_found', `No active ${symbol} alert at ${price}; the active ${symbol} alerts are: ${active.map((a) => describeAlert(a)).join('; ')}`);
  }
  return matching;
}
