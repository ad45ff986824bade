import type { OcrPage, OcrWord } from '../types';

/**
 * The page's words regrouped into table rows and cells by position. Tesseract's own lines are not
 * trusted to be rows: on a table it often reads a column block by block, so words are gathered by
 * their vertical centre instead, then split into cells at gaps wider than a space.
 */

export interface Row {
  words: OcrWord[];
  y0: number;
  y1: number;
  text: string;
}

export interface Cell {
  words: OcrWord[];
  x0: number;
  x1: number;
  text: string;
}

const centre = (w: OcrWord) => (w.y0 + w.y1) / 2;
const height = (w: OcrWord) => w.y1 - w.y0;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Typical height of a word of text (punctuation excluded: a comma's box is a few pixels). */
export function textHeight(words: OcrWord[]): number {
  const tall = words.filter((w) => w.text.replace(/[^A-Za-z0-9$]/g, '').length >= 2).map(height);
  return median(tall.length ? tall : words.map(height)) || 1;
}

/** All words of the page gathered into rows, top to bottom, each row's words left to right. */
export function rowsOf(page: OcrPage): Row[] {
  const words = page.lines.flatMap((l) => l.words).filter((w) => w.text.trim() !== '');
  if (words.length === 0) return [];
  const lineHeight = textHeight(words);
  const rows: { words: OcrWord[]; centre: number }[] = [];
  for (const word of [...words].sort((a, b) => centre(a) - centre(b))) {
    const row = rows[rows.length - 1];
    // Same row when the centres are within half a line of text.
    if (row && Math.abs(centre(word) - row.centre) <= lineHeight * 0.5) {
      row.words.push(word);
      row.centre = row.words.reduce((s, w) => s + centre(w), 0) / row.words.length;
    } else {
      rows.push({ words: [word], centre: centre(word) });
    }
  }
  return rows.map(({ words: ws }) => {
    const sorted = ws.sort((a, b) => a.x0 - b.x0);
    return { words: sorted, y0: Math.min(...sorted.map((w) => w.y0)), y1: Math.max(...sorted.map((w) => w.y1)), text: sorted.map((w) => w.text).join(' ') };
  });
}

/**
 * A row's cells: words closer than about one text height (a space) belong together; a wider gap
 * is the padding between two columns.
 */
export function cellsOf(row: Row, lineHeight = textHeight(row.words)): Cell[] {
  const cells: Cell[] = [];
  for (const word of row.words) {
    const cell = cells[cells.length - 1];
    if (cell && word.x0 - cell.x1 <= lineHeight * 1.1) {
      cell.words.push(word);
      cell.x1 = Math.max(cell.x1, word.x1);
      cell.text += ` ${word.text}`;
    } else {
      cells.push({ words: [word], x0: word.x0, x1: word.x1, text: word.text });
    }
  }
  return cells;
}

/** Horizontal overlap of two spans (negative: the gap between them). */
export function overlap(a: { x0: number; x1: number }, b: { x0: number; x1: number }): number {
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
}
