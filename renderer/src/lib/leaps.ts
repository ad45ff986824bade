import type { Issue } from '../../../shared/errors';
import type { LeapsProjection, ProjectionCell } from '../../../shared/schemas/leaps';

/** The cells of one IV shift as rows of dates × columns of price moves (the heat map's table). */
export function heatmapRows(projection: Pick<LeapsProjection, 'dates' | 'priceMoves' | 'cells'>, ivShift: number): { date: string; cells: ProjectionCell[] }[] {
  const byKey = new Map(projection.cells.filter((c) => c.ivShift === ivShift).map((c) => [`${c.date}|${c.priceMove}`, c]));
  return projection.dates.map((date) => ({ date, cells: projection.priceMoves.map((move) => byKey.get(`${date}|${move}`)!) }));
}

/** Strongest and faintest fill of a heat-map cell (its P&L against the largest |P&L| of the table). */
const MAX_ALPHA = 0.7;
const MIN_ALPHA = 0.06;

/** The fill of a P&L cell: green for gains, red for losses, stronger with size; none for zero. */
export function heatColor(pnl: number, maxAbs: number): string | undefined {
  if (!maxAbs || !pnl) return undefined;
  const alpha = MIN_ALPHA + (MAX_ALPHA - MIN_ALPHA) * Math.min(1, Math.abs(pnl) / maxAbs);
  const rgb = pnl > 0 ? '34 197 94' : '240 82 79';
  return `rgb(${rgb} / ${alpha.toFixed(3)})`;
}

/** "+12 %", "−5 %", "0 %": a price move as the column header shows it. */
export function formatMove(percent: number): string {
  if (percent === 0) return '0 %';
  return `${percent > 0 ? '+' : '−'}${Math.abs(percent)} %`;
}

/** Dollars without cents, signed: "+1,250", "−80", "0". */
export function formatDollars(value: number): string {
  const rounded = Math.round(value);
  if (rounded === 0) return '0';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toLocaleString('en-US')}`;
}

/** "today", "tomorrow", "in 12 days". */
export function formatDaysUntil(days: number): string {
  if (days <= 0) return 'today';
  return days === 1 ? 'tomorrow' : `in ${days} days`;
}

/**
 * A comma-separated list of numbers ("1.30, -0.45") as numbers, or the first piece that is not one.
 * An empty text is an empty list.
 */
export function parseNumberList(text: string): { values: number[] } | { error: string } {
  const pieces = text.split(',').map((s) => s.trim()).filter(Boolean);
  const values: number[] = [];
  for (const piece of pieces) {
    const value = Number(piece.replace('−', '-'));
    if (!Number.isFinite(value)) return { error: `"${piece}" is not a number` };
    values.push(value);
  }
  return { values };
}

/** A form's number field: a number when it reads as one, else the text itself so zod names the field. */
export function numberOrText(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : trimmed;
}

/** The third Friday of January of a year (the standard LEAPS expiration, before any holiday shift). */
export function januaryLeapsExpiry(year: number): string {
  const weekday = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const day = 1 + ((5 - weekday + 7) % 7) + 14;
  return `${year}-01-${String(day).padStart(2, '0')}`;
}

/** A January LEAPS at least nine months past `today` (YYYY-MM-DD): next year's from January to March, else the one after. */
export function defaultLeapsExpiry(today: string): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return januaryLeapsExpiry(month <= 3 ? year + 1 : year + 2);
}

/** "Enter the strike" for each required field left blank, as issues at the field's path. */
export function blankIssues(fields: readonly [path: string, value: string, what: string][]): Issue[] {
  return fields.filter(([, value]) => !value.trim()).map(([path, , what]) => ({ path: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message: `Enter ${what}`, code: 'custom' }));
}
