import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { CoachError } from '../../../shared/errors';
import { ocrProgress, TesseractOcr } from './tesseract';

/** Three table rows in black on white, drawn at OCR size (about 40 px text). */
async function renderRows(rows: string[]): Promise<Buffer> {
  const text = rows
    .map((row, i) => `<text x="30" y="${70 + i * 80}" font-family="DejaVu Sans" font-size="40" xml:space="preserve">${row}</text>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1500" height="${60 + rows.length * 80}"><rect width="100%" height="100%" fill="#fff"/>${text}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

const HEADER = 'Symbol    Qty    Avg    Mark';
const SPY_ROW = 'SPY 250620C00600000    2    12.35    13.10';
const AAPL_ROW = 'AAPL    150    228.40    231.15';
const ROWS = [HEADER, SPY_ROW, AAPL_ROW];

describe('TesseractOcr', () => {
  const ocr = new TesseractOcr();
  afterAll(() => ocr.terminate());

  it('reads lines of words with boxes and 0..1 confidences, from the bundled model', { timeout: 120_000 }, async () => {
    const png = await renderRows(ROWS);
    const stages = new Set<string>();
    const page = await ocr.recognize(png, { onProgress: (stage, fraction) => {
      expect(fraction).toBeGreaterThanOrEqual(0);
      expect(fraction).toBeLessThanOrEqual(1);
      stages.add(stage);
    } });
    expect([...stages]).toEqual(['loading_ocr', 'recognizing']);
    expect(page.width).toBe(1500);
    expect(page.lines.map((line) => line.words.map((word) => word.text))).toEqual([
      ['Symbol', 'Qty', 'Avg', 'Mark'],
      ['SPY', '250620C00600000', '2', '12.35', '13.10'],
      ['AAPL', '150', '228.40', '231.15'],
    ]);
    const spy = page.lines[1]!;
    const aapl = page.lines[2]!;
    // Boxes are in the image's pixels: left to right within a line, lines top to bottom.
    expect(spy.words[0]!.x0).toBeGreaterThanOrEqual(25);
    expect(spy.words[0]!.x0).toBeLessThan(40);
    expect(spy.words[1]!.x0).toBeGreaterThan(spy.words[0]!.x1);
    expect(aapl.words[0]!.y0).toBeGreaterThan(spy.words[0]!.y1);
    for (const word of page.lines.flatMap((line) => line.words)) {
      expect(word.confidence).toBeGreaterThan(0.5);
      expect(word.confidence).toBeLessThanOrEqual(1);
    }
    expect(page.confidence).toBeGreaterThan(0.8);
    expect(page.text).toContain('228.40');
  });

  it('runs readings one at a time, each with its own progress', { timeout: 120_000 }, async () => {
    const [first, second] = await Promise.all([renderRows([SPY_ROW]), renderRows([AAPL_ROW])]);
    const seen: string[] = [];
    const pages = await Promise.all([
      ocr.recognize(first, { onProgress: () => seen.push('first') }),
      ocr.recognize(second, { onProgress: () => seen.push('second') }),
    ]);
    expect(pages.map((page) => page.lines[0]!.words[0]!.text)).toEqual(['SPY', 'AAPL']);
    // Every progress event of the first reading comes before any of the second's.
    expect(seen.lastIndexOf('first')).toBeLessThan(seen.indexOf('second'));
  });

  it('stops a reading on abort and reads the next screenshot with a fresh worker', { timeout: 120_000 }, async () => {
    const png = await renderRows(ROWS);
    const controller = new AbortController();
    const reading = ocr.recognize(png, {
      signal: controller.signal,
      onProgress: (stage) => {
        if (stage === 'recognizing') controller.abort();
      },
    });
    const error: unknown = await reading.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoachError);
    expect((error as CoachError).code).toBe('aborted');

    const already = new AbortController();
    already.abort();
    await expect(ocr.recognize(png, { signal: already.signal })).rejects.toMatchObject({ code: 'aborted' });

    const page = await ocr.recognize(png);
    expect(page.lines[2]!.words[0]!.text).toBe('AAPL');
  });

  it('says clearly when the model cannot be found, each time it is asked', async () => {
    const broken = new TesseractOcr({ langPath: '/nonexistent/tessdata' });
    const png = await renderRows([AAPL_ROW]);
    for (let attempt = 0; attempt < 2; attempt++) {
      const error: unknown = await broken.recognize(png).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CoachError);
      expect((error as CoachError).code).toBe('unavailable');
      expect((error as CoachError).message).toBe('The text recogniser could not start: its English model is missing (/nonexistent/tessdata/eng.traineddata.gz)');
    }
    await broken.terminate();
  });
});

describe('ocrProgress', () => {
  it('spreads the four start-up steps over one 0..1 and passes the reading through', () => {
    expect(ocrProgress('loading tesseract core', 0)).toEqual({ stage: 'loading_ocr', fraction: 0 });
    expect(ocrProgress('loading language traineddata', 0.5)).toEqual({ stage: 'loading_ocr', fraction: 0.625 });
    expect(ocrProgress('initializing api', 1)).toEqual({ stage: 'loading_ocr', fraction: 1 });
    expect(ocrProgress('recognizing text', 0.4)).toEqual({ stage: 'recognizing', fraction: 0.4 });
    expect(ocrProgress('something new', 0.4)).toBeUndefined();
  });
});
