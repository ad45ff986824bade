import type { IChartApiBase, IPrimitivePaneRenderer, IPrimitivePaneView, ISeriesPrimitive, Logical, SeriesAttachedParameter, Time } from 'lightweight-charts';
import type { Bar, TradingSession } from '../../../../shared/schemas/market';

/** First and last index of a run of consecutive bars outside regular hours. */
export type BarRun = readonly [first: number, last: number];

/**
 * The runs of pre-market and after-hours bars (both inputs sorted by time). A bar belongs to the
 * session whose window [preOpen, afterClose) it starts in; bars of no session are left unshaded.
 */
export function extendedHoursRuns(bars: readonly Bar[], sessions: readonly TradingSession[]): BarRun[] {
  const runs: [number, number][] = [];
  let s = 0;
  bars.forEach((bar, index) => {
    while (s < sessions.length - 1 && bar.time >= sessions[s]!.afterClose) s += 1;
    const session = sessions[s];
    const extended = session !== undefined && bar.time >= session.preOpen && bar.time < session.afterClose && (bar.time < session.open || bar.time >= session.close);
    if (!extended) return;
    const last = runs[runs.length - 1];
    if (last && last[1] === index - 1) last[1] = index;
    else runs.push([index, index]);
  });
  return runs;
}

type DrawTarget = Parameters<IPrimitivePaneRenderer['draw']>[0];

/**
 * Shades the runs of extended-hours bars behind the candles as solid bands, edge to edge: a
 * histogram of 1s (what was drawn before) thinned into faint stripes once bars are wider than a
 * few pixels. Indices are the chart's logical indices, as every series shares the candles' times.
 */
export class SessionShade implements ISeriesPrimitive<Time> {
  private runs: readonly BarRun[] = [];
  private chart: IChartApiBase<Time> | undefined;
  private requestUpdate: (() => void) | undefined;
  private readonly view: IPrimitivePaneView = { zOrder: () => 'bottom', renderer: () => ({ draw: (target) => this.draw(target) }) };

  constructor(private readonly color: string) {}

  attached({ chart, requestUpdate }: SeriesAttachedParameter<Time>): void {
    this.chart = chart;
    this.requestUpdate = requestUpdate;
  }

  detached(): void {
    this.chart = undefined;
    this.requestUpdate = undefined;
  }

  setRuns(runs: readonly BarRun[]): void {
    this.runs = runs;
    this.requestUpdate?.();
  }

  paneViews(): readonly IPrimitivePaneView[] {
    return [this.view];
  }

  private draw(target: DrawTarget): void {
    const timeScale = this.chart?.timeScale();
    if (!timeScale) return;
    target.useBitmapCoordinateSpace(({ context, bitmapSize, horizontalPixelRatio }) => {
      context.fillStyle = this.color;
      for (const [first, last] of this.runs) {
        // Whole indices only: lightweight-charts maps a fractional logical index to 0.
        const left = timeScale.logicalToCoordinate(first as Logical);
        const next = timeScale.logicalToCoordinate((first + 1) as Logical);
        const right = timeScale.logicalToCoordinate(last as Logical);
        if (left === null || next === null || right === null) continue;
        const half = (next - left) / 2;
        const x = Math.round((left - half) * horizontalPixelRatio);
        context.fillRect(x, 0, Math.round((right + half) * horizontalPixelRatio) - x, bitmapSize.height);
      }
    });
  }
}
