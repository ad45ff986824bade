import { z } from 'zod';
import { PositionGreeksSchema } from '../../../../../shared/schemas/leaps';
import { bullets, day, fraction, money, paragraphs, plain, pnl, price, type ComposeContext } from './format';
import { TERMS } from './glossary';

/** LEAPS projections and rolls as project_leaps and calculate_roll return them. */

const Greeks = PositionGreeksSchema;

export const ProjectionResult = z.object({
  symbol: z.string(),
  spot: z.number(),
  contract: z.string(),
  entryPrice: z.number(),
  valueToday: z.number(),
  impliedVolatility: z.number(),
  costBasis: z.number(),
  horizon: z.string(),
  greeksToday: Greeks.nullable(),
  /** One row per date: { date, '-20%': pnl, '0%': pnl, '+10%': pnl, ... }. */
  pnlByDate: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
  pnlTodayByIvShift: z.record(z.string(), z.number().nullable()),
  warnings: z.array(z.string()),
  note: z.string().optional(),
});
type Projection = z.infer<typeof ProjectionResult>;

const RollSide = z.object({ contract: z.string(), pricePerShare: z.number(), cash: z.number(), breakeven: z.number().nullable(), greeks: Greeks });
export const RollResult = z.object({
  roll: z.string(),
  quantity: z.number(),
  spot: z.number(),
  close: RollSide,
  open: RollSide,
  net: z.object({ type: z.enum(['credit', 'debit', 'even']), perShare: z.number(), dollars: z.number() }),
  adjustedCostBasisPerShare: z.number(),
  note: z.string().optional(),
});

/** The price-move columns of a projection row, in the order the function wrote them. */
const moves = (row: Projection['pnlByDate'][number]) => Object.keys(row).filter((k) => k !== 'date');

const cell = (value: unknown) => (typeof value === 'number' ? pnl(value) : '—');

function table(p: Projection, ctx: ComposeContext): string {
  const columns = moves(p.pnlByDate[0] ?? {});
  const header = `| date | ${columns.map((c) => `${p.symbol} ${c}`).join(' | ')} |`;
  const rule = `|---|${columns.map(() => '---:').join('|')}|`;
  const rows = p.pnlByDate.map((row) => `| ${day(String(row.date), ctx.today)} | ${columns.map((c) => cell(row[c])).join(' | ')} |`);
  return [header, rule, ...rows].join('\n');
}

export function composeProjection(p: Projection, ctx: ComposeContext): string {
  const head = `**${p.contract}**, ${p.symbol} at ${price(p.spot)}: entry ${price(p.entryPrice)} per share (cost ${money(p.costBasis)}), worth ${price(p.valueToday)} today at IV ${fraction(p.impliedVolatility)}.`;
  const atExpiry = p.pnlByDate.at(-1);
  const expiryLine = atExpiry
    ? `At expiry (${day(p.horizon, ctx.today)}) the P&L would be ${moves(atExpiry).map((m) => `${cell(atExpiry[m])} with ${p.symbol} ${m}`).join(', ')}.`
    : null;
  const iv = Object.entries(p.pnlTodayByIvShift).filter(([, v]) => v !== null).map(([k, v]) => `${k}: ${pnl(v!)}`).join(', ');
  const g = p.greeksToday;
  const greeks = g ? `Today: delta ${plain(g.delta)} shares, theta ${money(g.theta)} per day, vega ${money(g.vega)} per IV point.` : null;
  const warnings = [p.note, ...p.warnings].filter(Boolean).map((w) => `Note: ${w}.`).join(' ') || null;
  if (ctx.experience === 'advanced') return paragraphs(head, table(p, ctx), iv ? `IV shift today: ${iv}` : null, greeks, warnings);
  if (ctx.experience === 'intermediate') return paragraphs(head, `P&L by date and ${p.symbol} move (IV unchanged):`, table(p, ctx), iv ? `A change in IV today: ${iv}.` : null, greeks, warnings);
  return paragraphs(head, expiryLine, iv ? `If implied volatility changed today by the points shown: ${iv}.` : null, greeks, warnings, TERMS.leaps);
}

export function composeRoll(r: z.infer<typeof RollResult>, ctx: ComposeContext): string {
  const per = r.net.type === 'even' ? 'even' : `${r.net.type} ${price(Math.abs(r.net.perShare))} per share`;
  const total = `${r.net.dollars >= 0 ? '+' : ''}${money(r.net.dollars)}`;
  const contracts = Math.abs(r.quantity);
  const breakeven = r.open.breakeven === null ? null : `new breakeven ${price(r.open.breakeven)}${r.close.breakeven === null ? '' : ` (was ${price(r.close.breakeven)})`}`;
  const greeks = `delta ${plain(r.close.greeks.delta)} → ${plain(r.open.greeks.delta)} shares, theta ${money(r.close.greeks.theta)} → ${money(r.open.greeks.theta)} per day`;
  const note = r.note ? `Note: ${r.note}.` : null;
  if (ctx.experience === 'advanced') {
    return paragraphs(`**${r.roll}** · spot ${price(r.spot)} · close ${r.close.contract} @ ${price(r.close.pricePerShare)} · open ${r.open.contract} @ ${price(r.open.pricePerShare)} · net **${per}** (${total}) · ${breakeven ?? 'no breakeven'} · adj. basis ${price(r.adjustedCostBasisPerShare)}`, greeks, note);
  }
  const lines = bullets([
    `Close ${r.close.contract} at ${price(r.close.pricePerShare)} (${pnl(r.close.cash)})`,
    `Open ${r.open.contract} at ${price(r.open.pricePerShare)} (${pnl(r.open.cash)})`,
    `Net **${per}**: ${total} for ${contracts} contract${contracts === 1 ? '' : 's'}`,
    ...(breakeven ? [`${breakeven[0]!.toUpperCase()}${breakeven.slice(1)}; adjusted cost basis ${price(r.adjustedCostBasisPerShare)} per share`] : []),
    `Greeks: ${greeks}`,
  ]);
  const teach = ctx.experience === 'beginner' ? `${TERMS.roll} A debit means you pay to roll; a credit means you collect.` : null;
  return paragraphs(`**${r.roll}**, with the underlying at ${price(r.spot)}:`, lines, note, teach);
}
