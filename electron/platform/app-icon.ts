import zlib from 'node:zlib';

/**
 * The app's icon, drawn in code: a green rounded square with a rising chart line. Drawing it here
 * (instead of shipping image files) keeps the tray icon inside the main bundle, sharp at every
 * size, and lets build/make-icon.ts produce the installer icon from the same shape.
 */
export type IconStyle =
  /** Colored, for the window, the installers and the Windows/Linux tray. */
  | 'color'
  /** Black with the line cut out, for a macOS menu-bar template image (the OS tints it). */
  | 'template';

const BACKGROUND = [16, 185, 129] as const; // emerald, reads as "up" on both dark and light bars
const LINE = [255, 255, 255] as const;
/** The chart line, in fractions of the icon's size. */
const CHART: ReadonlyArray<readonly [number, number]> = [
  [0.2, 0.7],
  [0.4, 0.48],
  [0.56, 0.6],
  [0.8, 0.3],
];
const SUPERSAMPLE = 4;

/** Signed distance to the rounded square filling the icon: negative inside. */
function distanceToSquare(x: number, y: number, size: number, radius: number): number {
  const half = size / 2;
  const qx = Math.abs(x - half) - (half - radius);
  const qy = Math.abs(y - half) - (half - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Half a pixel's diagonal: a pixel whose center is farther than this from an edge lies wholly on one side. */
const HALF_DIAGONAL = Math.SQRT1_2;

/** RGBA pixels, row by row; pixels on an edge are supersampled for anti-aliasing, the rest are solid. */
export function drawIcon(size: number, style: IconStyle): Uint8Array {
  if (!Number.isInteger(size) || size < 8 || size > 1024) throw new RangeError(`Icon size must be an integer from 8 to 1024, got ${size}`);
  const radius = size * 0.22;
  const halfStroke = Math.max(size * 0.055, 0.9);
  const points = CHART.map(([x, y]) => [x * size, y * size] as const);
  const toLine = (x: number, y: number) => {
    let nearest = Infinity;
    for (let i = 1; i < points.length; i++) {
      const [ax, ay] = points[i - 1]!;
      const [bx, by] = points[i]!;
      nearest = Math.min(nearest, distanceToSegment(x, y, ax, ay, bx, by));
    }
    return nearest - halfStroke;
  };
  const pixels = new Uint8Array(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;

  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const squareEdge = distanceToSquare(x + 0.5, y + 0.5, size, radius);
      if (squareEdge > HALF_DIAGONAL) continue; // wholly outside: transparent
      const lineEdge = toLine(x + 0.5, y + 0.5);
      let square = samples;
      let line = lineEdge < -HALF_DIAGONAL ? samples : 0;
      if (squareEdge > -HALF_DIAGONAL || Math.abs(lineEdge) <= HALF_DIAGONAL) {
        square = 0;
        line = 0;
        for (let sy = 0; sy < SUPERSAMPLE; sy++) {
          for (let sx = 0; sx < SUPERSAMPLE; sx++) {
            const px = x + (sx + 0.5) / SUPERSAMPLE;
            const py = y + (sy + 0.5) / SUPERSAMPLE;
            if (distanceToSquare(px, py, size, radius) > 0) continue;
            square++;
            if (toLine(px, py) <= 0) line++;
          }
        }
      }
      const offset = (y * size + x) * 4;
      if (style === 'template') {
        pixels[offset + 3] = Math.round((255 * (square - line)) / samples);
        continue;
      }
      // Line over background, both inside the square: average the two colors by coverage.
      if (square === 0) continue;
      for (let c = 0; c < 3; c++) pixels[offset + c] = Math.round((BACKGROUND[c]! * (square - line) + LINE[c]! * line) / square);
      pixels[offset + 3] = Math.round((255 * square) / samples);
    }
  }
  return pixels;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(data, zlib.crc32(type)) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes RGBA pixels as a PNG (8-bit, color type 6, no filtering: flat shapes compress well anyway). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new RangeError('Pixel data does not match the image size');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    rows.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** The icon as PNG bytes, ready for `nativeImage.createFromBuffer`. */
export function renderIconPng(size: number, style: IconStyle = 'color'): Buffer {
  return encodePng(size, size, drawIcon(size, style));
}
