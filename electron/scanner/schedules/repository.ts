import type { ScanId, ScanSchedule } from '../../../shared/schemas/scanner';
import type { Database } from '../../db/database';

interface ScheduleRow {
  id: string;
  user_id: string;
  name: string;
  scans: string;
  symbols: string | null;
  every_minutes: number;
  enabled: 0 | 1;
  last_run_at: string | null;
  last_result_count: number;
  last_new_count: number;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/** The fields a user sets. */
export type ScheduleDefinition = Pick<ScanSchedule, 'name' | 'scans' | 'symbols' | 'everyMinutes' | 'enabled'>;

/** What one run of a schedule leaves on it. */
export interface ScheduleRun {
  at: string;
  resultCount: number;
  newCount: number;
  error: string | null;
}

const fromRow = (row: ScheduleRow): ScanSchedule => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  scans: JSON.parse(row.scans) as ScanId[],
  symbols: row.symbols === null ? null : (JSON.parse(row.symbols) as string[]),
  everyMinutes: row.every_minutes,
  enabled: row.enabled === 1,
  lastRunAt: row.last_run_at,
  lastResultCount: row.last_result_count,
  lastNewCount: row.last_new_count,
  lastError: row.last_error,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const definitionParams = (d: ScheduleDefinition): unknown[] => [d.name, JSON.stringify(d.scans), d.symbols === null ? null : JSON.stringify(d.symbols), d.everyMinutes, d.enabled ? 1 : 0];

/** SQL of `ai_coach_scanner_schedules` and `ai_coach_scanner_seen`; knows nothing of events or validation. */
export class ScheduleRepository {
  constructor(
    private readonly db: Database,
    private readonly userId = 'local',
  ) {}

  insert(id: string, d: ScheduleDefinition, at: string): ScanSchedule {
    this.db
      .prepare('INSERT INTO ai_coach_scanner_schedules (id, user_id, name, scans, symbols, every_minutes, enabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, this.userId, ...definitionParams(d), at, at);
    return this.get(id)!;
  }

  /** Replaces the user's fields; undefined when there is no such schedule. */
  replace(id: string, d: ScheduleDefinition, at: string): ScanSchedule | undefined {
    const changed = this.db
      .prepare('UPDATE ai_coach_scanner_schedules SET name = ?, scans = ?, symbols = ?, every_minutes = ?, enabled = ?, updated_at = ? WHERE id = ? AND user_id = ?')
      .run(...definitionParams(d), at, id, this.userId).changes;
    return changed ? this.get(id) : undefined;
  }

  get(id: string): ScanSchedule | undefined {
    const row = this.db.prepare<ScheduleRow>('SELECT * FROM ai_coach_scanner_schedules WHERE id = ? AND user_id = ?').get(id, this.userId);
    return row && fromRow(row);
  }

  /** Oldest first. */
  list(): ScanSchedule[] {
    return this.db.prepare<ScheduleRow>('SELECT * FROM ai_coach_scanner_schedules WHERE user_id = ? ORDER BY created_at, rowid').all(this.userId).map(fromRow);
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM ai_coach_scanner_schedules WHERE id = ? AND user_id = ?').run(id, this.userId).changes > 0;
  }

  /** Records a run; false when the schedule was deleted meanwhile. */
  recordRun(id: string, run: ScheduleRun): boolean {
    return (
      this.db
        .prepare('UPDATE ai_coach_scanner_schedules SET last_run_at = ?, last_result_count = ?, last_new_count = ?, last_error = ? WHERE id = ? AND user_id = ?')
        .run(run.at, run.resultCount, run.newCount, run.error, id, this.userId).changes > 0
    );
  }

  /** The ids among `resultIds` the schedule has not reported yet. */
  unseen(scheduleId: string, resultIds: readonly string[]): string[] {
    if (!resultIds.length) return [];
    const seen = new Set(
      this.db
        .prepare<{ result_id: string }>('SELECT result_id FROM ai_coach_scanner_seen WHERE schedule_id = ? AND result_id IN (SELECT value FROM json_each(?))')
        .all(scheduleId, JSON.stringify(resultIds))
        .map((row) => row.result_id),
    );
    return resultIds.filter((id) => !seen.has(id));
  }

  markSeen(scheduleId: string, resultIds: readonly string[], at: string): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO ai_coach_scanner_seen (schedule_id, result_id, first_seen_at) VALUES (?, ?, ?)');
    for (const id of resultIds) insert.run(scheduleId, id, at);
  }

  /** Forgets results first seen before `before` (their ids carry a past session's date: they never come back). */
  forgetSeenBefore(before: string): number {
    return this.db.prepare('DELETE FROM ai_coach_scanner_seen WHERE first_seen_at < ?').run(before).changes;
  }
}
