import { z } from 'zod';
import { byLevel, bullets, day, paragraphs, price, signed, signedPercent, type ComposeContext } from './format';
import { levelMeaning, TERMS } from './glossary';

/** What get_key_levels returns that the answer reads: levels on each side, nearest first. */
const LevelRow = z.object({ name: z.string(), price: z.number(), distance: z.number().nullable(), percent: z.number().nullable() });
export const LevelsResult = z.object({
  symbol: z.string(),
  date: z.string(),
  lastPrice: z.number().nullable(),
  vwap: z.number().nullable(),
  atr: z.object({ daily: z.number().nullable() }),
  expectedMove: z.object({ reference: z.number(), upper: z.number(), lower: z.number() }).nullable(),
  resistanceAbove: z.array(LevelRow),
  supportBelow: z.array(LevelRow),
});
type Row = z.infer<typeof LevelRow>;

/** Levels listed on each side: fewer for a beginner, a full line for an advanced trader. */
const PER_SIDE = { beginner: 3, intermediate: 4, advanced: 6 } as const;

function named(row: Row, ctx: ComposeContext): string {
  const meaning = ctx.experience === 'beginner' ? levelMeaning(row.name) : null;
  return meaning ? `**${row.name}** (${meaning})` : `**${row.name}**`;
}

function away(row: Row, ctx: ComposeContext): string {
  if (row.distance === null) return '';
  if (ctx.experience === 'advanced') return ` (${signed(row.distance)})`;
  // An index before the open sits exactly on its prior close: "0.00 points above" reads like a bug.
  if (Math.abs(row.distance) < 0.005) return ' — at the price';
  const side = row.distance >= 0 ? 'above' : 'below';
  const pct = row.percent === null ? '' : `, ${signedPercent(row.percent)}`;
  return ` — ${price(Math.abs(row.distance))} points ${side}${pct}`;
}

const line = (row: Row, ctx: ComposeContext) => `${named(row, ctx)} ${price(row.price)}${away(row, ctx)}`;

/** The level asked for by name ("PDH for spy?"): where it is against the price; the card has the ones the result leaves out. */
function focusedLevel(r: z.infer<typeof LevelsResult>, name: string, ctx: ComposeContext): string {
  const same = (levelName: string) => levelName.toLowerCase() === name.toLowerCase();
  const card = ctx.widget?.type === 'key_levels' ? ctx.widget.data.levels.find((l) => same(l.name)) : undefined;
  const row: Row | undefined = [...r.resistanceAbove, ...r.supportBelow].find((l) => same(l.name)) ?? (card && { name: card.name, price: card.price, distance: card.distance?.points ?? null, percent: card.distance?.percent ?? null });
  if (!row) return `${r.symbol} has no ${name} level for this session (it is not set yet, or not enough history).`;
  const where = row.distance === null ? '' : `, ${price(Math.abs(row.distance))} points ${row.distance >= 0 ? 'above' : 'below'} the last price${r.lastPrice === null ? '' : ` of ${price(r.lastPrice)}`}`;
  return `${r.symbol} ${named(row, ctx)} is at **${price(row.price)}**${where}.`;
}

/**
 * The levels most traders watch: prior day, pre-market, today's open/high/low, opening ranges, VWAP,
 * classic pivots, the ATR move and prior week/month. Fibonacci, camarilla and woodie pivots and the
 * VWAP bands crowd them out, so only an advanced trader gets those in the text (the card has all).
 */
const isCommon = (row: Row) => !/\((?:fibonacci|camarilla|woodie)\)$|^VWAP [+−]/.test(row.name);

export function composeLevels(result: z.infer<typeof LevelsResult>, ctx: ComposeContext): string {
  const r = result;
  const n = PER_SIDE[ctx.experience];
  const shown = (rows: Row[]) => (ctx.experience === 'advanced' ? rows : rows.filter(isCommon)).slice(0, n);
  const above = shown(r.resistanceAbove);
  const below = shown(r.supportBelow);
  const focus = ctx.focus;
  const supportFirst = focus === 'support';
  const lead = focus && focus !== 'support' && focus !== 'resistance' ? focusedLevel(r, focus, ctx) : null;

  if (ctx.experience === 'advanced') {
    const head = `**${r.symbol}** ${r.lastPrice === null ? '' : price(r.lastPrice)} · ${r.date}`;
    const res = above.length ? `R: ${above.map((row) => line(row, ctx)).join(' · ')}` : 'R: none listed';
    const sup = below.length ? `S: ${below.map((row) => line(row, ctx)).join(' · ')}` : 'S: none listed';
    const atr = [r.atr.daily === null ? null : `ATR ${price(r.atr.daily)}`, r.expectedMove ? `exp. move ${price(r.expectedMove.lower)}–${price(r.expectedMove.upper)}` : null].filter(Boolean).join(' · ');
    return [lead, head, ...(supportFirst ? [sup, res] : [res, sup]), atr].filter(Boolean).join('\n\n');
  }

  const intro = r.lastPrice === null
    ? `Key levels for **${r.symbol}** (session of ${day(r.date, ctx.today)}); there is no last price to measure distances from yet.`
    : `**${r.symbol}** is at **${price(r.lastPrice)}** (session of ${day(r.date, ctx.today)}).`;
  const resistance = above.length ? `Resistance above:\n${bullets(above.map((row) => line(row, ctx)))}` : `No level is listed above ${r.symbol}'s price.`;
  const support = below.length ? `Support below:\n${bullets(below.map((row) => line(row, ctx)))}` : `No level is listed below ${r.symbol}'s price.`;
  const range = r.atr.daily === null
    ? null
    : `The daily ATR is ${price(r.atr.daily)}${r.expectedMove ? `: a normal day's range from ${price(r.expectedMove.reference)} runs about ${price(r.expectedMove.lower)} to ${price(r.expectedMove.upper)}` : ''}.`;
  const teach = byLevel(ctx.experience, {
    beginner: paragraphs(TERMS.support, r.atr.daily === null ? null : TERMS.atr),
    intermediate: null,
    advanced: null,
  });
  return paragraphs(lead, intro, ...(supportFirst ? [support, resistance] : [resistance, support]), range, teach);
}
