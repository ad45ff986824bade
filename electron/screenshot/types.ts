import type { Broker, ExtractedPosition, ExtractionMethod, ScreenshotMimeType, ScreenshotProgress } from '../../shared/schemas/screenshot';

/** A word tesseract read: its text, confidence (0..1) and box in the OCR'd image's pixels. */
export interface OcrWord {
  text: string;
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A line of words, left to right. */
export interface OcrLine {
  text: string;
  confidence: number;
  words: OcrWord[];
}

/** What the OCR saw, lines top to bottom. */
export interface OcrPage {
  text: string;
  /** Mean word confidence (0..1). */
  confidence: number;
  lines: OcrLine[];
  width: number;
  height: number;
}

/** What the parser made of a page's position table. */
export interface ParsedTable {
  broker: Broker;
  positions: ExtractedPosition[];
  /** Rows that looked like positions but could not be read, said plainly. */
  warnings: string[];
}

/** An image that passed the checks: its bytes, what they are, and what the pre-processing needs. */
export interface CheckedImage {
  data: Buffer;
  mimeType: ScreenshotMimeType;
  width: number;
  height: number;
  /** Light text on a dark background (the picture is inverted before OCR). */
  darkTheme: boolean;
}

export type ProgressListener = (progress: Omit<ScreenshotProgress, 'type'>) => void;

export interface Extraction extends ParsedTable {
  method: ExtractionMethod;
  rawText: string;
}

/** One way of reading positions off a screenshot (local OCR, OpenAI vision); the service picks one. */
export interface PositionExtractor {
  readonly method: ExtractionMethod;
  extract(image: CheckedImage, options: { signal: AbortSignal; onProgress: ProgressListener }): Promise<Extraction>;
  /** Ends what the reader keeps between readings (the OCR worker); called when the host stops. */
  dispose?(): Promise<void>;
}
