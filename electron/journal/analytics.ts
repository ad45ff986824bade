import type { Analytics, Bucket, Trade } from '../../shared/schemas/journal';
import { marketClock } from './time';

/**
 * Journal statistics: pure functions, plain data in and out. The definitions:
 *
 * - A leg's net P&L = (exit − entry) × quantity × multiplier, negated for a short, minus its fees.
 *   An option's price is per share, so the multiplier (100 for US equity options) turns it into money.
 * - A trade is a group of legs (same groupId): a vertical spread is one trade of two legs. Its net
 *   P&L is the sum of its legs'. Only closed trades (every leg has an exit) enter the statistics;
 *   open ones are only counted (`openTrades`).
 * - A trade whose net P&L rounds to 0.00 is a breakeven: neither a win nor a loss. Breakevens count
 *   in `trades` and in the expectancy's denominator, but not in the win rate (wins / (wins + losses)),
 *   nor in average win or loss, and a breakeven ends both a win streak and a loss streak.
 * - Profit factor = gross profit / gross loss (gross loss as a positive sum of the losing trades);
 *   null when there are no losses (never Infinity). Expectancy = net P&L / trades (average P&L per trade).
 * - Average loss and largest loss are negative numbers; null when there is no loss (same for wins).
 * - R-multiple of a trade = net P&L / planned risk, where the planned risk is the sum over its legs
 *   that have a planned stop of |entry − stop| × quantity × multiplier. Trades without a planned stop
 *   (or with zero risk) have no R and are left out of the R statistics.
 * - The equity curve adds each trade's net P&L in the order of exit time (entry time, then group id
 *   break ties), starting from 0. Max drawdown is the largest fall from a running peak of that curve,
 *   where the starting 0 counts as a peak (`peakAt` null then), as a positive amount.
 * - Days, weekdays and hours are New York's (America/New_York). The calendar puts a trade's P&L on
 *   the day of its exit; weekday and hour breakdowns use the entry; holding time runs from the first
 *   entry to the last exit of the trade.
 * - Money is rounded to cents and R to 4 decimals only in the output; sums use unrounded values.
 */

export type LegInput = Pick<Trade, 'groupId' | 'symbol' | 'underlying' | 'side' | 'quantity' | 'multiplier' | 'entryPrice' | 'exitPrice' | 'entryTime' | 'exitTime' | 'fees' | 'strategy' | 'plannedStop'>;

/** Net P&L of one leg, or null while it is open. */
export function legNetPnl(leg: Pick<LegInput, 'side' | 'quantity' | 'multiplier' | 'entryPrice' | 'exitPrice' | 'fees'>): number | null {
  if (leg.exitPrice === null) return null;
  const direction = leg.side === 'long' ? 1 : -1;
  return (leg.exitPrice - leg.entryPrice) * leg.quantity * leg.multiplier * direction - leg.fees;
}

export interface ClosedTrade {
  groupId: string;
  symbol: string;
  strategy: string | null;
  entryTime: string;
  exitTime: string;
  netPnl: number;
  fees: number;
  /** Planned risk in money; null without a planned stop. */
  risk: number | null;
}

/** Groups legs into trades; a group with an open leg is open. */
export function groupLegs(legs: LegInput[]): { closed: ClosedTrade[]; open: number } {
  const groups = new Map<string, LegInput[]>();
  for (const leg of legs) {
    const group = groups.get(leg.groupId);
    if (group) group.push(leg);
    else groups.set(leg.groupId, [leg]);
  }
  const closed: ClosedTrade[] = [];
  let open = 0;
  for (const [groupId, group] of groups) {
    if (group.some((leg) => leg.exitTime === null || leg.exitPrice === null)) {
      open++;
      continue;
    }
    let netPnl = 0;
    let fees = 0;
    let risk: number | null = null;
    let entryTime = group[0]!.entryTime;
    let exitTime = group[0]!.exitTime!;
    for (const leg of group) {
      netPnl += legNetPnl(leg)!;
      fees += leg.fees;
      if (leg.plannedStop !== null) risk = (risk ?? 0) + Math.abs(leg.entryPrice - leg.plannedStop) * leg.quantity * leg.multiplier;
      if (Date.parse(leg.entryTime) < Date.parse(entryTime)) entryTime = leg.entryTime;
      if (Date.parse(leg.exitTime!) > Date.parse(exitTime)) exitTime = leg.exitTime!;
    }
    const first = group[0]!;
    closed.push({ groupId, symbol: first.underlying || first.symbol, strategy: group.find((l) => l.strategy)?.strategy ?? null, entryTime, exitTime, netPnl, fees, risk: risk || null });
  }
  return { closed, open };
}

