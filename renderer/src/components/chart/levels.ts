/**
 * A horizontal price level drawn on the chart (from `levels:get` once it is wired, or the quote's
 * previous close). `group` is what the legend toggles: 'Pivots', 'VWAP', 'Previous day'...
 */
export interface PriceLevel {
  name: string;
  price: number;
  group: string;
}

/** Levels grouped in first-seen order, for the legend. */
export function groupLevels(levels: readonly PriceLevel[]): [string, PriceLevel[]][] {
  const groups = new Map<string, PriceLevel[]>();
  for (const level of levels) groups.set(level.group, [...(groups.get(level.group) ?? []), level]);
  return [...groups.entries()];
}

/** A distinct colour per group, stable across renders. */
const GROUP_COLORS = ['#f2a93b', '#4f8cff', '#c084fc', '#2dd4bf', '#f472b6', '#a3e635'];
export function groupColor(group: string, groups: readonly string[]): string {
  return GROUP_COLORS[Math.max(0, groups.indexOf(group)) % GROUP_COLORS.length]!;
}
