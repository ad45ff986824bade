import type { AppInfo } from '../../shared/schemas/app';
import { mergeHandlers, type HandlerMap, type Handlers } from '../contract/dispatcher';

export const STUB_APP_INFO: AppInfo = { name: 'n', version: 'v', mode: 'web', dataDir: '/d', platform: 'linux', startedAt: 't' };

/** A complete handler map of trivial answers, with `overrides` for the calls a test is about. */
export function stubHandlers(overrides: HandlerMap = {}): Handlers {
  return mergeHandlers({
    'app:info': () => STUB_APP_INFO,
    'health:ready': () => ({ ready: true, checkedAt: 't', checks: [] }),
    'monitoring:config': () => ({ enabled: false, environment: 'test', release: 'r', tracesSampleRate: 0, installId: null, testTools: false }),
    'monitoring:test-error': () => {
      throw new Error('test error');
    },
    'settings:list': () => ({}),
    'settings:set': (entry) => entry,
    'settings:reset': () => ({ removed: false }),
    ...overrides,
  });
}
