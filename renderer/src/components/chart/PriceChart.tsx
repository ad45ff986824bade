import {
  CandlestickSeries,
  ColorType,
  createChart,
  HistogramSeries,
  LineSeries,
  LineStyle,
  type CandlestickData,
  type HistogramData,
  type IChartApi,
  type IPriceLine,
  type ISeriesApi,
  type MouseEventParams,
} from 'lightweight-charts';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { VwapPoint } from '../../../../shared/schemas/levels';
import { TIMEFRAME_MINUTES, type Bar, type Timeframe, type TradingSession } from '../../../../shared/schemas/market';
import { toChartTime } from './chart-time';
import { groupColor, levelNearY, mergeCoincidentLevels, priceLineLevels, VWAP_GROUP, type PriceLevel } from './levels';
import { extendedHoursRuns, SessionShade } from './session-shade';
import { VWAP_LINES, vwapLineData, type VwapLineKey } from './vwap-lines';

const UP = '#22c55e';
const DOWN = '#f0524f';
const FIT_ALL_BARS = 400;
const EXTENDED_SHADE = 'rgba(120, 135, 170, 0.08)';
/** Empty room right of the last bar, where the level lines' labels are written, so they do not cover the latest candles. */
const LABEL_ROOM_PX = 110;

interface Series {
  chart: IChartApi;
  candles: ISeriesApi<'Candlestick'>;
  volume: ISeriesApi<'Histogram'>;
  /** Bands behind pre-market and after-hours bars. */
  shade: SessionShade;
  vwap: Record<VwapLineKey, ISeriesApi<'Line'>>;
}

/** Further bands are fainter and more broken, so the VWAP itself stands out. */
const BAND_STYLE = { 0: LineStyle.Solid, 1: LineStyle.Dashed, 2: LineStyle.Dotted, 3: LineStyle.SparseDotted } as const;
const BAND_ALPHA = { 0: 'ff', 1: 'd0', 2: 'a8', 3: '88' } as const;
const bandOf = (key: VwapLineKey) => (key === 'vwap' ? 0 : Number(key.slice(-1)) as 1 | 2 | 3);

interface PriceChartProps {
  bars: readonly Bar[];
  sessions: readonly TradingSession[];
  timeframe: Timeframe;
  /** Identifies the series: a new key fits the view, the same key keeps the user's zoom and scroll. */
  seriesKey: string;
  levels: readonly PriceLevel[];
  hiddenGroups: ReadonlySet<string>;
  /** Today's per-minute session VWAP with its bands; drawn as lines on intraday timeframes. */
  vwap: readonly VwapPoint[];
  /** Offered on a level line clicked on the chart: "Alert at PDH 601.25" beside the click. */
  onAlertAt?: (level: PriceLevel) => void;
}

/** A level line clicked, and where (pixels in the chart), for the "Alert at" button. */
interface PickedLine {
  level: PriceLevel;
  x: number;
  y: number;
}

/**
 * Candles and volume with lightweight-charts (canvas; its attribution logo, which injects a style
 * element the CSP refuses, is replaced by a text credit beside the chart), levels as labelled price
 * lines, and on intraday timeframes the VWAP with its ±1/±2/±3σ bands as line series. What is drawn
 * is also counted in data attributes, since the canvas cannot be inspected.
 */
