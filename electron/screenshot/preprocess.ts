import sharp from 'sharp';
import { medianLuminance } from './image';
import type { CheckedImage } from './types';

/**
 * Text lines (ascender to descender) this many pixels high are read best. Measured on the broker
 * fixtures (10–13 px lines): a fixed 3× read 99.7 % of their words (2× 99.0 %, 4× 99.3 %); the
 * same tables shrunk to 70 % and saved as JPEG read 90.3 % of fields at 3× and 97.2 % brought to
 * 36 px lines (30 px: 89.6 %, 44 px: 97.2 % but slower).
 */
const TARGET_LINE_HEIGHT = 36;
/** Used when no text line can be measured (a blank or busy picture): right for 10–14 px text. */
const DEFAULT_UPSCALE = 3;
const MAX_UPSCALE = 5;
/** The enlarged picture stays under this many pixels (memory and OCR time grow with it). */
const MAX_OCR_PIXELS = 25_000_000;

/** The picture tesseract reads: the screenshot less its plain margins, enlarged `scale` times. */
export interface PreparedImage {
  png: Buffer;
  /** OCR pixels per screenshot pixel. */
  scale: number;
  width: number;
  height: number;
}

/**
 * Median height of the bands of rows that hold dark ink on a light picture: the height of a line
 * of text. Rows mostly ink (a header bar, a rule) separate bands rather than count as text.
 */
export function textLineHeight(grey: Buffer, width: number, height: number): number | undefined {
  const ink = medianLuminance(grey) - 80;
  const bands: number[] = [];
  let band = 0;
  for (let y = 0; y <= height; y++) {
    let inkPixels = 0;
    for (let x = 0, i = y * width; y < height && x < width; x++, i++) if ((grey[i] ?? 255) < ink) inkPixels++;
    if (y < height && inkPixels >= 2 && inkPixels < width / 2) {
      band++;
    } else {
      // Bands under 3 px are specks and underlines, not text.
      if (band >= 3) bands.push(band);
      band = 0;
    }
  }
  bands.sort((a, b) => a - b);
  return bands[Math.floor(bands.length / 2)];
}

/**
 * The percentile of grey levels stretched to black: sharp's usual 1 %, less when text covers less
 * than 2 % of the picture (a small table in a big capture). Otherwise the darkest 1 % of pixels
 * would include the table's background, and the stretch would turn it dark: a 798 × 308 dark table
 * on a 2560 × 1440 capture (0.6 % ink) lost 5 of its 6 rows that way. Not lowered sooner: a sparse
 * three-row table (about 3 % ink) read a price as "msl ths" with the black point at 0.6 %.
 */
export function blackPercentile(grey: Buffer): number {
  const histogram = new Uint32Array(256);
  for (const value of grey) histogram[value] = (histogram[value] ?? 0) + 1;
  let seen = 0;
  let background = 255;
  for (let level = 0; level < 256; level++) {
    seen += histogram[level] ?? 0;
    if (seen >= 0.99 * grey.length) {
      background = level;
      break;
    }
  }
  let ink = 0;
  for (let level = 0; level < background - 30; level++) ink += histogram[level] ?? 0;
  const inkPercent = (100 * ink) / grey.length;
  return Math.min(1, Math.max(0.05, inkPercent / 2));
}

/** How much a picture is enlarged for OCR: text lines to about `TARGET_LINE_HEIGHT`, within `MAX_OCR_PIXELS`. */
export function ocrScale(width: number, height: number, lineHeight: number | undefined): number {
  const wanted = lineHeight ? Math.min(MAX_UPSCALE, TARGET_LINE_HEIGHT / lineHeight) : DEFAULT_UPSCALE;
  const largest = Math.sqrt(MAX_OCR_PIXELS / (width * height));
  return Math.max(1, Math.floor(Math.min(wanted, largest) * 100) / 100);
}

/**
 * Turns a screenshot into what tesseract reads best: dark text on white, grey, plain margins cut
 * off, enlarged to a text size it reads well, contrast stretched. Dark themes are inverted first. No global threshold:
 * tesseract binarises on its own, and a fixed one wiped out coloured P&L text (69.5 % of words
 * read at 128, against 99.7 % without). A pure function of the image.
 */
export async function prepareForOcr(image: CheckedImage): Promise<PreparedImage> {
  let grey = sharp(image.data, { failOn: 'error' }).flatten({ background: '#ffffff' }).greyscale().toColourspace('b-w');
  if (image.darkTheme) grey = grey.negate({ alpha: false });
  // A plain margin (the desktop around a window) is cut off, keeping a border tesseract likes:
  // a full-screen capture of a small table reads in a third of the time.
  const { data, info } = await grey.trim({ threshold: 10, margin: 16 }).raw().toBuffer({ resolveWithObject: true });
  const scale = ocrScale(info.width, info.height, textLineHeight(data, info.width, info.height));
  const width = Math.round(info.width * scale);
  const height = Math.round(info.height * scale);
  const png = await sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } })
    .resize(width, height, { kernel: 'lanczos3' })
    .normalise({ lower: blackPercentile(data), upper: 99 })
    .toColourspace('b-w')
    .png({ compressionLevel: 1 })
    .toBuffer();
  return { png, scale, width, height };
}
