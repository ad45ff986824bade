import type { LevelGroup, LevelsResponse } from '../../../../shared/schemas/levels';
import type { Bar } from '../../../../shared/schemas/market';

/**
 * A horizontal price level drawn on the chart (from `levels:get`). `group` is what the legend
 * toggles: 'Prior day', 'VWAP', 'Pivots (classic)'...
 */
export interface PriceLevel {
  name: string;
  price: number;
  group: string;
  /** Signed points from the last price (positive = above it); undefined without a last price. */
  distance?: number;
}

/** The legend's name of each engine group, in the order the legend lists them. */
const GROUP_LABELS: Record<LevelGroup, string> = {
  'prior-day': 'Prior day',
  premarket: 'Pre-market',
  today: 'Today',
  'opening-range': 'Opening range',
  vwap: 'VWAP',
  atr: 'ATR move',
  'implied-move': 'IV move',
  'prior-week': 'Prior week',
  'prior-month': 'Prior month',
  'pivot-classic': 'Pivots (classic)',
  'pivot-fibonacci': 'Pivots (Fibonacci)',
  'pivot-camarilla': 'Pivots (Camarilla)',
  'pivot-woodie': 'Pivots (Woodie)',
};
const GROUP_ORDER = Object.keys(GROUP_LABELS) as LevelGroup[];

/** The VWAP group: drawn as curves with their bands on intraday charts, never as price lines. */
export const VWAP_GROUP = GROUP_LABELS.vwap;

/** Levels of today's minutes: across a year of daily candles they only pile up around the last one. */
const INTRADAY_GROUPS: ReadonlySet<string> = new Set([GROUP_LABELS.premarket, GROUP_LABELS['opening-range'], GROUP_LABELS.vwap]);
export const DAILY_CHART_NOTE = 'Daily chart: pre-market, opening-range and VWAP levels are drawn on intraday charts only.';

/** The levels drawn as horizontal price lines: those of the groups switched on, less the intraday ones on a daily chart and the VWAP (a curve). */
export function priceLineLevels(levels: readonly PriceLevel[], hiddenGroups: ReadonlySet<string>, daily: boolean): PriceLevel[] {
  return levels.filter(({ group }) => !hiddenGroups.has(group) && group !== VWAP_GROUP && !(daily && INTRADAY_GROUPS.has(group)));
}

/**
 * Every group at once is 40-odd lines whose labels pile up on the price axis. A day-trader's main
 * levels are shown (prior day, pre-market, today's open/high/low, opening ranges, VWAP); the
 * pivots, expected moves and prior week/month are one switch away.
 */
const SHOWN_BY_DEFAULT: readonly LevelGroup[] = ['prior-day', 'premarket', 'today', 'opening-range', 'vwap'];
export const DEFAULT_HIDDEN_GROUPS: ReadonlySet<string> = new Set(GROUP_ORDER.filter((g) => !SHOWN_BY_DEFAULT.includes(g)).map((g) => GROUP_LABELS[g]));

/** The engine's levels as chart levels, grouped by legend name in GROUP_LABELS order. */
export function toPriceLevels(result: LevelsResponse): PriceLevel[] {
  return [...result.levels]
    .sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group))
    .map((level) => ({ name: level.name, price: level.price, group: GROUP_LABELS[level.group], distance: level.distance?.points }));
}

/**
 * Levels at the same price (to the cent) as one line, so their labels do not hide each other:
 * 'ORH 15m' and 'ORH 30m' become 'ORH 15m/30m', 'PDL' and 'PWL' become 'PDL · PWL'. The first
 * level of each price keeps its group (and so its colour) and its place in the order.
 */
export function mergeCoincidentLevels(levels: readonly PriceLevel[]): PriceLevel[] {
  const byCent = new Map<number, PriceLevel[]>();
  for (const level of levels) {
    const cent = Math.round(level.price * 100);
    byCent.set(cent, [...(byCent.get(cent) ?? []), level]);
  }
  return [...byCent.values()].map((same) => (same.length === 1 ? same[0]! : { ...same[0]!, name: joinNames(same.map((l) => l.name)) }));
}

/**
 * The drawn level whose line passes nearest a click at height `y` (pixels from the chart's top),
 * within `tolerancePx`; undefined when the click is not on a line. `priceToY` is the chart's own
 * mapping (null for a price off the scale).
 */
export function levelNearY<T extends { price: number }>(levels: readonly T[], y: number, priceToY: (price: number) => number | null, tolerancePx = 6): T | undefined {
  let nearest: T | undefined;
  let best = tolerancePx;
  for (const level of levels) {
    const lineY = priceToY(level.price);
    if (lineY === null) continue;
    const gap = Math.abs(lineY - y);
    if (gap <= best) {
      best = gap;
      nearest = level;
    }
  }
  return nearest;
}

/** Names sharing their first word are written once with their suffixes ('ORL 5m/15m'), others side by side. */
function joinNames(names: readonly string[]): string {
  const byWord = new Map<string, string[]>();
  for (const name of names) {
    const [word = name, ...rest] = name.split(' ');
    byWord.set(word, [...(byWord.get(word) ?? []), rest.join(' ')]);
  }
  return [...byWord.entries()]
    .map(([word, suffixes]) => (suffixes.length > 1 && suffixes.every(Boolean) ? `${word} ${suffixes.join('/')}` : suffixes.map((suffix) => (suffix ? `${word} ${suffix}` : word)).join(' · ')))
    .join(' · ');
}

/** Why the levels have no VWAP, in the legend's words (a missing group would say nothing); undefined when they have one. */
export function missingVwapNote(result: LevelsResponse, bars: readonly Bar[]): string | undefined {
  if (result.vwap.series.length > 0) return undefined;
  if (bars.length > 0 && bars.every((bar) => bar.volume === 0)) return `No VWAP: ${result.symbol} prints no volume (an index), so there is nothing to weight its prices by.`;
  return 'No VWAP yet: it starts with the regular session at 09:30.';
}

/** Levels grouped in first-seen order, for the legend. */
export function groupLevels(levels: readonly PriceLevel[]): [string, PriceLevel[]][] {
  const groups = new Map<string, PriceLevel[]>();
  for (const level of levels) groups.set(level.group, [...(groups.get(level.group) ?? []), level]);
  return [...groups.entries()];
}

/** A distinct colour per group (by its place among the groups shown), stable across renders; the legend's swatches use the same index. */
const GROUP_COLORS = ['#f2a93b', '#4f8cff', '#c084fc', '#2dd4bf', '#f472b6', '#a3e635', '#fb7185', '#38bdf8'];
export const GROUP_COLOR_COUNT = GROUP_COLORS.length;
export function groupColor(group: string, groups: readonly string[]): string {
  return GROUP_COLORS[Math.max(0, groups.indexOf(group)) % GROUP_COLORS.length]!;
}
