import type { ExtractedPosition } from '../../../shared/schemas/screenshot';
import type { OcrPage, OcrWord, ParsedTable } from '../types';
import { resolvePosition, type MoneyRead, type RowReading } from './confidence';
import { findHeader, type Column, type ColumnKind } from './header';
import { looseStock, parseInstrument, type Instrument } from './instrument';
import { cellsOf, overlap, rowsOf, textHeight, type Row } from './layout';
import { readNumber, sideWord } from './numbers';

/**
 * A broker's positions table read off an OCR page: the heading row names the columns, each row
 * below is cut into cells, each cell goes to the column it sits under, and the cells are read
 * into a position with a confidence per field (see confidence.ts).
 */

const NUMERIC: ColumnKind[] = ['quantity', 'avgPrice', 'mark', 'pnl'];
const MONEY = ['avgPrice', 'mark', 'pnl'] as const;
type MoneyKind = (typeof MONEY)[number];

type Assigned = Partial<Record<ColumnKind, OcrWord[]>>;

/** The column a span sits under: the most overlap, else the nearest heading. */
function columnFor(span: { x0: number; x1: number }, columns: Column[]): Column {
  return columns.reduce((best, c) => (overlap(span, c) > overlap(span, best) ? c : best));
}

function assign(row: Row, columns: Column[], lineHeight: number): Assigned {
  const out: Assigned = {};
  const add = (kind: ColumnKind, words: OcrWord[]) => (out[kind] = [...(out[kind] ?? []), ...words]);
  for (const cell of cellsOf(row, lineHeight)) {
    const column = columnFor(cell, columns);
    // Two numbers OCR joined into one cell across columns: each goes under its own heading.
    const spansNumeric = columns.filter((c) => NUMERIC.includes(c.kind) && overlap(cell, c) > 0).length > 1;
    if (spansNumeric && cell.words.length > 1 && cell.words.every((w) => readNumber(w.text))) for (const word of cell.words) add(columnFor(word, columns).kind, [word]);
    else add(column.kind, cell.words);
  }
  return out;
}

const minConfidence = (words: OcrWord[]) => (words.length ? Math.min(...words.map((w) => w.confidence)) : 0);
const wordsText = (words: OcrWord[] | undefined) => (words ?? []).map((w) => w.text).join(' ');

/** The number in a cell: the whole cell (a split "1, 012.50"), else its first numeric word. */
function cellNumber(words: OcrWord[] | undefined): { n: NonNullable<ReturnType<typeof readNumber>>; words: OcrWord[] } | undefined {
  if (!words?.length) return undefined;
  const whole = readNumber(words.map((w) => w.text).join(''));
  if (whole) return { n: whole, words };
  for (const word of words) {
    const n = readNumber(word.text);
    if (n) return { n, words: [word] };
  }
  return undefined;
}

/**
 * Digits after the point the column's values show (the commonest count; 0 when none shows any).
 * Brokers format a column one way, so a whole number among cents lost its point to OCR.
 */
