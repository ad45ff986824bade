import { CALL_NAMES } from '../../shared/contract';
import { CoachError } from '../../shared/errors';
import type { AppInfo } from '../../shared/schemas/app';
import type { UserProfile } from '../../shared/schemas/profile';
import { mergeHandlers, type HandlerMap, type Handlers } from '../contract/dispatcher';

export const STUB_APP_INFO: AppInfo = { name: 'n', version: 'v', mode: 'web', dataDir: '/d', platform: 'linux', startedAt: 't' };

export const STUB_PROFILE: UserProfile = {
  userId: '00000000-0000-4000-8000-000000000000',
  displayName: 'n',
  experienceLevel: 'beginner',
  preferredSymbols: [],
  defaultTimeframe: '5m',
  notificationPrefs: { alertsEnabled: true, emailAlerts: false, browserNotifications: true },
  tradingStyle: 'day',
  queriesUsedThisMonth: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

/**
 * A complete handler map of trivial answers, with `overrides` for the calls a test is about; calls
 * of other domains answer `unavailable`.
 */
export function stubHandlers(overrides: HandlerMap = {}): Handlers {
  const unavailable = Object.fromEntries(
    CALL_NAMES.map((name) => [
      name,
      () => {
        throw new CoachError('unavailable', `${name} is not stubbed`);
      },
    ]),
  );
  return mergeHandlers({
    ...unavailable,
    'app:info': () => STUB_APP_INFO,
    'health:ready': () => ({ ready: true, checkedAt: 't', checks: [] }),
    'monitoring:config': () => ({ enabled: false, environment: 'test', release: 'r', tracesSampleRate: 0, installId: null, testTools: false }),
    'monitoring:test-error': () => {
      throw new Error('test error');
    },
    'settings:list': () => ({}),
    'settings:set': (entry) => entry,
    'settings:reset': () => ({ removed: false }),
    'profile:get': () => STUB_PROFILE,
    'profile:update': () => STUB_PROFILE,
    'keys:list': () => ({ storage: 'owner-only-file', keys: [] }),
    'keys:set': ({ name }) => ({ name, source: 'saved' }),
    'keys:clear': ({ name }) => ({ name, source: 'none' }),
    ...overrides,
  });
}
