import { randomUUID } from 'node:crypto';
import type { StreamParams } from '../../shared/contract';
import { CoachError } from '../../shared/errors';
import { DEFAULT_SCREENSHOT_DAILY_LIMIT, type ScreenshotExtraction, type ScreenshotQuota } from '../../shared/schemas/screenshot';
import type { HandlerMap } from '../contract/dispatcher';
import type { StreamContext, StreamHandlerMap } from '../contract/stream-dispatcher';
import type { Database } from '../db/database';
import { marketDate } from '../market/calendar';
import type { ScreenCapturer } from './capture';
import { ScreenshotRepository } from './repository';
import type { CheckedImage, Extraction, PositionExtractor, ProgressListener } from './types';

/** Checks the bytes are a PNG/JPEG/WebP of sane size; throws a CoachError that says what is wrong. */
export type ImageChecker = (bytes: Buffer, declaredMime: string | undefined) => Promise<CheckedImage>;

export interface ScreenshotExtractors {
  /** Local OCR: the default, and the fallback when vision fails. */
  local: PositionExtractor;
  /** OpenAI vision, used while `enabled()` (asked at each reading: a key saved in the app applies at once). */
  vision?: { extractor: PositionExtractor; enabled: () => boolean };
}

export interface ScreenshotServiceOptions {
  db: Database;
  /** The `screenshot.dailyLimit` setting, if set. */
  dailyLimit: () => number | undefined;
  /** The desktop shell's screen capture; absent in web mode. */
  capturer?: ScreenCapturer;
  checkImage: ImageChecker;
  extractors: ScreenshotExtractors;
  clock?: () => number;
  newId?: () => string;
}

export const NO_TABLE_MESSAGE = "No positions table found in this screenshot. Crop it to your broker's positions table and try again.";

/** Share of the progress bar the image check takes; the reading fills the rest. */
const CHECKED = 0.05;

type ExtractContext = StreamContext<'screenshot:extract'>;

/** Broker screenshots: the daily limit, screen capture, and the reading of positions. */
export class ScreenshotService {
  readonly repo: ScreenshotRepository;
  private readonly clock: () => number;
  private readonly newId: () => string;
  /** Readings under way: they hold a place under the daily limit until they finish or fail. */
  private inFlight = 0;

  constructor(private readonly options: ScreenshotServiceOptions) {
    this.repo = new ScreenshotRepository(options.db);
    this.clock = options.clock ?? Date.now;
    this.newId = options.newId ?? randomUUID;
  }

  quota(): ScreenshotQuota {
    const day = marketDate(this.clock());
    const limit = this.options.dailyLimit() ?? DEFAULT_SCREENSHOT_DAILY_LIMIT;
    const used = this.repo.countOnDay(day);
    return { day, used, limit, remaining: Math.max(0, limit - used) };
  }

  /**
   * Reads the positions in a screenshot. Order: the daily limit, the base64, the image itself, then
   * OpenAI vision (when a key is set) or local OCR; vision failing falls back to local OCR with a
   * warning. Only a reading that found positions is stored (and counted).
   */
  async extract(input: StreamParams<'screenshot:extract'>, ctx: ExtractContext): Promise<ScreenshotExtraction> {
    const started = this.clock();
    const before = this.quota();
    if (before.used >= before.limit) {
      throw new CoachError(
        'rate_limited',
        `You have read ${before.limit} screenshot${before.limit === 1 ? '' : 's'} today, the daily limit. It resets at midnight New York time; you can raise it in the Profile tab (Broker screenshots).`,
      );
    }
    // Not read yet: the readings under way hold the day's last places (they free them if they find nothing).
    if (before.used + this.inFlight >= before.limit) {
      throw new CoachError('rate_limited', `A screenshot being read now takes the last place under today's limit of ${before.limit}: wait for it to finish, or raise the limit in the Profile tab (Broker screenshots).`);
    }
    const bytes = decodeBase64(input.image);
    this.inFlight += 1;
    try {
      ctx.emit({ type: 'progress', stage: 'checking', progress: 0, message: 'Checking the image…' });
      const image = await this.options.checkImage(bytes, input.mimeType);
      stopIfAborted(ctx.signal);
      const { extraction, warnings } = await this.read(image, ctx);
      if (!extraction.positions.length) throw new CoachError('invalid_input', NO_TABLE_MESSAGE);
      stopIfAborted(ctx.signal);

      const durationMs = Math.max(0, this.clock() - started);
      const id = this.newId();
      this.repo.insert({
        id,
        day: before.day,
        source: input.source,
        method: extraction.method,
        broker: extraction.broker,
        positions: extraction.positions.length,
        width: image.width,
        height: image.height,
        bytes: bytes.length,
        durationMs,
        createdAt: new Date(this.clock()).toISOString(),
      });
      const confidence = extraction.positions.reduce((sum, p) => sum + p.confidence.overall, 0) / extraction.positions.length;
      // Counts and sizes only: the image and its text stay out of the log.
      ctx.log.info('screenshot read', {
        id,
        source: input.source,
        method: extraction.method,
        broker: extraction.broker,
        positions: extraction.positions.length,
        confidence: Math.round(confidence * 100) / 100,
        width: image.width,
        height: image.height,
        bytes: bytes.length,
        rawTextChars: extraction.rawText.length,
        durationMs,
      });
      return {
        id,
        method: extraction.method,
        broker: extraction.broker,
        positions: extraction.positions,
        confidence,
        rawText: extraction.rawText,
        warnings: [...warnings, ...extraction.warnings],
        image: { mimeType: image.mimeType, width: image.width, height: image.height, bytes: bytes.length, darkTheme: image.darkTheme },
        durationMs,
        quota: this.quota(),
      };
    } catch (error) {
      // Whatever a reader throws once stopped (a terminated worker, an aborted request) is the stop.
      throw ctx.signal.aborted ? abortedError() : error;
    } finally {
      this.inFlight -= 1;
    }
  }

