import { z } from 'zod';
import { defineFunction } from '../types';
import { symbolArg } from './lib/args';
import { compactAlert } from './lib/alerts';
import { alertStatusWidget } from './lib/widgets';

/** Alerts listed to the model (the newest); the card shows the same. */
const MAX_ALERTS = 50;

export const getAlerts = defineFunction({
  name: 'get_alerts',
  description: "The trader's price alerts, newest first: active ones by default, or triggered, cancelled, expired, or all; optionally for one symbol. Use it for \"what alerts do I have\", \"did my SPX alert fire\".",
  parameters: z
    .object({
      status: z.enum(['active', 'triggered', 'cancelled', 'expired', 'all']).optional().describe("Which alerts; default 'active'"),
      symbol: symbolArg('Only the alerts of this ticker').optional(),
    })
    .strict(),
  label: 'Checking alerts…',
  async run({ status = 'active', symbol }, ctx) {
    const { alerts } = await ctx.call('alerts:list', { status, ...(symbol ? { symbol } : {}) });
    const shown = alerts.slice(0, MAX_ALERTS);
    const what = `${status === 'all' ? '' : `${status} `}${symbol ? `${symbol} ` : ''}alerts`;
    return {
      result: { status, symbol: symbol ?? null, count: alerts.length, alerts: shown.map(compactAlert), ...(alerts.length > shown.length ? { shown: shown.length } : {}) },
      widget: alertStatusWidget('list', shown, `${what[0]!.toUpperCase()}${what.slice(1)} · ${alerts.length}`),
    };
  },
});
