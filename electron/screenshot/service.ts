import { CoachError } from '../../shared/errors';
import { DEFAULT_SCREENSHOT_DAILY_LIMIT, type ScreenshotQuota } from '../../shared/schemas/screenshot';
import type { HandlerMap } from '../contract/dispatcher';
import type { Database } from '../db/database';
import { marketDate } from '../market/calendar';
import type { ScreenCapturer } from './capture';
import { ScreenshotRepository } from './repository';

export interface ScreenshotServiceOptions {
  db: Database;
  /** The `screenshot.dailyLimit` setting, if set. */
  dailyLimit: () => number | undefined;
  /** The desktop shell's screen capture; absent in web mode. */
  capturer?: ScreenCapturer;
  clock?: () => number;
}

/** Broker screenshots: the daily limit, screen capture, and the reading of positions. */
export class ScreenshotService {
  readonly repo: ScreenshotRepository;
  private readonly clock: () => number;

  constructor(private readonly options: ScreenshotServiceOptions) {
    this.repo = new ScreenshotRepository(options.db);
    this.clock = options.clock ?? Date.now;
  }

  quota(): ScreenshotQuota {
    const day = marketDate(this.clock());
    const limit = this.options.dailyLimit() ?? DEFAULT_SCREENSHOT_DAILY_LIMIT;
    const used = this.repo.countOnDay(day);
    return { day, used, limit, remaining: Math.max(0, limit - used) };
  }

  handlers(): HandlerMap {
    return {
      'screenshot:quota': () => this.quota(),
      'screenshot:sources': async () => {
        const capturer = this.options.capturer;
        return capturer ? { supported: true, sources: await capturer.sources() } : { supported: false, sources: [] };
      },
      'screenshot:capture': ({ sourceId }) => {
        if (!this.options.capturer) throw new CoachError('unavailable', 'Screen capture by the app needs the desktop app; in the browser, use the browser\'s own screen picker');
        return this.options.capturer.capture(sourceId);
      },
    };
  }
}
