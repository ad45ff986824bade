import { z } from 'zod';
import { MacroEventSchema } from '../../../../../shared/schemas/macro';
import { QuoteSchema, SessionSchema } from '../../../../../shared/schemas/market';
import { bullets, day, inDays, paragraphs, plain, price, signed, signedPercent, when, type ComposeContext } from './format';
import { TERMS } from './glossary';

/** Market status, quotes and bars as get_market_status, get_current_price and get_chart_data return them. */

/** A quote with its time written in New York ("2025-12-17 10:00 ET"). */
export const QuoteResult = QuoteSchema.pick({ symbol: true, last: true, change: true, changePercent: true, prevClose: true, session: true }).extend({ time: z.string() });
type Quote = z.infer<typeof QuoteResult>;

export const StatusResult = z.object({
  status: SessionSchema,
  reason: z.string(),
  nextOpen: z.string(),
  nextClose: z.string(),
  quotes: z.array(QuoteResult),
});

export const ChartResult = z.object({
  symbol: z.string(),
  timeframe: z.string(),
  sessions: z.array(z.string()),
  bars: z.number(),
  summary: z.object({ open: z.number(), high: z.number(), low: z.number(), close: z.number(), volume: z.number(), change: z.number(), changePercent: z.number() }).nullable(),
  lastBars: z.array(z.object({ time: z.string(), open: z.number(), high: z.number(), low: z.number(), close: z.number() })),
  note: z.string().optional(),
});

const SESSION_WORDS = { open: 'open', pre: 'in pre-market', after: 'in after-hours', closed: 'closed' } as const;

const quoteLine = (q: Quote) => `**${q.symbol}** ${price(q.last)} (${signedPercent(q.changePercent)})`;

export function composeStatus(r: z.infer<typeof StatusResult>, ctx: ComposeContext): string {
  const next = r.status === 'open' ? `It closes at ${when(r.nextClose, ctx.today)}.` : `It next opens ${when(r.nextOpen, ctx.today)}${r.status === 'pre' ? '' : `, and the regular session closes ${when(r.nextClose, ctx.today)}`}.`;
  if (ctx.experience === 'advanced') {
    const state = `${SESSION_WORDS[r.status][0]!.toUpperCase()}${SESSION_WORDS[r.status].slice(1)} (${r.reason}) · ${r.status === 'open' ? `close ${when(r.nextClose, ctx.today)}` : `open ${when(r.nextOpen, ctx.today)}`}`;
    return paragraphs(state, r.quotes.map(quoteLine).join(' · '));
  }
  const lead = `The market is **${SESSION_WORDS[r.status]}** (${r.reason}). ${next}`;
  const quotes = r.quotes.length ? `Where things stand:\n${bullets(r.quotes.map((q) => `${quoteLine(q)}, ${signed(q.change)} on the day`))}` : null;
  return paragraphs(lead, quotes, ctx.experience === 'beginner' ? TERMS.session : null);
}

export function composePrice(q: z.infer<typeof QuoteResult>, ctx: ComposeContext): string {
  if (ctx.experience === 'advanced') return `**${q.symbol}** ${price(q.last)} · ${signed(q.change)} (${signedPercent(q.changePercent)}) · prev close ${price(q.prevClose)} · ${when(q.time, ctx.today)}`;
  const direction = q.change === 0 ? 'unchanged' : `${q.change > 0 ? 'up' : 'down'} ${price(Math.abs(q.change))} (${signedPercent(q.changePercent)})`;
  const stale = q.session === 'open' ? '' : q.session === 'closed' ? ' The market is closed, so this is the last price printed.' : ` This price printed ${SESSION_WORDS[q.session]}.`;
  const teach = ctx.experience === 'beginner' ? ' The change is measured from the previous regular-session close.' : '';
  return `**${q.symbol}** is at **${price(q.last)}**, ${direction} from the previous close of ${price(q.prevClose)} (as of ${when(q.time, ctx.today)}).${stale}${teach}`;
}

/** "in the top quarter of its range" — where the close sits between the low and the high. */
function rangePlace(s: { high: number; low: number; close: number }): string {
  if (s.high === s.low) return 'with no range at all';
  const place = (s.close - s.low) / (s.high - s.low);
  if (place >= 0.75) return 'near the top of its range';
  if (place <= 0.25) return 'near the bottom of its range';
  return 'in the middle of its range';
}

