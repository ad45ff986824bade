import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { createWorker, OEM, PSM, type Page, type Worker } from 'tesseract.js';
import { CoachError } from '../../../shared/errors';
import type { OcrLine, OcrPage, OcrWord } from '../types';

/** The OCR's own progress: loading the engine and the English model, then reading (0..1 each). */
export type OcrProgressListener = (stage: 'loading_ocr' | 'recognizing', fraction: number) => void;

export interface RecognizeOptions {
  signal?: AbortSignal;
  onProgress?: OcrProgressListener;
}

export interface TesseractOcrOptions {
  /** Folder holding `eng.traineddata.gz`; the `@tesseract.js-data/eng` package's by default. */
  langPath?: string;
  /**
   * Page segmentation. A uniform block of text (6) reads the tables best: on the fixtures shrunk to
   * 70 % as JPEG, 97.2 % of fields against 89.9 % for a single column (4) and 91.0 % for sparse
   * text (11); automatic (3) missed words of whole tables already at full size.
   */
  pageSegmentation?: PSM;
}

/**
 * The English model bundled with the app (no download at run time). `4.0.0_best_int` is the
 * integer-quantised LSTM model: on the broker fixtures it read exactly the same fields as the float
 * `4.0.0` model (100 %, and 97.2 % / 86.7 % on the tables shrunk to 70 % / 60 %) in about three
 * quarters of the time.
 */
export function bundledLangPath(): string {
  const packageJson = createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json');
  return path.join(path.dirname(packageJson), '4.0.0_best_int');
}

/**
 * One tesseract.js worker (a Node worker thread), created on first use and kept for the next
 * screenshot. Readings run one at a time. tesseract.js cannot stop a reading half way, so an abort
 * terminates the worker; the next call starts a fresh one.
 */
export class TesseractOcr {
  private worker?: Promise<Worker>;
  private queue: Promise<unknown> = Promise.resolve();
  private listener?: OcrProgressListener;

  constructor(private readonly options: TesseractOcrOptions = {}) {}

  recognize(png: Buffer, options: RecognizeOptions = {}): Promise<OcrPage> {
    const run = this.queue.then(() => this.recognizeNow(png, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async terminate(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await (await worker.catch(() => undefined))?.terminate();
  }

  private async recognizeNow(png: Buffer, { signal, onProgress }: RecognizeOptions): Promise<OcrPage> {
    if (signal?.aborted) throw aborted();
    const { width = 0, height = 0 } = await sharp(png).metadata();
    this.listener = onProgress;
    let onAbort: (() => void) | undefined;
    try {
      const abortion = new Promise<never>((_, reject) => {
        onAbort = () => {
          void this.terminate();
          reject(aborted());
        };
        signal?.addEventListener('abort', onAbort, { once: true });
      });
      const reading = (async () => {
        const worker = await this.ensureWorker();
        const { data } = await worker.recognize(png, {}, { text: true, blocks: true });
        return data;
      })();
      // After an abort the terminated worker may still reject; nobody waits for it any more.
      reading.catch(() => undefined);
      const page = await Promise.race([reading, abortion]);
      onProgress?.('recognizing', 1);
      return toOcrPage(page, width, height);
    } finally {
      if (onAbort) signal?.removeEventListener('abort', onAbort);
      this.listener = undefined;
    }
  }

  private reportProgress(status: string, progress: number): void {
    const step = ocrProgress(status, progress);
    if (step) this.listener?.(step.stage, step.fraction);
  }

  private ensureWorker(): Promise<Worker> {
    if (!this.worker) {
      const worker = this.createWorker();
      this.worker = worker;
      // A worker that failed to start is not kept: the next reading tries again.
      worker.catch(() => {
        if (this.worker === worker) this.worker = undefined;
      });
    }
    return this.worker;
  }

  private async createWorker(): Promise<Worker> {
    const langPath = this.options.langPath ?? bundledLangPath();
    const model = path.join(langPath, 'eng.traineddata.gz');
    // tesseract.js never settles createWorker when the model is missing, so look for it first.
    await access(model).catch(() => {
      throw new CoachError('unavailable', `The text recogniser could not start: its English model is missing (${model})`);
    });
    let startFailed: (error: unknown) => void = () => undefined;
    const failure = new Promise<never>((_, reject) => {
      startFailed = reject;
    });
    const starting = createWorker('eng', OEM.LSTM_ONLY, {
      langPath,
      gzip: true,
      // Read the model from the package every time; never write a cache file into the app folder.
      cacheMethod: 'none',
      logger: ({ status, progress }) => this.reportProgress(status, progress),
      // Without a handler tesseract.js throws a worker's failure from its message listener; a
      // failure while starting leaves createWorker pending, so it ends the start here.
      errorHandler: (error: unknown) => startFailed(error),
    });
    const worker = await Promise.race([starting, failure]).catch((error: unknown) => {
      throw new CoachError('unavailable', `The text recogniser could not start: ${String(error)}`);
    });
    startFailed = () => undefined;
    await worker.setParameters({
      tessedit_pageseg_mode: this.options.pageSegmentation ?? PSM.SINGLE_BLOCK,
      // Columns of a table are told apart by the runs of spaces between them.
      preserve_interword_spaces: '1',
      // Screenshots carry no DPI; without one tesseract guesses and warns.
      user_defined_dpi: '300',
    });
    return worker;
  }
}

/** tesseract.js's start-up steps, in order; each restarts its progress at 0. */
const LOADING_STEPS = ['loading tesseract core', 'initializing tesseract', 'loading language traineddata', 'initializing api'];

/** One 0..1 fraction for the whole start-up (its steps each report 0..1), and the reading's own. */
export function ocrProgress(status: string, progress: number): { stage: 'loading_ocr' | 'recognizing'; fraction: number } | undefined {
  if (status === 'recognizing text') return { stage: 'recognizing', fraction: progress };
  const step = LOADING_STEPS.indexOf(status);
  return step < 0 ? undefined : { stage: 'loading_ocr', fraction: (step + progress) / LOADING_STEPS.length };
}

function aborted(): CoachError {
  return new CoachError('aborted', 'Reading the screenshot was cancelled');
}

/** tesseract.js's block tree, flattened to lines of words with 0..1 confidences. */
export function toOcrPage(page: Page, width: number, height: number): OcrPage {
  const lines: OcrLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const words: OcrWord[] = line.words
          .filter((word) => word.text.trim() !== '')
          .map((word) => ({ text: word.text, confidence: word.confidence / 100, ...word.bbox }));
        if (words.length === 0) continue;
        lines.push({ text: line.text.trim(), confidence: line.confidence / 100, words });
      }
    }
  }
  const allWords = lines.flatMap((line) => line.words);
  const confidence = allWords.length ? allWords.reduce((sum, word) => sum + word.confidence, 0) / allWords.length : 0;
  return { text: page.text, confidence, lines, width, height };
}
