import { z } from 'zod';
import { PositionGreeksSchema } from '../../../../../shared/schemas/leaps';
import { bullets, fraction, money, paragraphs, plain, plural, pnl, price, type ComposeContext } from './format';
import { TERMS } from './glossary';

/** One position and the whole book, as analyze_position and analyze_portfolio return them. */

/** Dollar greeks of a position (rho left out by the functions). */
const DollarGreeks = PositionGreeksSchema;
const Bound = z.union([z.number(), z.literal('unlimited')]);

export const PositionResult = z.object({
  name: z.string(),
  underlying: z.string(),
  strategy: z.string(),
  spot: z.number(),
  costBasis: z.number(),
  marketValue: z.number(),
  unrealizedPnl: z.number(),
  greeks: DollarGreeks,
  breakevens: z.array(z.number()),
  maxProfit: Bound,
  maxLoss: Bound,
  probabilityOfProfit: z.number().nullable(),
  flags: z.array(z.string()),
  notes: z.array(z.string()).optional(),
  /** Each leg at the app's price (compared with a broker screenshot's marks: compose/broker.ts). */
  legs: z.array(z.object({ leg: z.string(), mark: z.number() })).optional(),
});

export const PortfolioResult = z.union([
  z.object({ positions: z.array(z.never()).length(0), note: z.string() }),
  z.object({
    unrealizedPnl: z.number(),
    costBasis: z.number(),
    marketValue: z.number(),
    greeks: DollarGreeks,
    betaWeightedDeltaSpx: z.number(),
    positions: z.array(z.object({ name: z.string(), strategy: z.string(), unrealizedPnl: z.number(), greeks: DollarGreeks })),
    flags: z.array(z.string()),
    notAnalysed: z.array(z.object({ positionId: z.string(), message: z.string() })).optional(),
  }),
]);

type Greeks = z.infer<typeof DollarGreeks>;

const bound = (value: number | 'unlimited') => (value === 'unlimited' ? 'unlimited' : money(value));

function greekLine(g: Greeks, ctx: ComposeContext): string {
  if (ctx.experience === 'advanced') return `Δ ${plain(g.delta)} · Γ ${plain(g.gamma, 3)} · Θ ${money(g.theta)}/d · V ${money(g.vega)}`;
  return `delta ${plain(g.delta)} shares, gamma ${plain(g.gamma, 3)}, theta ${money(g.theta)} per day, vega ${money(g.vega)} per IV point`;
}

/** Flags as written by the analyser ("warning: short 600 call in the money 2 days before expiry"). */
const flagLines = (flags: readonly string[]) => flags.map((f) => `⚠️ ${f.replace(/^(\w+): /, (_m, s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}: `)}`);

export function composePosition(p: z.infer<typeof PositionResult>, ctx: ComposeContext): string {
  const pop = p.probabilityOfProfit === null ? null : `probability of profit ${fraction(p.probabilityOfProfit, 0)}`;
  const breakevens = p.breakevens.length ? `breakeven${p.breakevens.length > 1 ? 's' : ''} ${p.breakevens.map(price).join(' and ')}` : 'no breakeven';
  const risk = `max profit ${bound(p.maxProfit)}, max loss ${bound(p.maxLoss)}, ${breakevens}${pop ? `, ${pop}` : ''}`;
  const notes = p.notes?.length ? p.notes.map((n) => `Note: ${n}.`).join(' ') : null;
  if (ctx.experience === 'advanced') {
    return paragraphs(`**${p.name}** (${p.strategy}) · ${p.underlying} ${price(p.spot)} · P&L ${pnl(p.unrealizedPnl)} (cost ${money(p.costBasis)}, value ${money(p.marketValue)})`, `${greekLine(p.greeks, ctx)}\n${risk}`, flagLines(p.flags).join('\n'), notes);
  }
  const lead = ctx.focus && ctx.focus in p.greeks
    ? `The position's ${ctx.focus} is **${ctx.focus === 'delta' ? `${plain(p.greeks.delta)} shares` : money(p.greeks[ctx.focus as keyof Greeks])}**.`
    : null;
  const head = `**${p.name}** — ${p.strategy}, with ${p.underlying} at ${price(p.spot)}.`;
  const lines = bullets([
    `P&L **${pnl(p.unrealizedPnl)}**: cost ${money(p.costBasis)}, worth ${money(p.marketValue)} now`,
    `${risk[0]!.toUpperCase()}${risk.slice(1)}`,
    `Greeks: ${greekLine(p.greeks, ctx)}`,
  ]);
  const teach = ctx.experience === 'beginner' ? paragraphs(TERMS.dollarDelta, TERMS.breakeven) : null;
  return paragraphs(lead, head, lines, flagLines(p.flags).join('\n'), notes, teach);
}

/** " Biggest loser: …; biggest winner: …" when there is more than one position. */
function extremes(positions: readonly { name: string; unrealizedPnl: number }[]): string {
  if (positions.length < 2) return '';
  const sorted = [...positions].sort((a, b) => a.unrealizedPnl - b.unrealizedPnl);
  const [worst, best] = [sorted[0]!, sorted.at(-1)!];
  return ` Biggest loser: ${worst.name} ${pnl(worst.unrealizedPnl)}; biggest winner: ${best.name} ${pnl(best.unrealizedPnl)}.`;
}

