import fs from 'node:fs';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { drawIcon, encodePng, renderIconPng } from './app-icon';

/** Reads a PNG back (chunks, CRCs, pixels) the way an image decoder would. */
function decodePng(png: Buffer) {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: { type: string; data: Buffer }[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    const crc = png.readUInt32BE(offset + 8 + length);
    expect(crc, `CRC of ${type}`).toBe(zlib.crc32(data, zlib.crc32(type)) >>> 0);
    chunks.push({ type, data });
    offset += 12 + length;
  }
  expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
  const header = chunks[0]!.data;
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  expect([header[8], header[9], header[10], header[11], header[12]]).toEqual([8, 6, 0, 0, 0]);
  const raw = zlib.inflateSync(chunks[1]!.data);
  expect(raw.length).toBe(height * (width * 4 + 1));
  const pixels = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    pixels.set(raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)), y * width * 4);
  }
  return { width, height, pixels };
}

function pixel(pixels: Uint8Array, size: number, x: number, y: number) {
  return [...pixels.subarray((y * size + x) * 4, (y * size + x) * 4 + 4)];
}

describe('renderIconPng', () => {
  it('encodes a valid RGBA PNG that decodes back to the drawn pixels', () => {
    for (const size of [16, 32, 64]) {
      const decoded = decodePng(renderIconPng(size));
      expect(decoded).toMatchObject({ width: size, height: size });
      expect(decoded.pixels).toEqual(drawIcon(size, 'color'));
    }
  });

  it('draws a green rounded square with a white line and transparent corners', () => {
    const size = 64;
    const pixels = drawIcon(size, 'color');
    expect(pixel(pixels, size, 0, 0)[3]).toBe(0); // rounded corner
    expect(pixel(pixels, size, 32, 58)).toEqual([16, 185, 129, 255]); // plain background
    expect(pixel(pixels, size, Math.round(0.8 * size) - 1, Math.round(0.3 * size))).toEqual([255, 255, 255, 255]); // line tip
  });

  it('makes a template icon out of black and alpha only, with the line cut out', () => {
    const size = 64;
    const pixels = drawIcon(size, 'template');
    for (let i = 0; i < pixels.length; i += 4) expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([0, 0, 0]);
    expect(pixel(pixels, size, 32, 58)[3]).toBe(255);
    expect(pixel(pixels, size, Math.round(0.8 * size) - 1, Math.round(0.3 * size))[3]).toBe(0);
  });

  it('stays small enough to draw at startup and to commit', () => {
    expect(renderIconPng(32).length).toBeLessThan(2_000);
    expect(renderIconPng(512).length).toBeLessThan(20_000);
  });

  it('refuses sizes it cannot draw and pixel data of the wrong length', () => {
    expect(() => drawIcon(4, 'color')).toThrow(RangeError);
    expect(() => drawIcon(16.5, 'color')).toThrow(RangeError);
    expect(() => encodePng(2, 2, new Uint8Array(3))).toThrow(RangeError);
  });

  it('matches the committed installer icon (regenerate with `npx tsx build/make-icon.ts`)', () => {
    const committed = new URL('../../build/icon.png', import.meta.url);
    expect(fs.readFileSync(committed).equals(renderIconPng(512))).toBe(true);
  });
});
