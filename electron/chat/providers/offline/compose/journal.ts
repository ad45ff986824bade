import { z } from 'zod';
import { WIDGET_DATA } from '../../../../../shared/schemas/chat-widgets';
import { TradeSchema } from '../../../../../shared/schemas/journal';
import { bullets, day, fraction, money, paragraphs, plain, plural, pnl, price, type ComposeContext } from './format';
import { TERMS } from './glossary';

/** The journal as get_trade_history and analyze_trade_history return it. */

/** A journal trade as the function compacts it: the stored fields, and the option's terms in one string. */
const TradeRow = TradeSchema.pick({ symbol: true, underlying: true, side: true, quantity: true, entryPrice: true, exitPrice: true, netPnl: true }).extend({
  entryTime: z.string(),
  option: z.string().optional(),
});
export const TradesResult = z.object({ total: z.number(), shown: z.number(), trades: z.array(TradeRow) });

const Bucket = z.object({ key: z.string(), trades: z.number(), netPnl: z.number(), winRate: z.number().nullable() });
export const StatsResult = z.union([
  z.object({ trades: z.literal(0), openTrades: z.number(), note: z.string() }),
  // The figures the journal card shows, plus the streaks and the per-symbol breakdown.
  WIDGET_DATA.journal_stats
    .pick({ trades: true, wins: true, losses: true, netPnl: true, winRate: true, profitFactor: true, expectancy: true, averageWin: true, averageLoss: true, maxDrawdown: true })
    .extend({ openTrades: z.number(), longestWinStreak: z.number(), longestLossStreak: z.number(), bySymbol: z.array(Bucket) }),
]);

/** "for SPY from Fri Dec 1 to Wed Dec 17" from the arguments the function was called with. */
function scope(ctx: ComposeContext): string {
  const { symbol, from, to } = ctx.args as { symbol?: string; from?: string; to?: string };
  const range = from && to ? (from === to ? `on ${day(from, ctx.today)}` : `from ${day(from, ctx.today)} to ${day(to, ctx.today)}`) : from ? `since ${day(from, ctx.today)}` : to ? `up to ${day(to, ctx.today)}` : '';
  return [symbol ? `on ${symbol}` : '', range].filter(Boolean).join(' ');
}

/** "SPY 600 call 2025-12-19" for an option leg (the journal's own symbol may be an OCC code), the symbol for stock. */
const tradeName = (t: z.infer<typeof TradeRow>): string => (t.option ? `${t.underlying} ${t.option}` : t.symbol);

export function composeTrades(r: z.infer<typeof TradesResult>, ctx: ComposeContext): string {
  const where = scope(ctx);
  if (!r.trades.length) return `Your journal has no trades${where ? ` ${where}` : ''}. Import a broker CSV or add trades in the Journal tab.`;
  const lines = r.trades.map((t) => {
    const exit = t.exitPrice === null ? 'still open' : `→ ${price(t.exitPrice)}`;
    const result = t.netPnl === null ? '' : ` · **${pnl(t.netPnl)}**`;
    return `${day(t.entryTime.slice(0, 10), ctx.today)} · ${tradeName(t)} · ${t.side} ${plain(t.quantity)} @ ${price(t.entryPrice)} ${exit}${result}`;
  });
  const closed = r.trades.filter((t) => t.netPnl !== null);
  const net = closed.reduce((sum, t) => sum + t.netPnl!, 0);
  const wins = closed.filter((t) => t.netPnl! > 0).length;
  const sum = closed.length ? `Together these ${plural(closed.length, 'closed leg')} made **${pnl(net)}** (${wins} won, ${closed.length - wins} did not).` : null;
  const head = `Your last ${plural(r.trades.length, 'trade')}${where ? ` ${where}` : ''}${r.total > r.trades.length ? ` (of ${plain(r.total, 0)})` : ''}:`;
  return paragraphs(head, bullets(lines), ctx.experience === 'advanced' ? null : sum);
}

