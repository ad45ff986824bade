import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { CheckedImage } from './types';
import { checkImage } from './image';
import { blackPercentile, ocrScale, prepareForOcr, textLineHeight } from './preprocess';

/** Lines of text at `fontSize` px on a background, with a header bar as wide as the picture. */
async function tableImage(fontSize: number, colors: { background: string; text: string }, width = 700): Promise<CheckedImage> {
  const lineGap = fontSize * 2.2;
  const rows = Array.from({ length: 6 }, (_, i) =>
    `<text x="12" y="${50 + (i + 1) * lineGap}" font-family="DejaVu Sans" font-size="${fontSize}" fill="${colors.text}">Apply SPY Jun 600 Call qty 2 price 12.35</text>`,
  ).join('');
  const height = Math.round(60 + 7 * lineGap);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${colors.background}"/><rect y="8" width="100%" height="30" fill="${colors.text}"/>${rows}</svg>`;
  return checkImage(await sharp(Buffer.from(svg)).png().toBuffer());
}

const LIGHT = { background: '#ffffff', text: '#202020' };
const DARK = { background: '#15171a', text: '#e8e8e8' };

describe('textLineHeight', () => {
  it('measures the height of text lines, ignoring a full-width bar and specks', () => {
    // 10 px wide: rows 2–5 hold the letters (4 px band), row 7 is a bar, row 9 one speck.
    const width = 10;
    const grey = Buffer.alloc(width * 12, 255);
    for (const y of [2, 3, 4, 5]) grey.fill(0, y * width + 1, y * width + 4);
    grey.fill(0, 7 * width, 8 * width);
    grey[9 * width + 5] = 0;
    grey[9 * width + 6] = 0;
    expect(textLineHeight(grey, width, 12)).toBe(4);
    expect(textLineHeight(Buffer.alloc(width * 12, 255), width, 12)).toBeUndefined();
  });

  it('grows with the font size of a rendered table', async () => {
    const heights: number[] = [];
    for (const size of [10, 13, 26]) {
      const image = await tableImage(size, LIGHT);
      const grey = await sharp(image.data).greyscale().toColourspace('b-w').raw().toBuffer();
      heights.push(textLineHeight(grey, image.width, image.height)!);
    }
    // DejaVu Sans from the top of a capital to the bottom of a "y" is about 0.95 em.
    expect(heights[0]).toBeGreaterThanOrEqual(9);
    expect(heights[0]).toBeLessThanOrEqual(11);
    expect(heights[1]).toBeGreaterThanOrEqual(12);
    expect(heights[1]).toBeLessThanOrEqual(14);
    expect(heights[2]).toBeGreaterThanOrEqual(24);
    expect(heights[2]).toBeLessThanOrEqual(27);
  });
});

describe('blackPercentile', () => {
  /** `ink` of 10 000 pixels black, the rest at the background's grey. */
  const picture = (ink: number, background = 240) => Buffer.concat([Buffer.alloc(ink, 0), Buffer.alloc(10_000 - ink, background)]);

  it('is the usual 1 % where text covers 2 % or more, and shrinks with sparser text', () => {
    expect(blackPercentile(picture(600))).toBe(1);
    expect(blackPercentile(picture(200))).toBe(1);
    // 0.6 % ink (a small table on a big screen): 0.3 %.
    expect(blackPercentile(picture(60))).toBeCloseTo(0.3, 10);
    expect(blackPercentile(picture(0))).toBe(0.05);
  });

  it('does not count pixels close to the background as ink', () => {
    // 20 % of the pixels a shade (20 levels) darker than the background: a zebra row, not text.
    const zebra = Buffer.concat([Buffer.alloc(2000, 220), Buffer.alloc(8000, 240)]);
    expect(blackPercentile(zebra)).toBe(0.05);
  });
});

describe('ocrScale', () => {
  it('brings text lines to 36 px, between 1× and 5×, under 25 megapixels', () => {
    expect(ocrScale(800, 300, 12)).toBe(3);
    expect(ocrScale(800, 300, 9)).toBe(4);
    expect(ocrScale(800, 300, 6)).toBe(5);
    expect(ocrScale(800, 300, 48)).toBe(1);
    expect(ocrScale(800, 300, undefined)).toBe(3);
    // 2560 × 1440 at 3× would be 33 MP: sqrt(25e6 / 3 686 400) = 2.604…
    expect(ocrScale(2560, 1440, 12)).toBe(2.6);
  });
});

describe('prepareForOcr', () => {
  it('gives dark text on white for light and dark themes alike, enlarged to read 13 px text at about 3×', async () => {
    for (const colors of [LIGHT, DARK]) {
      const image = await tableImage(13, colors);
      expect(image.darkTheme).toBe(colors === DARK);
      const prepared = await prepareForOcr(image);
      expect(prepared.scale).toBeGreaterThan(2.5);
      expect(prepared.scale).toBeLessThan(3.1);
      // The header bar spans the picture: no plain margin to cut off.
      expect(prepared.width).toBe(Math.round(image.width * prepared.scale));
      const metadata = await sharp(prepared.png).metadata();
      expect([metadata.format, metadata.width, metadata.height, metadata.channels]).toEqual(['png', prepared.width, prepared.height, 1]);
      const data = await sharp(prepared.png).toColourspace('b-w').raw().toBuffer();
      const stats = await sharp(prepared.png).stats();
      // Contrast stretched to the full range; the background (most pixels) white.
      expect(stats.channels[0]!.min).toBeLessThan(10);
      expect(stats.channels[0]!.max).toBeGreaterThan(245);
      expect(data.filter((v) => v > 200).length / data.length).toBeGreaterThan(0.7);
    }
  });

  it('cuts a small table out of a full-screen capture and keeps its background light', async () => {
    const table = await tableImage(13, DARK);
    const screen = await sharp({ create: { width: 2560, height: 1440, channels: 3, background: '#0b0c0e' } })
      .composite([{ input: table.data, left: 300, top: 200 }])
      .png()
      .toBuffer();
    const prepared = await prepareForOcr(await checkImage(screen));
    expect(prepared.width).toBeLessThan((table.width + 40) * prepared.scale);
    expect(prepared.height).toBeLessThan((table.height + 40) * prepared.scale);
    const data = await sharp(prepared.png).toColourspace('b-w').raw().toBuffer();
    expect(data.filter((v) => v > 200).length / data.length).toBeGreaterThan(0.7);
  });

  it('is a function of the image alone', async () => {
    const image = await tableImage(11, DARK);
    const [a, b] = await Promise.all([prepareForOcr(image), prepareForOcr(image)]);
    expect(a.png.equals(b.png)).toBe(true);
    expect(a.scale).toBe(b.scale);
  });
});
