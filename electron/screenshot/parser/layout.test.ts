import { describe, expect, it } from 'vitest';
import type { OcrPage, OcrWord } from '../types';
import { cellsOf, overlap, rowsOf, textHeight } from './layout';

const word = (text: string, x0: number, y0: number, width = text.length * 8, height = 12): OcrWord => ({ text, confidence: 0.9, x0, x1: x0 + width, y0, y1: y0 + height });
const page = (words: OcrWord[][]): OcrPage => ({ text: '', confidence: 0.9, width: 800, height: 200, lines: words.map((ws) => ({ text: ws.map((w) => w.text).join(' '), confidence: 0.9, words: ws })) });

describe('rowsOf', () => {
  it('regroups words into rows by their vertical centre, whatever lines tesseract made', () => {
    // Tesseract read the table column by column: one "line" per column.
    const rows = rowsOf(
      page([
        [word('SPY', 10, 40), word('AAPL', 10, 70, 32, 13)],
        [word('+2', 200, 41), word('+150', 200, 69)],
        [word('12.35', 300, 39), word('228.40', 300, 71)],
      ]),
    );
    expect(rows.map((r) => r.text)).toEqual(['SPY +2 12.35', 'AAPL +150 228.40']);
  });

  it('keeps a comma or a dash (small boxes) on its row', () => {
    const rows = rowsOf(page([[word('1', 10, 40), word(',', 18, 49, 3, 4), word('012.50', 22, 40)], [word('QQQ', 10, 70)]]));
    expect(rows.map((r) => r.words.length)).toEqual([3, 1]);
  });

  it('returns no rows for an empty page', () => {
    expect(rowsOf(page([]))).toEqual([]);
  });
});

describe('cellsOf', () => {
  it('splits a row at gaps wider than a space', () => {
    const [row] = rowsOf(page([[word('SPY', 0, 0), word('100', 28, 0), word('CALL', 56, 0), word('+2', 200, 0), word('$4.20', 300, 0), word('credit', 345, 0)]]));
    expect(cellsOf(row!).map((c) => c.text)).toEqual(['SPY 100 CALL', '+2', '$4.20 credit']);
  });

  it('measures text by its words, not by punctuation', () => {
    expect(textHeight([word('SPY', 0, 0, 24, 12), word(',', 30, 8, 3, 4), word('CALL', 40, 0, 32, 12)])).toBe(12);
  });

  it('measures overlap, negative for a gap', () => {
    expect(overlap({ x0: 0, x1: 10 }, { x0: 5, x1: 20 })).toBe(5);
    expect(overlap({ x0: 0, x1: 10 }, { x0: 14, x1: 20 })).toBe(-4);
  });
});
