import { CALL_NAMES } from '../../shared/contract';
import { CoachError } from '../../shared/errors';
import type { AppInfo } from '../../shared/schemas/app';
import { mergeHandlers, type HandlerMap, type Handlers } from '../contract/dispatcher';

export const STUB_APP_INFO: AppInfo = { name: 'n', version: 'v', mode: 'web', dataDir: '/d', platform: 'linux', startedAt: 't' };

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
    'settings:list': () => ({}),
    'settings:set': (entry) => entry,
    'settings:reset': () => ({ removed: false }),
    ...overrides,
  });
}
