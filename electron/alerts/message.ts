import type { Alert } from '../../shared/schemas/alerts';
import { MARKET_ZONE } from '../market/calendar';

const CENTS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const SUB_DOLLAR = new Intl.NumberFormat('en-US', { minimumFractionDigits: 4, maximumFractionDigits: 4 });

/** Prices as traders read them: cents, or four decimals below one dollar (formatters made once: toLocaleString builds one per call). */
export function formatPrice(price: number): string {
  return (price < 1 ? SUB_DOLLAR : CENTS).format(price);
}

const timeFormat = new Intl.DateTimeFormat('en-US', { timeZone: MARKET_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** What the alert watched, e.g. "above 600.00", "crossed PDH (598.12)", "up 2 % from 500.00". */
function what(alert: Alert): string {
  const target = alert.targetPrice === null ? '' : formatPrice(alert.targetPrice);
  const at = alert.level ? `${alert.level} (${target})` : target;
  switch (alert.condition) {
    case 'above':
      return `above ${at}`;
    case 'below':
      return `below ${at}`;
    case 'crosses_above':
      return `crossed above ${at}`;
    case 'crosses_below':
      return `crossed below ${at}`;
    case 'crosses':
      return `crossed ${at}`;
    case 'pct_move_up':
      return `up ${alert.percent} % from ${formatPrice(alert.referencePrice!)} (${target})`;
    case 'pct_move_down':
      return `down ${alert.percent} % from ${formatPrice(alert.referencePrice!)} (${target})`;
  }
}

/** Title and body of the notification of an alert that fired at `price` at `at` (epoch ms). */
export function triggerMessage(alert: Alert, price: number, at: number): { title: string; body: string } {
  const body = `${alert.symbol} at ${formatPrice(price)}, ${timeFormat.format(at)} ET.`;
  return { title: `${alert.symbol} ${what(alert)}`, body: alert.note ? `${body} ${alert.note}` : body };
}
