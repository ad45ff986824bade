import { toIssues, type Issue } from '../../../shared/errors';
import {
  ConfirmedPositionSchema,
  LOW_CONFIDENCE,
  MAX_SCREENSHOT_POSITIONS,
  type ConfirmedPosition,
  type ExtractedPosition,
  type PositionField,
} from '../../../shared/schemas/screenshot';
import { fieldErrors } from './field-errors';

/** The columns of the confirmation table, in order. */
export const ROW_FIELDS = ['symbol', 'assetType', 'strike', 'expiry', 'quantity', 'side', 'avgPrice', 'mark', 'pnl'] as const satisfies readonly PositionField[];

type NumberField = 'strike' | 'quantity' | 'avgPrice' | 'mark' | 'pnl';
const NUMBER_FIELDS: readonly NumberField[] = ['strike', 'quantity', 'avgPrice', 'mark', 'pnl'];

/**
 * One row of the confirmation table as the user edits it: the text of each input (a number is
 * only a number once it parses), and how sure the reader was of each field. A field the user
 * edited counts as checked (confidence 1), so its highlight goes.
 */
export interface DraftRow {
  /** Stable React key (rows are added and removed). */
  key: string;
  symbol: string;
  assetType: ConfirmedPosition['assetType'];
  strike: string;
  /** YYYY-MM-DD, as a date input holds it ('' when none). */
  expiry: string;
  quantity: string;
  side: ConfirmedPosition['side'];
  avgPrice: string;
  mark: string;
  pnl: string;
  confidence: Partial<Record<PositionField, number>>;
}

export type RowValues = Omit<DraftRow, 'key' | 'confidence'>;

/** What a row says once checked: the position, or the message of each field that is wrong. */
export type RowCheck = { ok: true; position: ConfirmedPosition } | { ok: false; errors: Partial<Record<PositionField, string>> };

/** A read number as its input shows it: 12 significant digits, so binary float noise (0.1 + 0.2 → 0.30000000000000004) never reaches the field. */
const numberText = (n: number | null) => (n === null || !Number.isFinite(n) ? '' : String(Number(n.toPrecision(12))));

const newKey = () => globalThis.crypto.randomUUID();

/** The table's rows from what the reader extracted; every field it read keeps its confidence. */
export function rowsFromExtraction(positions: readonly ExtractedPosition[]): DraftRow[] {
  return positions.map((p) => ({
    key: newKey(),
    symbol: p.symbol,
    assetType: p.assetType,
    strike: numberText(p.strike),
    expiry: p.expiry ?? '',
    quantity: numberText(Math.abs(p.quantity)),
    // A negative quantity is a short position whatever the side column said.
    side: p.quantity < 0 ? 'short' : p.side,
    avgPrice: numberText(p.avgPrice),
    mark: numberText(p.mark),
    pnl: numberText(p.pnl),
    confidence: { ...p.confidence.fields },
  }));
}

/** An empty row the user fills in (a position the reader missed); nothing in it is low-confidence. */
export function blankRow(): DraftRow {
  return { key: newKey(), symbol: '', assetType: 'stock', strike: '', expiry: '', quantity: '', side: 'long', avgPrice: '', mark: '', pnl: '', confidence: {} };
}

/** The row with one field changed by the user; the field now counts as checked. */
export function editRow<F extends keyof RowValues>(row: DraftRow, field: F, value: RowValues[F]): DraftRow {
  return { ...row, [field]: value, confidence: { ...row.confidence, [field]: 1 } };
}

/** Whether a field should be highlighted for the user to check (read, but with low confidence). */
export function isLowConfidence(row: DraftRow, field: PositionField): boolean {
  const confidence = row.confidence[field];
  return confidence !== undefined && confidence < LOW_CONFIDENCE;
}

/** A plain decimal number (JavaScript's Number() would also take "0x10", "1e3" and "Infinity"). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** A number typed by the user: '' is none; thousands separators and a $ (also after the sign: "-$435") are allowed. */
function parseNumber(text: string): number | null | 'invalid' {
  const cleaned = text.trim().replace(/^([+-]?)\$/, '$1').replace(/,/g, '');
  if (cleaned === '') return null;
  return DECIMAL.test(cleaned) ? Number(cleaned) : 'invalid';
}

/** zod's generic number messages ("Too small: expected number to be >0") in the table's words. */
function plainMessage(issue: Issue, row: DraftRow): string {
  const field = issue.path[0];
  if (field === 'quantity' && row.quantity.trim() === '') return 'Enter the quantity';
  if (issue.code === 'too_small') return field === 'pnl' ? 'Too small' : field === 'quantity' || field === 'strike' ? 'Must be more than 0' : 'Cannot be negative';
  if (issue.code === 'too_big') return 'Too large';
  return issue.message;
}

/** Checks a row with the schema the coach's input uses; a stock's strike and expiry are ignored. */
export function checkRow(row: DraftRow): RowCheck {
  const errors: Partial<Record<PositionField, string>> = {};
  const numbers: Partial<Record<NumberField, number | null>> = {};
  const option = row.assetType !== 'stock';
  for (const field of NUMBER_FIELDS) {
    if (field === 'strike' && !option) continue;
    const parsed = parseNumber(row[field]);
    if (parsed === 'invalid') errors[field] = 'Not a number';
    else numbers[field] = parsed;
  }
  const candidate = {
    symbol: row.symbol,
    assetType: row.assetType,
    strike: option ? (numbers.strike ?? null) : null,
    expiry: option && row.expiry !== '' ? row.expiry : null,
    quantity: numbers.quantity ?? Number.NaN,
    side: row.side,
    avgPrice: numbers.avgPrice ?? null,
    mark: numbers.mark ?? null,
    pnl: numbers.pnl ?? null,
  };
  const parsed = ConfirmedPositionSchema.safeParse(candidate);
  if (!parsed.success) {
    const issues = toIssues(parsed.error).map((issue) => ({ ...issue, message: plainMessage(issue, row) }));
    const { byField } = fieldErrors(issues, ROW_FIELDS);
    for (const [field, message] of Object.entries(byField)) errors[field as PositionField] ??= message;
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, position: parsed.data };
}

export interface TableCheck {
  /** Every row's check, by row key. */
  rows: Map<string, RowCheck>;
  /** The positions to send, when every row is valid and there is at least one. */
  positions: ConfirmedPosition[] | undefined;
  /** Why the table as a whole cannot be sent (no rows, too many). */
  problem: string | undefined;
}

/** Checks the whole table: it can be sent once every row is valid. */
export function checkTable(rows: readonly DraftRow[]): TableCheck {
  const checks = new Map(rows.map((row) => [row.key, checkRow(row)] as const));
  let problem: string | undefined;
  if (rows.length === 0) problem = 'Add at least one position';
  else if (rows.length > MAX_SCREENSHOT_POSITIONS) problem = `At most ${MAX_SCREENSHOT_POSITIONS} positions at a time`;
  const positions: ConfirmedPosition[] = [];
  for (const check of checks.values()) if (check.ok) positions.push(check.position);
  return { rows: checks, positions: !problem && positions.length === rows.length ? positions : undefined, problem };
}
