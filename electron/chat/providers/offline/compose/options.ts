import { z } from 'zod';
import { ChainContractSchema } from '../../../../../shared/schemas/chains';
import { WIDGET_DATA } from '../../../../../shared/schemas/chat-widgets';
import { bullets, day, fraction, greek, money, paragraphs, plain, price, type ComposeContext } from './format';
import { TERMS } from './glossary';

/** Chains and single contracts as get_options_chain and get_option_greeks return them. */

/** One side of a chain row, as the chain card draws it. */
const Side = WIDGET_DATA.options_chain.shape.rows.element.shape.call;
export const ChainResult = z.object({
  underlying: z.string(),
  spot: z.number(),
  expiry: z.string(),
  daysToExpiry: z.number(),
  atTheMoneyStrike: z.number(),
  note: z.string().optional(),
  rows: z.array(z.object({ strike: z.number(), call: Side, put: Side })),
  otherExpirations: z.array(z.string()),
});
type Chain = z.infer<typeof ChainResult>;
type Quote = NonNullable<z.infer<typeof Side>>;

/** The chain's contract (prices, IV, greeks per share) with the underlying's terms around it. */
export const GreeksResult = ChainContractSchema.pick({ right: true, strike: true, expiry: true, bid: true, ask: true, mid: true, iv: true, delta: true, gamma: true, theta: true, vega: true, rho: true, openInterest: true, inTheMoney: true }).extend({
  underlying: z.string(),
  spot: z.number(),
  daysToExpiry: z.number(),
  multiplier: z.number(),
  note: z.string().optional(),
});
type Greeks = z.infer<typeof GreeksResult>;

const mid = (q: Quote) => (q.bid + q.ask) / 2;
const dte = (days: number) => (days === 0 ? '0DTE' : `${days} day${days === 1 ? '' : 's'} left`);

function side(q: Quote | null, ctx: ComposeContext): string {
  if (!q) return 'not listed';
  const extras = [q.delta === null ? null : `Δ ${greek(q.delta)}`, q.iv === null ? null : `IV ${fraction(q.iv)}`].filter(Boolean).join(', ');
  return `${price(q.bid)} × ${price(q.ask)}${extras && ctx.experience !== 'beginner' ? ` (${extras})` : ''}`;
}

/** The strike with the most open interest on one side. */
function busiest(c: Chain, right: 'call' | 'put'): { strike: number; oi: number } | null {
  let best: { strike: number; oi: number } | null = null;
  for (const row of c.rows) {
    const oi = row[right]?.openInterest ?? 0;
    if (oi > 0 && (!best || oi > best.oi)) best = { strike: row.strike, oi };
  }
  return best;
}

function table(c: Chain): string {
  const atm = c.rows.findIndex((r) => r.strike === c.atTheMoneyStrike);
  const rows = atm < 0 ? c.rows.slice(0, 5) : c.rows.slice(Math.max(0, atm - 2), atm + 3);
  const cell = (q: Quote | null) => (q ? `${price(q.bid)}/${price(q.ask)}` : '—');
  const d = (q: Quote | null) => (q?.delta === null || q === null ? '—' : greek(q.delta));
  return ['| call bid/ask | Δ | strike | put bid/ask | Δ |', '|---:|---:|:---:|---:|---:|', ...rows.map((r) => `| ${cell(r.call)} | ${d(r.call)} | **${r.strike}** | ${cell(r.put)} | ${d(r.put)} |`)].join('\n');
}

export function composeChain(c: Chain, ctx: ComposeContext): string {
  const atmRow = c.rows.find((r) => r.strike === c.atTheMoneyStrike);
  const straddle = atmRow?.call && atmRow.put ? mid(atmRow.call) + mid(atmRow.put) : null;
  const head = `**${c.underlying}** options expiring ${day(c.expiry, ctx.today)} (${dte(c.daysToExpiry)}), spot **${price(c.spot)}**.`;
  const atm = atmRow ? `At the money, ${c.atTheMoneyStrike}: call ${side(atmRow.call, ctx)}, put ${side(atmRow.put, ctx)}.` : null;
  const implied = straddle === null ? null : `The ${c.atTheMoneyStrike} straddle costs about ${price(straddle)}: the market prices a move of ±${price(straddle)} (${((straddle / c.spot) * 100).toFixed(2)}%) by expiry, ${price(c.spot - straddle)} to ${price(c.spot + straddle)}.`;
  const calls = busiest(c, 'call');
  const puts = busiest(c, 'put');
  const oi = calls || puts ? `Most open interest on the card: ${[calls && `${calls.strike} calls (${plain(calls.oi, 0)})`, puts && `${puts.strike} puts (${plain(puts.oi, 0)})`].filter(Boolean).join(', ')}.` : null;
  const others = c.otherExpirations.length ? `Other expirations: ${c.otherExpirations.slice(0, 4).map((d) => day(d, ctx.today)).join(', ')}.` : null;
  if (ctx.experience === 'advanced') return paragraphs(c.note, head, table(c), implied, oi);
  const teach = ctx.experience === 'beginner' ? paragraphs(TERMS.bidAsk, TERMS.straddle, c.daysToExpiry === 0 ? TERMS.zeroDte : null) : null;
  return paragraphs(c.note, head, atm, implied, oi, ctx.experience === 'intermediate' ? others : null, teach);
}