type Outcome = 'win' | 'loss' | 'breakeven';
export const outcomeOf = (pnl: number): Outcome => (Math.abs(pnl) < 0.005 ? 'breakeven' : pnl > 0 ? 'win' : 'loss');

const cents = (n: number): number => Math.round(n * 100) / 100 + 0;
const r4 = (n: number): number => Math.round(n * 10_000) / 10_000 + 0;
const centsOrNull = (n: number | null): number | null => (n === null ? null : cents(n));

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MINUTE = 60_000;
const HOLDING_BUCKETS: [string, number][] = [
  ['< 5 min', 5 * MINUTE],
  ['5–30 min', 30 * MINUTE],
  ['30 min–2 h', 120 * MINUTE],
  ['2 h–1 day', 1440 * MINUTE],
  ['1–7 days', 7 * 1440 * MINUTE],
  ['> 7 days', Infinity],
];

class Buckets {
  private readonly map = new Map<string, { trades: number; wins: number; losses: number; netPnl: number }>();

  constructor(keys: string[] = []) {
    for (const key of keys) this.map.set(key, { trades: 0, wins: 0, losses: 0, netPnl: 0 });
  }

  add(key: string, trade: ClosedTrade): void {
    const b = this.map.get(key) ?? { trades: 0, wins: 0, losses: 0, netPnl: 0 };
    const outcome = outcomeOf(trade.netPnl);
    b.trades++;
    if (outcome === 'win') b.wins++;
    if (outcome === 'loss') b.losses++;
    b.netPnl += trade.netPnl;
    this.map.set(key, b);
  }

  list(keep: (key: string, trades: number) => boolean = () => true): Bucket[] {
    return [...this.map]
      .filter(([key, b]) => keep(key, b.trades))
      .map(([key, b]) => ({ key, trades: b.trades, wins: b.wins, losses: b.losses, netPnl: cents(b.netPnl), winRate: b.wins + b.losses ? r4(b.wins / (b.wins + b.losses)) : null }));
  }
}