function leadFor(s: Extract<z.infer<typeof StatsResult>, { wins: number }>, focus: string | null, where: string): string | null {
  const on = where ? ` ${where}` : '';
  switch (focus) {
    case 'winRate':
      return s.winRate === null ? null : `Your win rate${on} is **${fraction(s.winRate)}**: ${s.wins} wins out of ${plural(s.trades, 'closed trade')}.`;
    case 'profitFactor':
      return s.profitFactor === null ? `Your profit factor${on} is not defined yet (no losing trades).` : `Your profit factor${on} is **${s.profitFactor.toFixed(2)}**.`;
    case 'expectancy':
      return s.expectancy === null ? null : `Your expectancy${on} is **${pnl(s.expectancy)} per trade**.`;
    case 'drawdown':
      return `Your max drawdown${on} is **${money(s.maxDrawdown)}**.`;
    default:
      return null;
  }
}

export function composeStats(s: z.infer<typeof StatsResult>, ctx: ComposeContext): string {
  const where = scope(ctx);
  if (!('wins' in s)) return `No closed trades${where ? ` ${where}` : ''} to measure yet${s.openTrades ? ` (${plural(s.openTrades, 'trade')} still open)` : ''}. Close or import some trades and ask again.`;
  const lead = leadFor(s, ctx.focus, where);
  const rate = s.winRate === null ? '' : `, win rate ${fraction(s.winRate)}`;
  const best = s.bySymbol.length > 1 ? [...s.bySymbol].sort((a, b) => b.netPnl - a.netPnl) : [];
  const extremes = best.length ? `Best symbol ${best[0]!.key} ${pnl(best[0]!.netPnl)} (${plural(best[0]!.trades, 'trade')}); worst ${best.at(-1)!.key} ${pnl(best.at(-1)!.netPnl)}.` : null;
  if (ctx.experience === 'advanced') {
    const figures = [
      `${s.trades} trades (${s.wins}W/${s.losses}L)${rate}`,
      `net ${pnl(s.netPnl)}`,
      s.profitFactor === null ? null : `PF ${s.profitFactor.toFixed(2)}`,
      s.expectancy === null ? null : `exp ${pnl(s.expectancy)}`,
      s.averageWin === null || s.averageLoss === null ? null : `avg ${money(s.averageWin)}/${money(s.averageLoss)}`,
      `max DD ${money(s.maxDrawdown)}`,
      `streaks ${s.longestWinStreak}W/${s.longestLossStreak}L`,
    ].filter(Boolean);
    return paragraphs(lead, `**Journal${where ? ` ${where}` : ''}** · ${figures.join(' · ')}`, extremes);
  }
  const head = `**${plural(s.trades, 'closed trade')}**${where ? ` ${where}` : ''}: ${s.wins} wins, ${s.losses} losses${rate}, net **${pnl(s.netPnl)}**.`;
  const lines = bullets(
    [
      s.profitFactor === null ? null : `Profit factor ${s.profitFactor.toFixed(2)}`,
      s.expectancy === null ? null : `Expectancy ${pnl(s.expectancy)} per trade`,
      s.averageWin === null || s.averageLoss === null ? null : `Average win ${money(s.averageWin)}, average loss ${money(s.averageLoss)}`,
      `Max drawdown ${money(s.maxDrawdown)}; longest streaks ${s.longestWinStreak} wins, ${s.longestLossStreak} losses`,
    ].filter((l): l is string => l !== null),
  );
  const open = s.openTrades ? `${plural(s.openTrades, 'trade')} still open ${s.openTrades === 1 ? 'is' : 'are'} not counted.` : null;
  const teach = ctx.experience === 'beginner' ? paragraphs(TERMS.profitFactor, TERMS.expectancy, TERMS.winRate) : null;
  return paragraphs(lead, head, lines, extremes, open, teach);
}