function usualDecimals(values: (MoneyRead | undefined)[]): number {
  const counts = new Map<number, number>();
  for (const v of values) if (v && v.decimals > 0) counts.set(v.decimals, (counts.get(v.decimals) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

function readMoney(words: OcrWord[] | undefined): MoneyRead | undefined {
  const cell = cellNumber(words);
  if (!cell || cell.n.percent) return undefined;
  const { value, decimals, digits, signed, corrected } = cell.n;
  return { text: cell.words.map((w) => w.text).join(''), value, decimals, digits, signed, corrected, confidence: minConfidence(cell.words), alternatives: [] };
}

/**
 * Repairs that need the whole column, kept as alternatives for the P&L check to choose from:
 * - a value without its decimal point among values with cents ("1235" among "12.35"s) is taken
 *   as 12.35 (brokers format a column one way); a price column with no cents at all follows the
 *   other price column;
 * - an unsigned P&L starting with 4 may be a "+" read as 4 ("4115.00" for "+115.00").
 * Returns whether the P&L column writes losses in parentheses (then its sign is trusted).
 */
function repairColumns(money: Record<MoneyKind, MoneyRead | undefined>[]): boolean {
  const own = Object.fromEntries(MONEY.map((kind) => [kind, usualDecimals(money.map((m) => m[kind]))])) as Record<MoneyKind, number>;
  for (const kind of MONEY) {
    const decimals = own[kind] || (kind === 'avgPrice' ? own.mark : kind === 'mark' ? own.avgPrice : 0);
    const withPoint = (n: { value: number; decimals: number; digits: number }) => (decimals > 0 && n.decimals === 0 && n.digits > decimals ? n.value / 10 ** decimals : n.value);
    for (const m of money) {
      const v = m[kind];
      if (!v) continue;
      if (withPoint(v) !== v.value) {
        v.alternatives.push({ value: v.value, signed: v.signed });
        v.value = withPoint(v);
        v.inferred = true;
      }
      const rest = kind === 'pnl' && !v.signed && v.text.startsWith('4') ? readNumber(v.text.slice(1)) : undefined;
      if (rest && rest.digits > 0 && !rest.signed) v.alternatives.push({ value: withPoint(rest), signed: true });
    }
  }
  return money.some((m) => m.pnl && /^\(|\)$/.test(m.pnl.text));
}

interface BodyRow {
  row: Row;
  cells: Assigned;
}

/**
 * Instrument descriptions wrapped over two lines ("SPY $600 Call" above "12/18/26"), the numbers
 * beside one line or between the two: a row with numbers takes the text-only rows right above or
 * below it when its own description is missing or does not read alone. The rows taken are dropped.
 */
function joinWrappedInstruments(body: BodyRow[], lineHeight: number, today: string): BodyRow[] {
  const textOnly = (b: BodyRow | undefined) => b !== undefined && Object.keys(b.cells).every((k) => k === 'instrument' || k === 'other') && (b.cells.instrument?.length ?? 0) > 0;
  const close = (upper: BodyRow, lower: BodyRow) => lower.row.y0 - upper.row.y1 < lineHeight * 1.2;
  const reads = (words: OcrWord[]) => parseInstrument(wordsText(words), today) !== undefined;
  const taken = new Set<BodyRow>();
  body.forEach((b, i) => {
    if (!NUMERIC.some((k) => b.cells[k]) || taken.has(b)) return;
    const own = b.cells.instrument ?? [];
    if (own.length && reads(own)) return;
    const above = textOnly(body[i - 1]) && !taken.has(body[i - 1]!) && close(body[i - 1]!, b) ? body[i - 1] : undefined;
    const below = textOnly(body[i + 1]) && close(b, body[i + 1]!) ? body[i + 1] : undefined;
    for (const [before, after] of [[above, undefined], [undefined, below], [above, below]] as const) {
      if (!before && !after) continue;
      const words = [...(before?.cells.instrument ?? []), ...own, ...(after?.cells.instrument ?? [])];
      if (!reads(words)) continue;
      b.cells.instrument = words;
      b.row = { ...b.row, text: [before?.row.text, b.row.text, after?.row.text].filter(Boolean).join(' ') };
      if (before) taken.add(before);
      if (after) taken.add(after);
      return;
    }
  });
  return body.filter((b) => !taken.has(b));
}

export interface ParseOptions {
  /** YYYY-MM-DD; resolves an expiry written without a year. Default: today (UTC). */
  today?: string;
}

export function parsePositionTable(page: OcrPage, options: ParseOptions = {}): ParsedTable {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const rows = rowsOf(page);
  const header = findHeader(rows);
  if (!header) return { broker: 'generic', positions: [], warnings: ['No positions table found: no heading row with a quantity and a price or P&L column.'] };

  const lineHeight = textHeight(rows.flatMap((r) => r.words));
  const body = joinWrappedInstruments(
    rows.slice(header.rowIndex + 1).map((row) => ({ row, cells: assign(row, header.columns, lineHeight) })),
    lineHeight,
    today,
  );
  const money = body.map(({ cells }) => Object.fromEntries(MONEY.map((kind) => [kind, readMoney(cells[kind])])) as Record<MoneyKind, MoneyRead | undefined>);

  const negativesInParentheses = repairColumns(money);

  const positions: ExtractedPosition[] = [];
  const warnings: string[] = [];
  body.forEach(({ row, cells }, i) => {
    const read = readRow(row, cells, money[i]!, today, negativesInParentheses);
    if (read?.position) positions.push(read.position);
    if (read?.warning) warnings.push(read.warning);
  });

  if (positions.length === 0 && warnings.length === 0) warnings.push('A positions table was found, but no rows could be read from it.');
  return { broker: header.broker, positions, warnings };
}

/** Confidence of a quantity worked out from the P&L instead of read. */
const QUANTITY_FROM_PNL = 0.5;

/** The quantity that makes the P&L follow from the prices, when it is a whole number. */
function quantityFromPnl(instrument: Instrument, m: Record<MoneyKind, MoneyRead | undefined>): RowReading['quantity'] | undefined {
  if (!m.avgPrice || !m.mark || !m.pnl) return undefined;
  const perUnit = (m.mark.value - m.avgPrice.value) * (instrument.assetType === 'stock' ? 1 : 100);
  if (perUnit === 0) return undefined;
  const exact = m.pnl.value / perUnit;
  const whole = Math.round(exact);
  if (whole === 0 || Math.abs(exact - whole) > 0.02 * Math.abs(whole)) return undefined;
  return { value: Math.abs(whole), negative: whole < 0, confidence: QUANTITY_FROM_PNL, corrected: false, fromPnl: true };
}

/** One body row: a position, a warning about it, both (a guess to check), or nothing (not a position row). */
function readRow(row: Row, cells: Assigned, money: Record<MoneyKind, MoneyRead | undefined>, today: string, negativesInParentheses: boolean): { position?: ExtractedPosition; warning?: string } | undefined {
  const rawText = row.text.slice(0, 500);
  const instrumentWords = [...(cells.instrument ?? []), ...(cells.strike ?? []), ...(cells.expiry ?? []), ...(cells.right ?? [])];
  const read = cellNumber(cells.quantity);
  const prices = MONEY.filter((k) => money[k] !== undefined).length;
  const text = wordsText(instrumentWords);
  const looksLikeRow = read !== undefined && prices > 0;
  // A lone word that is not quite a ticker ("AnPL") on a row with numbers: kept for the user to fix.
  const instrument = instrumentWords.length ? (parseInstrument(text, today) ?? (looksLikeRow ? looseStock(text) : undefined)) : undefined;
  if (!instrument) return looksLikeRow ? { warning: `Skipped a row: could not read the instrument in "${rawText}".` } : undefined;

  const readQuantity = read && read.n.value !== 0 && !read.n.percent ? { value: Math.abs(read.n.value), negative: read.n.value < 0, confidence: minConfidence(read.words), corrected: read.n.corrected } : undefined;
  const quantity: RowReading['quantity'] | undefined = readQuantity ?? quantityFromPnl(instrument, money);
  // A stock-like row with only a P&L is a group's subtotal (thinkorswim's underlying rows), not a position.
  const subtotal = instrument.assetType === 'stock' && !money.avgPrice && !money.mark;
  if (!quantity) return instrument.assetType !== 'stock' || (prices > 0 && !subtotal) ? { warning: `Skipped "${rawText}": no quantity found.` } : undefined;

  const sideText = `${wordsText(cells.side)} ${wordsText(cells.quantity)} ${wordsText(cells.avgPrice)} ${wordsText(cells.instrument)}`;
  const reading: RowReading = { instrument, instrumentConfidence: minConfidence(instrumentWords), quantity, sideWord: sideWord(sideText), negativesInParentheses, ...money };
  const position = resolvePosition(reading, rawText);
  return quantity.fromPnl ? { position, warning: `The quantity of "${rawText}" could not be read; ${quantity.value} was worked out from its P&L. Please check it.` } : { position };
}