  /** Vision when enabled, else local OCR; vision failing (or finding nothing) falls back to local OCR. */
  private async read(image: CheckedImage, ctx: ExtractContext): Promise<{ extraction: Extraction; warnings: string[] }> {
    const { local, vision } = this.options.extractors;
    const progress = progressWindow(ctx, CHECKED);
    if (!vision?.enabled()) return { extraction: await local.extract(image, { signal: ctx.signal, onProgress: progress.listener }), warnings: [] };

    let reason: string;
    try {
      const extraction = await vision.extractor.extract(image, { signal: ctx.signal, onProgress: progress.listener });
      if (extraction.positions.length) return { extraction, warnings: [] };
      reason = 'it found no positions';
    } catch (error) {
      if (ctx.signal.aborted) throw abortedError();
      reason = error instanceof Error ? error.message : String(error);
    }
    stopIfAborted(ctx.signal);
    ctx.log.warn('openai vision failed; reading with local OCR', { reason });
    // The OCR's own progress continues from where vision left the bar.
    const fallback = progressWindow(ctx, progress.last());
    const extraction = await local.extract(image, { signal: ctx.signal, onProgress: fallback.listener });
    return { extraction, warnings: [`OpenAI vision failed (${reason}); read with local OCR instead`] };
  }

  /** Ends the readers' workers (host stop). */
  async dispose(): Promise<void> {
    const { local, vision } = this.options.extractors;
    await Promise.all([local.dispose?.(), vision?.extractor.dispose?.()]);
  }

  handlers(): HandlerMap {
    return {
      'screenshot:quota': () => this.quota(),
      // Only the app's own window may capture the screen: the desktop app's optional local HTTP API
      // (scripts, a browser tab) must not be a way to take pictures of whatever is on the screen.
      'screenshot:sources': async (_input, ctx) => {
        const capturer = ctx.transport === 'http' ? undefined : this.options.capturer;
        return capturer ? { supported: true, sources: await capturer.sources() } : { supported: false, sources: [] };
      },
      'screenshot:capture': ({ sourceId }, ctx) => {
        if (this.options.capturer && ctx.transport === 'http') throw new CoachError('forbidden', 'Screen capture by the app is only for its own window; in the browser, use the browser\'s own screen picker');
        if (!this.options.capturer) throw new CoachError('unavailable', 'Screen capture by the app needs the desktop app; in the browser, use the browser\'s own screen picker');
        return this.options.capturer.capture(sourceId);
      },
    };
  }

  streamHandlers(): StreamHandlerMap {
    return { 'screenshot:extract': (input, ctx) => this.extract(input, ctx) };
  }
}

/** The image's bytes; base64 that does not encode back to itself (bad padding, truncated) is refused. */
function decodeBase64(text: string): Buffer {
  const bytes = Buffer.from(text, 'base64');
  if (!bytes.length || bytes.toString('base64') !== text) throw new CoachError('invalid_input', 'The image is not valid base64: send the file\'s bytes, base64-encoded, without a "data:" prefix');
  return bytes;
}

/** An extractor's progress (0..1 of its own work) mapped onto [from, 1] of the whole reading, never going back. */
function progressWindow(ctx: ExtractContext, from: number): { listener: ProgressListener; last: () => number } {
  let last = from;
  return {
    listener: ({ stage, progress, message }) => {
      if (ctx.signal.aborted) return;
      last = Math.max(last, Math.min(1, from + (1 - from) * progress));
      ctx.emit({ type: 'progress', stage, progress: last, message });
    },
    last: () => last,
  };
}

const abortedError = () => new CoachError('aborted', 'Reading stopped; nothing was counted');

function stopIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw abortedError();
}
