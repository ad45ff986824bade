import { z } from 'zod';
import { AppInfoSchema, EmptyInput, HealthReportSchema } from './schemas/app';
import { MonitoringConfigSchema } from './schemas/monitoring';
import { SettingEntrySchema, SettingKeySchema, SettingsMapSchema } from './schemas/settings';

/**
 * THE CONTRACT: every call between the renderer and the main process, listed once.
 *
 * Each entry becomes, with no further code: an `ipcMain.handle` registration, a function on the
 * preload's `window.coach.call`, an HTTP route `POST /api/rpc/<name>` and a method of the
 * renderer's `CoachApi`. Inputs are validated on the way in, outputs in development and tests.
 * Adding a call = one entry here + one service method in the matching handler map.
 */
function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, description: string) {
  return { input, output, description };
}

export const calls = {
  /** Name, version, mode (electron | web) and data folder of the running app. */
  'app:info': call(EmptyInput, AppInfoSchema, 'Name, version, mode and data folder of the running app.'),
  /** Every check of the app (database, workers, providers) and whether the app is usable. */
  'health:ready': call(EmptyInput, HealthReportSchema, 'Health checks and overall readiness.'),
  /** Whether error monitoring is on, with its environment, release and the install's anonymous id. */
  'monitoring:config': call(EmptyInput, MonitoringConfigSchema, 'Error monitoring settings the renderer needs (never the DSN).'),
  /**
   * Throws an error in the main process on purpose, to check that monitoring reports it (request id
   * and all). Outside production only (`testTools`); refused with `forbidden` otherwise.
   */
  'monitoring:test-error': call(EmptyInput, z.never(), 'Raise a test error in the main process (not in production).'),
  /** All stored settings as a map; keys that were never set are absent. */
  'settings:list': call(EmptyInput, SettingsMapSchema, 'All stored user settings.'),
  /** Stores one setting; the value is validated against the key's schema. */
  'settings:set': call(SettingEntrySchema, SettingEntrySchema, 'Store one user setting.'),
  /** Forgets one setting so its default applies again. */
  'settings:reset': call(z.object({ key: SettingKeySchema }).strict(), z.object({ removed: z.boolean() }), 'Reset one setting to its default.'),
} as const;

/** Event streams from main to renderer (IPC `webContents.send`, SSE `GET /api/events`). */
export const events = {
  /** A setting changed (from any window or client). */
  'settings:changed': SettingEntrySchema,
  /** The health report changed status (a check went degraded, down or back to ok). */
  'health:changed': HealthReportSchema,
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
/** What a caller passes (before defaults and transforms). */
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>;
/** What a handler receives, after validation. */
export type CallParams<K extends CallName> = z.output<Calls[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Calls[K]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.output<Events[K]>;

export const CALL_NAMES = Object.keys(calls) as CallName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(calls, name);
}

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}
