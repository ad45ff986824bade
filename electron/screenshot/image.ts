import sharp from 'sharp';
import { CoachError } from '../../shared/errors';
import { MAX_SCREENSHOT_BYTES, SCREENSHOT_MIME_TYPES, SCREENSHOT_PIXELS, type ScreenshotMimeType } from '../../shared/schemas/screenshot';
import type { CheckedImage } from './types';

const MB = 1024 * 1024;

const FORMAT_NAMES: Record<ScreenshotMimeType, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP' };

/** What the first bytes say the file is; the name or the declared type do not count. */
export function sniffImageType(bytes: Buffer): ScreenshotMimeType | undefined {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

/**
 * Checks a dropped, pasted or captured file before anything reads it: size first (nothing is
 * decoded past the limit), then the magic bytes, the pixel size from the header, and a full decode
 * (a file with a good header and damaged data is refused here, not half-read by the OCR).
 */
export async function checkImage(bytes: Buffer, declaredMime?: string): Promise<CheckedImage> {
  if (bytes.length > MAX_SCREENSHOT_BYTES) {
    throw new CoachError('payload_too_large', `The image is ${(bytes.length / MB).toFixed(1)} MB; the limit is ${MAX_SCREENSHOT_BYTES / MB} MB`);
  }
  const mimeType = sniffImageType(bytes);
  if (!mimeType) {
    // Name an unsupported declared type (a GIF, a HEIC photo) so the user sees why.
    const declared = declaredMime && !(SCREENSHOT_MIME_TYPES as readonly string[]).includes(declaredMime) ? ` (${declaredMime.slice(0, 40)})` : '';
    throw new CoachError('invalid_input', `This file${declared} is not an image the app can read: use a PNG, JPEG or WebP screenshot`);
  }
  const format = FORMAT_NAMES[mimeType];
  const damaged = () => new CoachError('invalid_input', `The ${format} file is damaged and cannot be read`);

  const { maxWidth, maxHeight, maxPixels, minWidth, minHeight } = SCREENSHOT_PIXELS;
  // sharp's own pixel limit is a second guard against a header that lies about its size.
  const open = () => sharp(bytes, { failOn: 'error', limitInputPixels: maxPixels });
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = await open().metadata());
  } catch {
    throw damaged();
  }
  if (!width || !height) throw damaged();
  if (width > maxWidth || height > maxHeight || width * height > maxPixels) {
    throw new CoachError('invalid_input', `The image is ${width} × ${height} pixels; the limit is ${maxWidth} × ${maxHeight} and ${maxPixels / 1_000_000} megapixels`);
  }
  if (width < minWidth || height < minHeight) {
    throw new CoachError('invalid_input', `The image is ${width} × ${height} pixels, too small to hold a readable table (at least ${minWidth} × ${minHeight})`);
  }

  let grey: Buffer;
  try {
    // Transparent pixels count as white, as a screenshot viewer shows them.
    grey = await open().flatten({ background: '#ffffff' }).greyscale().raw().toBuffer();
  } catch {
    throw damaged();
  }
  return { data: bytes, mimeType, width, height, darkTheme: medianLuminance(grey) < 128 };
}

/** The median of 8-bit grey pixels: the background's brightness, whatever the text and header colours. */
export function medianLuminance(grey: Buffer): number {
  const histogram = new Uint32Array(256);
  for (const value of grey) histogram[value] = (histogram[value] ?? 0) + 1;
  let seen = 0;
  for (let level = 0; level < 256; level++) {
    seen += histogram[level] ?? 0;
    if (seen * 2 >= grey.length) return level;
  }
  return 255;
}
