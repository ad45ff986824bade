import type { LevelGroup, LevelsResponse } from '../../../../shared/schemas/levels';

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

/** The VWAP group: drawn as curves with their bands on intraday charts, as price lines on daily ones. */
export const VWAP_GROUP = GROUP_LABELS.vwap;

/** Four pivot ladders at once bury the chart: the classic one is shown, the others on request. */
export const DEFAULT_HIDDEN_GROUPS: ReadonlySet<string> = new Set([
  GROUP_LABELS['pivot-fibonacci'],
  GROUP_LABELS['pivot-camarilla'],
  GROUP_LABELS['pivot-woodie'],
]);

/** The engine's levels as chart levels, grouped by legend name in GROUP_LABELS order. */
export function toPriceLevels(result: LevelsResponse): PriceLevel[] {
  return [...result.levels]
    .sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group))
    .map((level) => ({ name: level.name, price: level.price, group: GROUP_LABELS[level.group], distance: level.distance?.points }));
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
