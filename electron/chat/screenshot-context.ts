import type { Broker, ConfirmedPosition } from '../../shared/schemas/screenshot';
import { newYorkNow } from './system-prompt';

/**
 * Confirmed screenshot positions as the context message a session keeps (a `system` message: every
 * later turn's system prompt carries it). One text for both engines: a summary a person or a model
 * reads, and a ```json block `{"positions": [...]}` with the exact ConfirmedPosition fields that the
 * offline coach turns into analyze_position legs (providers/offline/conversation.ts).
 */

/** The message sent for the trader once the positions are stored (shared: the chat shows it while the answer starts). */
export { SCREENSHOT_ANALYSIS_MESSAGE } from '../../shared/schemas/screenshot';

export interface ScreenshotContextMeta {
  broker?: Broker;
  extractionId?: string;
  /** When the trader confirmed them (epoch ms). */
  at: number;
}

const BROKER_NAMES: Record<Broker, string> = {
  thinkorswim: 'thinkorswim',
  ibkr: 'Interactive Brokers',
  robinhood: 'Robinhood',
  webull: 'Webull',
  tastytrade: 'Tastytrade',
  generic: 'a broker',
};

const twoDecimals = (value: number) => value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Dollars, cents only when there are some: 180 → "$180", 1234.5 → "$1,234.50". */
const dollars = (value: number) => `$${Number.isInteger(value) ? value.toLocaleString('en-US') : twoDecimals(value)}`;
const signedDollars = (value: number) => `${value < 0 ? '-' : '+'}${dollars(Math.abs(value))}`;

/** "Long 2 SPY 2025-06-20 600 call @ 4.20, mark 5.10, P&L +$180" / "Short 100 QQQ shares @ 500.00". */
export function describePosition(p: ConfirmedPosition): string {
  const what = p.assetType === 'stock' ? `${p.symbol} shares` : `${p.symbol} ${p.expiry} ${p.strike} ${p.assetType}`;
  let line = `${p.side === 'short' ? 'Short' : 'Long'} ${p.quantity} ${what}`;
  if (p.avgPrice !== null && p.avgPrice !== undefined) line += ` @ ${twoDecimals(p.avgPrice)}`;
  if (p.mark !== null && p.mark !== undefined) line += `, mark ${twoDecimals(p.mark)}`;
  if (p.pnl !== null && p.pnl !== undefined) line += `, P&L ${signedDollars(p.pnl)}`;
  return line;
}

/** Every field of the schema, in its order, null when not given: the JSON reads the same for every position. */
function exactFields(p: ConfirmedPosition): ConfirmedPosition {
  return {
    symbol: p.symbol,
    assetType: p.assetType,
    strike: p.strike ?? null,
    expiry: p.expiry ?? null,
    quantity: p.quantity,
    side: p.side,
    avgPrice: p.avgPrice ?? null,
    mark: p.mark ?? null,
    pnl: p.pnl ?? null,
  };
}

/** The underlyings, first seen first. */
export function underlyingsOf(positions: readonly ConfirmedPosition[]): string[] {
  return [...new Set(positions.map((p) => p.symbol))];
}

export function formatScreenshotContext(positions: readonly ConfirmedPosition[], meta: ScreenshotContextMeta): string {
  const source = meta.broker ? ` (${BROKER_NAMES[meta.broker]})` : '';
  const reading = meta.extractionId ? `, reading ${meta.extractionId}` : '';
  const n = positions.length;
  return [
    `Open positions from the trader's broker screenshot${source}, confirmed ${newYorkNow(meta.at)}${reading}: ${n} position${n === 1 ? '' : 's'} on ${underlyingsOf(positions).join(', ')}.`,
    ...positions.map((p) => `- ${describePosition(p)}`),
    'Quantities are contracts (options) or shares; prices are per share as the broker quotes them; P&L is in dollars as the broker showed it.',
    'For risk, greeks and P&L call analyze_position with these legs (one call per underlying: right = assetType, quantity negative when short, price = avgPrice), or analyze_portfolio for positions stored in the app.',
    '```json',
    `{"positions": [\n${positions.map((p) => `  ${JSON.stringify(exactFields(p))}`).join(',\n')}\n]}`,
    '```',
  ].join('\n');
}

/** "Screenshot positions (SPY, QQQ)": the session a screenshot starts. */
export function screenshotSessionTitle(positions: readonly ConfirmedPosition[]): string {
  const symbols = underlyingsOf(positions);
  const shown = symbols.slice(0, 4).join(', ');
  return `Screenshot positions (${shown}${symbols.length > 4 ? ', …' : ''})`;
}
