import type { Bound, PositionAnalysis } from '../../../../shared/schemas/positions';
import { formatMoney } from '../../lib/journal';

/** The geometry of the payoff diagram, computed apart from React so it can be tested. */

type PayoffPoint = PositionAnalysis['curve'][number];
type Range = readonly [number, number];

/** Maps `domain` onto `range` linearly; swap the arguments for the inverse. A zero-width domain maps to the middle. */
export function linearScale([d0, d1]: Range, [r0, r1]: Range): (value: number) => number {
  const span = d1 - d0;
  if (span === 0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / span;
  return (value) => r0 + (value - d0) * k;
}

/** 1, 2 or 5 × a power of ten: the smallest such step that splits `span` into at most `maxTicks` intervals. */
export function niceStep(span: number, maxTicks: number): number {
  if (!(span > 0)) return 1;
  const rough = span / Math.max(1, maxTicks);
  const power = 10 ** Math.floor(Math.log10(rough));
  const unit = rough / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

/** The multiples of a nice step between `min` and `max`, both included when they fall on one. */
export function niceTicks(min: number, max: number, maxTicks: number): number[] {
  const step = niceStep(max - min, maxTicks);
  // Rounded to the step's decimals so 0.1 × 3 prints as 0.3, not 0.30000000000000004.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const ticks: number[] = [];
  for (let i = Math.ceil(min / step - 1e-9); i * step <= max + step * 1e-9; i++) ticks.push(Number((i * step).toFixed(decimals)) || 0);
  return ticks;
}

/** The P&L range to draw: every curve, zero and the given marks, with 8% of air above and below. */
export function pnlDomain(curve: readonly PayoffPoint[], marks: readonly number[] = []): [number, number] {
  const values = [0, ...marks, ...curve.flatMap((p) => [p.expiry, p.today, p.scenario ?? 0])].filter(Number.isFinite);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = (high - low || 1) * 0.08;
  return [low - pad, high + pad];
}

/** The P&L on `key` at `price`, interpolated between grid points; null outside the grid or where the curve is absent. */
export function valueAt(curve: readonly PayoffPoint[], price: number, key: 'expiry' | 'today' | 'scenario'): number | null {
  for (let i = 1; i < curve.length; i++) {
    const a = curve[i - 1]!;
    const b = curve[i]!;
    if (price < a.price || price > b.price) continue;
    const [va, vb] = [a[key], b[key]];
    if (va === undefined || vb === undefined) return null;
    return b.price === a.price ? va : va + ((price - a.price) / (b.price - a.price)) * (vb - va);
  }
  return null;
}

export interface Pt {
  x: number;
  y: number;
}

/** An SVG path through the points. */
export function linePath(points: readonly Pt[]): string {
  return points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('');
}

/** The points' line closed down (or up) to the horizontal line at `baseY`: the area between curve and zero. */
export function areaPath(points: readonly Pt[], baseY: number): string {
  if (points.length === 0) return '';
  return `${linePath(points)}L${points.at(-1)!.x.toFixed(1)},${baseY.toFixed(1)}L${points[0]!.x.toFixed(1)},${baseY.toFixed(1)}Z`;
}

/** Width of a label in the chart's 11 px font, near enough to keep labels apart (digits are ~0.6 em). */
export function labelWidth(text: string, fontPx = 11): number {
  return Math.ceil(text.length * fontPx * 0.6) + 8;
}

export interface PlacedLabel {
  /** Centre of the label, kept inside the bounds. */
  x: number;
  /** 0 for the first line of labels, 1 for the next... */
  row: number;
}

/**
 * Puts labels centred on their anchors, inside [left, right], each on the first row where it does not
 * overlap a label already placed (the two breakevens of a narrow condor sit on two rows). Input order kept.
 */
export function placeLabels(labels: readonly { anchor: number; width: number }[], [left, right]: Range, gap = 4): PlacedLabel[] {
  const rowEnds: number[] = [];
  const placed: PlacedLabel[] = new Array<PlacedLabel>(labels.length);
  const order = labels.map((_, i) => i).sort((a, b) => labels[a]!.anchor - labels[b]!.anchor);
  for (const i of order) {
    const { anchor, width } = labels[i]!;
    const x = Math.min(Math.max(anchor, left + width / 2), right - width / 2);
    let row = rowEnds.findIndex((end) => end + gap <= x - width / 2);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = x + width / 2;
    placed[i] = { x, row };
  }
  return placed;
}

/** "$250", "−$1.5k", "$12k": the P&L axis in few characters. */
export function formatPnlTick(value: number): string {
  const sign = value < 0 ? '−' : '';
  const abs = Math.abs(value);
  if (abs >= 1000) return `${sign}$${Number((abs / 1000).toFixed(abs >= 10_000 ? 0 : 1))}k`;
  return `${sign}$${Number(abs.toFixed(abs >= 10 ? 0 : 2))}`;
}

export const PLOT_MARGIN = { top: 14, right: 16, bottom: 40, left: 58 } as const;
/** Height of one row of breakeven labels at the top of the plot. */
export const LABEL_ROW = 16;

export interface PayoffInput {
  curve: readonly PayoffPoint[];
  breakevens: readonly number[];
  maxProfit: Bound;
  maxLoss: Bound;
  spot: number;
  /** The what-if scenario's point, when one is set. */
  scenario?: { price: number; pnl: number } | null;
}

export interface BreakevenMark {
  value: number;
  text: string;
  x: number;
  label: PlacedLabel & { y: number };
}

/** A max profit / max loss line: `y` null when unbounded (then labelled at the plot's edge). */
export interface ExtremeMark {
  value: Bound;
  text: string;
  y: number | null;
}

export interface PayoffLayout {
  plot: { left: number; right: number; top: number; bottom: number };
  x: (price: number) => number;
  y: (pnl: number) => number;
  /** Pixel → underlying price (for the hover read-out). */
  priceAt: (px: number) => number;
  zeroY: number;
  expiryPoints: Pt[];
  todayPoints: Pt[];
  /** The curve on the what-if's date at its IV; null when the what-if moves neither. */
  scenarioPoints: Pt[] | null;
  xTicks: { value: number; x: number }[];
  yTicks: { value: number; y: number }[];
  breakevens: BreakevenMark[];
  maxProfit: ExtremeMark;
  maxLoss: ExtremeMark;
  spotX: number | null;
  scenario: (Pt & { pnl: number }) | null;
}


/** Everything the payoff diagram draws, in pixels of a `width` × `height` drawing. */
export function payoffLayout(input: PayoffInput, width: number, height: number): PayoffLayout {
  const { curve } = input;
  const first = curve[0]?.price ?? input.spot * 0.9;
  const last = curve.at(-1)?.price ?? input.spot * 1.1;
  const breakevenTexts = input.breakevens.map((b) => `BE ${b.toFixed(2)}`);
  const plotLeft = PLOT_MARGIN.left;
  const plotRight = Math.max(plotLeft + 10, width - PLOT_MARGIN.right);
  const x = linearScale([first, last], [plotLeft, plotRight]);
  const placed = placeLabels(
    input.breakevens.map((b, i) => ({ anchor: x(b), width: labelWidth(breakevenTexts[i]!) })),
    [plotLeft, plotRight],
  );
  const rows = placed.reduce((n, p) => Math.max(n, p.row + 1), 0);
  // The breakeven labels get their own band above the curves, so they never cover the lines.
  const plot = { left: plotLeft, right: plotRight, top: PLOT_MARGIN.top + rows * LABEL_ROW, bottom: Math.max(PLOT_MARGIN.top + rows * LABEL_ROW + 10, height - PLOT_MARGIN.bottom) };
  const finite = (b: Bound, sign: number) => (b === 'unlimited' ? [] : [sign * b]);
  const marks = [...finite(input.maxProfit, 1), ...finite(input.maxLoss, -1), ...(input.scenario ? [input.scenario.pnl] : [])];
  const [low, high] = pnlDomain(curve, marks);
  const y = linearScale([low, high], [plot.bottom, plot.top]);
  const inside = (price: number) => price >= first && price <= last;
  const extreme = (value: Bound, sign: number, word: string): ExtremeMark => ({
    value,
    text: `${word} ${value === 'unlimited' ? 'unlimited' : formatMoney(value)}`,
    y: value === 'unlimited' ? null : y(sign * value),
  });
  return {
    plot,
    x,
    y,
    priceAt: linearScale([plotLeft, plotRight], [first, last]),
    zeroY: y(0),
    expiryPoints: curve.map((p) => ({ x: x(p.price), y: y(p.expiry) })),
    todayPoints: curve.map((p) => ({ x: x(p.price), y: y(p.today) })),
    scenarioPoints: curve.length && curve.every((p) => p.scenario !== undefined) ? curve.map((p) => ({ x: x(p.price), y: y(p.scenario!) })) : null,
    xTicks: niceTicks(first, last, Math.max(2, Math.floor((plotRight - plotLeft) / 80))).map((value) => ({ value, x: x(value) })),
    yTicks: niceTicks(low, high, Math.max(2, Math.floor((plot.bottom - plot.top) / 40))).map((value) => ({ value, y: y(value) })),
    breakevens: input.breakevens.map((value, i) => ({
      value,
      text: breakevenTexts[i]!,
      x: x(value),
      label: { ...placed[i]!, y: PLOT_MARGIN.top + placed[i]!.row * LABEL_ROW + 11 },
    })),
    maxProfit: extreme(input.maxProfit, 1, 'Max profit'),
    maxLoss: extreme(input.maxLoss, -1, 'Max loss'),
    spotX: inside(input.spot) ? x(input.spot) : null,
    scenario: input.scenario && inside(input.scenario.price) ? { x: x(input.scenario.price), y: y(input.scenario.pnl), pnl: input.scenario.pnl } : null,
  };
}