export function PriceChart({ bars, sessions, timeframe, seriesKey, levels, hiddenGroups, vwap, onAlertAt }: PriceChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const series = useRef<Series | null>(null);
  const shownKey = useRef('');
  const [picked, setPicked] = useState<PickedLine>();
  /** The lines drawn now, read by the chart's click handler (subscribed once, with the chart). */
  const drawnLines = useRef<readonly PriceLevel[]>([]);
  const groups = useMemo(() => [...new Set(levels.map((l) => l.group))], [levels]);
  const vwapCurves = timeframe !== '1d';
  const drawnLevels = useMemo(
    () => priceLineLevels(levels, hiddenGroups, !vwapCurves),
    [levels, hiddenGroups, vwapCurves],
  );
  const priceLines = useMemo(() => mergeCoincidentLevels(drawnLevels), [drawnLevels]);
  const extendedRuns = useMemo(() => (timeframe === '1d' ? [] : extendedHoursRuns(bars, sessions)), [bars, sessions, timeframe]);
  const vwapLines = useMemo(
    () => vwapLineData(vwapCurves && !hiddenGroups.has(VWAP_GROUP) ? vwap : [], bars, TIMEFRAME_MINUTES[timeframe]),
    [vwap, bars, timeframe, vwapCurves, hiddenGroups],
  );
  const vwapColor = groupColor(VWAP_GROUP, groups);

  useEffect(() => {
    const chart = createChart(container.current!, {
      autoSize: true,
      layout: { background: { type: ColorType.Solid, color: '#0f131a' }, textColor: '#8d97a9', attributionLogo: false, fontSize: 11 },
      grid: { vertLines: { color: '#1b2230' }, horzLines: { color: '#1b2230' } },
      rightPriceScale: { borderColor: '#222a37' },
      timeScale: { borderColor: '#222a37', timeVisible: true, secondsVisible: false, rightOffsetPixels: LABEL_ROOM_PX },
      crosshair: { mode: 0 },
    });
    const volume = chart.addSeries(HistogramSeries, { priceScaleId: 'volume', priceFormat: { type: 'volume' }, priceLineVisible: false, lastValueVisible: false });
    chart.priceScale('volume').applyOptions({ scaleMargins: { top: 0.8, bottom: 0 }, visible: false });
    const candles = chart.addSeries(CandlestickSeries, { upColor: UP, downColor: DOWN, borderVisible: false, wickUpColor: UP, wickDownColor: DOWN });
    const shade = new SessionShade(EXTENDED_SHADE);
    candles.attachPrimitive(shade);
    const vwapSeries = Object.fromEntries(
      VWAP_LINES.map(({ key, title, width }) => [
        key,
        chart.addSeries(LineSeries, { title, lineWidth: width, lineStyle: BAND_STYLE[bandOf(key)], priceLineVisible: false, crosshairMarkerVisible: key === 'vwap' }),
      ]),
    ) as Record<VwapLineKey, ISeriesApi<'Line'>>;
    series.current = { chart, candles, volume, shade, vwap: vwapSeries };
    // Price lines take no clicks of their own: a click within a few pixels of one picks it.
    const pickLine = ({ point }: MouseEventParams) => {
      const level = point && levelNearY(drawnLines.current, point.y, (price) => candles.priceToCoordinate(price));
      setPicked(level && point ? { level, x: point.x, y: point.y } : undefined);
    };
    chart.subscribeClick(pickLine);
    return () => {
      chart.unsubscribeClick(pickLine);
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
    s.shade.setRuns(extendedRuns);
    if (bars.length && shownKey.current !== seriesKey) {
      shownKey.current = seriesKey;
      // Few bars fill the width; of many, the latest are shown at a readable spacing (scroll for more),
      // the last one left of the labels' room.
      const timeScale = s.chart.timeScale();
      if (bars.length <= FIT_ALL_BARS) timeScale.fitContent();
      else {
        const from = bars.length - FIT_ALL_BARS;
        const span = (FIT_ALL_BARS - 1) / Math.max(0.5, 1 - LABEL_ROOM_PX / Math.max(1, timeScale.width()));
        timeScale.setVisibleLogicalRange({ from, to: from + span });
      }
    }
  }, [bars, extendedRuns, seriesKey]);

  useEffect(() => {
    drawnLines.current = onAlertAt ? priceLines : [];
  }, [priceLines, onAlertAt]);

  useEffect(() => {
    const s = series.current;
    if (!s) return;
    const lines: IPriceLine[] = priceLines.map((level) =>
      s.candles.createPriceLine({ price: level.price, color: groupColor(level.group, groups), lineWidth: 1, lineStyle: LineStyle.Dashed, axisLabelVisible: true, title: level.name }),
    );
    return () => {
      // On unmount the chart (and its series) is removed first, by the effect declared above.
      if (series.current !== s) return;
      for (const line of lines) s.candles.removePriceLine(line);
    };
  }, [priceLines, groups]);

  useEffect(() => {
    const s = series.current;
    if (!s) return;
    for (const { key } of VWAP_LINES) {
      s.vwap[key].applyOptions({ color: `${vwapColor}${BAND_ALPHA[bandOf(key)]}` });
      s.vwap[key].setData(vwapLines[key]);
    }
  }, [vwapLines, vwapColor]);

  // A picked line that is no longer drawn (group hidden, symbol changed) loses its button.
  const pickedLine = picked && priceLines.some((l) => l.name === picked.level.name && l.price === picked.level.price) ? picked : undefined;
  const vwapLineCount = VWAP_LINES.filter(({ key }) => vwapLines[key].length > 0).length;
  return (
    <>
      <div ref={container} className="price-chart-canvas" data-testid="chart-canvas" data-level-count={drawnLevels.length} data-price-lines={priceLines.length} data-vwap-lines={vwapLineCount} data-extended-runs={extendedRuns.length} />
      {pickedLine && onAlertAt && (
        <button
          type="button"
          className="button chart-alert-button"
          style={{ left: pickedLine.x, top: pickedLine.y }}
          onClick={() => {
            setPicked(undefined);
            onAlertAt(pickedLine.level);
          }}
        >
          Alert at {pickedLine.level.name} {pickedLine.level.price.toFixed(2)}
        </button>
      )}
    </>
  );
}