/** Every statistic of the journal over these legs (already filtered by the caller). */
export function computeAnalytics(legs: LegInput[]): Analytics {
  const { closed, open } = groupLegs(legs);
  const byExit = closed
    .map((t) => ({ t, exit: Date.parse(t.exitTime), entry: Date.parse(t.entryTime) }))
    .sort((a, b) => a.exit - b.exit || a.entry - b.entry || (a.t.groupId < b.t.groupId ? -1 : 1))
    .map(({ t }) => t);

  let netPnl = 0, grossProfit = 0, grossLoss = 0, fees = 0, wins = 0, losses = 0;
  let largestWin: number | null = null, largestLoss: number | null = null;
  let equity = 0, peak = 0, peakAt: string | null = null, maxDd = 0, ddPeakAt: string | null = null, ddTroughAt: string | null = null;
  let winRun = 0, lossRun = 0, longestWin = 0, longestLoss = 0;
  const rs: number[] = [];
  const equityCurve: Analytics['equityCurve'] = [];
  const days = new Map<string, { netPnl: number; trades: number }>();
  const bySymbol = new Buckets(), byStrategy = new Buckets(), byWeekday = new Buckets(WEEKDAYS), byHour = new Buckets(), byHolding = new Buckets(HOLDING_BUCKETS.map(([k]) => k));

  for (const t of byExit) {
    const outcome = outcomeOf(t.netPnl);
    netPnl += t.netPnl;
    fees += t.fees;
    if (outcome === 'win') {
      wins++;
      grossProfit += t.netPnl;
      largestWin = Math.max(largestWin ?? -Infinity, t.netPnl);
    } else if (outcome === 'loss') {
      losses++;
      grossLoss -= t.netPnl;
      largestLoss = Math.min(largestLoss ?? Infinity, t.netPnl);
    }
    winRun = outcome === 'win' ? winRun + 1 : 0;
    lossRun = outcome === 'loss' ? lossRun + 1 : 0;
    longestWin = Math.max(longestWin, winRun);
    longestLoss = Math.max(longestLoss, lossRun);
    if (t.risk) rs.push(t.netPnl / t.risk);

    equity += t.netPnl;
    equityCurve.push({ time: t.exitTime, equity: cents(equity), pnl: cents(t.netPnl) });
    if (equity > peak) {
      peak = equity;
      peakAt = t.exitTime;
    }
    if (peak - equity > maxDd) {
      maxDd = peak - equity;
      ddPeakAt = peakAt;
      ddTroughAt = t.exitTime;
    }

    const exitDay = marketClock(t.exitTime).date;
    const day = days.get(exitDay) ?? { netPnl: 0, trades: 0 };
    day.netPnl += t.netPnl;
    day.trades++;
    days.set(exitDay, day);

    const entry = marketClock(t.entryTime);
    bySymbol.add(t.symbol, t);
    byStrategy.add(t.strategy ?? '(none)', t);
    byWeekday.add(WEEKDAYS[entry.weekday]!, t);
    byHour.add(String(entry.hour).padStart(2, '0'), t);
    const held = Date.parse(t.exitTime) - Date.parse(t.entryTime);
    byHolding.add(HOLDING_BUCKETS.find(([, limit]) => held < limit)![0], t);
  }

  const decided = wins + losses;
  const rTotal = rs.reduce((a, b) => a + b, 0);
  const byCountThenKey = (a: Bucket, b: Bucket) => b.trades - a.trades || a.key.localeCompare(b.key);
  return {
    trades: closed.length,
    openTrades: open,
    wins,
    losses,
    breakevens: closed.length - decided,
    netPnl: cents(netPnl),
    grossProfit: cents(grossProfit),
    grossLoss: cents(grossLoss),
    fees: cents(fees),
    winRate: decided ? r4(wins / decided) : null,
    profitFactor: grossLoss > 0 ? r4(grossProfit / grossLoss) : null,
    expectancy: closed.length ? cents(netPnl / closed.length) : null,
    averageWin: wins ? cents(grossProfit / wins) : null,
    averageLoss: losses ? cents(-grossLoss / losses) : null,
    largestWin: centsOrNull(largestWin),
    largestLoss: centsOrNull(largestLoss),
    rMultiple: {
      trades: rs.length,
      total: r4(rTotal),
      average: rs.length ? r4(rTotal / rs.length) : null,
      best: rs.length ? r4(rs.reduce((a, b) => Math.max(a, b))) : null,
      worst: rs.length ? r4(rs.reduce((a, b) => Math.min(a, b))) : null,
    },
    maxDrawdown: { amount: cents(maxDd), peakAt: ddPeakAt, troughAt: ddTroughAt },
    longestWinStreak: longestWin,
    longestLossStreak: longestLoss,
    equityCurve,
    calendar: [...days].sort(([a], [b]) => a.localeCompare(b)).map(([date, d]) => ({ date, netPnl: cents(d.netPnl), trades: d.trades })),
    bySymbol: bySymbol.list().sort(byCountThenKey),
    byStrategy: byStrategy.list().sort(byCountThenKey),
    byWeekday: byWeekday.list((key, trades) => trades > 0 || !['Sat', 'Sun'].includes(key)),
    byHour: byHour.list().sort((a, b) => a.key.localeCompare(b.key)),
    byHoldingTime: byHolding.list(),
  };
}
