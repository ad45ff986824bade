import {
  CandlestickSeries,
  ColorType,
  createChart,
  HistogramSeries,
  type CandlestickData,
  type HistogramData,
  type IChartApi,
  type IPriceLine,
  type ISeriesApi,
} from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import type { Bar, Timeframe, TradingSession } from '../../../../shared/schemas/market';
import { toChartTime } from './chart-time';
import { groupColor, type PriceLevel } from './levels';

const UP = '#22c55e';
const DOWN = '#f0524f';
const FIT_ALL_BARS = 400;
const EXTENDED_SHADE = 'rgba(120, 135, 170, 0.10)';

interface Series {
  chart: IChartApi;
  candles: ISeriesApi<'Candlestick'>;
  volume: ISeriesApi<'Histogram'>;
  /** Full-height columns behind pre-market and after-hours bars. */
  shade: ISeriesApi<'Histogram'>;
}

interface PriceChartProps {
  bars: readonly Bar[];
  sessions: readonly TradingSession[];
  timeframe: Timeframe;
  /** Identifies the series: a new key fits the view, the same key keeps the user's zoom and scroll. */
  seriesKey: string;
  levels: readonly PriceLevel[];
  hiddenGroups: ReadonlySet<string>;
}

/**
 * Candles and volume with lightweight-charts (canvas; its attribution logo, which injects a style
 * element the CSP refuses, is replaced by a text credit beside the chart). VWAP and its bands
 * will be one more line series created in the first effect.
 */
export function PriceChart({ bars, sessions, timeframe, seriesKey, levels, hiddenGroups }: PriceChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const series = useRef<Series | null>(null);
  const shownKey = useRef('');

  useEffect(() => {
    const chart = createChart(container.current!, {
      autoSize: true,
      layout: { background: { type: ColorType.Solid, color: '#0f131a' }, textColor: '#8d97a9', attributionLogo: false, fontSize: 11 },
      grid: { vertLines: { color: '#1b2230' }, horzLines: { color: '#1b2230' } },
      rightPriceScale: { borderColor: '#222a37' },
      timeScale: { borderColor: '#222a37', timeVisible: true, secondsVisible: false },
      crosshair: { mode: 0 },
    });
    const shade = chart.addSeries(HistogramSeries, { priceScaleId: 'session', priceLineVisible: false, lastValueVisible: false, base: 0 });
    chart.priceScale('session').applyOptions({ scaleMargins: { top: 0, bottom: 0 }, visible: false });
    const volume = chart.addSeries(HistogramSeries, { priceScaleId: 'volume', priceFormat: { type: 'volume' }, priceLineVisible: false, lastValueVisible: false });
    chart.priceScale('volume').applyOptions({ scaleMargins: { top: 0.8, bottom: 0 }, visible: false });
    const candles = chart.addSeries(CandlestickSeries, { upColor: UP, downColor: DOWN, borderVisible: false, wickUpColor: UP, wickDownColor: DOWN });
    series.current = { chart, candles, volume, shade };
    return () => {
      series.current = null;
      shownKey.current = '';
      chart.remove();
    };
  }, []);

  useEffect(() => {
    const s = series.current;
    if (!s) return;
    const candleData: CandlestickData[] = bars.map((b) => ({ time: toChartTime(b.time), open: b.open, high: b.high, low: b.low, close: b.close }));
    const volumeData: HistogramData[] = bars.map((b) => ({ time: toChartTime(b.time), value: b.volume, color: b.close >= b.open ? 'rgba(34,197,94,0.35)' : 'rgba(240,82,79,0.35)' }));
    s.candles.setData(candleData);
    s.volume.setData(volumeData);
    s.shade.setData(timeframe === '1d' ? [] : shadeData(bars, sessions));
    if (bars.length && shownKey.current !== seriesKey) {
      shownKey.current = seriesKey;
      // Few bars fill the width; of many, the latest are shown at a readable spacing (scroll for more).
      if (bars.length <= FIT_ALL_BARS) s.chart.timeScale().fitContent();
      else s.chart.timeScale().setVisibleLogicalRange({ from: bars.length - FIT_ALL_BARS, to: bars.length + 2 });
    }
  }, [bars, sessions, timeframe, seriesKey]);

  useEffect(() => {
    const s = series.current;
    if (!s) return;
    const groups = [...new Set(levels.map((l) => l.group))];
    const lines: IPriceLine[] = levels
      .filter((level) => !hiddenGroups.has(level.group))
      .map((level) =>
        s.candles.createPriceLine({ price: level.price, color: groupColor(level.group, groups), lineWidth: 1, lineStyle: 2, axisLabelVisible: true, title: level.name }),
      );
    return () => {
      // On unmount the chart (and its series) is removed first, by the effect declared above.
      if (series.current !== s) return;
      for (const line of lines) s.candles.removePriceLine(line);
    };
  }, [levels, hiddenGroups]);

  return <div ref={container} className="price-chart-canvas" />;
}

/** A column of height 1 (on its own hidden scale) behind every extended-hours bar. */
function shadeData(bars: readonly Bar[], sessions: readonly TradingSession[]): HistogramData[] {
  let i = 0;
  return bars.map((bar) => {
    while (i < sessions.length - 1 && bar.time >= sessions[i]!.afterClose) i += 1;
    const session = sessions[i];
    const extended = session !== undefined && (bar.time < session.open || bar.time >= session.close);
    return { time: toChartTime(bar.time), value: extended ? 1 : 0, color: extended ? EXTENDED_SHADE : 'rgba(0,0,0,0)' };
  });
}
