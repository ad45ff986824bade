import type { Database } from '../db/database';
import type { Broker, ExtractionMethod, ScreenshotSource } from '../../shared/schemas/screenshot';

/** One finished reading, as the daily limit counts it (never the image or the positions). */
export interface ScreenshotRead {
  id: string;
  day: string;
  source: ScreenshotSource;
  method: ExtractionMethod;
  broker: Broker;
  positions: number;
  width: number;
  height: number;
  bytes: number;
  durationMs: number;
  createdAt: string;
}

export class ScreenshotRepository {
  constructor(private readonly db: Database) {}

  countOnDay(day: string): number {
    return this.db.prepare<{ n: number }>('SELECT COUNT(*) AS n FROM ai_coach_screenshot_reads WHERE day = ?').get(day)!.n;
  }

  insert(read: ScreenshotRead): void {
    this.db
      .prepare(
        `INSERT INTO ai_coach_screenshot_reads (id, day, source, method, broker, positions, width, height, bytes, duration_ms, created_at)
         VALUES (@id, @day, @source, @method, @broker, @positions, @width, @height, @bytes, @durationMs, @createdAt)`,
      )
      .run(read);
  }
}
