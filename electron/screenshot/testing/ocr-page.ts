import type { OcrLine, OcrPage, OcrWord } from '../types';

/**
 * An OcrPage built from plain text, for parser tests: each line is a row, each run of non-spaces a
 * word whose box follows its character offsets (monospace: `charWidth` px a character), so columns
 * lined up with spaces in the test sit under their headings as in a screenshot. A word's confidence
 * is `confidence` unless `confidences` names it (by its exact text).
 */
export function ocrPageFromText(
  text: string,
  options: { charWidth?: number; lineHeight?: number; confidence?: number; confidences?: Record<string, number> } = {},
): OcrPage {
  const { charWidth = 7, lineHeight = 20, confidence = 0.95, confidences = {} } = options;
  const textHeight = Math.round(charWidth * 1.4);
  const lines: OcrLine[] = text
    .split('\n')
    .map((line, row) => {
      const words: OcrWord[] = [];
      for (const match of line.matchAll(/\S+/g)) {
        const y0 = row * lineHeight + (lineHeight - textHeight) / 2;
        words.push({
          text: match[0],
          confidence: confidences[match[0]] ?? confidence,
          x0: match.index * charWidth,
          x1: (match.index + match[0].length) * charWidth,
          y0,
          y1: y0 + textHeight,
        });
      }
      const mean = words.length ? words.reduce((s, w) => s + w.confidence, 0) / words.length : 0;
      return { text: words.map((w) => w.text).join(' '), confidence: mean, words };
    })
    .filter((l) => l.words.length > 0);
  const all = lines.flatMap((l) => l.words);
  return {
    text: lines.map((l) => l.text).join('\n'),
    confidence: all.length ? all.reduce((s, w) => s + w.confidence, 0) / all.length : 0,
    lines,
    width: Math.max(0, ...all.map((w) => w.x1)),
    height: text.split('\n').length * lineHeight,
  };
}
