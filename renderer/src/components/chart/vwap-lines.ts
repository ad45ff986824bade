import type { LineData } from 'lightweight-charts';
import type { VwapPoint } from '../../../../shared/schemas/levels';
import type { Bar } from '../../../../shared/schemas/market';
import { toChartTime } from './chart-time';

/** The VWAP and its bands, each a line series of its own. */
export const VWAP_LINES = [
  { key: 'vwap', title: 'VWAP', width: 2 },
  { key: 'upper1', title: '+1σ', width: 1 },
  { key: 'lower1', title: '−1σ', width: 1 },
  { key: 'upper2', title: '+2σ', width: 1 },
  { key: 'lower2', title: '−2σ', width: 1 },
  { key: 'upper3', title: '+3σ', width: 1 },
  { key: 'lower3', title: '−3σ', width: 1 },
] as const satisfies readonly { key: keyof VwapPoint; title: string; width: number }[];
export type VwapLineKey = (typeof VWAP_LINES)[number]['key'];

/**
 * The per-minute VWAP sampled at the chart's bars: each bar gets the VWAP at its last minute (the
 * value a trader sees when the bar closes), stamped with the bar's own time, so the lines share the
 * candles' time points and never add columns of their own. Minutes outside every bar (another
 * session, bars not loaded yet) give no point. Both inputs are sorted by time.
 */
export function vwapLineData(points: readonly VwapPoint[], bars: readonly Bar[], barMinutes: number): Record<VwapLineKey, LineData[]> {
  const lines = Object.fromEntries(VWAP_LINES.map(({ key }) => [key, [] as LineData[]])) as Record<VwapLineKey, LineData[]>;
  const barMs = barMinutes * 60_000;
  let bar = 0;
  let lastStart: number | undefined;
  for (const point of points) {
    while (bar + 1 < bars.length && bars[bar + 1]!.time <= point.time) bar++;
    const start = bars[bar]?.time;
    if (start === undefined || point.time < start || point.time >= start + barMs) continue;
    // A later minute of the same bar replaces the earlier one.
    const replace = start === lastStart;
    for (const { key } of VWAP_LINES) {
      const entry = { time: toChartTime(start), value: point[key] };
      if (replace) lines[key][lines[key].length - 1] = entry;
      else lines[key].push(entry);
    }
    lastStart = start;
  }
  return lines;
}
