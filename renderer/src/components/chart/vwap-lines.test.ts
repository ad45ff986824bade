import { describe, expect, it } from 'vitest';
import { vwapPoint, type VwapPoint } from '../../../../shared/schemas/levels';
import type { Bar } from '../../../../shared/schemas/market';
import { toChartTime } from './chart-time';
import { vwapLineData } from './vwap-lines';

const OPEN = Date.parse('2025-07-02T13:30:00Z'); // 09:30 New York
const MINUTE = 60_000;

const point = (minute: number, vwap: number, sigma = 1): VwapPoint => vwapPoint(OPEN + minute * MINUTE, vwap, sigma);
const bar = (minute: number): Bar => ({ time: OPEN + minute * MINUTE, open: 1, high: 1, low: 1, close: 1, volume: 1 });

describe('vwapLineData', () => {
  it('gives 1m bars their own minute', () => {
    const lines = vwapLineData([point(0, 100), point(1, 101), point(2, 102)], [bar(-1), bar(0), bar(1), bar(2)], 1);
    expect(lines.vwap).toEqual([0, 1, 2].map((m) => ({ time: toChartTime(OPEN + m * MINUTE), value: 100 + m })));
    expect(lines.upper3.map((p) => p.value)).toEqual([103, 104, 105]);
  });

  it('gives each 5m bar the VWAP of its last minute, at the bar time', () => {
    const points = Array.from({ length: 12 }, (_, m) => point(m, 100 + m, 2));
    const lines = vwapLineData(points, [bar(-5), bar(0), bar(5), bar(10)], 5);
    expect(lines.vwap).toEqual([
      { time: toChartTime(OPEN), value: 104 },
      { time: toChartTime(OPEN + 5 * MINUTE), value: 109 },
      { time: toChartTime(OPEN + 10 * MINUTE), value: 111 }, // the bar under way: its latest minute
    ]);
    expect(lines.lower2.map((p) => p.value)).toEqual([100, 105, 107]);
  });

  it('leaves out minutes no bar covers (bars of another day, or not loaded yet)', () => {
    expect(vwapLineData([point(0, 100)], [bar(-24 * 60)], 5).vwap).toEqual([]);
    expect(vwapLineData([point(0, 100), point(7, 101)], [bar(0)], 5).vwap).toEqual([{ time: toChartTime(OPEN), value: 100 }]);
    expect(vwapLineData([point(0, 100)], [], 5).vwap).toEqual([]);
  });
});
