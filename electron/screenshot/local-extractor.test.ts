import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import type { ScreenshotProgress } from '../../shared/schemas/screenshot';
import { checkImage } from './image';
import { LocalOcrExtractor } from './local-extractor';

const COLUMNS = [16, 260, 340, 440, 540];

/** A plain positions table drawn with sharp (13 px text, the columns at fixed x). */
async function tableImage(rows: string[][], colors = { background: '#ffffff', text: '#222222' }): Promise<Buffer> {
  const cells = rows
    .map((row, r) =>
      row.map((cell, c) => `<text x="${COLUMNS[c]}" y="${30 + r * 28}" font-family="DejaVu Sans" font-size="13" fill="${colors.text}">${cell}</text>`).join(''),
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="${30 + rows.length * 28}"><rect width="100%" height="100%" fill="${colors.background}"/>${cells}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

const TABLE = [
  ['Symbol', 'Qty', 'Avg Price', 'Mark', 'P/L Open'],
  ['SPY 261218C00600000', '2', '12.35', '13.10', '150.00'],
  ['AAPL', '-10', '228.40', '231.15', '-27.50'],
];

const run = () => ({ signal: new AbortController().signal, onProgress: () => undefined });

describe('LocalOcrExtractor', () => {
  const extractor = new LocalOcrExtractor({ today: () => '2026-12-01' });
  afterAll(() => extractor.dispose());

  it('reads the positions of a dark-theme table, with its progress in order', { timeout: 120_000 }, async () => {
    const image = await checkImage(await tableImage(TABLE, { background: '#16181c', text: '#e0e0e0' }));
    expect(image.darkTheme).toBe(true);
    const progress: Array<Omit<ScreenshotProgress, 'type'>> = [];
    const extraction = await extractor.extract(image, { signal: new AbortController().signal, onProgress: (p) => progress.push(p) });

    expect(extraction.method).toBe('local_ocr');
    expect(extraction.rawText).toContain('228.40');
    expect(extraction.positions.map(({ confidence: _c, rawText: _r, ...fields }) => fields)).toEqual([
      { symbol: 'SPY', assetType: 'call', strike: 600, expiry: '2026-12-18', quantity: 2, side: 'long', avgPrice: 12.35, mark: 13.1, pnl: 150 },
      { symbol: 'AAPL', assetType: 'stock', strike: null, expiry: null, quantity: 10, side: 'short', avgPrice: 228.4, mark: 231.15, pnl: -27.5 },
    ]);

    const stages = progress.map((p) => p.stage).filter((stage, i, all) => stage !== all[i - 1]);
    expect(stages).toEqual(['preparing', 'loading_ocr', 'recognizing', 'parsing']);
    for (const [i, p] of progress.entries()) {
      expect(p.progress).toBeGreaterThanOrEqual(i ? progress[i - 1]!.progress : 0);
      expect(p.progress).toBeLessThanOrEqual(1);
      expect(p.message).not.toBe('');
    }
  });

  it('finds no positions in a picture without a table, and says so', { timeout: 120_000 }, async () => {
    const prose = [['The market opened higher on Monday.'], ['Nothing here is a position.']];
    const extraction = await extractor.extract(await checkImage(await tableImage(prose)), run());
    expect(extraction.positions).toEqual([]);
    expect(extraction.warnings.join(' ')).toMatch(/No positions table found/);
  });

  it('stops before reading when the caller has already given up', async () => {
    const controller = new AbortController();
    controller.abort();
    const image = await checkImage(await tableImage(TABLE));
    await expect(extractor.extract(image, { signal: controller.signal, onProgress: () => undefined })).rejects.toMatchObject({ code: 'aborted' });
  });
});
