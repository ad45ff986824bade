import { settingSchemas, type SettingEntry, type SettingKey, type SettingsMap } from '../../shared/schemas/settings';
import type { EventBus } from '../contract/event-bus';
import type { HandlerMap } from '../contract/dispatcher';
import type { Database } from '../db/database';

interface SettingRow {
  key: string;
  value: string;
}

/** User settings in the `settings` table, each value checked against its key's schema. */
export class SettingsService {
  constructor(
    private readonly db: Database,
    private readonly events: EventBus,
  ) {}

  list(): SettingsMap {
    const map: Record<string, unknown> = {};
    for (const row of this.db.prepare<SettingRow>('SELECT key, value FROM settings').all()) {
      if (!(row.key in settingSchemas)) continue; // a key from a newer or older version of the app
      const parsed = settingSchemas[row.key as SettingKey].safeParse(JSON.parse(row.value));
      if (parsed.success) map[row.key] = parsed.data;
    }
    return map as SettingsMap;
  }

  /** Stores a value the contract has already validated against its key's schema. */
  set(entry: SettingEntry): SettingEntry {
    this.db
      .prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
      .run(entry.key, JSON.stringify(entry.value), new Date().toISOString());
    this.events.emit('settings:changed', entry);
    return entry;
  }

  reset(key: SettingKey): boolean {
    return this.db.prepare('DELETE FROM settings WHERE key = ?').run(key).changes > 0;
  }

  handlers(): HandlerMap {
    return {
      'settings:list': () => this.list(),
      'settings:set': (entry) => this.set(entry),
      'settings:reset': ({ key }) => ({ removed: this.reset(key) }),
    };
  }
}