export function composeChart(r: z.infer<typeof ChartResult>, ctx: ComposeContext): string {
  const s = r.summary;
  if (!s) return `There are no ${r.timeframe} bars for ${r.symbol} yet${r.note ? ` (${r.note})` : ''}. Before 04:00 ET or on a closed day, ask for a few days: "${r.timeframe} bars for ${r.symbol} last 3 days".`;
  const span = r.sessions.length <= 1 ? (r.sessions[0] === ctx.today ? 'today' : r.sessions[0] ? `on ${day(r.sessions[0], ctx.today)}` : '') : `over the last ${r.sessions.length} sessions`;
  const volume = s.volume > 0 ? `volume ${plain(s.volume, 0)}` : null;
  const move = `${s.change >= 0 ? 'up' : 'down'} ${price(Math.abs(s.change))} (${signedPercent(s.changePercent)})`;
  if (ctx.experience === 'advanced') {
    const head = `**${r.symbol}** ${r.timeframe} ${span} · O ${price(s.open)} H ${price(s.high)} L ${price(s.low)} C ${price(s.close)} · ${signed(s.change)} (${signedPercent(s.changePercent)}) · range ${price(s.high - s.low)}${volume ? ` · ${volume}` : ''}`;
    const last = r.lastBars.slice(-5).map((b) => `${b.time.slice(11, 16)} ${price(b.open)}→${price(b.close)} (H ${price(b.high)} L ${price(b.low)})`);
    return paragraphs(head, last.length ? `Last bars: ${last.join(' · ')}` : null);
  }
  const lead = `**${r.symbol}** ${span} (${plain(r.bars, 0)} ${r.timeframe} bars): opened at ${price(s.open)}, high ${price(s.high)}, low ${price(s.low)}, last ${price(s.close)} — ${move}.`;
  const shape = `That is a ${price(s.high - s.low)}-point range, and it is trading ${rangePlace(s)}${volume ? `; ${volume}` : ''}.`;
  const teach = ctx.experience === 'beginner'
    ? 'Open, high, low and close are the first, highest, lowest and latest prices of the period; the range (high minus low) shows how much it moved.'
    : null;
  return paragraphs(lead, shape, teach);
}

// ---------------------------------------------------------------- macro

const MacroEvent = MacroEventSchema.pick({ title: true, date: true, time: true, daysUntil: true }).extend({ tentative: z.boolean().optional() });
export const MacroResult = z.object({
  today: z.string(),
  rate: z.number(),
  vix: z
    .object({ level: z.number(), change: z.number(), shape: z.string(), vixToVix3m: z.number(), termStructure: z.array(z.object({ symbol: z.string(), level: z.number() })) })
    .nullable(),
  nextEvents: z.object({ fomc: MacroEvent.nullable(), cpi: MacroEvent.nullable(), payrolls: MacroEvent.nullable() }),
  upcoming: z.array(MacroEvent),
  sectors: z.array(z.object({ sector: z.string(), symbol: z.string(), changePercent: z.number() })),
  warnings: z.array(z.string()),
});
type Macro = z.infer<typeof MacroResult>;
type Event = z.infer<typeof MacroEvent>;

const eventLine = (e: Event, today: string) => `${e.title}: ${day(e.date, today)}, ${e.time} (${inDays(e.daysUntil)})${e.tentative ? ', tentative' : ''}`;

function vixLine(m: Macro, ctx: ComposeContext): string | null {
  if (!m.vix) return null;
  const curve = m.vix.termStructure.map((p) => `${p.symbol} ${price(p.level)}`).join(' · ');
  return `VIX ${price(m.vix.level)} (${signed(m.vix.change)}), curve in **${m.vix.shape}** (VIX/VIX3M ${m.vix.vixToVix3m.toFixed(2)})${ctx.experience === 'advanced' ? '' : ':'} ${curve}`;
}

function focusLine(m: Macro, focus: string | null, ctx: ComposeContext): string | null {
  const next = { fomc: m.nextEvents.fomc, cpi: m.nextEvents.cpi, nfp: m.nextEvents.payrolls }[focus as 'fomc' | 'cpi' | 'nfp'];
  const names = { fomc: 'FOMC decision', cpi: 'CPI release', nfp: 'payrolls report' } as const;
  if (focus === 'fomc' || focus === 'cpi' || focus === 'nfp') {
    if (!next) return `The app's calendar does not list the next ${names[focus]} yet (the agency has not published that far ahead).`;
    return `The next ${names[focus]} is **${day(next.date, ctx.today)} at ${next.time}**, ${inDays(next.daysUntil)} (${next.title}${next.tentative ? ', date still tentative' : ''}).`;
  }
  if (focus === 'vix') return m.vix ? vixLine(m, ctx) : 'The VIX could not be quoted, so there is no term structure to show.';
  return null;
}

export function composeMacro(m: Macro, ctx: ComposeContext): string {
  const lead = focusLine(m, ctx.focus, ctx);
  const events = [m.nextEvents.fomc, m.nextEvents.cpi, m.nextEvents.payrolls].filter((e): e is Event => e !== null);
  const sectors = m.sectors.length >= 2 ? `Leading: ${m.sectors.slice(0, 2).map((s) => `${s.sector} ${signedPercent(s.changePercent)}`).join(', ')}; lagging: ${m.sectors.slice(-2).reverse().map((s) => `${s.sector} ${signedPercent(s.changePercent)}`).join(', ')}.` : null;
  const rate = `Risk-free rate ${(m.rate * 100).toFixed(2)}%.`;
  if (ctx.experience === 'advanced') {
    return paragraphs(lead, events.map((e) => eventLine(e, ctx.today)).join(' · '), ctx.focus === 'vix' ? null : vixLine(m, ctx), `${rate} ${sectors ?? ''}`.trim(), m.warnings.join(' '));
  }
  const list = bullets([...events.map((e) => eventLine(e, ctx.today)), ...(ctx.focus === 'vix' ? [] : [vixLine(m, ctx)].filter((l): l is string => l !== null)), rate, ...(sectors ? [sectors] : [])]);
  const teach = ctx.experience === 'beginner' ? paragraphs(m.vix ? `${TERMS.contango} ${TERMS.vixRatio}` : null, 'Scheduled releases like FOMC and CPI can move the whole market in seconds; many traders size down or wait around them.') : null;
  return paragraphs(lead, `The macro picture on ${day(m.today, ctx.today)}:\n${list}`, m.warnings.length ? `Note: ${m.warnings.join(' ')}` : null, teach);
}
