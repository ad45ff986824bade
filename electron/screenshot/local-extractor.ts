import { CoachError } from '../../shared/errors';
import { TesseractOcr } from './ocr/tesseract';
import { parsePositionTable } from './parser';
import { prepareForOcr } from './preprocess';
import type { CheckedImage, Extraction, PositionExtractor, ProgressListener } from './types';

/** Where each stage sits in the reading's 0..1 (the service's own check comes before). */
const PROGRESS = {
  preparing: 0.05,
  loadingFrom: 0.1,
  recognizingFrom: 0.2,
  recognizingTo: 0.9,
  parsing: 0.95,
} as const;

export interface LocalOcrExtractorOptions {
  /** Shared by every reading; the extractor ends it in `dispose`. */
  ocr?: TesseractOcr;
  /** The New York date today, for dates shown without a year. */
  today?: () => string;
}

/**
 * The default reader, on this machine with nothing to configure: the screenshot is prepared for
 * OCR, read by tesseract, and its position table parsed. Word boxes stay in the prepared (scaled)
 * picture's pixels; the parser only compares them with each other.
 */
export class LocalOcrExtractor implements PositionExtractor {
  readonly method = 'local_ocr' as const;
  private readonly ocr: TesseractOcr;

  constructor(private readonly options: LocalOcrExtractorOptions = {}) {
    this.ocr = options.ocr ?? new TesseractOcr();
  }

  async extract(image: CheckedImage, { signal, onProgress }: { signal: AbortSignal; onProgress: ProgressListener }): Promise<Extraction> {
    throwIfAborted(signal);
    onProgress({ stage: 'preparing', progress: PROGRESS.preparing, message: 'Preparing the image for reading' });
    const prepared = await prepareForOcr(image);
    throwIfAborted(signal);
    const page = await this.ocr.recognize(prepared.png, {
      signal,
      onProgress: (stage, fraction) =>
        stage === 'loading_ocr'
          ? onProgress({ stage, progress: PROGRESS.loadingFrom + fraction * (PROGRESS.recognizingFrom - PROGRESS.loadingFrom), message: 'Starting the text recogniser' })
          : onProgress({ stage, progress: PROGRESS.recognizingFrom + fraction * (PROGRESS.recognizingTo - PROGRESS.recognizingFrom), message: 'Reading the text' }),
    });
    throwIfAborted(signal);
    onProgress({ stage: 'parsing', progress: PROGRESS.parsing, message: 'Reading the positions table' });
    const table = parsePositionTable(page, { today: this.options.today?.() });
    return { method: this.method, broker: table.broker, positions: table.positions, warnings: table.warnings, rawText: page.text };
  }

  dispose(): Promise<void> {
    return this.ocr.terminate();
  }
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new CoachError('aborted', 'Reading the screenshot was cancelled');
}
