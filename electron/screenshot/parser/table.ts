import type { ExtractedPosition } from '../../../shared/schemas/screenshot';
import type { OcrPage, OcrWord, ParsedTable } from '../types';
import { resolvePosition, type MoneyRead, type RowReading } from './confidence';
import { findHeader, type Column, type ColumnKind } from './header';
import { parseInstrument } from './instrument';
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
    if (spansNumeric && cell.words.length > 1) for (const word of cell.words) add(columnFor(word, columns).kind, [word]);
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

/** Digits after the point most of a column's values show (0: whole numbers or no pattern). */
function usualDecimals(values: (MoneyRead | undefined)[]): number {
  const read = values.filter((v): v is MoneyRead => v !== undefined);
  const counts = new Map<number, number>();
  for (const v of read) if (v.decimals > 0) counts.set(v.decimals, (counts.get(v.decimals) ?? 0) + 1);
  const [decimals, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  return count * 2 >= read.length ? decimals : 0;
}

function readMoney(words: OcrWord[] | undefined): MoneyRead | undefined {
  const cell = cellNumber(words);
  if (!cell || cell.n.percent) return undefined;
  return { value: cell.n.value, decimals: cell.n.decimals, confidence: minConfidence(cell.words), corrected: cell.n.corrected, alternatives: [] };
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
  const body = rows.slice(header.rowIndex + 1).map((row) => ({ row, cells: assign(row, header.columns, lineHeight) }));
  const money = body.map(({ cells }) => Object.fromEntries(MONEY.map((kind) => [kind, readMoney(cells[kind])])) as Record<MoneyKind, MoneyRead | undefined>);

  // A value without its decimal point in a column that shows cents ("1235" among "12.35"s): 12.35 is likelier.
  for (const kind of MONEY) {
    const decimals = usualDecimals(money.map((m) => m[kind]));
    if (decimals === 0) continue;
    for (const m of money) {
      const v = m[kind];
      if (v && v.decimals === 0 && Math.abs(v.value) >= 10 ** decimals) {
        v.alternatives.push(v.value);
        v.value = v.value / 10 ** decimals;
        v.inferred = true;
      }
    }
  }

  const positions: ExtractedPosition[] = [];
  const warnings: string[] = [];
  body.forEach(({ row, cells }, i) => {
    const rawText = row.text.slice(0, 500);
    const instrumentWords = [...(cells.instrument ?? []), ...(cells.strike ?? []), ...(cells.expiry ?? []), ...(cells.right ?? [])];
    const quantity = cellNumber(cells.quantity);
    const prices = MONEY.filter((k) => money[i]![k] !== undefined).length;
    const instrument = instrumentWords.length ? parseInstrument(wordsText(instrumentWords), today) : undefined;
    if (!instrument) {
      if (quantity && prices > 0) warnings.push(`Skipped a row: could not read the instrument in "${rawText}".`);
      return;
    }
    if (!quantity || quantity.n.value === 0 || quantity.n.percent) {
      if (instrument.assetType !== 'stock' || prices > 0) warnings.push(`Skipped "${rawText}": no quantity found.`);
      return;
    }
    const sideText = `${wordsText(cells.side)} ${wordsText(cells.quantity)} ${wordsText(cells.avgPrice)} ${wordsText(cells.instrument)}`;
    const reading: RowReading = {
      instrument,
      instrumentConfidence: minConfidence(instrumentWords),
      quantity: { value: Math.abs(quantity.n.value), negative: quantity.n.value < 0, confidence: minConfidence(quantity.words), corrected: quantity.n.corrected },
      sideWord: sideWord(sideText),
      ...money[i]!,
    };
    positions.push(resolvePosition(reading, rawText));
  });

  if (positions.length === 0 && warnings.length === 0) warnings.push('A positions table was found, but no rows could be read from it.');
  return { broker: header.broker, positions, warnings };
}