export function composePortfolio(r: z.infer<typeof PortfolioResult>, ctx: ComposeContext): string {
  if (!('greeks' in r)) {
    return 'You have no open positions in the app. Add them in the Positions tab, drop a broker screenshot, or describe one, e.g. "analyze long SPY 600c Dec 19".';
  }
  const focus = ctx.focus;
  const lead =
    focus === 'delta'
      ? `Your net delta is **${plain(r.greeks.delta)} shares** across the underlyings, or **${plain(r.betaWeightedDeltaSpx)}** SPX-equivalent (beta-weighted).`
      : focus && focus in r.greeks
        ? `Your net ${focus} is **${money(r.greeks[focus as keyof Greeks])}**${focus === 'theta' ? ' per day' : focus === 'vega' ? ' per IV point' : ''}.`
        : focus === 'pnl'
          ? `Your open P&L is **${pnl(r.unrealizedPnl)}**.${extremes(r.positions)}`
          : null;
  const positions = r.positions.map((p) => `${p.name}: ${pnl(p.unrealizedPnl)}${ctx.experience === 'advanced' ? ` · Δ ${plain(p.greeks.delta)} Θ ${money(p.greeks.theta)}` : ''}`);
  const failed = r.notAnalysed?.length ? `Not analysed: ${r.notAnalysed.map((e) => e.message).join('; ')}.` : null;
  if (ctx.experience === 'advanced') {
    return paragraphs(lead, `**Portfolio** ${plural(r.positions.length, 'position')} · P&L ${pnl(r.unrealizedPnl)} · value ${money(r.marketValue)} · ${greekLine(r.greeks, ctx)} · β-Δ SPX ${plain(r.betaWeightedDeltaSpx)}`, bullets(positions), flagLines(r.flags).join('\n'), failed);
  }
  const head = `**${plural(r.positions.length, 'open position')}**, unrealized P&L **${pnl(r.unrealizedPnl)}** (cost ${money(r.costBasis)}, worth ${money(r.marketValue)}).`;
  const greeks = `Net greeks: ${greekLine(r.greeks, ctx)}; SPX beta-weighted delta ${plain(r.betaWeightedDeltaSpx)}.`;
  const teach = ctx.experience === 'beginner' ? paragraphs(TERMS.dollarDelta, TERMS.betaWeighted, TERMS.theta) : null;
  return paragraphs(lead, head, bullets(positions), greeks, flagLines(r.flags).join('\n'), failed, teach);
}

/** The P&L the broker's screenshot showed, which can differ from the marks the analysis uses (other prices, other time). */
function brokerLine(held: readonly { underlying: string; brokerPnl?: number }[]): string | null {
  const shown = held.filter((p): p is { underlying: string; brokerPnl: number } => p.brokerPnl !== undefined);
  if (!shown.length) return null;
  const losing = shown.filter((p) => p.brokerPnl < 0).map((p) => `${p.underlying} ${pnl(p.brokerPnl)}`);
  return `Your broker's screenshot showed ${shown.map((p) => `${p.underlying} ${pnl(p.brokerPnl)}`).join(', ')}${losing.length ? `; losing there: ${losing.join(', ')}` : ''}.`;
}

/** A signed share count as a trader writes it: +123.4, -60 (ASCII minus, so "Total delta: -60" reads and searches plainly). */
const signedShares = (value: number) => `${value < 0 ? '-' : '+'}${plain(Math.abs(value))}`;

/**
 * The sums over several analysed positions (the positions a screenshot gave, one per underlying):
 * what a follow-up asked for ("what is my total delta?", "should I close the losers?"), else P&L and
 * the main greeks. Null when no position could be read.
 */
export function composeBookTotals(results: readonly unknown[], focus: string | null, held: readonly { underlying: string; brokerPnl?: number }[] = []): string | null {
  const positions = results.flatMap((r) => {
    const parsed = PositionResult.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
  if (!positions.length) return null;
  const sum = (pick: (p: z.infer<typeof PositionResult>) => number) => positions.reduce((total, p) => total + pick(p), 0);
  const delta = sum((p) => p.greeks.delta);
  const open = sum((p) => p.unrealizedPnl);
  const across = positions.length > 1 ? ` across ${positions.map((p) => p.underlying).join(', ')}` : '';
  if (focus === 'pnl') {
    const losers = positions.filter((p) => p.unrealizedPnl < 0).sort((a, b) => a.unrealizedPnl - b.unrealizedPnl);
    const losing = losers.length
      ? `Losing: ${losers.map((p) => `${p.name} ${pnl(p.unrealizedPnl)}`).join('; ')}. Whether to close them is your call: weigh each loss against its max loss, breakeven and time left above, not the loss alone.`
      : 'None of them is losing money at the current marks.';
    return paragraphs(`**Open P&L: ${pnl(open)}**${across} at the current marks.`, losing, brokerLine(held));
  }
  if (focus === 'delta') return `**Total delta: ${signedShares(delta)}** shares${across}.`;
  if (focus && ['gamma', 'theta', 'vega'].includes(focus)) {
    const value = sum((p) => p.greeks[focus as 'gamma' | 'theta' | 'vega']);
    return `**Total ${focus}: ${focus === 'gamma' ? plain(value, 3) : money(value)}**${focus === 'theta' ? ' per day' : focus === 'vega' ? ' per IV point' : ''}${across}.`;
  }
  return `**Total delta: ${signedShares(delta)}** shares${across}; open P&L ${pnl(open)}, theta ${money(sum((p) => p.greeks.theta))} per day, vega ${money(sum((p) => p.greeks.vega))} per IV point.`;
}
