import { z } from 'zod';
import { AlertSchema } from '../../../../../shared/schemas/alerts';
import { bullets, paragraphs, plural, price, type ComposeContext } from './format';
import { TERMS } from './glossary';

/** Alerts as set_alert, get_alerts and cancel_alert return them. */

/** An alert as the functions compact it: the stored fields, the percent and trigger only when they apply. */
const AlertRow = AlertSchema.pick({ id: true, symbol: true, condition: true, targetPrice: true, level: true, status: true, note: true }).extend({
  percent: z.number().optional(),
  triggeredAt: z.string().optional(),
  triggerPrice: z.number().nullable().optional(),
});
type Alert = z.infer<typeof AlertRow>;

export const SetAlertResult = z.object({ created: AlertRow, levelPriceNow: z.number().nullable().optional() });
export const AlertListResult = z.object({ status: z.string(), symbol: z.string().nullable(), count: z.number(), alerts: z.array(AlertRow) });
export const CancelAlertResult = z.object({ cancelled: z.array(AlertRow) });

const CONDITIONS: Record<string, string> = {
  above: 'is at or above',
  below: 'is at or below',
  crosses_above: 'crosses above',
  crosses_below: 'crosses below',
  crosses: 'crosses',
  pct_move_up: 'rises',
  pct_move_down: 'falls',
};

/** "SPX crosses 6,000.00", "SPY crosses above PDH (601.20 today)", "QQQ rises 2%". */
export function describe(a: Alert, levelPrice: number | null = null): string {
  const verb = CONDITIONS[a.condition] ?? a.condition;
  if (a.percent !== undefined) return `${a.symbol} ${verb} ${a.percent}%${a.targetPrice === null ? '' : ` (to ${price(a.targetPrice)})`}`;
  const at = levelPrice ?? a.targetPrice;
  const target = a.level ? `${a.level}${at === null ? '' : ` (${price(at)} today)`}` : a.targetPrice === null ? 'its target' : price(a.targetPrice);
  return `${a.symbol} ${verb} ${target}`;
}

function fired(a: Alert): string {
  return a.triggeredAt ? `, fired ${a.triggeredAt.slice(0, 16).replace('T', ' ')} UTC${a.triggerPrice ? ` at ${price(a.triggerPrice)}` : ''}` : '';
}

export function composeSetAlert(r: z.infer<typeof SetAlertResult>, ctx: ComposeContext): string {
  const what = describe(r.created, r.levelPriceNow ?? null);
  if (ctx.experience === 'advanced') return `Alert set: **${what}** · id ${r.created.id}`;
  const how = `I'll notify you when **${what}**; it fires once and then stops watching.`;
  const level = r.created.level ? `The ${r.created.level} price is taken again each session, so the alert follows the level.` : null;
  return paragraphs(`Alert set. ${how}`, level, ctx.experience === 'beginner' ? TERMS.alertCross : 'Ask "show my alerts" to see them all, or "cancel my ' + r.created.symbol + ' alerts".');
}

export function composeAlertList(r: z.infer<typeof AlertListResult>, ctx: ComposeContext): string {
  const scope = `${r.status === 'all' ? '' : `${r.status} `}${r.symbol ? `${r.symbol} ` : ''}`;
  if (r.count === 0) return `You have no ${scope}alerts. Set one with "alert me when SPX crosses 6000" or "set an alert at PDH on SPY".`;
  const lines = r.alerts.map((a) => `${describe(a)}${r.status === 'all' ? ` — ${a.status}` : ''}${fired(a)}${a.note ? ` (${a.note})` : ''}${ctx.experience === 'advanced' ? ` · ${a.id}` : ''}`);
  const more = r.count > r.alerts.length ? `…and ${r.count - r.alerts.length} more on the card.` : null;
  return paragraphs(`You have ${plural(r.count, `${scope}alert`)}:`, bullets(lines), more);
}

export function composeCancelAlert(r: z.infer<typeof CancelAlertResult>, ctx: ComposeContext): string {
  if (!r.cancelled.length) return 'No alert was cancelled.';
  const lines = r.cancelled.map((a) => `${describe(a)}${ctx.experience === 'advanced' ? ` · ${a.id}` : ''}`);
  return paragraphs(`Cancelled ${plural(r.cancelled.length, 'alert')}:`, bullets(lines));
}
