import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { CoachError } from '../../shared/errors';
import { checkImage, medianLuminance, sniffImageType } from './image';

/** A small position-table-like picture: rows of text on a background, with a header band. */
function tableSvg(width: number, height: number, colors: { background: string; text: string; header: string }): Buffer {
  const rows = Array.from({ length: Math.floor((height - 40) / 24) }, (_, i) =>
    `<text x="10" y="${60 + i * 24}" font-family="sans-serif" font-size="14" fill="${colors.text}">SPY 20 JUN 25 600 CALL   +2   4.10   5.25   +230.00</text>`,
  ).join('');
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<rect width="100%" height="100%" fill="${colors.background}"/><rect width="100%" height="32" fill="${colors.header}"/>${rows}</svg>`,
  );
}

const LIGHT = { background: '#ffffff', text: '#1a1a1a', header: '#2b3a55' };
const DARK = { background: '#121417', text: '#e6e6e6', header: '#d0d4da' };

async function rendered(format: 'png' | 'jpeg' | 'webp', colors = LIGHT, width = 640, height = 240): Promise<Buffer> {
  return sharp(tableSvg(width, height, colors)).toFormat(format).toBuffer();
}

async function refusal(promise: Promise<unknown>): Promise<CoachError> {
  const error: unknown = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(CoachError);
  return error as CoachError;
}

describe('checkImage', () => {
  it('accepts PNG, JPEG and WebP, by their bytes whatever the declared type says', async () => {
    for (const [format, mime] of [['png', 'image/png'], ['jpeg', 'image/jpeg'], ['webp', 'image/webp']] as const) {
      const bytes = await rendered(format);
      const checked = await checkImage(bytes, 'image/png');
      expect(checked).toMatchObject({ mimeType: mime, width: 640, height: 240, darkTheme: false });
      expect(checked.data).toBe(bytes);
    }
  });

  it('refuses a file that is not an image, naming an unsupported declared type', async () => {
    const text = Buffer.from('Symbol,Qty,Price\nSPY,2,4.10\n'.repeat(20));
    const error = await refusal(checkImage(text, 'text/csv'));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('This file (text/csv) is not an image the app can read: use a PNG, JPEG or WebP screenshot');
    expect((await refusal(checkImage(text))).message).toBe('This file is not an image the app can read: use a PNG, JPEG or WebP screenshot');
    const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(200)]);
    expect((await refusal(checkImage(gif, 'image/gif'))).message).toContain('(image/gif) is not an image the app can read');
  });

  it('refuses a truncated PNG whose header is intact', async () => {
    const png = await rendered('png');
    const truncated = png.subarray(0, Math.floor(png.length * 0.6));
    expect(sniffImageType(truncated)).toBe('image/png');
    const error = await refusal(checkImage(truncated, 'image/png'));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('The PNG file is damaged and cannot be read');
  });

  it('refuses a PNG with flipped bytes in its image data', async () => {
    const png = Buffer.from(await rendered('png'));
    const idat = png.indexOf('IDAT');
    expect(idat).toBeGreaterThan(0);
    for (let i = idat + 20; i < idat + 60; i++) png[i] = png[i]! ^ 0xff;
    expect((await refusal(checkImage(png))).message).toBe('The PNG file is damaged and cannot be read');
  });

  it('refuses a truncated JPEG', async () => {
    const jpeg = await rendered('jpeg');
    const error = await refusal(checkImage(jpeg.subarray(0, 300)));
    expect(error.message).toBe('The JPEG file is damaged and cannot be read');
  });

  it('refuses a 30 MB file by its size alone, before decoding it', async () => {
    // A PNG signature followed by junk: decoding it would fail as "damaged"; the size check answers first.
    const huge = Buffer.alloc(30 * 1024 * 1024, 0x41);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(huge);
    const error = await refusal(checkImage(huge, 'image/png'));
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toBe('The image is 30.0 MB; the limit is 10 MB');
  });

  it('refuses pictures too small to hold a table, and larger than a screen', async () => {
    const tiny = await sharp({ create: { width: 150, height: 60, channels: 3, background: '#fff' } }).png().toBuffer();
    const small = await refusal(checkImage(tiny));
    expect(small.code).toBe('invalid_input');
    expect(small.message).toBe('The image is 150 × 60 pixels, too small to hold a readable table (at least 200 × 80)');

    const wide = await sharp({ create: { width: 9000, height: 100, channels: 3, background: '#fff' } }).png().toBuffer();
    expect((await refusal(checkImage(wide))).message).toBe('The image is 9000 × 100 pixels; the limit is 8000 × 8000 and 40 megapixels');
  });

  it('tells a dark theme from a light one by the background, not by a bright header band', async () => {
    expect((await checkImage(await rendered('png', DARK))).darkTheme).toBe(true);
    expect((await checkImage(await rendered('webp', DARK))).darkTheme).toBe(true);
    expect((await checkImage(await rendered('png', LIGHT))).darkTheme).toBe(false);
    // A light table under a dark toolbar that covers a third of the picture is still light.
    const toolbar = { ...LIGHT, header: '#000000' };
    const withToolbar = await sharp(tableSvg(640, 96, toolbar)).png().toBuffer();
    expect((await checkImage(withToolbar)).darkTheme).toBe(false);
  });
});

describe('medianLuminance', () => {
  it('is the middle grey level', () => {
    expect(medianLuminance(Buffer.from([0, 0, 10, 200, 255]))).toBe(10);
    expect(medianLuminance(Buffer.from([250, 250, 250, 3]))).toBe(250);
  });
});