const GREEK_NAMES = { delta: 'Delta', gamma: 'Gamma', theta: 'Theta', vega: 'Vega', rho: 'Rho', iv: 'Implied volatility' } as const;

function focusLine(g: Greeks, name: string, focus: string): string | null {
  if (focus === 'iv') return g.iv === null ? `The ${name} has no implied volatility (its price is outside the model's bounds).` : `Implied volatility of the ${name}: **${fraction(g.iv)}**.`;
  const key = focus as 'delta' | 'gamma' | 'theta' | 'vega' | 'rho';
  if (!(key in GREEK_NAMES)) return null;
  const value = g[key];
  return value === null ? `The ${name} has no ${key} (its price is outside the model's bounds).` : `${GREEK_NAMES[key]} of the ${name}: **${greek(value)}**.`;
}

export function composeGreeks(g: Greeks, ctx: ComposeContext): string {
  const name = `${g.underlying} ${g.strike} ${g.right} expiring ${day(g.expiry, ctx.today)}`;
  const lead = ctx.focus ? focusLine(g, name, ctx.focus) : null;
  const per = (v: number) => money(v * g.multiplier);
  if (ctx.experience === 'advanced') {
    const values = [
      `mid ${price(g.mid)} (${price(g.bid)}/${price(g.ask)})`,
      g.iv === null ? null : `IV ${fraction(g.iv)}`,
      ...(['delta', 'gamma', 'theta', 'vega', 'rho'] as const).map((k) => (g[k] === null ? null : `${k[0]!.toUpperCase()}${k.slice(1)} ${greek(g[k])}`)),
    ].filter(Boolean);
    return paragraphs(g.note, `**${g.underlying} ${g.strike}${g.right === 'call' ? 'C' : 'P'}** ${day(g.expiry, ctx.today)} (${dte(g.daysToExpiry)}) · spot ${price(g.spot)} · ${values.join(' · ')} · OI ${plain(g.openInterest, 0)}`);
  }
  const money_ = g.inTheMoney ? 'in the money' : 'out of the money';
  const head = `The **${name}** (${dte(g.daysToExpiry)}) is ${price(g.bid)} bid / ${price(g.ask)} ask, mid **${price(g.mid)}** (${per(g.mid)} per contract), with ${g.underlying} at ${price(g.spot)}: ${money_}.`;
  const beginner = ctx.experience === 'beginner';
  const lines = [
    g.iv === null ? null : `IV ${fraction(g.iv)}${beginner ? ` — ${TERMS.iv}` : ''}`,
    g.delta === null ? null : `Delta ${greek(g.delta)}: about ${per(Math.abs(g.delta))} per contract for each 1-point move in ${g.underlying}${g.delta < 0 ? ' (gains when it falls)' : ''}${beginner ? ` — ${TERMS.delta}` : ''}`,
    g.gamma === null ? null : `Gamma ${greek(g.gamma)}${beginner ? ` — ${TERMS.gamma}` : ''}`,
    g.theta === null ? null : `Theta ${greek(g.theta)} per day: ${per(g.theta)} per contract each day${beginner ? ` — ${TERMS.theta}` : ''}`,
    g.vega === null ? null : `Vega ${greek(g.vega)}: ${per(g.vega)} per contract per IV point${beginner ? ` — ${TERMS.vega}` : ''}`,
  ].filter((l): l is string => l !== null);
  const warn = beginner && g.daysToExpiry === 0 ? TERMS.zeroDte : null;
  return paragraphs(g.note, lead, head, bullets(lines), warn);
}
