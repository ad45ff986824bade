import sharp from 'sharp';
import type { CheckedImage } from './types';

/** Screen text is 10–14 px high; tesseract reads best at roughly three times that. */
const UPSCALE = 3;
/** The upscaled picture stays under this many pixels (memory and OCR time grow with it). */
const MAX_OCR_PIXELS = 25_000_000;

export interface PreparedImage {
  png: Buffer;
  /** OCR pixels per screenshot pixel. */
  scale: number;
  width: number;
  height: number;
}

/** How much a picture of `width` × `height` is enlarged for OCR: `UPSCALE`, less when that would pass `MAX_OCR_PIXELS`. */
export function ocrScale(width: number, height: number): number {
  const largest = Math.sqrt(MAX_OCR_PIXELS / (width * height));
  return Math.max(1, Math.min(UPSCALE, Math.floor(largest * 100) / 100));
}

/**
 * Turns a screenshot into what tesseract reads best: dark text on white, grey, enlarged, contrast
 * stretched. Dark themes are inverted first. A pure function of the image.
 */
export async function prepareForOcr(image: CheckedImage): Promise<PreparedImage> {
  const scale = ocrScale(image.width, image.height);
  const width = Math.round(image.width * scale);
  const height = Math.round(image.height * scale);
  let pipeline = sharp(image.data, { failOn: 'error' }).flatten({ background: '#ffffff' }).greyscale();
  if (image.darkTheme) pipeline = pipeline.negate({ alpha: false });
  const png = await pipeline
    .resize(width, height, { kernel: 'lanczos3' })
    .normalise()
    .png({ compressionLevel: 1 })
    .toBuffer();
  return { png, scale, width, height };
}
